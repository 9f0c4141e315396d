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

  /** Validates and makes the list unmodifiable. */
  public Session {
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
