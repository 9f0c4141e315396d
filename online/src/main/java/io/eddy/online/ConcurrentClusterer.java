package io.eddy.online;

import io.eddy.ClusterModel;
import io.eddy.Lineage;
import io.eddy.OnlineClusterer;
import io.eddy.SegmentEvent;
import io.eddy.io.ModelIO;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The supported way to share an online clusterer between threads: learning is serialised on
 * one writer lock, and readers answer from the latest published snapshot, an immutable model,
 * without ever touching the learning state.
 *
 * <pre>{@code
 * ConcurrentClusterer<Centroids> shared = ConcurrentClusterer.wrap(
 *     new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(5)), 1_000, Duration.ofMillis(200));
 * // the ingest thread (or several: their points are learned one after another, none lost)
 * shared.learn(point);
 * // any number of request threads
 * int segment = shared.predict(visitor);
 * }</pre>
 *
 * <p><b>Publication.</b> A new snapshot is published after every {@code everyPoints} points, or
 * at the first point learned {@code every} after the last publication, whichever comes first,
 * and on {@link #publish()}. Readers see the last published snapshot until the next: never a
 * half-updated state, and answers that may lag the writer by at most that much. Publishing
 * costs one {@code snapshot()} of the wrapped clusterer (a reclustering for density methods) on
 * the writer's thread.
 *
 * <p><b>Why a wrapper.</b> Eddy's clusterers are single-threaded by design (allocation-free,
 * lock-free hot loops). Shared without this wrapper, two threads calling {@code learn} lose
 * points and can corrupt the state, and even {@code predict} from a second thread can race with
 * a lazy reclustering in {@code learn}.
 *
 * <p><b>Lineage.</b> If the wrapped clusterer keeps a {@link Lineage} (DBSTREAM, DenStream,
 * D-Stream), its segment events are published with each snapshot: {@link #events(long)} and
 * {@link #lineageSequence()} answer from the last publication, lock-free, so readers see the
 * events that led to the snapshot they predict with.
 *
 * <p>Thread-safe. {@link #learn(double[])} costs the wrapped clusterer's learn plus an
 * uncontended lock; {@link #predict(double[])} costs the snapshot's predict, lock-free.
 *
 * @param <M> the model the snapshots are
 */
public final class ConcurrentClusterer<M extends ClusterModel> implements OnlineClusterer<M> {

  private final OnlineClusterer<M> inner;
  private final long everyPoints;
  private final long everyNanos;
  private final LongSupplier clock;
  private final ReentrantLock writer = new ReentrantLock();

  private volatile M published;
  private volatile PublishedEvents events = PublishedEvents.NONE;
  private volatile long seen;
  private volatile int dimension;
  private long sincePublication;
  private long publishedAt;

  private ConcurrentClusterer(OnlineClusterer<M> inner, long everyPoints, Duration every, LongSupplier clock) {
    if (inner == null) {
      throw new IllegalArgumentException("clusterer is null");
    }
    if (inner instanceof ConcurrentClusterer) {
      throw new IllegalArgumentException("the clusterer is already a ConcurrentClusterer");
    }
    if (everyPoints < 1) {
      throw new IllegalArgumentException("everyPoints is " + everyPoints + ", expected at least 1");
    }
    if (every == null || every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("the publication interval is " + every + ", expected a positive duration");
    }
    this.inner = inner;
    this.everyPoints = everyPoints;
    this.everyNanos = every.toNanos();
    this.clock = clock;
    this.seen = inner.seen();
    this.dimension = inner.dimension();
    this.publishedAt = clock.getAsLong();
    if (inner.isReady()) {
      published = inner.snapshot();
    }
    if (inner instanceof Lineage l && l.lineageSequence() != events.sequence()) {
      events = new PublishedEvents(l.events(0), l.lineageSequence());
    }
  }

  /**
   * Wraps {@code clusterer}, which from now on must be used only through the wrapper.
   *
   * @param everyPoints publish after this many points, &ge; 1
   * @param every publish at the first point learned this long after the last publication
   * @throws IllegalArgumentException for a null clusterer or a non-positive interval
   */
  public static <M extends ClusterModel> ConcurrentClusterer<M> wrap(OnlineClusterer<M> clusterer,
      long everyPoints, Duration every) {
    return new ConcurrentClusterer<>(clusterer, everyPoints, every, System::nanoTime);
  }

  /** As {@link #wrap}, with an injected clock in nanoseconds, for tests. */
  static <M extends ClusterModel> ConcurrentClusterer<M> wrap(OnlineClusterer<M> clusterer,
      long everyPoints, Duration every, LongSupplier nanoClock) {
    return new ConcurrentClusterer<>(clusterer, everyPoints, every, nanoClock);
  }

  @Override
  public void learn(double[] point) {
    writer.lock();
    try {
      inner.learn(point);
      learned();
    } finally {
      writer.unlock();
    }
  }

  @Override
  public void learn(double[] point, double weight) {
    writer.lock();
    try {
      inner.learn(point, weight);
      learned();
    } finally {
      writer.unlock();
    }
  }

  /** Learns the points as the wrapped clusterer does (one batch for mini-batch methods), under one lock. */
  @Override
  public void learn(double[][] points) {
    writer.lock();
    try {
      inner.learn(points);
      learned();
    } finally {
      writer.unlock();
    }
  }

  /** Called with the lock held after a successful learn. */
  private void learned() {
    long n = inner.seen();
    sincePublication += n - seen;
    seen = n;
    dimension = inner.dimension();
    if (sincePublication >= everyPoints || clock.getAsLong() - publishedAt >= everyNanos) {
      publishLocked();
    }
  }

  /**
   * Publishes a snapshot of the learning state now, if the clusterer is ready.
   *
   * @return the published snapshot, or null if the clusterer has no clustering yet
   */
  public M publish() {
    writer.lock();
    try {
      publishLocked();
      return published;
    } finally {
      writer.unlock();
    }
  }

  private void publishLocked() {
    sincePublication = 0;
    publishedAt = clock.getAsLong();
    if (inner.isReady()) {
      published = inner.snapshot();
    }
    if (inner instanceof Lineage l && l.lineageSequence() != events.sequence()) {
      events = new PublishedEvents(l.events(0), l.lineageSequence());
    }
  }

  /** An immutable copy of the kept events and the reclustering number they run to. */
  private record PublishedEvents(List<SegmentEvent> kept, long sequence) {
    static final PublishedEvents NONE = new PublishedEvents(List.of(), 0);
  }

  /**
   * The wrapped clusterer's segment events of the reclusterings numbered after
   * {@code afterSequence}, as of the last publication, oldest first; empty if it keeps no
   * {@link Lineage}. Lock-free; O(number of kept events).
   *
   * @param afterSequence a reclustering number, 0 for every event kept
   * @return an immutable list
   */
  public List<SegmentEvent> events(long afterSequence) {
    List<SegmentEvent> kept = events.kept();
    int from = kept.size();
    while (from > 0 && kept.get(from - 1).sequence() > afterSequence) {
      from--;
    }
    return kept.subList(from, kept.size());
  }

  /**
   * The number of the last reclustering whose events are published (see
   * {@link Lineage#lineageSequence()}); 0 if none, or if the wrapped clusterer keeps no lineage.
   * Lock-free.
   */
  public long lineageSequence() {
    return events.sequence();
  }

  /**
   * The segment of {@code point} in the last published snapshot. Lock-free.
   *
   * @throws IllegalStateException if no snapshot has been published yet
   * @throws IllegalArgumentException if the point is invalid
   */
  @Override
  public int predict(double[] point) {
    return snapshot().predict(point);
  }

  /**
   * The last published snapshot. Lock-free.
   *
   * @throws IllegalStateException if none has been published yet (the clusterer was not ready)
   */
  @Override
  public M snapshot() {
    M m = published;
    if (m == null) {
      throw new IllegalStateException("no snapshot published yet: the clusterer has learned " + seen
          + " points and has no clustering");
    }
    return m;
  }

  /** Whether a snapshot has been published, so that {@link #predict} answers. */
  @Override
  public boolean isReady() {
    return published != null;
  }

  /** The points learned so far, including those not yet in the published snapshot. */
  @Override
  public long seen() {
    return seen;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public Map<String, Object> configuration() {
    return inner.configuration();
  }

  /**
   * Saves the learning state with {@link ModelIO}, under the writer lock, so that it is
   * consistent; learning waits meanwhile. Load it back with {@code ModelIO.read} and wrap the
   * result again.
   */
  public void save(OutputStream out) throws IOException {
    writer.lock();
    try {
      ModelIO.write(inner, out);
    } finally {
      writer.unlock();
    }
  }

  @Override
  public String toString() {
    return "ConcurrentClusterer[" + inner + ", published " + (published == null ? "none" : "a snapshot") + "]";
  }
}
