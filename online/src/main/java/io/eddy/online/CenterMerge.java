package io.eddy.online;

import io.eddy.math.Euclid;
import java.util.Arrays;

/**
 * The merge of two sets of k weighted centers, each center the weighted mean of the points it
 * summarises and its weight their total weight: the sufficient statistics (weight, linear sum)
 * of the k-means family.
 *
 * <p>When the two sets correspond, center j of each being the other's nearest to center j
 * (two learners started from the same centers and neither drifted past another's center),
 * center j of the result is the weighted mean of both centers j and its weight their sum:
 * exactly the statistics of all points together under that shared assignment. Otherwise the
 * 2k weighted centers are re-clustered into k by weighted Lloyd iterations that start from
 * deterministic farthest-first seeds; each result is the weighted mean of the centers it
 * gathered. Either way the total weight and the total linear sum {@code Σ w·c} are preserved,
 * up to rounding.
 *
 * <p>Both paths are symmetric in their two arguments up to the labels: the pairwise path adds
 * in an order-free way, and the re-clustering orders the 2k centers by weight, then
 * coordinates, before anything else. The re-clustered centers then take the labels of the
 * receiver's centers nearest to them (closest pairs first), so that a label keeps its meaning
 * from one merge to the next. Cost O(k²·d) per Lloyd iteration, at most {@link #MAX_ITERATIONS}.
 */
final class CenterMerge {

  /** Enough for 2k points to settle; each iteration only moves k means of weighted points. */
  static final int MAX_ITERATIONS = 100;

  private CenterMerge() {
  }

  /**
   * Merges {@code (otherCenters, otherWeights)} into {@code (centers, weights)} in place.
   *
   * @param centers k·d row-major, replaced by the merged centers
   * @param weights k weights &ge; 0, replaced by the merged weights
   * @return whether the two sets corresponded (the pairwise, per-center exact path)
   */
  static boolean merge(double[] centers, double[] weights, double[] otherCenters, double[] otherWeights,
      int k, int d) {
    if (corresponds(centers, otherCenters, k, d)) {
      for (int j = 0; j < k; j++) {
        double wa = weights[j];
        double wb = otherWeights[j];
        double total = wa + wb;
        for (int e = 0; e < d; e++) {
          double a = centers[j * d + e];
          double b = otherCenters[j * d + e];
          // Zero total weight: neither side has a point here, so take the midpoint (symmetric).
          centers[j * d + e] = total > 0 ? (wa * a + wb * b) / total : 0.5 * (a + b);
        }
        weights[j] = total;
      }
      return true;
    }
    recluster(centers, weights, otherCenters, otherWeights, k, d);
    return false;
  }

  /** Whether center j of each set is the other set's nearest to center j, for every j. */
  static boolean corresponds(double[] a, double[] b, int k, int d) {
    double[] row = new double[d];
    for (int j = 0; j < k; j++) {
      System.arraycopy(a, j * d, row, 0, d);
      if (Euclid.nearest(row, b, k) != j) {
        return false;
      }
      System.arraycopy(b, j * d, row, 0, d);
      if (Euclid.nearest(row, a, k) != j) {
        return false;
      }
    }
    return true;
  }

  private static void recluster(double[] centers, double[] weights, double[] otherCenters,
      double[] otherWeights, int k, int d) {
    int n = 2 * k;
    double[] points = new double[n * d];
    double[] w = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // One canonical order of the 2k centers, whichever side each came from.
    Arrays.sort(order, (p, q) -> compare(p, q, centers, weights, otherCenters, otherWeights, k, d));
    for (int i = 0; i < n; i++) {
      int src = order[i];
      double[] from = src < k ? centers : otherCenters;
      int row = src < k ? src : src - k;
      System.arraycopy(from, row * d, points, i * d, d);
      w[i] = src < k ? weights[row] : otherWeights[row];
    }
    double[] means = seeds(points, w, k, d);
    double[] totals = new double[k];
    int[] label = new int[n];
    Arrays.fill(label, -1);
    double[] row = new double[d];
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        System.arraycopy(points, i * d, row, 0, d);
        int j = Euclid.nearest(row, means, k);
        if (j != label[i]) {
          label[i] = j;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      weightedMeans(points, w, label, means, totals, k, d);
    }
    weightedMeans(points, w, label, means, totals, k, d);
    int[] slot = matchTo(centers, means, k, d);
    for (int j = 0; j < k; j++) {
      System.arraycopy(means, j * d, centers, slot[j] * d, d);
      weights[slot[j]] = totals[j];
    }
  }

