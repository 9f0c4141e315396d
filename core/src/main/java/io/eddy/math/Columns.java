package io.eddy.math;

import io.eddy.Points;
import java.util.Arrays;

/**
 * A copy of a data set stored column by column: one array of n values per coordinate.
 *
 * <p>With that layout the distance from every point of a range to one center is a loop over
 * the points that reads each coordinate array and writes its output at the same index, which
 * C2 turns into vector arithmetic; with rows, the same work is a chain of dependent scalar
 * additions per point. Each distance is still the exact sum of squared differences, added in
 * coordinate order, so it is bit for bit the one {@link AllDistances} computes.
 *
 * <p>Memory: n·d doubles in d arrays (large arrays are also the cheapest kind for the
 * collector to keep while a long fit runs). A copy made by {@link #copyOf} is immutable; the
 * kernels write only into the arrays passed to them, and only at the indices of the points
 * they are given, so threads working on disjoint ranges can share both the instance and the
 * output arrays. A {@link #buffer} is filled point by point with {@link #set} and belongs to
 * one thread.
 */
public final class Columns {

  /**
   * Points per inner step of {@link #nearest}: the length of its scratch arrays. Measured on
   * 200,000 points with k = 16 (ns per point at d = 2 / 16 / 64): 128 points gave 24 / 60 / 323,
   * 256 gave 23 / 58 / 251, 512 gave 24 / 56 / 217; longer loops pay their set-up less often.
   */
  public static final int STEP = 512;
  /**
   * Rows per block of {@link #copyRows}' transposition (a block's rows stay in the first-level
   * cache), and running sums of the summing passes: enough independent additions to keep the
   * vector units busy, few enough that the per-call buffer stays small.
   */
  private static final int LANES = 128;

  private final double[][] columns;
  private final int n;
  private final int d;

  private Columns(double[][] columns, int n, int d) {
    this.columns = columns;
    this.n = n;
    this.d = d;
  }

  /**
   * Copies {@code data}, checking it as {@link Points#requireData} does.
   *
   * @throws IllegalArgumentException if {@code data} is null, empty, ragged or not finite
   */
  public static Columns copyOf(double[][] data) {
    if (data == null || data.length == 0 || data[0] == null) {
      Points.requireData(data);
    }
    return copyOf(data, data[0].length);
  }

  /**
   * Copies {@code data}, checking as it goes that every row has dimension d and every value is
   * finite; on a failure it throws the message {@link Points#requireAll} gives.
   *
   * @param data n &ge; 1 rows; not modified
   * @param d the dimension, at least 1
   * @throws IllegalArgumentException if a row is null, of another dimension or not finite
   */
  public static Columns copyOf(double[][] data, int d) {
    if (d < 1) {
      Points.requireAll(data, d);
    }
    Columns c = allocate(data.length, d);
    if (!c.copyRows(data, 0, data.length)) {
      Points.requireAll(data, d);
    }
    return c;
  }

  /**
   * Storage for n points of dimension d, all zero, to be filled by {@link #copyRows} (from
   * several threads, on disjoint ranges).
   */
  public static Columns allocate(int n, int d) {
    if (n < 1 || d < 1) {
      throw new IllegalArgumentException("size " + n + " and dimension " + d + " must be positive");
    }
    return new Columns(new double[d][n], n, d);
  }

