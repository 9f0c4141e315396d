package io.eddy;

/**
 * An {@link OnlineClusterer} whose summaries fade with time, and which can therefore be driven
 * by event time (for example epoch milliseconds) instead of by the count of points.
 *
 * <p>{@link #learn(double[])} advances the clock by one tick; {@link #learn(double[], double,
 * double)} sets it to an explicit time, which must never go backwards.
 *
 * @param <M> the model its snapshots are
 */
public interface DecayingClusterer<M extends ClusterModel> extends OnlineClusterer<M> {

  /**
   * Learns a weighted point observed at the given time.
   *
   * @param point a finite vector of the clusterer's dimension; not modified, not retained
   * @param weight a finite weight &gt; 0
   * @param time the event time, in the clusterer's time unit; not less than {@link #time()}
   * @throws IllegalArgumentException if the point or weight is invalid, or time went backwards
   */
  void learn(double[] point, double weight, double time);

  /** The current time of the clusterer's clock. */
  double time();
}
