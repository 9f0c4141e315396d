package io.eddy.online;

import io.eddy.kmeans.KMeansPlusPlus;
import io.eddy.math.Chunks;
import io.eddy.math.Columns;
import io.eddy.math.SplitMix64;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mini-batch step of {@link MiniBatchKMeans} and the state it advances: the k centers, their
 * counts, the generator and the reassignment clock. Online learning keeps one for its whole
 * life; each {@link MiniBatchFit} makes its own.
 *
 * <p>A step on b points assigns each to its nearest center, moves every center that received
 * points to the exact weighted mean {@code c ← (c·W + Σ w·x) / (W + Σ w)}, {@code W += Σ w},
 * then, when due, reassigns starved centers to batch points. The scratch it needs is allocated
 * once for the largest batch seen; a step allocates nothing. Not thread-safe.
 */
final class MiniBatchStep {

  final int k;
  final int d;
  private final MiniBatchKMeans.Params params;

  // ---- the state (persisted by MiniBatchKMeans.CODEC) ----
  /** The centers, row-major k·d, and their counts; null until {@link #initialise}. */
  double[] centers;
  double[] counts;
  final SplitMix64 rng;
  /** Points since reassignment last ran. */
  long sinceReassign;
  /** Steps taken. */
  long steps;

  // ---- scratch, sized for `capacity` points ----
  private int capacity;
  /** The batch, row-major, and its weights: callers may fill these and step on them. */
  double[] batch;
  double[] batchWeights;
  /** The rows of the data a fit drew for the next step. */
  int[] drawn;
  private int[] picks;
  /** The batch by columns, and the outputs of {@link Columns#nearest} on it: labels and squared distances. */
  private Columns columns;
  int[] nearest;
  double[] first;
  private double[] distances;
  private final double[][] buffers;
  private final double[][] otherBuffers;
  private final double[] sums;
  private final double[] sumWeights;
  private final boolean[] reassigned;
  private final int[] order;
  /**
   * A fit's partition of its batches into two halves labelled on two threads, or null: online
   * steps run on the caller's thread.
   */
  Chunks halves;
  /** Whether {@link #gather} has labelled the batch for the next step. */
  private boolean assigned;

  MiniBatchStep(MiniBatchKMeans.Params params, int d, SplitMix64 rng) {
    this.params = params;
    this.k = params.k();
    this.d = d;
    this.rng = rng;
    sums = new double[k * d];
    sumWeights = new double[k];
    reassigned = new boolean[k];
    order = new int[k];
    buffers = Columns.scratch(k);
    otherBuffers = Columns.scratch(k);
  }

  /** Makes room for batches of m points; the scratch's contents are lost when it grows. */
  void ensureCapacity(int m) {
    if (capacity >= m) {
      return;
    }
    capacity = m;
    batch = new double[capacity * d];
    batchWeights = new double[capacity];
    drawn = new int[capacity];
    picks = new int[capacity];
    columns = Columns.buffer(capacity, d);
    nearest = new int[capacity];
    first = new double[capacity];
    distances = new double[capacity];
  }

