package io.eddy.kmeans;

import io.eddy.math.AllDistances;
import io.eddy.math.Chunks;
import io.eddy.math.Columns;
import io.eddy.math.Euclid;
import java.util.Arrays;

/**
 * Hamerly's assignment step: one upper bound on the distance to the assigned center and one
 * lower bound on the distance to every other center per point. A point whose upper bound is
 * below both its lower bound and half the distance from its center to the nearest other center
 * keeps its label without any distance computation. Gives Lloyd's labels with far fewer
 * distance computations in low and moderate dimension; O(n) extra memory.
 *
 * <p>The first pass, and any pass over a chunk more than a third of whose points fail their
 * bounds, is exhaustive, by the column kernel, and leaves exact bounds. Otherwise the points
 * that fail their bounds are measured one by one from their rows.
 *
 * <p>Reference: G. Hamerly, "Making k-means even faster", SDM 2010.
 */
final class HamerlySolver extends Solver {

  private final double[] upper;
  private final double[] lower;
  /** Half the distance from each center to its nearest other center. */
  private final double[] half;
  private boolean initialized;
  private double maxShift;
  private double secondShift;
  private int maxShiftLabel;
  /** The centers transposed, for the all-centers distance pass. */
  private final double[][] centerColumns;
  /** Per chunk: the distances of one point to every center. */
  private final double[][] scratch;
  /** Per chunk: the points of a window that failed their bounds test. */
  private final int[][] window;
  private static final int WINDOW = 64;
  /**
   * Per chunk (8 apart, a cache line each): a sum of the suspects' first and last coordinates,
   * kept only so that the loads that fetch their rows early are not optimised away.
   */
  private final double[] touched;
  /**
   * Per chunk: the fraction of its points that fail their bounds test against the current
   * centers, estimated on a sample when the bounds are loosened at the start of a pass. Above
   * {@link #FULL_PASS_ABOVE} the pass is exhaustive (measured: a point checked on its own costs
   * about three times its share of the column kernel's pass, at d = 16; 1/5 was faster at
   * d = 16 but far slower at d = 64).
   */
  private final double[] failed;
  /** Per chunk: whether its bounds still wait to be loosened by the last shifts. */
  private final boolean[] stale;
  private static final double FULL_PASS_ABOVE = 1.0 / 3;
  /** One point in this many is tested to estimate {@link #failed}. */
  private static final int FAILURE_SAMPLE = 4;

  /** Buffers of the first, exhaustive pass. */
  private final BlockScratch blockScratch;
  private final int[] nearestScratch;
  private final double[] distanceScratch;

  HamerlySolver(Columns columns, double[][] x, double[] w, int k, Chunks chunks) {
    super(columns, x, w, k, chunks);
    upper = new double[n];
    lower = new double[n];
    half = new double[k];
    centerColumns = new double[d][k];
    scratch = new double[chunks.count][k];
    window = new int[chunks.count][WINDOW];
    touched = new double[chunks.count * 8];
    failed = new double[chunks.count];
    stale = new boolean[chunks.count];
    blockScratch = new BlockScratch(k);
    nearestScratch = new int[n];
    distanceScratch = new double[n];
  }

  @Override
  void reset() {
    initialized = false;
    Arrays.fill(stale, false);
  }

  @Override
  void prepare() {
    CenterDistances.halfToNearest(centers, k, d, half);
    AllDistances.transpose(centers, k, d, centerColumns);
  }

