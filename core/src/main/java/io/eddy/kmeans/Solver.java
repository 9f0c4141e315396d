package io.eddy.kmeans;

import io.eddy.math.Chunks;
import io.eddy.math.Columns;
import io.eddy.math.Euclid;
import java.util.Arrays;

/**
 * One k-means run from given initial centers: the iteration scheme scikit-learn uses, with the
 * assignment step left to the subclasses (Lloyd's exhaustive search, Hamerly's and Elkan's
 * bounded searches, which give the same labels).
 *
 * <p>Each iteration assigns every point to its nearest center while summing the points of
 * each cluster, relocates empty clusters, moves the centers to the weighted means and measures
 * how far they moved. The run stops when no label changed (after the first iteration), when
 * the total squared center shift is at most the tolerance, or after {@code maxIter}
 * iterations; unless no label changed, a last assignment pass makes the labels agree with the
 * final centers.
 *
 * <p>All per-point work is split into the fixed {@link Chunks}; partial sums are kept per
 * chunk and added in chunk order, so the result does not depend on the number of threads.
 * A solver is used by one run at a time.
 */
abstract class Solver {

  /** The data's rows, for the work done point by point. */
  final double[][] x;
  /** The same data by columns, for the passes that compute every distance. */
  final Columns columns;
  final int n;
  final int d;
  final double[] w;
  final int k;
  final Chunks chunks;

  /** The current centers; replaced by the new centers at the end of every iteration. */
  double[] centers;
  private double[] next;
  final int[] labels;
  /**
   * Per chunk: the weighted sums of the points of each cluster (k·d) and their weights (k),
   * under the current labels. They are kept up to date by moving the points whose label
   * changes, so an iteration reads only those points' coordinates; points that keep their
   * label (most of them after the first iterations) cost nothing here.
   */
  private final double[] partialSums;
  private final double[] partialWeights;
  final int[] changed;
  /** Scratch of {@link #relabel}: each chunk lists its changed points in its own range. */
  private final int[] movedPoints;
  final double[] shift;

  Solver(Columns columns, double[][] x, double[] w, int k, Chunks chunks) {
    this.x = x;
    this.columns = columns;
    this.n = x.length;
    this.d = columns.dimension();
    this.w = w;
    this.k = k;
    this.chunks = chunks;
    this.centers = new double[k * d];
    this.next = new double[k * d];
    this.labels = new int[n];
    this.partialSums = new double[chunks.count * k * d];
    this.partialWeights = new double[chunks.count * k];
    this.changed = new int[chunks.count];
    this.movedPoints = new int[n];
    this.shift = new double[k];
  }

  /** Resets any bounds kept between iterations; called at the start of every run. */
  abstract void reset();

  /** Prepares the assignment passes against the current {@link #centers}. */
  abstract void prepare();

  /**
   * Assigns the points of one chunk to their nearest centers, writes {@link #labels}, counts
   * the labels that changed into {@link #changed} and, if {@code update}, moves each point
   * whose label changed between the chunk's running sums with {@link #move}.
   */
  abstract void assign(int chunk, boolean update);

  /**
   * Called once after the centers moved by {@link #shift}, before {@link #moved} and before the
   * next assignment pass.
   */
  void shifted() {}

  /**
   * Whether {@link #moved} must run over every chunk after each update. By default not: a
   * solver without bounds has nothing to loosen, and one that loosens a chunk's bounds at the
   * start of its next {@link #assign}, in the same pass over the chunk, saves the run a pass
   * over the data and a wait for the threads.
   */
  boolean movesBoundsEagerly() {
    return false;
  }

  /**
   * Loosens the bounds of one chunk after the centers moved by {@link #shift}; called for every
   * chunk if {@link #movesBoundsEagerly}.
   */
  void moved(int chunk) {}

  /**
   * Moves point i of {@code chunk} from cluster {@code from} (or from none if negative) to
   * cluster {@code to} in the chunk's running sums.
   */
  final void move(int chunk, int i, int from, int to) {
    double wi = w[i];
    double[] row = x[i];
    double[] s = partialSums;
    int base = chunk * k;
    int so = (base + to) * d;
    if (from >= 0) {
      int fo = (base + from) * d;
      for (int t = 0; t < d; t++) {
        double v = wi * row[t];
        s[fo + t] -= v;
        s[so + t] += v;
      }
      partialWeights[base + from] -= wi;
    } else {
      for (int t = 0; t < d; t++) {
        s[so + t] += wi * row[t];
      }
    }
    partialWeights[base + to] += wi;
  }