  /**
   * The initial centers, from {@code effectiveInitSize} of the n rows drawn with replacement, or
   * all of them if there are no more: greedy k-means++ on that sample, or k distinct rows of it
   * drawn uniformly ({@link MiniBatchKMeans.Init#RANDOM}, which ignores the weights as
   * scikit-learn 1.2 does). Counts start at 0.
   *
   * @param weights one per row, or null for all ones
   */
  void initialise(double[][] rows, double[] weights, int n) {
    int size = Math.min(params.effectiveInitSize(), n);
    double[][] sample = new double[size][];
    double[] sampleWeights = new double[size];
    for (int i = 0; i < size; i++) {
      int r = size < n ? rng.nextInt(n) : i;
      sample[i] = rows[r];
      sampleWeights[i] = weights == null ? 1.0 : weights[r];
    }
    if (params.init() == MiniBatchKMeans.Init.RANDOM) {
      centers = new double[k * d];
      int[] order = new int[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      for (int j = 0; j < k; j++) {
        System.arraycopy(sample[pick(order, j, size)], 0, centers, j * d, d);
      }
    } else {
      centers = KMeansPlusPlus.centers(sample, sampleWeights, k, new SplittableRandom(rng.nextLong()));
    }
    counts = new double[k];
  }

  /** Starts from the given centers, k rows of dimension d, with counts 0. */
  void initialise(double[][] given) {
    centers = new double[k * d];
    for (int j = 0; j < k; j++) {
      System.arraycopy(given[j], 0, centers, j * d, d);
    }
    counts = new double[k];
  }

  /**
   * One step on the m points of {@code x} (row-major) with weights {@code w}; the centers must
   * exist and the capacity be at least m. Returns the batch's weighted inertia against the
   * centers before the step.
   */
  double step(double[] x, double[] w, int m) {
    boolean reassign = dueForReassignment(m);
    Arrays.fill(sums, 0.0);
    Arrays.fill(sumWeights, 0.0);
    if (!assigned) {
      assign(x, m);
    }
    assigned = false;
    double inertia = 0;
    for (int i = 0; i < m; i++) {
      int xo = i * d;
      int best = nearest[i];
      double wi = w[i];
      inertia += wi * first[i];
      int so = best * d;
      for (int t = 0; t < d; t++) {
        sums[so + t] += wi * x[xo + t];
      }
      sumWeights[best] += wi;
    }
    for (int j = 0; j < k; j++) {
      double add = sumWeights[j];
      if (add > 0) {
        int co = j * d;
        double old = counts[j];
        double total = old + add;
        double inv = 1.0 / total;
        for (int t = 0; t < d; t++) {
          centers[co + t] = (centers[co + t] * old + sums[co + t]) * inv;
        }
        counts[j] = total;
      }
    }
    if (reassign && params.reassignmentRatio() > 0) {
      reassignStarved(x, m);
    }
    steps++;
    return inertia;
  }

  /** scikit-learn's rule: reassign when a center is still empty or 10·k points have passed. */
  private boolean dueForReassignment(int m) {
    sinceReassign += m;
    boolean due = sinceReassign >= 10L * k;
    for (int j = 0; j < k && !due; j++) {
      due = counts[j] == 0;
    }
    if (due) {
      sinceReassign = 0;
    }
    return due;
  }

  /**
   * Copies rows {@code drawn[0 .. m)} of {@code data} into the batch and labels them for the
   * next {@link #step}, in two halves on two threads when the fit made {@link #halves} (the rows are
   * scattered in memory, so the copies gain from two cores as much as the arithmetic).
   */
  void gather(double[][] data, int m) {
    Chunks h = halves;
    if (h == null || h.n != m) {
      gatherRange(data, 0, m, buffers);
    } else {
      h.forEach(c -> gatherRange(data, h.start(c), h.end(c), c == 0 ? buffers : otherBuffers));
    }
    assigned = true;
  }

  private void gatherRange(double[][] data, int from, int to, double[][] scratch) {
    for (int i = from; i < to; i++) {
      System.arraycopy(data[drawn[i]], 0, batch, i * d, d);
    }
    assignRange(batch, from, to, scratch);
  }

  private void assign(double[] x, int m) {
    Chunks h = halves;
    if (h == null || h.n != m) {
      assignRange(x, 0, m, buffers);
    } else {
      // Every point's label and distance are the same whichever half it is in.
      h.forEach(c -> assignRange(x, h.start(c), h.end(c), c == 0 ? buffers : otherBuffers));
    }
  }

  /**
   * Labels rows {@code [from, from + m)} of {@code data}, m &le; the capacity, into
   * {@link #nearest}, with their squared distances in {@link #first}.
   */
  void label(double[][] data, int from, int m) {
    for (int q = 0; q < m; q++) {
      columns.set(q, data[from + q], 0);
    }
    columns.nearest(0, m, centers, k, distances, buffers, nearest, first, null);
  }

  private void assignRange(double[] x, int from, int to, double[][] scratch) {
    for (int i = from; i < to; i++) {
      columns.set(i, x, i * d);
    }
    columns.nearest(from, to, centers, k, distances, scratch, nearest, first, null);
  }

  /**
   * Moves every center whose count is below {@code reassignmentRatio} × the largest count (at
   * most half the batch of them, lowest counts first) onto distinct batch points drawn
   * uniformly, and gives it the smallest count among the others.
   */
  private void reassignStarved(double[] x, int m) {
    double max = 0;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, counts[j]);
    }
    double threshold = params.reassignmentRatio() * max;
    int n = 0;
    for (int j = 0; j < k; j++) {
      reassigned[j] = counts[j] < threshold;
      if (reassigned[j]) {
        n++;
      }
    }
    int limit = (int) (0.5 * m);
    if (n > limit) {
      keepLowestCounts(limit);
      n = limit;
    }
    if (n == 0) {
      return;
    }
    // Distinct batch points, uniformly: a partial Fisher-Yates shuffle of the batch indices.
    for (int i = 0; i < m; i++) {
      picks[i] = i;
    }
    double minKept = Double.POSITIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      if (!reassigned[j]) {
        minKept = Math.min(minKept, counts[j]);
      }
    }
    int p = 0;
    for (int j = 0; j < k; j++) {
      if (!reassigned[j]) {
        continue;
      }
      System.arraycopy(x, pick(picks, p, m) * d, centers, j * d, d);
      p++;
      if (minKept != Double.POSITIVE_INFINITY) {
        counts[j] = minKept;
      }
    }
  }

  /**
   * Step p of a partial Fisher-Yates shuffle of {@code order[0 .. size)}: swaps a uniform pick
   * among {@code order[p .. size)} into place p and returns it, so that picks never repeat.
   */
  private int pick(int[] order, int p, int size) {
    int r = p + rng.nextInt(size - p);
    int chosen = order[r];
    order[r] = order[p];
    order[p] = chosen;
    return chosen;
  }

  /** Unmarks all but the {@code limit} lowest counts (ties to the lowest label, a stable order). */
  private void keepLowestCounts(int limit) {
    for (int j = 0; j < k; j++) {
      order[j] = j;
    }
    for (int a = 1; a < k; a++) {
      int v = order[a];
      int b = a - 1;
      while (b >= 0 && counts[order[b]] > counts[v]) {
        order[b + 1] = order[b];
        b--;
      }
      order[b + 1] = v;
    }
    for (int r = limit; r < k; r++) {
      reassigned[order[r]] = false;
    }
  }
}
