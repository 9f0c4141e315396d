package io.eddy;

/**
 * A fitted clustering: the answer to "which segment is this point in?".
 *
 * <p>Every model is immutable and safe to share between threads. Labels are the segments'
 * identities. For the k-means family, mixtures and hierarchical cuts they are {@code 0..k-1};
 * for clusterers whose clusters come and go (DenStream, DBSTREAM) they are stable across
 * snapshots, need not be contiguous and are never reused, which is why {@link #labels()} lists
 * them.
 *
 * <p>Richer models add capabilities through sub-interfaces: {@link CentroidModel} for models
 * with one center per cluster, {@link SoftClusterModel} for membership probabilities.
 */
public interface ClusterModel {

  /** The label of a point that belongs to no cluster, for models that have noise. */
  int NOISE = -1;

  /** The length every point must have. */
  int dimension();

  /** The number of clusters (not counting noise). */
  int clusterCount();

  /**
   * The labels of the clusters, in increasing order; a new array on each call.
   * The default is {@code 0..clusterCount()-1}.
   */
  default int[] labels() {
    int[] labels = new int[clusterCount()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i;
    }
    return labels;
  }

  /**
   * The label of the cluster {@code point} belongs to, or {@link #NOISE}.
   *
   * @param point a vector of length {@link #dimension()}, finite; not modified
   * @throws IllegalArgumentException if the point has the wrong length or a NaN or infinity
   */
  int predict(double[] point);

  /**
   * The labels of many points, equal to calling {@link #predict(double[])} on each.
   *
   * @param points the points, each as for {@link #predict(double[])}; not modified
   * @return a new array with one label per point
   * @throws IllegalArgumentException if any point is invalid (none is predicted then)
   */
  default int[] predict(double[][] points) {
    Points.requireAll(points, dimension());
    int[] out = new int[points.length];
    for (int i = 0; i < points.length; i++) {
      out[i] = predict(points[i]);
    }
    return out;
  }
}
