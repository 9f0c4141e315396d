package io.eddy.features;

import java.util.List;

/**
 * A closed session: one user's events with no inactivity gap longer than the sessionizer's.
 *
 * @param userId the user
 * @param start the time of the first event (epoch milliseconds)
 * @param end the time of the last event
 * @param events the events in time order (ties in arrival order); unmodifiable, at least one
 */
public record Session(String userId, long start, long end, List<ClickEvent> events) {

  /**
   * Validates and makes the list unmodifiable.
   *
   * @throws IllegalArgumentException if the user or events are null, there is no event, start
   *     is after end, or a time is beyond {@link Sessionizer#MAX_TIME}
   */
  public Session {
    if (userId == null || events == null) {
      throw new IllegalArgumentException((userId == null ? "userId" : "events") + " is null");
    }
    for (long t : new long[] {start, end}) {
      if (t < -Sessionizer.MAX_TIME || t > Sessionizer.MAX_TIME) {
        throw new IllegalArgumentException("time " + t + " is beyond " + Sessionizer.MAX_TIME
            + " ms from the epoch (Sessionizer.MAX_TIME)");
      }
    }
    events = List.copyOf(events);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a session has at least one event");
    }
    if (start > end) {
      throw new IllegalArgumentException("start " + start + " is after end " + end);
    }
  }

  /** {@code end - start} in milliseconds. */
  public long durationMillis() {
    return end - start;
  }
}
