package io.eddy.math;

/**
 * Kernels of Gaussian densities on flat arrays: squared Mahalanobis distances through a
 * triangular or diagonal precision factor, and the weighted outer products that accumulate
 * scatter matrices. These are the hot loops of expectation-maximisation for mixtures.
 *
 * <p>Means are rows of a flat row-major {@code double[k * d]}; a {@code d x d} matrix is
 * {@code d * d} consecutive doubles at an offset. No method allocates; scratch arrays are
 * passed in. The summation order is fixed, so results are identical on every machine and
 * thread count.
 */
public final class Gaussian {

  private Gaussian() {}

  /**
   * The squared norm of {@code W (x - mean)} for a lower-triangular {@code W} (the inverse of
   * the covariance's Cholesky factor), which is the squared Mahalanobis distance
   * (x - mean)<sup>T</sup> &Sigma;<sup>-1</sup> (x - mean).
   *
   * <p>Rows are taken four at a time over the columns up to the last row's diagonal, so that
   * four independent sums share each loaded difference; the few products with the zeros
   * above the diagonal this includes add exactly 0, so each row's sum is the plain
   * left-to-right sum of its triangle. Costs about d(d+3)/2 + d multiply-adds.
   *
   * @param x the point, length d
   * @param means flat means; the mean used starts at {@code meanOff}
   * @param w flat matrices; W starts at {@code wOff}, row-major d x d, with zeros above the
   *     diagonal (as {@link Cholesky#invertLower} writes them)
   * @param diff scratch of length &ge; d; overwritten with {@code x - mean}
   */
  public static double squaredLower(double[] x, double[] means, int meanOff, double[] w, int wOff,
      int d, double[] diff) {
    for (int i = 0; i < d; i++) {
      diff[i] = x[i] - means[meanOff + i];
    }
    double s = 0;
    int j = 0;
    for (; j + 3 < d; j += 4) {
      int r0 = wOff + j * d;
      int r1 = r0 + d;
      int r2 = r1 + d;
      int r3 = r2 + d;
      double y0 = 0;
      double y1 = 0;
      double y2 = 0;
      double y3 = 0;
      int end = j + 4;
      for (int i = 0; i < end; i++) {
        double t = diff[i];
        y0 += w[r0 + i] * t;
        y1 += w[r1 + i] * t;
        y2 += w[r2 + i] * t;
        y3 += w[r3 + i] * t;
      }
      s += (y0 * y0 + y1 * y1) + (y2 * y2 + y3 * y3);
    }
    for (; j < d; j++) {
      int row = wOff + j * d;
      double y = 0;
      for (int i = 0; i <= j; i++) {
        y += w[row + i] * diff[i];
      }
      s += y * y;
    }
    return s;
  }

  /**
   * The sum over i of ((x[i] - mean[i]) * p[i])<sup>2</sup>: the squared Mahalanobis distance
   * for a diagonal covariance whose inverse standard deviations are {@code p}.
   */
  public static double squaredDiagonal(double[] x, double[] means, int meanOff, double[] p, int pOff,
      int d) {
    double s0 = 0;
    double s1 = 0;
    int i = 0;
    for (; i + 1 < d; i += 2) {
      double t0 = (x[i] - means[meanOff + i]) * p[pOff + i];
      double t1 = (x[i + 1] - means[meanOff + i + 1]) * p[pOff + i + 1];
      s0 += t0 * t0;
      s1 += t1 * t1;
    }
    if (i < d) {
      double t = (x[i] - means[meanOff + i]) * p[pOff + i];
      s0 += t * t;
    }
    return s0 + s1;
  }

  /**
   * Adds {@code weight * diff diff^T} to the lower triangle (diagonal included) of the
   * {@code d x d} matrix at {@code acc[off ..]}; the strict upper triangle is not touched.
   */
  public static void addOuterLower(double[] acc, int off, double[] diff, double weight, int d) {
    for (int i = 0, row = off; i < d; i++, row += d) {
      double wi = weight * diff[i];
      for (int j = 0; j <= i; j++) {
        acc[row + j] += wi * diff[j];
      }
    }
  }

  /** Copies the lower triangle of the {@code d x d} matrix at {@code a[off ..]} onto its upper triangle. */
  public static void symmetrizeFromLower(double[] a, int off, int d) {
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        a[off + j * d + i] = a[off + i * d + j];
      }
    }
  }
}
