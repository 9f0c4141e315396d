package io.eddy.mixture;

import io.eddy.math.MixtureDensity;

/**
 * The immutable parameters of a fitted mixture: a {@link MixtureDensity} that is set once and
 * never changed, with its type. Shared by the model and the EM loop.
 */
final class Components {

  final CovarianceType type;
  final int k;
  final int d;
  final MixtureDensity density;
  /** Mixing weights, length k (the density's array). */
  final double[] weights;
  /** Means, k·d row-major. */
  final double[] means;
  /** Covariances in the layout of {@link CovarianceType#covarianceLength}, after any repair. */
  final double[] covariances;

  private Components(CovarianceType type, MixtureDensity density) {
    this.type = type;
    this.k = density.k();
    this.d = density.dimension();
    this.density = density;
    this.weights = density.weights();
    this.means = density.means();
    this.covariances = density.covariances();
  }

  /**
   * Factorises the given parameters (copied).
   *
   * @param strict reject covariances that are not positive definite instead of repairing them
   * @see MixtureDensity#set
   */
  static Components of(CovarianceType type, int k, int d, double[] weights, double[] means,
      double[] covariances, boolean strict) {
    MixtureDensity density = new MixtureDensity(type.ordinal(), k, d);
    density.set(weights, means, covariances, strict);
    return new Components(type, density);
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
