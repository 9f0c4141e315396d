package io.eddy.math;

/**
 * The densities of a Gaussian mixture with everything they need precomputed: log weights and,
 * per component, the factor W of the precision (W<sup>T</sup>W = &Sigma;<sup>-1</sup>; the
 * inverse of the covariance's lower Cholesky factor for full and tied covariances, the
 * inverse standard deviations otherwise) and the log normalising constant.
 *
 * <p>Shared by the batch mixture (which never changes one after {@link #set}) and the online
 * mixture (which refactors its own instance in place after every point, without allocating),
 * so that both compute every density with exactly the same arithmetic. Not thread-safe while
 * {@link #set} runs; the density methods only read.
 *
 * <p>Covariances are flat: k·d·d ({@link #FULL}, row-major per component), k·d
 * ({@link #DIAGONAL}), k ({@link #SPHERICAL}) or d·d ({@link #TIED}); the shape codes follow
 * the declaration order of {@code io.eddy.mixture.CovarianceType}.
 */
public final class MixtureDensity {

  /** One full covariance matrix per component. */
  public static final int FULL = 0;
  /** One diagonal covariance per component. */
  public static final int DIAGONAL = 1;
  /** One variance per component. */
  public static final int SPHERICAL = 2;
  /** One full covariance matrix shared by all components. */
  public static final int TIED = 3;

  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private final int shape;
  private final int k;
  private final int d;
  private final double[] weights;
  private final double[] logWeights;
  private final double[] means;
  private final double[] covariances;
  private final double[] factor;
  private final double[] chol;
  private final double[] logNorm;

  /** An empty mixture of the given shape, k and d; call {@link #set} before use. */
  public MixtureDensity(int shape, int k, int d) {
    if (shape < FULL || shape > TIED || k < 1 || d < 1) {
      throw new IllegalArgumentException("invalid mixture shape " + shape + ", k " + k + ", d " + d);
    }
    this.shape = shape;
    this.k = k;
    this.d = d;
    this.weights = new double[k];
    this.logWeights = new double[k];
    this.means = new double[k * d];
    int len = covarianceLength(shape, k, d);
    this.covariances = new double[len];
    this.factor = new double[len];
    this.chol = shape == FULL || shape == TIED ? new double[len] : null;
    this.logNorm = new double[k];
  }

  /** The number of covariance values of a shape. */
  public static int covarianceLength(int shape, int k, int d) {
    switch (shape) {
      case FULL:
        return k * d * d;
      case DIAGONAL:
        return k * d;
      case SPHERICAL:
        return k;
      default:
        return d * d;
    }
  }

  /**
   * Copies the parameters in and factorises the covariances; allocates nothing. A covariance
   * that is not positive definite in floating point is, unless {@code strict}, repaired by
   * adding a ridge of 1e-12 times its largest variance to the diagonal, growing 100-fold per
   * attempt up to 1e-2; the repaired values are kept (see {@link #covariances()}). A
   * non-positive variance of a diagonal or spherical covariance becomes 1e-12 times the
   * component's largest variance.
   *
   * @param weights k mixing weights, used as given (their logs may be -inf for 0)
   * @throws IllegalArgumentException naming the component if {@code strict} and a covariance
   *     is not positive definite
   * @throws IllegalStateException naming the component if no repair helps
   */
  public void set(double[] weights, double[] means, double[] covariances, boolean strict) {
    System.arraycopy(weights, 0, this.weights, 0, k);
    for (int c = 0; c < k; c++) {
      logWeights[c] = Math.log(weights[c]);
    }
    System.arraycopy(means, 0, this.means, 0, k * d);
    System.arraycopy(covariances, 0, this.covariances, 0, this.covariances.length);
    double base = -0.5 * d * LOG_2PI;
    switch (shape) {
      case FULL:
        for (int c = 0; c < k; c++) {
          int off = c * d * d;
          factorFull(off, c, strict);
          Cholesky.invertLower(chol, off, factor, off, d);
          logNorm[c] = base + Cholesky.logDiagonalSum(factor, off, d);
        }
        break;
      case TIED: {
        factorFull(0, -1, strict);
        Cholesky.invertLower(chol, 0, factor, 0, d);
        double v = base + Cholesky.logDiagonalSum(factor, 0, d);
        for (int c = 0; c < k; c++) {
          logNorm[c] = v;
        }
        break;
      }
      case DIAGONAL:
        for (int c = 0; c < k; c++) {
          repairVariances(c * d, d, c, strict);
          double logDet = 0;
          for (int j = 0; j < d; j++) {
            double p = 1.0 / Math.sqrt(this.covariances[c * d + j]);
            factor[c * d + j] = p;
            logDet += Math.log(p);
          }
          logNorm[c] = base + logDet;
        }
        break;
      default:
        for (int c = 0; c < k; c++) {
          repairVariances(c, 1, c, strict);
          double p = 1.0 / Math.sqrt(this.covariances[c]);
          factor[c] = p;
          logNorm[c] = base + d * Math.log(p);
        }
    }
  }

