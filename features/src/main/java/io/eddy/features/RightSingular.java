package io.eddy.features;

/**
 * The singular values and right singular vectors of a tall matrix, for {@link Pca}: a
 * Householder QR reduction to the d×d triangle R, then one-sided Jacobi rotations (Hestenes
 * 1958) on R's columns until every pair is orthogonal to working precision. The rotations
 * accumulate V, and the column norms of R·V are the singular values. One-sided Jacobi is
 * accurate to high relative precision even for small singular values (Demmel and Veselić,
 * SIAM J. Matrix Anal. Appl. 13, 1992).
 *
 * <p>Cost O(n·d²) for the QR step and O(d³) per Jacobi sweep (usually 6 to 10 sweeps); memory
 * one n×d copy. This replaces a dependency whose only use here was this one decomposition.
 */
final class RightSingular {

  /** Sweeps after which the rotations stop even if rounding keeps a pair just above tolerance. */
  private static final int MAX_SWEEPS = 80;

  /** The singular values, unsorted, length d. */
  final double[] values;
  /** V, row-major d×d: column c is the right singular vector of {@code values[c]}. */
  final double[] vectors;

  private RightSingular(double[] values, double[] vectors) {
    this.values = values;
    this.vectors = vectors;
  }

  /**
   * Decomposes the n×d matrix given by columns.
   *
   * @param columns d columns of equal length n &ge; 1, finite; overwritten (with the
   *     Householder vectors)
   */
  static RightSingular of(double[][] columns) {
    int d = columns.length;
    int n = columns[0].length;
    int m = Math.min(n, d);
    // R, by columns: r[c][i] for rows i < m
    double[][] r = new double[d][m];
    for (int j = 0; j < m; j++) {
      double[] x = columns[j];
      double norm = 0;
      for (int i = j; i < n; i++) {
        norm += x[i] * x[i];
      }
      norm = Math.sqrt(norm);
      double alpha = x[j] > 0 ? -norm : norm;
      double v0 = x[j] - alpha;
      double vv = norm == 0 ? 0 : 2 * norm * (norm + Math.abs(x[j]));
      if (vv != 0) {
        x[j] = v0;
        for (int c = j + 1; c < d; c++) {
          double[] y = columns[c];
          double dot = 0;
          for (int i = j; i < n; i++) {
            dot += x[i] * y[i];
          }
          double f = 2 * dot / vv;
          for (int i = j; i < n; i++) {
            y[i] -= f * x[i];
          }
        }
      }
      r[j][j] = vv == 0 ? x[j] : alpha;
      for (int c = j + 1; c < d; c++) {
        r[c][j] = columns[c][j];
      }
    }
    double[] v = new double[d * d];
    for (int c = 0; c < d; c++) {
      v[c * d + c] = 1;
    }
    double tol = 4 * Math.ulp(1.0) * Math.sqrt(m);
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      boolean rotated = false;
      for (int p = 0; p < d - 1; p++) {
        for (int q = p + 1; q < d; q++) {
          double[] a = r[p];
          double[] b = r[q];
          double alpha = 0;
          double beta = 0;
          double gamma = 0;
          for (int i = 0; i < m; i++) {
            alpha += a[i] * a[i];
            beta += b[i] * b[i];
            gamma += a[i] * b[i];
          }
          if (gamma == 0 || Math.abs(gamma) <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) {
            continue;
          }
          rotated = true;
          double zeta = (beta - alpha) / (2 * gamma);
          double t = Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.hypot(1, zeta));
          double cos = 1 / Math.sqrt(1 + t * t);
          double sin = cos * t;
          for (int i = 0; i < m; i++) {
            double ai = a[i];
            double bi = b[i];
            a[i] = cos * ai - sin * bi;
            b[i] = sin * ai + cos * bi;
          }
          for (int i = 0; i < d; i++) {
            double vp = v[i * d + p];
            double vq = v[i * d + q];
            v[i * d + p] = cos * vp - sin * vq;
            v[i * d + q] = sin * vp + cos * vq;
          }
        }
      }
      if (!rotated) {
        break;
      }
    }
    double[] s = new double[d];
    for (int c = 0; c < d; c++) {
      double sum = 0;
      for (int i = 0; i < m; i++) {
        sum += r[c][i] * r[c][i];
      }
      s[c] = Math.sqrt(sum);
    }
    return new RightSingular(s, v);
  }
}
