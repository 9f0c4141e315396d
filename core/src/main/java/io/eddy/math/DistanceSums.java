package io.eddy.math;

/**
 * The pairwise block kernel behind the exact silhouette ({@code io.eddy.eval.Silhouette}): for
 * a block of points, the sum of each one's Euclidean distances to every point of each cluster, with the points
 * stored cluster-major and feature by feature.
 *
 * <p>Layout: m points of dimension d as d arrays of length m, feature {@code f} of the point
 * at position {@code p} at {@code cols[f][p]}; the points of cluster {@code c} occupy
 * positions {@code [start[c], start[c + 1])}. Distances to a chunk of {@link #CHUNK}
 * positions are computed into the same positions of a scratch buffer, one feature after the
 * other, then square-rooted and summed with four accumulators.
 *
 * <p>Why this shape: every inner loop reads and writes its arrays at one and the same index,
 * so the JIT can prove that the iterations are independent even if it cannot prove that the
 * arrays differ, and turns them into SIMD code (a loop reading {@code cols} at an offset
 * from the index it writes {@code buf} at is left scalar: the whole silhouette took about
 * twice the CPU time, see {@code benchmarks/results/eval.md}). The rows of
 * a block share each chunk while it sits in the L1 cache. Each row's sums are accumulated
 * chunk by chunk in position order, so a row's result depends only on the layout, never on
 * which rows or threads it was processed with: results are reproducible bit for bit.
 *
 * <p>Not exported: Eddy's own modules and benchmarks use it. Stateless and
 * thread-safe; allocates nothing. Cost O(count·m·d) per call.
 */
public final class DistanceSums {

  /** The number of positions handled per pass over the features. */
  public static final int CHUNK = 256;

  private DistanceSums() {}

  /**
   * For each of {@code count} points, at positions {@code rows[from .. from+count)}, writes
   * into {@code sums[r * k + c]} the sum of its Euclidean distances to the points of cluster
   * {@code c}, for every {@code c < k}.
   *
   * @param cols the points, one array of length m per feature as described above; not modified
   * @param rows positions of the points whose distances are summed; not modified
   * @param from the first index into {@code rows}
   * @param count how many rows, &ge; 1
   * @param start cluster boundaries, length k + 1, {@code start[0] = 0}, {@code start[k] = m}
   * @param k the number of clusters
   * @param xs scratch of length &ge; count·d; modified
   * @param buf scratch of length m; modified
   * @param sums output of length &ge; count·k; modified
   */
  public static void clusterSums(double[][] cols, int[] rows, int from, int count, int[] start, int k,
      double[] xs, double[] buf, double[] sums) {
    int d = cols.length;
    for (int r = 0; r < count; r++) {
      int p = rows[from + r];
      for (int f = 0; f < d; f++) {
        xs[r * d + f] = cols[f][p];
      }
    }
    for (int c = 0; c < k; c++) {
      for (int r = 0; r < count; r++) {
        sums[r * k + c] = 0;
      }
      int end = start[c + 1];
      for (int q0 = start[c]; q0 < end; q0 += CHUNK) {
        int q1 = Math.min(q0 + CHUNK, end);
        for (int r = 0; r < count; r++) {
          squaredDistances(cols, q0, q1, xs, r * d, buf);
          sums[r * k + c] += sumOfRoots(buf, q0, q1);
        }
      }
    }
  }

  /** {@code buf[q]} = squared distance between {@code x[xOff ..]} and the point at q, for q in [q0, q1). */
  static void squaredDistances(double[][] cols, int q0, int q1, double[] x, int xOff, double[] buf) {
    double[] c0 = cols[0];
    double x0 = x[xOff];
    for (int q = q0; q < q1; q++) {
      double a = x0 - c0[q];
      buf[q] = a * a;
    }
    for (int f = 1; f < cols.length; f++) {
      double[] cf = cols[f];
      double xf = x[xOff + f];
      for (int q = q0; q < q1; q++) {
        double a = xf - cf[q];
        buf[q] += a * a;
      }
    }
  }

  /** The sum of the square roots of {@code buf[q0 .. q1)}, in a fixed order; overwrites them with the roots. */
  static double sumOfRoots(double[] buf, int q0, int q1) {
    for (int q = q0; q < q1; q++) {
      buf[q] = Math.sqrt(buf[q]);
    }
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int q = q0;
    for (; q + 4 <= q1; q += 4) {
      s0 += buf[q];
      s1 += buf[q + 1];
      s2 += buf[q + 2];
      s3 += buf[q + 3];
    }
    for (; q < q1; q++) {
      s0 += buf[q];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