  @Override
  void assign(int chunk, boolean update) {
    if (initialized && stale[chunk]) {
      loosen(chunk);
    }
    if (!initialized || failed[chunk] > FULL_PASS_ABOVE) {
      // While the centers still move a lot, most points fail their bounds and would be measured
      // one by one from rows that are seldom in cache; the column kernel's exhaustive pass over
      // the chunk is then cheaper, and it leaves exact bounds.
      assignAll(chunk, update);
      return;
    }
    final double[] c = centers;
    final int[] suspects = window[chunk];
    int count = 0;
    for (int s = chunks.start(chunk), end = chunks.end(chunk); s < end; s += WINDOW) {
      // Passes over a window of points. Most points pass the bounds test and are never read;
      // the others' rows are mostly not in cache, so they are first touched in a loop of
      // independent loads, which lets the processor wait for many rows at once.
      int e = Math.min(end, s + WINDOW);
      int m = 0;
      for (int i = s; i < e; i++) {
        if (upper[i] > Math.max(half[labels[i]], lower[i])) {
          suspects[m++] = i;
        }
      }
      // Reading both ends of every suspect's row first lets the processor fetch the rows in
      // parallel; the distance loop below then mostly finds them in cache (measured 3-5 % of a
      // whole fit at n = 200k, d = 16, k = 16).
      double sum = 0;
      for (int q = 0; q < m; q++) {
        double[] row = x[suspects[q]];
        sum += row[0] + row[d - 1];
      }
      touched[chunk * 8] += sum;
      for (int q = 0; q < m; q++) {
        int i = suspects[q];
        upper[i] = Math.sqrt(Euclid.squaredDistance(x[i], 0, c, labels[i] * d, d));
      }
      for (int q = 0; q < m; q++) {
        int i = suspects[q];
        count += searchAll(chunk, i, update);
      }
    }
    changed[chunk] = count;
  }

  /**
   * Point i failed its bounds test; if its exact distance to its center still fails it, finds
   * its nearest center among all. Returns 1 if its label changed.
   */
  private int searchAll(int chunk, int i, boolean update) {
    int label = labels[i];
    if (upper[i] <= Math.max(half[label], lower[i])) {
      return 0;
    }
    double[] row = x[i];
    int best = 0;
    double d1 = Double.POSITIVE_INFINITY;
    double d2 = Double.POSITIVE_INFINITY;
    double[] all = scratch[chunk];
    AllDistances.squared(row, 0, centerColumns, k, d, all);
    for (int j = 0; j < k; j++) {
      double dist = all[j];
      if (dist < d1) {
        d2 = d1;
        d1 = dist;
        best = j;
      } else if (dist < d2) {
        d2 = dist;
      }
    }
    upper[i] = Math.sqrt(d1);
    lower[i] = Math.sqrt(d2);
    if (label == best) {
      return 0;
    }
    labels[i] = best;
    if (update) {
      move(chunk, i, label, best);
    }
    return 1;
  }

  /**
   * The first pass, with no bounds yet: every distance, by {@link Columns#nearest}, which
   * leaves the squared distances to the nearest and second nearest centers in the bounds.
   */
  private void assignAll(int chunk, boolean update) {
    int from = chunks.start(chunk);
    int to = chunks.end(chunk);
    int[] nearest = nearestScratch;
    double[][] steps = blockScratch.acquire();
    columns.nearest(from, to, centers, k, distanceScratch, steps, nearest, upper, lower);
    blockScratch.release(steps);
    for (int i = from; i < to; i++) {
      upper[i] = Math.sqrt(upper[i]);
      lower[i] = Math.sqrt(lower[i]);
    }
    changed[chunk] = relabel(chunk, from, to, nearest, update);
  }

  @Override
  void shifted() {
    double m1 = 0;
    double m2 = 0;
    int arg = -1;
    for (int j = 0; j < k; j++) {
      double s = shift[j];
      if (s > m1) {
        m2 = m1;
        m1 = s;
        arg = j;
      } else if (s > m2) {
        m2 = s;
      }
    }
    maxShift = m1;
    secondShift = m2;
    maxShiftLabel = arg;
    initialized = true;
    Arrays.fill(stale, true);
  }

  /**
   * Loosens the chunk's bounds by the last shifts and estimates the fraction of points that
   * fail their test against the current centers; called by {@link #assign}, so that one pass over the chunk
   * does both while its bounds are in cache.
   */
  private void loosen(int chunk) {
    stale[chunk] = false;
    final double m1 = maxShift;
    final double m2 = secondShift;
    final int arg = maxShiftLabel;
    int from = chunks.start(chunk);
    int end = chunks.end(chunk);
    for (int i = from; i < end; i++) {
      int label = labels[i];
      upper[i] += shift[label];
      lower[i] -= label == arg ? m2 : m1;
    }
    // Every fourth point is enough to choose between the two kinds of pass, which give the
    // same labels; testing them all would cost a sizeable part of a pass that searches few.
    int failures = 0;
    int tested = 0;
    for (int i = from; i < end; i += FAILURE_SAMPLE) {
      tested++;
      if (upper[i] > Math.max(half[labels[i]], lower[i])) {
        failures++;
      }
    }
    failed[chunk] = (double) failures / tested;
  }
}
