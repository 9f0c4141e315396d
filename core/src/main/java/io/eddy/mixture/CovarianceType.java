package io.eddy.mixture;

import io.eddy.Parameter;

/**
 * The shape of the covariance matrices of a Gaussian mixture, as in scikit-learn's
 * {@code covariance_type}. The flat layout of {@link GaussianMixtureModel#covariances()} depends
 * on it. The declaration order is the shape code of {@code io.eddy.math.MixtureDensity}.
 */
public enum CovarianceType implements Parameter.Choice {
  /** Each component has its own full covariance matrix: k·d·d values, row-major per component. */
  FULL("full"),
  /** Each component has its own diagonal covariance: k·d variances. */
  DIAGONAL("diagonal"),
  /** Each component has one variance shared by all dimensions: k values. */
  SPHERICAL("spherical"),
  /** All components share one full covariance matrix: d·d values. */
  TIED("tied");

  private final String id;

  CovarianceType(String id) {
    this.id = id;
  }

  /** The lower-case name used in the registry and in saved files, e.g. {@code "full"}. */
  @Override
  public String id() {
    return id;
  }

  /** The number of stored covariance values for k components of dimension d. */
  public int covarianceLength(int k, int d) {
    return io.eddy.math.MixtureDensity.covarianceLength(ordinal(), k, d);
  }

  /** The number of free covariance parameters, for BIC and AIC. */
  long freeCovarianceParameters(int k, int d) {
    switch (this) {
      case FULL:
        return (long) k * d * (d + 1) / 2;
      case DIAGONAL:
        return (long) k * d;
      case SPHERICAL:
        return k;
      default:
        return (long) d * (d + 1) / 2;
    }
  }
}
