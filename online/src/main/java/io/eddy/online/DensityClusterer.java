package io.eddy.online;

import io.eddy.ClusterModel;
import io.eddy.DecayingClusterer;
import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateInput;

/**
 * What the decaying clusterers ({@link Dbstream}, {@link DenStream}, {@link Dstream},
 * {@link ClusTree}) share: the clock, the checks on points, weights
 * and times, the count of points, and the lazily cached snapshot.
 *
 * <p><b>Time.</b> {@link #learn(double[])} and {@link #learn(double[], double)} stamp the point
 * with the current clock and then advance it by one tick, as the papers and River count time;
 * {@link #learn(double[], double, double)} stamps it with an explicit event time (for example
 * seconds) and sets the clock to it, so several points may share a time. Time never goes
 * backwards: an earlier or non-finite time is rejected with {@link IllegalArgumentException}
 * and changes nothing.
 *
 * <p><b>Snapshots</b> are built on demand and cached until the next {@code learn}, so
 * {@link #predict(double[])} costs one scan of the micro-clusters. Building one never changes
 * the learning state.
 *
 * <p>Not thread-safe: use from one thread at a time; snapshots are immutable.
 *
 * @param <M> the model its snapshots are
 */
abstract sealed class DensityClusterer<M extends ClusterModel> implements DecayingClusterer<M>
    permits StableDensityClusterer, ClusTree {

  /** The dimension, fixed by the first point; 0 before it. */
  int d;
  /** The clock. */
  double now;
  /** The number of points learned. */
  long seen;
  /** The id the next micro-cluster gets; ids are never reused. */
  long nextId;

  private M cached;

  @Override
  public final void learn(double[] point) {
    learn(point, 1.0);
  }

  @Override
  public final void learn(double[] point, double weight) {
    Points.require(point, d);
    Points.requireWeight(weight);
    double t = now;
    ingest(point, weight, t);
    advance(t + 1);
  }

  @Override
  public final void learn(double[] point, double weight, double time) {
    Points.require(point, d);
    Points.requireWeight(weight);
    if (!Double.isFinite(time)) {
      throw new IllegalArgumentException("time is " + time + ", expected a finite value");
    }
    if (time < now) {
      throw new IllegalArgumentException("time is " + time + ", expected at least the current time "
          + now + " (time must not go backwards)");
    }
    ingest(point, weight, time);
    advance(time);
  }

  private void advance(double time) {
    seen++;
    now = time;
    maintain();
    cached = null;
    changed();
  }

  /** Called once a {@code learn} or a merge has changed the state completely; does nothing here. */
  void changed() {}

  /**
   * Learns a valid point of weight w at time t (the clock still shows the previous time); sets
   * the dimension on the first point. May throw {@link IllegalArgumentException} only before
   * changing anything.
   */
  abstract void ingest(double[] x, double w, double t);

  /** The periodic work due once the clock has moved: cleanup or pruning. */
  abstract void maintain();

  /** A new snapshot of the current state; must not change the learning state. */
  abstract M build();

  @Override
  public final M snapshot() {
    if (cached == null) {
      cached = build();
    }
    return cached;
  }

  /**
   * The macro cluster of the nearest clustered micro-cluster within the model's reach, else
   * {@link ClusterModel#NOISE}; equal to {@code snapshot().predict(point)}. Reclusters only if
   * something was learned since the last call; does not change the learning state.
   */
  @Override
  public final int predict(double[] point) {
    Points.require(point, d);
    return snapshot().predict(point);
  }

  /**
   * True once the clustering has at least one segment, so that {@code predict} can answer
   * something other than {@link ClusterModel#NOISE}: in DenStream after the initial buffer and
   * a first p-micro-cluster, in DBSTREAM once a micro-cluster is strong enough. Builds (and
   * caches) the snapshot if something was learned since the last one, as {@code predict} does.
   */
  @Override
  public final boolean isReady() {
    return seen > 0 && snapshot().clusterCount() > 0;
  }

  @Override
  public final long seen() {
    return seen;
  }

  @Override
  public final int dimension() {
    return d;
  }

  /** The current time of the clock: the number of points learned, in tick mode. */
  @Override
  public final double time() {
    return now;
  }

  /**
   * The time of the next periodic task after {@code now}: the next multiple of {@code period},
   * or, when the clock is too coarse to tell {@code now + period} from {@code now} (event time
   * in epoch nanoseconds with a short period, say), the next representable time, so that the
   * task runs whenever the clock moves and a saved state always has its next task ahead.
   */
  static double nextTask(double now, double period) {
    double next = (Math.floor(now / period) + 1) * period;
    if (next > now) {
      return next;
    }
    return Math.max(now + period, Math.nextUp(now));
  }

  /** Drops the cached snapshot after a change of state other than {@code learn} (a merge). */
  final void invalidateSnapshot() {
    cached = null;
    changed();
  }

  // ---- persistence checks shared by the codecs ----

  /**
   * Reads the clock, the time of the next periodic task, the count of points and the next id,
   * in that order, and sets them; returns the time of the next periodic task.
   *
   * @throws ModelFormatException unless time is finite, the next task lies after it, and the
   *     counts are non-negative
   */
  final double readClock(StateInput in, String task) throws ModelFormatException {
    now = in.readDouble();
    double next = in.readDouble();
    seen = in.readCount();
    long id = in.readCount();
    if (!Double.isFinite(now) || !(next > now)) {
      throw new ModelFormatException("invalid clock: time " + now + ", next " + task + " " + next
          + ", seen " + seen + ", next id " + id);
    }
    nextId = id;
    return next;
  }

  /**
   * Checks stored micro-clusters against the clock and dimension already read: arrays of one
   * length, finite centres, finite positive weights, ids increasing below the next id (unless
   * {@code ids} is null), and every time stamp at or before now.
   */
  final void checkMicroClusters(double[] centers, double[] weights, long[] ids, double[]... stamps)
      throws ModelFormatException {
    int n = weights.length;
    boolean lengths = (ids == null || ids.length == n) && (long) n * d == centers.length && (d > 0 || n == 0);
    for (double[] s : stamps) {
      lengths &= s.length == n;
    }
    if (!lengths) {
      throw new ModelFormatException("micro-cluster arrays disagree in length");
    }
    long id = nextId;
    for (int i = 0; i < n; i++) {
      boolean ok = weights[i] > 0 && weights[i] < Double.POSITIVE_INFINITY
          && (ids == null || (ids[i] >= 0 && ids[i] < id && (i == 0 || ids[i] > ids[i - 1])));
      for (double[] s : stamps) {
        ok &= s[i] <= now;
      }
      if (!ok) {
        throw new ModelFormatException("invalid micro-cluster " + i);
      }
    }
    for (double v : centers) {
      if (!Double.isFinite(v)) {
        throw new ModelFormatException("micro-cluster centre is not finite");
      }
    }
  }

  /**
   * Checks that {@code other} may be merged into this clusterer: not null, not this, the same
   * configuration and the same dimension (or nothing learned on either side).
   */
  final void requireMergeable(DensityClusterer<?> other, Object params, Object otherParams) {
    MergeChecks.require(this, other, params, otherParams, d, other == null ? 0 : other.d);
  }

  /**
   * The checks of {@link io.eddy.Mergeable#takePart}: {@code part} in range and
   * {@link #requireMergeable}.
   *
   * @return whether {@code merged} has learned anything (a dimension)
   */
  final boolean requirePart(DensityClusterer<?> merged, Object params, Object mergedParams, int part, int parts) {
    if (parts < 1 || part < 0 || part >= parts) {
      throw new IllegalArgumentException("need 0 <= part < parts, got part " + part + " of " + parts);
    }
    requireMergeable(merged, params, mergedParams);
    return merged.d != 0;
  }
}
