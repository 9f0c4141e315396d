package io.eddy;

import java.util.List;
import java.util.function.Consumer;

/**
 * The history of a clusterer's segments as events (see {@link SegmentEvent}): implemented by
 * the online clusterers whose labels are stable segment ids (DBSTREAM, DenStream, D-Stream).
 *
 * <p>Events are derived each time the clusterer reclusters and fixes its labels; the
 * reclusterings that change the segments (those with events) are numbered 1, 2, ...
 * ({@link #lineageSequence()}), so the numbering does not depend on how often a clusterer
 * reclusters to find its segments unchanged. A service either polls:
 *
 * <pre>{@code
 * long last = 0;
 * ...
 * for (SegmentEvent e : clusterer.events(last)) { handle(e); }
 * last = clusterer.lineageSequence();
 * }</pre>
 *
 * or subscribes with {@link #onSegmentEvent}. The clusterer keeps the latest {@link #CAPACITY}
 * events and drops older ones first; they are part of its learning state and are saved and
 * restored with it, listeners excepted.
 *
 * <p>Like the clusterer, not thread-safe: call from the thread that learns.
 */
public interface Lineage {

  /** How many events a clusterer keeps; older ones are dropped first. */
  int CAPACITY = 1024;

  /**
   * The events of the reclusterings numbered after {@code afterSequence} that are still kept,
   * oldest first. O(CAPACITY).
   *
   * @param afterSequence a reclustering number, 0 for every event kept
   * @return an immutable list
   */
  List<SegmentEvent> events(long afterSequence);

  /** The number of the latest reclustering that changed the segments; 0 before the first. */
  long lineageSequence();

  /**
   * The smallest reclustering number from which every event is still kept: a poller that last
   * saw reclustering {@code s} has missed events if {@code s + 1 < firstKeptSequence()}.
   */
  long firstKeptSequence();

  /**
   * Subscribes {@code listener} to the events of every later reclustering, replacing any
   * previous listener; null unsubscribes. The listener runs on the learning thread, at the end
   * of the {@code learn} (or merge) call that reclustered, once the state is complete, in event
   * order; it should be quick. An exception it throws propagates from that call, the point
   * having been learned. Listeners are not saved with the state.
   */
  void onSegmentEvent(Consumer<? super SegmentEvent> listener);
}
