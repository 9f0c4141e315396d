package io.eddy.math;

/**
 * Pairwise Euclidean distances on flat row-major point sets, and the condensed (upper
 * triangle) layout that stores them: the hot loops of agglomerative clustering.
 *
 * <p>The condensed layout of n points holds the distance between points {@code i < j} at
 * {@link #index(int, int, int)} {@code = n·i − i(i+1)/2 + (j − i − 1)}, the same order as
 * scipy's {@code pdist}, in one {@code double[n(n−1)/2]}.
 *
 * <p>Unlike {@link Euclid}, sums here run in index order with a single accumulator: that is
 * how scipy's {@code pdist} sums, so distances agree with it bit for bit and ties in the
 * data (duplicate points, coordinates on a grid) stay ties. No method allocates or checks
 * its arguments beyond what the JVM does.
 */
public final class Pairwise {

  private Pairwise() {}

  /** The largest n whose condensed matrix fits one Java array. */
  public static final int MAX_CONDENSED_POINTS = 65_536;

  /** The position of the pair {@code (i, j)}, {@code i < j < n}, in a condensed matrix. */
  public static int index(int n, int i, int j) {
    return (int) ((long) n * i - ((long) i * (i + 1)) / 2 + (j - i - 1));
  }

  /** The number of pairs of n points, n(n−1)/2, as a long. */
  public static long pairs(long n) {
    return n * (n - 1) / 2;
  }

  /**
   * The Euclidean distance between rows {@code i} and {@code j} of the flat point set
   * {@code x} of dimension {@code d}, summed in index order.
   */
  public static double distance(double[] x, int d, int i, int j) {
    int a = i * d;
    int b = j * d;
    double s = 0;
    for (int t = 0; t < d; t++) {
      double diff = x[a + t] - x[b + t];
      s += diff * diff;
    }
    return Math.sqrt(s);
  }

  /**
   * The squared Euclidean distance between {@code a[aOff .. aOff+d)} and
   * {@code b[bOff .. bOff+d)}, summed in index order.
   */
  public static double squaredDistance(double[] a, int aOff, double[] b, int bOff, int d) {
    double s = 0;
    for (int t = 0; t < d; t++) {
      double diff = a[aOff + t] - b[bOff + t];
      s += diff * diff;
    }
    return s;
  }

  /**
   * Fills {@code out} with the condensed Euclidean distance matrix of the n points in
   * {@code x}.
   *
   * @param x n points of dimension d, row-major; not modified
   * @param out an array of length at least n(n−1)/2; modified
   */
  public static void condensed(double[] x, int n, int d, double[] out) {
    condensedRows(x, columns(x, n, d), n, d, out, 0, n - 1);
  }

  /**
   * {@link #condensed} on {@code threads} threads (0: all available processors), with the
   * same result: the rows are cut into blocks of about equal numbers of pairs, and each
   * block writes only its own part of {@code out}.
   */
  public static void condensed(double[] x, int n, int d, double[] out, int threads) {
    int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    long pairs = pairs(n);
    if (t < 2 || pairs < 1 << 18) {
      condensed(x, n, d, out);
      return;
    }
    // Several blocks per thread, so that a thread slowed by other work on the machine
    // holds up the others less.
    int[] start = rowBlocks(n, (int) Math.min(4L * t, n - 1));
    int blocks = start.length - 1;
    double[][] cols = columns(x, n, d);
    try (Chunks c = Chunks.ofSize(blocks, 1, t)) {
      c.forEach(b -> condensedRows(x, cols, n, d, out, start[b], start[b + 1]));
    }
  }

  /**
   * Cuts the rows 0 .. n−2 of a condensed matrix into {@code blocks} runs of about equal
   * numbers of pairs: block b is rows {@code start[b] .. start[b+1]-1}; a block may be empty.
   */
  public static int[] rowBlocks(int n, int blocks) {
    int[] start = new int[blocks + 1];
    long pairs = pairs(n);
    int row = 0;
    long done = 0;
    for (int b = 1; b < blocks; b++) {
      long target = pairs * b / blocks;
      while (row < n - 1 && done + (n - 1 - row) <= target) {
        done += n - 1 - row;
        row++;
      }
      start[b] = row;
    }
    start[blocks] = Math.max(n - 1, 0);
    return start;
  }

  /**
   * The points' coordinates column by column: {@code cols[t][i] = x[i·d + t]}, the layout
   * {@link #squaredDistances} reads.
   */
  public static double[][] columns(double[] x, int n, int d) {
    double[][] cols = new double[d][n];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < d; t++) {
        cols[t][i] = x[i * d + t];
      }
    }
    return cols;
  }

  /**
   * The squared distances from the point at {@code x[xo .. xo+d)} to the points at positions
   * {@code from .. to-1} of {@code cols} (one array per coordinate) into
   * {@code out[from .. to)}: one pass per coordinate, along arrays indexed exactly like
   * {@code out}, which the compiler vectorises (an offset between the indices defeats it).
   * Each sum still runs in coordinate order, so every value is bit-identical to a row-major
   * loop's. O(d·(to − from)), allocates nothing.
   */
  public static void squaredDistances(double[] x, int xo, int d, double[][] cols, int from, int to, double[] out) {
    double[] c0 = cols[0];
    double v = x[xo];
    for (int k = from; k < to; k++) {
      double e = v - c0[k];
      out[k] = e * e;
    }
    for (int t = 1; t < d; t++) {
      double[] ct = cols[t];
      double vt = x[xo + t];
      for (int k = from; k < to; k++) {
        double e = vt - ct[k];
        out[k] += e * e;
      }
    }
  }

  /** Rows {@code from .. to-1} of the condensed matrix: the pairs (i, j), from &le; i &lt; to, i &lt; j. */
  private static void condensedRows(double[] x, double[][] cols, int n, int d, double[] out, int from, int to) {
    if (from >= to) {
      return;
    }
    double[] row = new double[n];
    int k = index(n, from, from + 1);
    for (int i = from; i < to; i++) {
      condensedRow(x, cols, n, d, out, i, k, row);
      k += n - 1 - i;
    }
  }

  /**
   * Row i, the pairs (i, j) for j &gt; i, written from out[k], through {@code row} (scratch
   * of length n, indexed like the columns so that its loops vectorise). A method of its own,
   * called once per row: a fresh JVM compiles it after a few rows and then runs every row
   * compiled, where a loop over all rows in one call ran compiled only on stack replacement
   * and fell back to the interpreter at the end of each block of rows.
   */
  private static void condensedRow(double[] x, double[][] cols, int n, int d, double[] out, int i, int k,
      double[] row) {
    squaredDistances(x, i * d, d, cols, i + 1, n, row);
    for (int j = i + 1; j < n; j++) {
      row[j] = Math.sqrt(row[j]);
    }
    System.arraycopy(row, i + 1, out, k, n - 1 - i);
  }
}
