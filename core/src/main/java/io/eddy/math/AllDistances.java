package io.eddy.math;

/**
 * Squared distances from one point to every one of k centers at once, with the centers held
 * transposed ({@code columns[t][j]} is coordinate t of center j). The inner loop runs over the
 * centers with the same index into the output and the column, so that C2 can turn it into SIMD
 * arithmetic; the distance to each center is still the exact sum of squared differences, added
 * in coordinate order.
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
    double x0 = x[xOff];
    double[] c0 = columns[0];
    for (int j = 0; j < k; j++) {
      double diff = x0 - c0[j];
      out[j] = diff * diff;
    }
    for (int t = 1; t < d; t++) {
      double xt = x[xOff + t];
      double[] col = columns[t];
      for (int j = 0; j < k; j++) {
        double diff = xt - col[j];
        out[j] += diff * diff;
      }
    }
  }
}
