package io.eddy.math;

/**
 * Cholesky factorisation of small dense symmetric positive-definite matrices stored row-major
 * in flat arrays ({@code d x d} at an offset), and the triangular helpers Gaussian models
 * need: the inverse of the lower factor and its log-determinant.
 *
 * <p>Written for the small dimensions of segmentation features (d up to a few dozen), where a
 * hand-written loop without allocation beats a general library call. No method allocates or
 * checks its arguments beyond what the JVM does. Results are deterministic: the summation
 * order is fixed.
 */
public final class Cholesky {

  private Cholesky() {}

  /**
   * Replaces the symmetric matrix {@code a[off .. off+d*d)} by its lower Cholesky factor L
   * (A = L L<sup>T</sup>); only the lower triangle of A is read and the strict upper triangle
   * is set to 0. Costs d<sup>3</sup>/6 multiply-adds.
   *
   * @return -1 on success, otherwise the index of the first pivot that was not positive and
   *     finite (the matrix is then not positive definite in floating point and {@code a} is
   *     partly overwritten)
   */
  public static int decompose(double[] a, int off, int d) {
    for (int j = 0; j < d; j++) {
      int rowJ = off + j * d;
      double s = a[rowJ + j];
      for (int p = 0; p < j; p++) {
        double v = a[rowJ + p];
        s -= v * v;
      }
      if (!(s > 0) || s == Double.POSITIVE_INFINITY) {
        return j;
      }
      double pivot = Math.sqrt(s);
      a[rowJ + j] = pivot;
      double inv = 1.0 / pivot;
      for (int i = j + 1; i < d; i++) {
        int rowI = off + i * d;
        double t = a[rowI + j];
        for (int p = 0; p < j; p++) {
          t -= a[rowI + p] * a[rowJ + p];
        }
        a[rowI + j] = t * inv;
      }
      for (int i = j + 1; i < d; i++) {
        a[rowJ + i] = 0.0;
      }
    }
    return -1;
  }

  /**
   * Writes the inverse of the lower-triangular {@code l[lOff ..]} into {@code out[outOff ..]}
   * (also lower triangular, strict upper triangle set to 0) by forward substitution on the
   * columns of the identity. {@code l} must have a non-zero diagonal and must not overlap
   * {@code out}.
   */
  public static void invertLower(double[] l, int lOff, double[] out, int outOff, int d) {
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < j; i++) {
        out[outOff + i * d + j] = 0.0;
      }
      out[outOff + j * d + j] = 1.0 / l[lOff + j * d + j];
      for (int i = j + 1; i < d; i++) {
        double s = 0;
        int rowI = lOff + i * d;
        for (int p = j; p < i; p++) {
          s += l[rowI + p] * out[outOff + p * d + j];
        }
        out[outOff + i * d + j] = -s / l[rowI + i];
      }
    }
  }

  /** The sum of the logarithms of the diagonal of the {@code d x d} matrix at {@code off}. */
  public static double logDiagonalSum(double[] a, int off, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      s += Math.log(a[off + j * d + j]);
    }
    return s;
  }
}
