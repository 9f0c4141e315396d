package io.eddy.eval;

import io.eddy.ClusterModel;

/**
 * A model that can say how likely data are under it, so that {@link KSweep} can report the
 * Bayesian information criterion. Probabilistic models (Gaussian mixtures, for instance)
 * implement it, or are adapted to it through
 * {@link KSweep#run(java.util.function.IntFunction, double[][], KSweep.Params,
 * java.util.function.ToDoubleBiFunction)}.
 */
public interface LikelihoodModel extends ClusterModel {

  /**
   * The total log-likelihood of {@code data} under the model, natural logarithm.
   *
   * @param data points of the model's dimension; not modified
   */
  double logLikelihood(double[][] data);

  /** The number of free parameters the model estimated (for BIC's penalty). */
  int freeParameters();

  /**
   * The Bayesian information criterion {@code -2 log L + p ln n} (Schwarz 1978), lower is
   * better; scikit-learn's {@code GaussianMixture.bic} convention.
   */
  default double bic(double[][] data) {
    return -2 * logLikelihood(data) + freeParameters() * Math.log(data.length);
  }
}