  /**
   * Gives the points of {@code [from, to)} of {@code chunk} the labels {@code nearest[i]},
   * moving those whose label changed if {@code update}; returns how many changed.
   *
   * <p>The moves read the coordinates from {@link #columns}, which the exhaustive pass that
   * computed {@code nearest} has just brought into cache, rather than from the rows, which
   * mostly are not: a list of the changed points, then one coordinate at a time. Each sum
   * receives the same terms in the same point order as {@link #move} would give it.
   */
  final int relabel(int chunk, int from, int to, int[] nearest, boolean update) {
    if (update && from < to && labels[from] < 0) {
      return labelFirst(chunk, from, to, nearest);
    }
    int[] list = movedPoints;
    int count = 0;
    for (int i = from; i < to; i++) {
      if (labels[i] != nearest[i]) {
        list[from + count++] = i;
      }
    }
    if (update) {
      double[] s = partialSums;
      int base = chunk * k;
      for (int t = 0; t < d; t++) {
        for (int q = from, end = from + count; q < end; q++) {
          int i = list[q];
          double v = w[i] * columns.get(i, t);
          s[(base + labels[i]) * d + t] -= v;
          s[(base + nearest[i]) * d + t] += v;
        }
      }
      for (int q = from, end = from + count; q < end; q++) {
        int i = list[q];
        partialWeights[base + labels[i]] -= w[i];
        partialWeights[base + nearest[i]] += w[i];
      }
    }
    for (int q = from, end = from + count; q < end; q++) {
      int i = list[q];
      labels[i] = nearest[i];
    }
    return count;
  }

  /**
   * The first labels of a run (every label is still -1): adds every point to its cluster's
   * running sums, reading the coordinates from {@link #columns}, which the assignment pass has
   * just brought into cache, rather than from the rows. Each sum receives the same terms in the
   * same point order as {@link #move} would give it.
   */
  private int labelFirst(int chunk, int from, int to, int[] nearest) {
    System.arraycopy(nearest, from, labels, from, to - from);
    double[] s = partialSums;
    int base = chunk * k;
    for (int i = from; i < to; i++) {
      partialWeights[base + nearest[i]] += w[i];
    }
    for (int t = 0; t < d; t++) {
      for (int i = from; i < to; i++) {
        s[(base + nearest[i]) * d + t] += w[i] * columns.get(i, t);
      }
    }
    return to - from;
  }

  /** The outcome of a run. */
  static final class Result {
    final double[] centers;
    final int[] labels;
    final double[] weights;
    final double inertia;
    final int iterations;
    final boolean converged;

    Result(double[] centers, int[] labels, double[] weights, double inertia, int iterations,
        boolean converged) {
      this.centers = centers;
      this.labels = labels;
      this.weights = weights;
      this.inertia = inertia;
      this.iterations = iterations;
      this.converged = converged;
    }
  }