  private static String name(int component) {
    return component < 0 ? "the tied covariance" : "the covariance of component " + component;
  }

  private void factorFull(int off, int component, boolean strict) {
    double[] cov = covariances;
    double largest = 0;
    for (int j = 0; j < d; j++) {
      largest = Math.max(largest, cov[off + j * d + j]);
    }
    double ridge = 0;
    for (int attempt = 0; attempt <= 6; attempt++) {
      System.arraycopy(cov, off, chol, off, d * d);
      for (int j = 0; j < d; j++) {
        chol[off + j * d + j] += ridge;
      }
      if (Cholesky.decompose(chol, off, d) < 0) {
        if (ridge > 0) {
          for (int j = 0; j < d; j++) {
            cov[off + j * d + j] += ridge;
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
      ridge = largest * Math.pow(100, attempt) * 1e-12;
    }
    throw new IllegalStateException(name(component) + " is not positive definite and could not be"
        + " repaired (largest variance " + largest + "); the component has collapsed onto too few"
        + " distinct points: increase regCovar, reduce k, or rescale the data");
  }

  private void repairVariances(int off, int len, int component, boolean strict) {
    double[] var = covariances;
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
  public double logDensity(int c, double[] x, double[] scratch) {
    double m;
    switch (shape) {
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

  /** Writes log(w_c) + log N(x | c) for every component into {@code out}; returns the largest. */
  private double logTerms(double[] x, double[] out, double[] scratch) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double v = logWeights[c] + logDensity(c, x, scratch);
      out[c] = v;
      if (v > max) {
        max = v;
      }
    }
    return max;
  }

  /**
   * Writes log(w_c) + log N(x | c) for every component into {@code out} and returns their
   * log-sum-exp, the log-likelihood of x (computed around the largest term, so it neither
   * overflows nor underflows for finite terms).
   */
  public double weightedLogDensities(double[] x, double[] out, double[] scratch) {
    double max = logTerms(x, out, scratch);
    if (!Double.isFinite(max)) {
      return max;
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      sum += Math.exp(out[c] - max);
    }
    return max + Math.log(sum);
  }

  /**
   * Writes the posterior probability of every component given x into {@code out} (they sum to
   * 1: each is exp(term - max) divided by the sum of those, which stays exact even where the
   * log-sum-exp absorbs the small differences between huge terms) and returns the
   * log-likelihood of x. If every term is -inf or NaN (a point so far out that its distance
   * overflows), the probabilities are uniform and the result is not finite.
   */
  public double posteriors(double[] x, double[] out, double[] scratch) {
    double max = logTerms(x, out, scratch);
    if (!Double.isFinite(max)) {
      double u = 1.0 / k;
      for (int c = 0; c < k; c++) {
        out[c] = u;
      }
      return max;
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      double e = Math.exp(out[c] - max);
      out[c] = e;
      sum += e;
    }
    double inv = 1.0 / sum;
    for (int c = 0; c < k; c++) {
      out[c] *= inv;
    }
    return max + Math.log(sum);
  }

  /** The component with the largest log(w_c) + log N(x | c), ties to the lowest. */
  public int mostLikely(double[] x, double[] scratch) {
    int best = 0;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double v = logWeights[c] + logDensity(c, x, scratch);
      if (v > bestValue) {
        bestValue = v;
        best = c;
      }
    }
    return best;
  }

  /** The shape code. */
  public int shape() {
    return shape;
  }

  /** The number of components. */
  public int k() {
    return k;
  }

  /** The dimension. */
  public int dimension() {
    return d;
  }

  /** The weights as set; the live array, not to be modified. */
  public double[] weights() {
    return weights;
  }

  /** The means, k·d row-major; the live array, not to be modified. */
  public double[] means() {
    return means;
  }

  /** The covariances after any repair; the live array, not to be modified. */
  public double[] covariances() {
    return covariances;
  }

  /**
   * The precision factors W (W<sup>T</sup>W = &Sigma;<sup>-1</sup>) in the covariances'
   * layout: the inverse lower Cholesky factors (full, tied), the inverse standard deviations
   * (diagonal, spherical); the live array, not to be modified.
   */
  public double[] precisionFactors() {
    return factor;
  }

  /**
   * The lower Cholesky factors of the covariances (full: k·d·d, tied: d·d), or null for
   * diagonal and spherical shapes; the live array, not to be modified.
   */
  public double[] choleskyFactors() {
    return chol;
  }
}
