package io.eddy;

/**
 * A {@link ClusterModel} that is a probability density, so that data can be scored by their
 * likelihood and models compared by information criteria (Gaussian mixtures, for example).
 * The evaluators use it to report BIC when choosing the number of clusters.
 */
public interface LikelihoodModel extends ClusterModel {

  /**
   * The natural log of the model's density at {@code point}.
   *
   * @param point a finite vector of the model's dimension; not modified
   * @throws IllegalArgumentException if the point is invalid
   */
  double logLikelihood(double[] point);

  /** The number of free parameters the model estimated (the penalty of BIC and AIC). */
  long freeParameters();

  /**
   * The mean log-likelihood per point (scikit-learn's {@code score}).
   *
   * @param points at least one point; not modified
   * @throws IllegalArgumentException if there are no points or one is invalid
   */
  default double score(double[][] points) {
    Points.requireAll(points, dimension());
    if (points.length == 0) {
      throw new IllegalArgumentException("points has 0 rows, expected at least 1");
    }
    double total = 0;
    for (double[] p : points) {
      total += logLikelihood(p);
    }
    return total / points.length;
  }

  /**
   * The Bayesian information criterion {@code -2 log L + p ln n} (Schwarz 1978); lower is
   * better.
   */
  default double bic(double[][] points) {
    return -2 * score(points) * points.length + freeParameters() * Math.log(points.length);
  }

  /** Akaike's information criterion {@code -2 log L + 2p}; lower is better. */
  default double aic(double[][] points) {
    return -2 * score(points) * points.length + 2.0 * freeParameters();
  }
}
