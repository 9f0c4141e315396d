package io.eddy;

/**
 * A {@link ClusterModel} with noise that also says how far outside its clusters a point lies:
 * an outlier score beside the {@link ClusterModel#NOISE} label, for ranking points by how
 * unusual they are rather than only flagging them.
 *
 * <p>The score is a distance in units of the local scale of the clustering (for micro-cluster
 * models: the distance to the nearest clustered micro-cluster in units of that micro-cluster's
 * radius; each implementation documents its own). Every implementation keeps three rules:
 * <ul>
 *   <li>the score is {@code >= 0}, and {@code +infinity} when the model has no cluster;</li>
 *   <li>it grows with the distance from the clusters: moving a point away from every
 *       cluster's members never lowers it;</li>
 *   <li>{@link #predict(double[])} answers {@link ClusterModel#NOISE} exactly when
 *       {@code outlierScore(point) > noiseThreshold()}.</li>
 * </ul>
 *
 * <p>Implementations are immutable and thread-safe, as every model is; {@code outlierScore}
 * allocates nothing and costs what {@code predict} costs.
 */
public interface OutlierModel extends ClusterModel {

  /**
   * The outlier score of {@code point}: 0 at a cluster's centre, {@link #noiseThreshold()} at
   * the edge of what the model calls a cluster, {@code +infinity} when there is no cluster.
   *
   * @param point a finite vector of the model's dimension; not modified
   * @throws IllegalArgumentException if the point is invalid
   */
  double outlierScore(double[] point);

  /** The score above which {@link #predict(double[])} says {@link ClusterModel#NOISE}. */
  double noiseThreshold();
}
