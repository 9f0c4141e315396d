package io.eddy.mixture;

import io.eddy.math.Cholesky;
import io.eddy.math.Euclid;
import io.eddy.math.Gaussian;

/**
 * The parameters of a Gaussian mixture with everything the densities need precomputed: the
 * log weights, and per component the factor W of the precision (W<sup>T</sup>W =
 * &Sigma;<sup>-1</sup>, W the inverse of the covariance's lower Cholesky factor for full and
 * tied covariances, the inverse standard deviations otherwise) and the log normalising
 * constant. Immutable once built; shared by the model and the EM loop.
 */
final class Components {

  private static final double LOG_2PI = Math.log(2 * Math.PI);

  final CovarianceType type;
  final int k;
  final int d;
  /** Mixing weights, length k. */
  final double[] weights;
  final double[] logWeights;
  /** Means, k·d row-major. */
  final double[] means;
  /** Covariances in the layout of {@link CovarianceType#covarianceLength}. */
  final double[] covariances;
  /** Precision factors: k·d·d (full), d·d (tied), k·d (diagonal), k (spherical). */
  final double[] factor;
  /** Lower Cholesky factors of the covariances (full: k·d·d, tied: d·d), for sampling; else null. */
  final double[] choleskyFactor;
  /** Per component: -d/2·log(2π) + log det W. */
  final double[] logNorm;

  private Components(CovarianceType type, int k, int d, double[] weights, double[] means,
      double[] covariances, double[] factor, double[] choleskyFactor, double[] logNorm) {
    this.type = type;
    this.k = k;
    this.d = d;
    this.weights = weights;
    this.means = means;
    this.covariances = covariances;
    this.factor = factor;
    this.choleskyFactor = choleskyFactor;
    this.logNorm = logNorm;
    this.logWeights = new double[k];
    for (int c = 0; c < k; c++) {
      logWeights[c] = Math.log(weights[c]);
    }
  }

  /**
   * Factorises the covariances. The arrays are taken over, not copied. A covariance that is not
   * positive definite in floating point is repaired by adding a small multiple of its largest
   * variance to the diagonal (growing 100-fold per attempt, from 1e-12 to 1e-2 of it); the
   * repaired values are what the components keep.
   *
   * @param strict whether to reject a covariance that is not positive definite instead of
   *     repairing it
   * @throws IllegalStateException naming the component if no repair helps (for example an
   *     all-zero covariance with {@code regCovar} 0)
   * @throws IllegalArgumentException naming the component if {@code strict} and a covariance
   *     is not positive definite
   */
  static Components of(CovarianceType type, int k, int d, double[] weights, double[] means,
      double[] covariances, boolean strict) {
    double[] logNorm = new double[k];
    double[] factor;
    double[] chol = null;
    double base = -0.5 * d * LOG_2PI;
    switch (type) {
      case FULL:
      case TIED: {
        int blocks = type == CovarianceType.FULL ? k : 1;
        factor = new double[blocks * d * d];
        chol = new double[blocks * d * d];
        for (int b = 0; b < blocks; b++) {
          int off = b * d * d;
          factorFull(covariances, chol, off, d, type == CovarianceType.FULL ? b : -1, strict);
          Cholesky.invertLower(chol, off, factor, off, d);
          double logDet = Cholesky.logDiagonalSum(factor, off, d);
          if (type == CovarianceType.FULL) {
            logNorm[b] = base + logDet;
          } else {
            for (int c = 0; c < k; c++) {
              logNorm[c] = base + logDet;
            }
          }
        }
        break;
      }
      case DIAGONAL: {
        factor = new double[k * d];
        for (int c = 0; c < k; c++) {
          repairVariances(covariances, c * d, d, c, strict);
          double logDet = 0;
          for (int j = 0; j < d; j++) {
            double p = 1.0 / Math.sqrt(covariances[c * d + j]);
            factor[c * d + j] = p;
            logDet += Math.log(p);
          }
          logNorm[c] = base + logDet;
        }
        break;
      }
      default: {
        factor = new double[k];
        for (int c = 0; c < k; c++) {
          repairVariances(covariances, c, 1, c, strict);
          double p = 1.0 / Math.sqrt(covariances[c]);
          factor[c] = p;
          logNorm[c] = base + d * Math.log(p);
        }
      }
    }
    return new Components(type, k, d, weights, means, covariances, factor, chol, logNorm);
  }

