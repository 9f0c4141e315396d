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
    condensedRows(x, n, d, out, 0, n - 1);
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
    try (Chunks c = Chunks.ofSize(blocks, 1, t)) {
      c.forEach(b -> condensedRows(x, n, d, out, start[b], start[b + 1]));
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

  /** Rows {@code from .. to-1} of the condensed matrix: the pairs (i, j), from &le; i &lt; to, i &lt; j. */
  private static void condensedRows(double[] x, int n, int d, double[] out, int from, int to) {
    if (from >= to) {
      return;
    }
    int k = index(n, from, from + 1);
    for (int i = from; i < to; i++) {
      condensedRow(x, n, d, out, i, k);
      k += n - 1 - i;
    }
  }

  /**
   * Row i, the pairs (i, j) for j &gt; i, written from out[k]. A method of its own, called once
   * per row: a fresh JVM compiles it after a few rows and then runs every row compiled, where
   * a loop over all rows in one call ran compiled only on stack replacement and fell back to
   * the interpreter at the end of each block of rows.
   */
  private static void condensedRow(double[] x, int n, int d, double[] out, int i, int k) {
    int a = i * d;
    int j = i + 1;
    // Four pairs at a time: four independent sums the processor can overlap, each still
    // summed in index order, so every distance is bit-identical to the one-pair loop.
    for (; j + 3 < n; j += 4) {
      int b0 = j * d;
      int b1 = b0 + d;
      int b2 = b1 + d;
      int b3 = b2 + d;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int t = 0; t < d; t++) {
        double v = x[a + t];
        double e0 = v - x[b0 + t];
        double e1 = v - x[b1 + t];
        double e2 = v - x[b2 + t];
        double e3 = v - x[b3 + t];
        s0 += e0 * e0;
        s1 += e1 * e1;
        s2 += e2 * e2;
        s3 += e3 * e3;
      }
      out[k] = Math.sqrt(s0);
      out[k + 1] = Math.sqrt(s1);
      out[k + 2] = Math.sqrt(s2);
      out[k + 3] = Math.sqrt(s3);
      k += 4;
    }
    for (; j < n; j++) {
      int b = j * d;
      double s = 0;
      for (int t = 0; t < d; t++) {
        double diff = x[a + t] - x[b + t];
        s += diff * diff;
      }
      out[k++] = Math.sqrt(s);
    }
  }
}
