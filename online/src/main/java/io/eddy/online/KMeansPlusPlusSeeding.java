package io.eddy.online;

import io.eddy.math.Euclid;
import java.util.SplittableRandom;

/**
 * Greedy k-means++ seeding over a weighted, flat point buffer: each new center is the best of
 * 2 + floor(ln k) candidates drawn with probability proportional to weight times squared
 * distance to the nearest chosen center (Arthur and Vassilvitskii 2007; the greedy variant
 * scikit-learn uses).
 */
final class KMeansPlusPlusSeeding {

  private KMeansPlusPlusSeeding() {}

  /**
   * Chooses up to k seeds.
   *
   * @param pts n points of dimension d, row-major; not modified
   * @param w their weights, &gt; 0; not modified
   * @param out receives the chosen centers, row-major; modified
   * @return the number of centers chosen: k, or fewer if there are fewer distinct points
   */
  static int seed(double[] pts, double[] w, int n, int d, int k, SplittableRandom rng, double[] out) {
    int trials = 2 + (int) Math.floor(Math.log(k));
    double[] closest = new double[n];
    double[] candidate = new double[n];
    double[] best = new double[n];
    double[] cumulative = new double[n];

    int first = sample(w, null, n, rng, cumulative);
    System.arraycopy(pts, first * d, out, 0, d);
    double potential = 0;
    for (int i = 0; i < n; i++) {
      closest[i] = Euclid.squaredDistance(pts, i * d, out, 0, d);
      potential += w[i] * closest[i];
    }
    for (int c = 1; c < k; c++) {
      if (!(potential > 0)) {
        return c;
      }
      double bestPotential = Double.POSITIVE_INFINITY;
      int bestIndex = -1;
      for (int t = 0; t < trials; t++) {
        int idx = sample(w, closest, n, rng, cumulative);
        double pot = 0;
        for (int i = 0; i < n; i++) {
          double dist = Math.min(closest[i], Euclid.squaredDistance(pts, i * d, pts, idx * d, d));
          candidate[i] = dist;
          pot += w[i] * dist;
        }
        if (pot < bestPotential) {
          bestPotential = pot;
          bestIndex = idx;
          System.arraycopy(candidate, 0, best, 0, n);
        }
      }
      System.arraycopy(pts, bestIndex * d, out, c * d, d);
      System.arraycopy(best, 0, closest, 0, n);
      potential = bestPotential;
    }
    return k;
  }

  /** Draws an index with probability proportional to w[i] (times dist[i] if given). */
  private static int sample(double[] w, double[] dist, int n, SplittableRandom rng, double[] cumulative) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += dist == null ? w[i] : w[i] * dist[i];
      cumulative[i] = sum;
    }
    double r = rng.nextDouble() * sum;
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > r) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    // Skip zero-probability entries that a draw of exactly 0 could land on.
    while (lo < n - 1 && (dist == null ? w[lo] : w[lo] * dist[lo]) == 0) {
      lo++;
    }
    return lo;
  }
}
