package io.eddy.math;

/**
 * Squared distances from one point to every one of k centers at once, with the centers held
 * transposed ({@code columns[t][j]} is coordinate t of center j). The inner loop runs over the
 * centers with the same index into the output and the column, so that C2 can turn it into SIMD
 * arithmetic; the distance to each center is still the sum of squared differences, added in
 * coordinate order as a plain loop adds them.
 */
public final class AllDistances {

  private AllDistances() {}

  /**
   * Writes the transposed copy of k row-major centers of dimension d into {@code columns}
   * (d arrays of length at least k). {@code columns} is modified.
   */
  public static void transpose(double[] centers, int k, int d, double[][] columns) {
    for (int j = 0; j < k; j++) {
      int off = j * d;
      for (int t = 0; t < d; t++) {
        columns[t][j] = centers[off + t];
      }
    }
  }

  /**
   * Writes the squared distance from {@code x[xOff .. xOff+d)} to each of the k centers into
   * {@code out[0 .. k)}. {@code out} is modified; nothing is allocated.
   */
  public static void squared(double[] x, int xOff, double[][] columns, int k, int d, double[] out) {
    java.util.Arrays.fill(out, 0, k, 0.0);
    int t = 0;
    for (; t + 3 < d; t += 4) {
      double x0 = x[xOff + t];
      double x1 = x[xOff + t + 1];
      double x2 = x[xOff + t + 2];
      double x3 = x[xOff + t + 3];
      double[] c0 = columns[t];
      double[] c1 = columns[t + 1];
      double[] c2 = columns[t + 2];
      double[] c3 = columns[t + 3];
      for (int j = 0; j < k; j++) {
        double e0 = x0 - c0[j];
        double e1 = x1 - c1[j];
        double e2 = x2 - c2[j];
        double e3 = x3 - c3[j];
        // Left to right: the same additions, in the same order, as one coordinate at a time.
        out[j] = out[j] + e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
      }
    }
    for (; t < d; t++) {
      double xt = x[xOff + t];
      double[] col = columns[t];
      for (int j = 0; j < k; j++) {
        double e = xt - col[j];
        out[j] += e * e;
      }
    }
  }
}
