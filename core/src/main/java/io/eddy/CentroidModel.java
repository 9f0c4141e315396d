package io.eddy;

/**
 * A {@link ClusterModel} that represents each cluster by a center (the k-means family, the
 * macro-clusters of density methods, the means of a mixture).
 */
public interface CentroidModel extends ClusterModel {

  /**
   * The center of the cluster with the given label, as a new array.
   *
   * @throws IllegalArgumentException if {@code label} is not one of {@link #labels()}
   */
  double[] center(int label);

  /**
   * The centers as a new {@code clusterCount() x dimension()} array, in the order of
   * {@link #labels()}.
   */
  default double[][] centers() {
    int[] labels = labels();
    double[][] out = new double[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      out[i] = center(labels[i]);
    }
    return out;
  }

  /**
   * The weight of the cluster with the given label: the (possibly decayed) number of points
   * it summarises, or for mixtures its mixing weight.
   *
   * @throws IllegalArgumentException if {@code label} is not one of {@link #labels()}
   */
  double weight(int label);
}