  /**
   * Runs k-means from {@code initial}.
   *
   * @param initial k·d initial centers; not modified
   * @param maxIter at least 1
   * @param tol absolute tolerance on the sum of squared center shifts
   */
  final Result run(double[] initial, int maxIter, double tol) {
    System.arraycopy(initial, 0, centers, 0, k * d);
    Arrays.fill(labels, -1);
    Arrays.fill(partialSums, 0.0);
    Arrays.fill(partialWeights, 0.0);
    reset();
    double[] sums = new double[k * d];
    double[] weights = new double[k];
    boolean strict = false;
    boolean converged = false;
    int it = 0;
    for (; it < maxIter; it++) {
      prepare();
      chunks.forEach(c -> assign(c, true));
      reduce(sums, weights);
      relocateEmpty(sums, weights);
      double total = 0;
      for (int j = 0; j < k; j++) {
        int o = j * d;
        double wj = weights[j];
        if (wj > 0) {
          double inv = 1.0 / wj;
          if (inv == Double.POSITIVE_INFINITY) {
            // A cluster of subnormal weight (points weighted 1e-320 beside points weighted 1):
            // its inverse overflows, its quotient does not.
            for (int t = 0; t < d; t++) {
              next[o + t] = sums[o + t] / wj;
            }
          } else {
            for (int t = 0; t < d; t++) {
              next[o + t] = sums[o + t] * inv;
            }
          }
        } else {
          System.arraycopy(centers, o, next, o, d);
        }
        double s = Math.sqrt(Euclid.squaredDistance(next, o, centers, o, d));
        shift[j] = s;
        total += s * s;
      }
      double[] tmp = centers;
      centers = next;
      next = tmp;
      shifted();
      if (movesBoundsEagerly()) {
        chunks.forEach(this::moved);
      }
      int changedTotal = 0;
      for (int c = 0; c < chunks.count; c++) {
        changedTotal += changed[c];
      }
      if (it > 0 && changedTotal == 0) {
        strict = true;
        converged = true;
        break;
      }
      if (total <= tol) {
        converged = true;
        break;
      }
    }
    int iterations = Math.min(it + 1, maxIter);
    if (!strict) {
      prepare();
      chunks.forEach(c -> assign(c, false));
    }
    double[] partialInertia = new double[chunks.count];
    Arrays.fill(partialWeights, 0.0);
    final double[] cs = centers;
    chunks.forEach(c -> {
      double s = 0;
      int wo = c * k;
      for (int i = chunks.start(c), end = chunks.end(c); i < end; i++) {
        int j = labels[i];
        s += w[i] * Euclid.squaredDistance(x[i], 0, cs, j * d, d);
        partialWeights[wo + j] += w[i];
      }
      partialInertia[c] = s;
    });
    double inertia = 0;
    Arrays.fill(weights, 0.0);
    for (int c = 0; c < chunks.count; c++) {
      inertia += partialInertia[c];
      for (int j = 0; j < k; j++) {
        weights[j] += partialWeights[c * k + j];
      }
    }
    return new Result(centers.clone(), labels.clone(), weights, inertia, iterations, converged);
  }

  private void reduce(double[] sums, double[] weights) {
    Arrays.fill(sums, 0.0);
    Arrays.fill(weights, 0.0);
    int kd = k * d;
    for (int c = 0; c < chunks.count; c++) {
      int so = c * kd;
      for (int t = 0; t < kd; t++) {
        sums[t] += partialSums[so + t];
      }
      int wo = c * k;
      for (int j = 0; j < k; j++) {
        weights[j] += partialWeights[wo + j];
      }
    }
  }

  /**
   * Gives every cluster of zero weight the point (of positive weight) farthest from its
   * center, taking that point out of its own cluster's sums, as scikit-learn does; the
   * farthest point goes to the lowest empty label, ties between points to the lowest index.
   * Labels are left as they are: the next assignment pass recomputes them.
   */
  private void relocateEmpty(double[] sums, double[] weights) {
    int empty = 0;
    for (int j = 0; j < k; j++) {
      if (weights[j] == 0) {
        empty++;
      }
    }
    if (empty == 0) {
      return;
    }
    int[] emptyLabels = new int[empty];
    for (int j = 0, e = 0; j < k; j++) {
      if (weights[j] == 0) {
        emptyLabels[e++] = j;
      }
    }
    int[] far = new int[empty];
    double[] farDist = new double[empty];
    Arrays.fill(far, -1);
    Arrays.fill(farDist, -1.0);
    for (int i = 0; i < n; i++) {
      if (w[i] <= 0) {
        continue;
      }
      double dist = Euclid.squaredDistance(x[i], 0, centers, labels[i] * d, d);
      if (dist > farDist[empty - 1]) {
        int p = empty - 1;
        while (p > 0 && dist > farDist[p - 1]) {
          farDist[p] = farDist[p - 1];
          far[p] = far[p - 1];
          p--;
        }
        farDist[p] = dist;
        far[p] = i;
      }
    }
    for (int r = 0; r < empty; r++) {
      int j = emptyLabels[r];
      int i = far[r];
      if (i < 0) {
        break;
      }
      int from = labels[i];
      double wi = w[i];
      double[] row = x[i];
      for (int t = 0; t < d; t++) {
        double v = row[t] * wi;
        sums[from * d + t] -= v;
        sums[j * d + t] = v;
      }
      weights[j] = wi;
      weights[from] -= wi;
    }
  }
}
