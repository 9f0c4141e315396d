package io.eddy;

/**
 * A batch clusterer: fits a model to a whole data set at once.
 *
 * <p>A clusterer holds only its configuration, so it is reusable and, unless its javadoc says
 * otherwise, safe to use from several threads. Fitting twice on the same data with the same
 * seed gives identical models.
 *
 * @param <M> the model it fits
 */
public interface Clusterer<M extends ClusterModel> {

  /**
   * Fits a model to {@code data}.
   *
   * @param data n points of one dimension d (n, d &ge; 1), all finite; not modified, not retained
   * @return the fitted model
   * @throws IllegalArgumentException if the data are empty, ragged or not finite, or cannot
   *     support the configuration (for example fewer distinct points than clusters)
   */
  M fit(double[][] data);

  /**
   * Fits a model to weighted data; a weight of 2 counts a point twice.
   *
   * <p>The default accepts only all-ones weights; clusterers with the
   * {@link Capability#WEIGHTED} capability override it.
   *
   * @param weights one finite, non-negative weight per point; not modified
   * @throws IllegalArgumentException if the weights are invalid or have the wrong length
   * @throws UnsupportedOperationException if this clusterer does not support weights
   */
  default M fit(double[][] data, double[] weights) {
    Points.requireWeights(weights, data.length);
    for (double w : weights) {
      if (w != 1.0) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support sample weights");
      }
    }
    return fit(data);
  }

  /**
   * This clusterer's parameters by name, as {@link Clusterers#batch(String, java.util.Map)}
   * takes them; empty by default, meaning "not reported". See
   * {@link OnlineClusterer#configuration()}.
   */
  default java.util.Map<String, Object> configuration() {
    return java.util.Map.of();
  }
}
