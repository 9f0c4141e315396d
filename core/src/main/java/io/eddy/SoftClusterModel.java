package io.eddy;

/**
 * A {@link ClusterModel} that gives each point a probability of membership in every cluster
 * (Gaussian mixtures, for example). {@link #predict(double[])} is the most probable cluster.
 */
public interface SoftClusterModel extends ClusterModel {

  /**
   * Writes the membership probabilities of {@code point} into {@code out}, in the order of
   * {@link #labels()}; they are non-negative and sum to 1.
   *
   * @param point the point; not modified
   * @param out an array of length {@link #clusterCount()}; modified
   * @throws IllegalArgumentException if the point is invalid or {@code out} has the wrong length
   */
  void probabilities(double[] point, double[] out);

  /** As {@link #probabilities(double[], double[])}, into a new array. */
  default double[] probabilities(double[] point) {
    double[] out = new double[clusterCount()];
    probabilities(point, out);
    return out;
  }
}
