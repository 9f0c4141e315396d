package io.eddy.eval;

/**
 * The pairwise block kernel behind the exact {@link Silhouette}: for one point, the sum of
 * its Euclidean distances to every point of each cluster, with the points stored
 * cluster-major and column-major.
 *
 * <p>Layout: m points of dimension d in one {@code double[d * m]}, feature {@code f} of the
 * point at position {@code p} at {@code cols[f * m + p]}; the points of cluster {@code c}
 * occupy positions {@code [start[c], start[c + 1])}. Distances are computed a chunk of
 * {@link #CHUNK} columns at a time into a scratch buffer, one feature after the other, so
 * that the inner loops run over contiguous arrays with no dependence between iterations
 * (which the JIT turns into SIMD code), then square-rooted and summed with four accumulators.
 * The summation order depends only on the layout, never on threads, so results are
 * reproducible bit for bit.
 *
 * <p>Public for the benchmarks; most users want {@link Silhouette}. Stateless and
 * thread-safe; allocates nothing. Cost O(m·d) per call.
 */
public final class DistanceSums {

  /** The number of columns handled per pass over the features; the scratch buffer's length. */
  public static final int CHUNK = 256;

  private DistanceSums() {}

  /**
   * For the point at position {@code p}, writes into {@code sums[c]} the sum of its
   * Euclidean distances to the points of cluster {@code c}, for every {@code c < k}.
   *
   * @param cols the points, column-major as described above; not modified
   * @param m the number of points
   * @param d the dimension
   * @param p the position of the point whose distances are summed
   * @param start cluster boundaries, length k + 1, {@code start[0] = 0}, {@code start[k] = m}
   * @param k the number of clusters
   * @param x scratch of length d; modified
   * @param buf scratch of length {@link #CHUNK}; modified
   * @param sums output of length &ge; k; modified
   */
  public static void clusterSums(double[] cols, int m, int d, int p, int[] start, int k,
      double[] x, double[] buf, double[] sums) {
    for (int f = 0; f < d; f++) {
      x[f] = cols[f * m + p];
    }
    for (int c = 0; c < k; c++) {
      double acc = 0;
      int end = start[c + 1];
      for (int q0 = start[c]; q0 < end; q0 += CHUNK) {
        int len = Math.min(CHUNK, end - q0);
        squaredDistances(cols, m, d, q0, len, x, buf);
        acc += sumOfRoots(buf, len);
      }
      sums[c] = acc;
    }
  }

  /** {@code buf[t]} = squared distance between {@code x} and the point at {@code q0 + t}. */
  static void squaredDistances(double[] cols, int m, int d, int q0, int len, double[] x, double[] buf) {
    double x0 = x[0];
    for (int t = 0; t < len; t++) {
      double diff = x0 - cols[q0 + t];
      buf[t] = diff * diff;
    }
    for (int f = 1; f < d; f++) {
      double xf = x[f];
      int off = f * m + q0;
      for (int t = 0; t < len; t++) {
        double diff = xf - cols[off + t];
        buf[t] += diff * diff;
      }
    }
  }

  /** The sum of the square roots of {@code buf[0..len)}, in a fixed order. */
  static double sumOfRoots(double[] buf, int len) {
    for (int t = 0; t < len; t++) {
      buf[t] = Math.sqrt(buf[t]);
    }
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int t = 0;
    int end4 = len & ~3;
    for (; t < end4; t += 4) {
      s0 += buf[t];
      s1 += buf[t + 1];
      s2 += buf[t + 2];
      s3 += buf[t + 3];
    }
    for (; t < len; t++) {
      s0 += buf[t];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