  /**
   * Where each merged center goes so that labels keep their meaning: greedily, closest pair
   * first, merged center j takes the label of the receiver's center nearest to it.
   */
  static int[] matchTo(double[] receiver, double[] merged, int k, int d) {
    double[] dist = new double[k * k];
    Integer[] order = new Integer[k * k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        dist[a * k + b] = Euclid.squaredDistance(receiver, a * d, merged, b * d, d);
        order[a * k + b] = a * k + b;
      }
    }
    Arrays.sort(order, (p, q) -> Double.compare(dist[p], dist[q]));
    int[] slot = new int[k];
    Arrays.fill(slot, -1);
    boolean[] taken = new boolean[k];
    for (int i : order) {
      int a = i / k;
      int b = i % k;
      if (!taken[a] && slot[b] < 0) {
        taken[a] = true;
        slot[b] = a;
      }
    }
    return slot;
  }

  /**
   * Deterministic weighted farthest-first seeds: the heaviest center, then repeatedly the one
   * with the largest weight times squared distance to the seeds so far (k-means++ without the
   * draw, so that the merge needs no randomness and stays symmetric).
   */
  private static double[] seeds(double[] points, double[] w, int k, int d) {
    int n = w.length;
    double[] means = new double[k * d];
    double[] nearest = new double[n];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    int pick = 0;
    for (int j = 0; j < k; j++) {
      System.arraycopy(points, pick * d, means, j * d, d);
      int next = 0;
      double best = -1;
      for (int i = 0; i < n; i++) {
        nearest[i] = Math.min(nearest[i], Euclid.squaredDistance(points, i * d, means, j * d, d));
        double score = w[i] * nearest[i];
        if (score > best) {
          best = score;
          next = i;
        }
      }
      pick = next;
    }
    return means;
  }

  /** Each mean becomes the weighted mean of its members; a mean without weight stays put. */
  private static void weightedMeans(double[] points, double[] w, int[] label, double[] means,
      double[] totals, int k, int d) {
    double[] sums = new double[k * d];
    Arrays.fill(totals, 0);
    for (int i = 0; i < label.length; i++) {
      int j = label[i];
      totals[j] += w[i];
      for (int e = 0; e < d; e++) {
        sums[j * d + e] += w[i] * points[i * d + e];
      }
    }
    for (int j = 0; j < k; j++) {
      if (totals[j] > 0) {
        for (int e = 0; e < d; e++) {
          means[j * d + e] = sums[j * d + e] / totals[j];
        }
      }
    }
  }

  /** Heavier first, then by coordinates, then (identical centers) by nothing that matters. */
  private static int compare(int p, int q, double[] a, double[] wa, double[] b, double[] wb, int k, int d) {
    double wp = p < k ? wa[p] : wb[p - k];
    double wq = q < k ? wa[q] : wb[q - k];
    int c = Double.compare(wq, wp);
    if (c != 0) {
      return c;
    }
    double[] rp = p < k ? a : b;
    double[] rq = q < k ? a : b;
    int op = (p < k ? p : p - k) * d;
    int oq = (q < k ? q : q - k) * d;
    for (int e = 0; e < d; e++) {
      c = Double.compare(rp[op + e], rq[oq + e]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
