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
 * thread-safe; allocates nothing. Cost O(count·m·d) per call.
 */
public final class DistanceSums {

  /** The number of columns handled per pass over the features; the scratch buffer's length. */
  public static final int CHUNK = 256;

  private DistanceSums() {}

  /**
   * For each of {@code count} points, at positions {@code rows[from .. from+count)}, writes
   * into {@code sums[r * k + c]} the sum of its Euclidean distances to the points of cluster
   * {@code c}, for every {@code c < k}.
   *
   * <p>The rows are processed together, one chunk of columns at a time, so that a chunk is
   * read from memory once and reused from the L1 cache for every row; without this the
   * kernel is bound by the bandwidth of the outer caches. Each row's sums are accumulated
   * chunk by chunk in column order, so a row's result does not depend on which rows it was
   * processed with.
   *
   * @param cols the points, column-major as described above; not modified
   * @param m the number of points
   * @param d the dimension
   * @param rows positions of the points whose distances are summed; not modified
   * @param from the first index into {@code rows}
   * @param count how many rows, &ge; 1
   * @param start cluster boundaries, length k + 1, {@code start[0] = 0}, {@code start[k] = m}
   * @param k the number of clusters
   * @param xs scratch of length &ge; count·d; modified
   * @param buf scratch of length {@link #CHUNK}; modified
   * @param sums output of length &ge; count·k; modified
   */
  public static void clusterSums(double[] cols, int m, int d, int[] rows, int from, int count,
      int[] start, int k, double[] xs, double[] buf, double[] sums) {
    for (int r = 0; r < count; r++) {
      int p = rows[from + r];
      for (int f = 0; f < d; f++) {
        xs[r * d + f] = cols[f * m + p];
      }
    }
    for (int c = 0; c < k; c++) {
      for (int r = 0; r < count; r++) {
        sums[r * k + c] = 0;
      }
      int end = start[c + 1];
      for (int q0 = start[c]; q0 < end; q0 += CHUNK) {
        int len = Math.min(CHUNK, end - q0);
        for (int r = 0; r < count; r++) {
          squaredDistances(cols, m, d, q0, len, xs, r * d, buf);
          sums[r * k + c] += sumOfRoots(buf, len);
        }
      }
    }
  }

  /**
   * {@code buf[t]} = squared distance between {@code x} and the point at {@code q0 + t}.
   * Features are taken four at a time so that each pass over {@code buf} does four features'
   * work: the buffer is loaded and stored a quarter as often as feature by feature.
   */
  static void squaredDistances(double[] cols, int m, int d, int q0, int len, double[] x, int xOff,
      double[] buf) {
    int f = 0;
    if (d >= 4) {
      double x0 = x[xOff];
      double x1 = x[xOff + 1];
      double x2 = x[xOff + 2];
      double x3 = x[xOff + 3];
      int o0 = q0;
      int o1 = m + q0;
      int o2 = 2 * m + q0;
      int o3 = 3 * m + q0;
      for (int t = 0; t < len; t++) {
        double a = x0 - cols[o0 + t];
        double b = x1 - cols[o1 + t];
        double c = x2 - cols[o2 + t];
        double e = x3 - cols[o3 + t];
        buf[t] = (a * a + b * b) + (c * c + e * e);
      }
      f = 4;
    } else {
      double x0 = x[xOff];
      for (int t = 0; t < len; t++) {
        double a = x0 - cols[q0 + t];
        buf[t] = a * a;
      }
      f = 1;
    }
    for (; f + 4 <= d; f += 4) {
      double x0 = x[xOff + f];
      double x1 = x[xOff + f + 1];
      double x2 = x[xOff + f + 2];
      double x3 = x[xOff + f + 3];
      int o0 = f * m + q0;
      int o1 = o0 + m;
      int o2 = o1 + m;
      int o3 = o2 + m;
      for (int t = 0; t < len; t++) {
        double a = x0 - cols[o0 + t];
        double b = x1 - cols[o1 + t];
        double c = x2 - cols[o2 + t];
        double e = x3 - cols[o3 + t];
        buf[t] += (a * a + b * b) + (c * c + e * e);
      }
    }
    for (; f < d; f++) {
      double xf = x[xOff + f];
      int off = f * m + q0;
      for (int t = 0; t < len; t++) {
        double a = xf - cols[off + t];
        buf[t] += a * a;
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
