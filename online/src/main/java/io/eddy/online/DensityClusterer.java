package io.eddy.online;

import io.eddy.ClusterModel;
import io.eddy.DecayingClusterer;
import io.eddy.Points;

/**
 * What the decaying clusterers ({@link Dbstream}, {@link DenStream}, {@link Dstream}) share: the clock, the checks on points, weights
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
    permits Dbstream, DenStream, Dstream {

  /** The dimension, fixed by the first point; 0 before it. */
  int d;
  /** The clock. */
  double now;
  /** The number of points learned. */
  long seen;

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
  }

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

  /** Checks a configuration value that must be finite and positive. */
  static void requirePositive(String name, double v) {
    if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be in (0, inf), got " + v);
    }
  }
}