  /**
   * Copies rows {@code [from, to)} of {@code data} into points {@code [from, to)}. Returns
   * false, with the range partly written, if a row is null, not of this dimension or holds a
   * value that is not finite; the caller then reports it (with {@link Points#requireAll}).
   */
  public boolean copyRows(double[][] data, int from, int to) {
    for (int i = from; i < to; i++) {
      double[] row = data[i];
      if (row == null || row.length != d) {
        return false;
      }
    }
    // NaN and the infinities are the only values whose product with zero is not zero: one sum
    // per lane of a step checks everything without a branch per value.
    double[] check = new double[LANES];
    for (int s = from; s < to; s += LANES) {
      int end = Math.min(to, s + LANES);
      for (int t = 0; t < d; t++) {
        double[] col = columns[t];
        for (int i = s; i < end; i++) {
          double v = data[i][t];
          col[i] = v;
          check[i - s] += v * 0.0;
        }
      }
    }
    for (double c : check) {
      if (c != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * An all-zero buffer of {@code capacity} points of dimension d, for batches that change:
   * fill it with {@link #set}, then run the kernels on the filled range.
   */
  public static Columns buffer(int capacity, int d) {
    if (capacity < 1 || d < 1) {
      throw new IllegalArgumentException("capacity " + capacity + " and dimension " + d + " must be positive");
    }
    return new Columns(new double[d][capacity], capacity, d);
  }

  /** Overwrites point i with {@code row[off .. off+d)}; only for a {@link #buffer}. */
  public void set(int i, double[] row, int off) {
    for (int t = 0; t < d; t++) {
      columns[t][i] = row[off + t];
    }
  }

  /** The number of points (the capacity, for a buffer). */
  public int size() {
    return n;
  }

  /** The dimension. */
  public int dimension() {
    return d;
  }

  /** Coordinate t of point i. */
  public double get(int i, int t) {
    return columns[t][i];
  }

  /** Copies point i into {@code out[off .. off+d)}. */
  public void copyPoint(int i, double[] out, int off) {
    for (int t = 0; t < d; t++) {
      out[off + t] = columns[t][i];
    }
  }

  /**
   * Writes the squared distance from each point i in {@code [from, to)} to the point
   * {@code c[cOff .. cOff+d)} into {@code out[i]}. {@code out} needs length at least
   * {@code to}; nothing is allocated.
   */
  public void squaredDistances(int from, int to, double[] c, int cOff, double[] out) {
    final double[][] cols = columns;
    int t = 0;
    if (d >= 4) {
      // The first four coordinates write the output: 0 + e0² is e0² exactly, so this is still
      // the sum from zero, and the output needs no clearing pass.
      t = 4;
      double c0 = c[cOff];
      double c1 = c[cOff + 1];
      double c2 = c[cOff + 2];
      double c3 = c[cOff + 3];
      double[] x0 = cols[0];
      double[] x1 = cols[1];
      double[] x2 = cols[2];
      double[] x3 = cols[3];
      for (int i = from; i < to; i++) {
        double e0 = x0[i] - c0;
        double e1 = x1[i] - c1;
        double e2 = x2[i] - c2;
        double e3 = x3[i] - c3;
        out[i] = e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
      }
    } else {
      t = 1;
      double c0 = c[cOff];
      double[] x0 = cols[0];
      for (int i = from; i < to; i++) {
        double e0 = x0[i] - c0;
        out[i] = e0 * e0;
      }
    }
    for (; t + 3 < d; t += 4) {
      double c0 = c[cOff + t];
      double c1 = c[cOff + t + 1];
      double c2 = c[cOff + t + 2];
      double c3 = c[cOff + t + 3];
      double[] x0 = cols[t];
      double[] x1 = cols[t + 1];
      double[] x2 = cols[t + 2];
      double[] x3 = cols[t + 3];
      for (int i = from; i < to; i++) {
        double e0 = x0[i] - c0;
        double e1 = x1[i] - c1;
        double e2 = x2[i] - c2;
        double e3 = x3[i] - c3;
        // Left to right: the same additions, in the same order, as one coordinate at a time.
        out[i] = out[i] + e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
      }
    }
    for (; t < d; t++) {
      double c0 = c[cOff + t];
      double[] x0 = cols[t];
      for (int i = from; i < to; i++) {
        double e0 = x0[i] - c0;
        out[i] += e0 * e0;
      }
    }
  }

  /**
   * The scratch {@link #nearest} needs for k centers: k + 2 arrays of {@link #STEP} values.
   * Allocate it once per thread and reuse it.
   */
  public static double[][] scratch(int k) {
    return new double[k + 2][STEP];
  }

  /**
   * For each point i in {@code [from, to)}, the nearest of the k row-major {@code centers}
   * (ties to the lowest index) and the two smallest squared distances: the nearest center's,
   * and the smallest among the others (equal to the first on a tie; infinite if k = 1).
   * Nothing is allocated.
   *
   * @param distances scratch of length at least {@code to}; overwritten in {@code [from, to)}
   * @param scratch from {@link #scratch scratch(k)} (k + 2 arrays of length at least
   *     {@link #STEP}); overwritten
   * @throws IllegalArgumentException if {@code scratch} has fewer than k + 2 arrays
   * @param label receives the nearest center of point i at index i
   * @param first receives the smallest squared distance of point i at index i
   * @param second receives the second smallest at index i, or null if not wanted
   */
  public void nearest(int from, int to, double[] centers, int k, double[] distances,
      double[][] scratch, int[] label, double[] first, double[] second) {
    if (scratch.length < k + 2) {
      throw new IllegalArgumentException("scratch has " + scratch.length + " arrays, expected k + 2 = "
          + (k + 2) + ": use Columns.scratch(k)");
    }
    double[] smallest = scratch[k];
    double[] index = scratch[k + 1];
    for (int s = from; s < to; s += STEP) {
      int e = Math.min(to, s + STEP);
      squaredDistances(s, e, centers, 0, first);
      System.arraycopy(first, s, scratch[0], 0, e - s);
      if (second != null) {
        Arrays.fill(second, s, e, Double.POSITIVE_INFINITY);
      }
      for (int j = 1; j < k; j++) {
        squaredDistances(s, e, centers, j * d, distances);
        // Math.min and Math.max vectorise, and neither the order of the centers nor ties
        // matter to the two smallest values.
        if (second != null) {
          for (int i = s; i < e; i++) {
            double v = distances[i];
            double m1 = first[i];
            second[i] = Math.min(second[i], Math.max(m1, v));
            first[i] = Math.min(m1, v);
          }
        } else {
          for (int i = s; i < e; i++) {
            first[i] = Math.min(first[i], distances[i]);
          }
        }
        System.arraycopy(distances, s, scratch[j], 0, e - s);
      }
      labels(scratch, k, first, s, e - s, smallest, index);
      for (int q = 0, len = e - s; q < len; q++) {
        label[s + q] = (int) index[q];
      }
    }
  }

  /**
   * Writes to {@code index[q]} the first j whose {@code dist[j][q]} equals the smallest,
   * {@code first[s + q]}, for q in [0, len). A search per point would branch on where the
   * nearest center is, which the processor cannot predict; this is arithmetic the compiler
   * vectorises: {@code other} is exactly 1 for a center farther than the smallest (a - m is
   * at least the smallest subnormal, which the two factors take above 1) and exactly 0 for one
   * at it, so {@code index} ends at the lowest such j. If every distance overflowed to
   * infinity, a - m is NaN for all j, index stays NaN and converts to 0, the lowest j at the
   * smallest (infinite) distance.
   */
  private static void labels(double[][] dist, int k, double[] first, int s, int len,
      double[] smallest, double[] index) {
    System.arraycopy(first, s, smallest, 0, len);
    Arrays.fill(index, 0, len, 0.0);
    for (int j = k - 1; j >= 0; j--) {
      double[] a = dist[j];
      double jj = j;
      for (int q = 0; q < len; q++) {
        double other = Math.min(1.0, (a[q] - smallest[q]) * 0x1p1000 * 0x1p1000);
        index[q] = other * index[q] + (1 - other) * jj;
      }
    }
  }

  /**
   * The mean over the d coordinates of each coordinate's population variance (divisor n),
   * computed in two passes, as {@link FeatureVariance#mean} does for rows.
   */
  public double meanVariance() {
    double[] mean = new double[d];
    addColumnSums(0, n, mean);
    for (int t = 0; t < d; t++) {
      mean[t] /= n;
    }
    double[] squares = new double[d];
    addSquaredDeviations(0, n, mean, squares);
    return meanVariance(squares, n);
  }

  /**
   * The mean over the coordinates of {@code squares[t] / n}: the last step of
   * {@link #meanVariance} when its two passes ({@link #addColumnSums},
   * {@link #addSquaredDeviations}) are split over ranges of points, for instance over threads.
   */
  public static double meanVariance(double[] squares, int n) {
    double total = 0;
    for (double v : squares) {
      total += v / n;
    }
    return total / squares.length;
  }

  /** Adds to {@code sums[t]} the sum of coordinate t over the points {@code [from, to)}. */
  public void addColumnSums(int from, int to, double[] sums) {
    // One running sum per lane of a step: no addition waits on the one before.
    double[] lanes = new double[LANES];
    for (int t = 0; t < d; t++) {
      double[] col = columns[t];
      Arrays.fill(lanes, 0.0);
      for (int s = from; s < to; s += LANES) {
        for (int i = s, end = Math.min(to, s + LANES); i < end; i++) {
          lanes[i - s] += col[i];
        }
      }
      sums[t] += sum(lanes);
    }
  }

  /**
   * Adds to {@code out[t]} the sum of {@code (x_t - mean[t])²} over the points
   * {@code [from, to)}.
   */
  public void addSquaredDeviations(int from, int to, double[] mean, double[] out) {
    double[] lanes = new double[LANES];
    for (int t = 0; t < d; t++) {
      double[] col = columns[t];
      double mu = mean[t];
      Arrays.fill(lanes, 0.0);
      for (int s = from; s < to; s += LANES) {
        for (int i = s, end = Math.min(to, s + LANES); i < end; i++) {
          double v = col[i] - mu;
          lanes[i - s] += v * v;
        }
      }
      out[t] += sum(lanes);
    }
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double e : v) {
      s += e;
    }
    return s;
  }
}