  private static String name(int component) {
    return component < 0 ? "the tied covariance" : "the covariance of component " + component;
  }

  private static void factorFull(double[] cov, double[] chol, int off, int d, int component,
      boolean strict) {
    double largest = 0;
    for (int j = 0; j < d; j++) {
      largest = Math.max(largest, cov[off + j * d + j]);
    }
    double jitter = 0;
    for (int attempt = 0; attempt <= 6; attempt++) {
      System.arraycopy(cov, off, chol, off, d * d);
      for (int j = 0; j < d; j++) {
        chol[off + j * d + j] += jitter;
      }
      if (Cholesky.decompose(chol, off, d) < 0) {
        if (jitter > 0) {
          for (int j = 0; j < d; j++) {
            cov[off + j * d + j] += jitter;
          }
        }
        return;
      }
      if (strict) {
        throw new IllegalArgumentException(name(component) + " is not positive definite");
      }
      if (!(largest > 0) || !Double.isFinite(largest)) {
        break;
      }
      jitter = largest * Math.pow(100, attempt) * 1e-12;
    }
    throw new IllegalStateException(name(component) + " is not positive definite and could not be repaired (largest variance " + largest
        + "); the component has collapsed onto too few distinct points: increase regCovar,"
        + " reduce k, or rescale the data");
  }

  private static void repairVariances(double[] var, int off, int len, int component,
      boolean strict) {
    double largest = 0;
    for (int j = 0; j < len; j++) {
      largest = Math.max(largest, var[off + j]);
    }
    for (int j = 0; j < len; j++) {
      double v = var[off + j];
      if (!(v > 0) || !Double.isFinite(v)) {
        if (strict) {
          throw new IllegalArgumentException("the variance of component " + component + " is "
              + v + ", expected a finite value > 0");
        }
        if (!(largest > 0) || !Double.isFinite(largest)) {
          throw new IllegalStateException("the variance of component " + component + " is " + v
              + " and could not be repaired; the component has collapsed onto a single point:"
              + " increase regCovar, reduce k, or rescale the data");
        }
        var[off + j] = largest * 1e-12;
      }
    }
  }

  /** log N(x | component c); {@code scratch} has length &ge; d. */
  double logDensity(int c, double[] x, double[] scratch) {
    double m;
    switch (type) {
      case FULL:
        m = Gaussian.squaredLower(x, means, c * d, factor, c * d * d, d, scratch);
        break;
      case TIED:
        m = Gaussian.squaredLower(x, means, c * d, factor, 0, d, scratch);
        break;
      case DIAGONAL:
        m = Gaussian.squaredDiagonal(x, means, c * d, factor, c * d, d);
        break;
      default: {
        double p = factor[c];
        m = Euclid.squaredDistance(x, 0, means, c * d, d) * (p * p);
      }
    }
    return logNorm[c] - 0.5 * m;
  }

  /**
   * Writes log(w_c) + log N(x | c) for every component into {@code out} and returns their
   * log-sum-exp, the log-likelihood of x.
   */
  double weightedLogDensities(double[] x, double[] out, double[] scratch) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double v = logWeights[c] + logDensity(c, x, scratch);
      out[c] = v;
      if (v > max) {
        max = v;
      }
    }
    if (max == Double.NEGATIVE_INFINITY || !Double.isFinite(max)) {
      return max;
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      sum += Math.exp(out[c] - max);
    }
    return max + Math.log(sum);
  }

  /** The number of free parameters: covariances, means and k-1 weights. */
  long freeParameters() {
    return type.freeCovarianceParameters(k, d) + (long) k * d + k - 1;
  }

  /** The full d x d covariance of component c, as a new matrix. */
  double[][] covarianceMatrix(int c) {
    double[][] out = new double[d][d];
    switch (type) {
      case FULL:
      case TIED: {
        int off = type == CovarianceType.FULL ? c * d * d : 0;
        for (int i = 0; i < d; i++) {
          System.arraycopy(covariances, off + i * d, out[i], 0, d);
        }
        break;
      }
      case DIAGONAL:
        for (int i = 0; i < d; i++) {
          out[i][i] = covariances[c * d + i];
        }
        break;
      default:
        for (int i = 0; i < d; i++) {
          out[i][i] = covariances[c];
        }
    }
    return out;
  }
}
