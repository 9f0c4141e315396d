package io.eddy.online;

/** The rule shared by the decaying clusterers: event time is finite and never goes backwards. */
final class EventTime {

  private EventTime() {}

  static void require(double time, double now) {
    if (!Double.isFinite(time)) {
      throw new IllegalArgumentException("time is " + time + ", expected a finite value");
    }
    if (time < now) {
      throw new IllegalArgumentException("time is " + time + ", expected at least the current time "
          + now + " (time must not go backwards)");
    }
  }
}
