package io.eddy.mixture;

import io.eddy.math.Euclid;
import java.util.SplittableRandom;

/**
 * Initial responsibilities for EM, as scikit-learn's {@code init_params}: k-means labels,
 * k-means++ seeds, or uniform random responsibilities.
 *
 * <p>The k-means here is a small weighted Lloyd iteration from k-means++ seeds, kept private
 * to the mixture package until Eddy's batch k-means can be used in its place.
 */
final class Seeding {

  /** Lloyd iterations at most for the {@code kmeans} initialisation. */
  static final int LLOYD_MAX_ITER = 100;

  private Seeding() {}

  /**
   * Fills {@code resp} (n·k, row-major) with the initial responsibilities.
   *
   * @param weights per-point weights, or null for all ones
   */
  static void responsibilities(GaussianMixture.Init init, double[][] x, double[] weights, int k,
      SplittableRandom rng, double[] resp) {
    int n = x.length;
    java.util.Arrays.fill(resp, 0.0);
    switch (init) {
      case RANDOM:
        for (int i = 0; i < n; i++) {
          double sum = 0;
          for (int c = 0; c < k; c++) {
            double u = rng.nextDouble();
            resp[i * k + c] = u;
            sum += u;
          }
          for (int c = 0; c < k; c++) {
            resp[i * k + c] /= sum;
          }
        }
        break;
      case KMEANS_PLUS_PLUS: {
        int[] seeds = kMeansPlusPlus(x, weights, k, rng);
        for (int c = 0; c < k; c++) {
          resp[seeds[c] * k + c] = 1.0;
        }
        break;
      }
      default: {
        int[] labels = lloyd(x, weights, k, kMeansPlusPlus(x, weights, k, rng));
        for (int i = 0; i < n; i++) {
          resp[i * k + labels[i]] = 1.0;
        }
      }
    }
  }

  /**
   * Greedy k-means++ (Arthur and Vassilvitskii 2007, with 2 + ⌊ln k⌋ local trials per center
   * as in scikit-learn): the indices of k points chosen with probability proportional to their
   * weighted squared distance to the centers chosen so far, keeping of each round's candidates
   * the one that lowers the total potential most.
   */
  static int[] kMeansPlusPlus(double[][] x, double[] weights, int k, SplittableRandom rng) {
    int n = x.length;
    int trials = 2 + (int) Math.log(k);
    int[] seeds = new int[k];
    double[] closest = new double[n];
    double[] candidate = new double[n];
    double[] best = new double[n];
    seeds[0] = sample(weights, n, rng);
    double potential = 0;
    for (int i = 0; i < n; i++) {
      closest[i] = Euclid.squaredDistance(x[i], x[seeds[0]]);
      potential += w(weights, i) * closest[i];
    }
    for (int c = 1; c < k; c++) {
      int chosen = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        int idx = potential > 0 ? sampleByDistance(weights, closest, potential, n, rng)
            : sample(weights, n, rng);
        double pot = 0;
        for (int i = 0; i < n; i++) {
          double dist = Math.min(closest[i], Euclid.squaredDistance(x[i], x[idx]));
          candidate[i] = dist;
          pot += w(weights, i) * dist;
        }
        if (chosen < 0 || pot < bestPotential) {
          chosen = idx;
          bestPotential = pot;
          System.arraycopy(candidate, 0, best, 0, n);
        }
      }
      seeds[c] = chosen;
      potential = bestPotential;
      System.arraycopy(best, 0, closest, 0, n);
    }
    return seeds;
  }

  private static double w(double[] weights, int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /** An index drawn with probability proportional to its weight (uniform without weights). */
  private static int sample(double[] weights, int n, SplittableRandom rng) {
    if (weights == null) {
      return rng.nextInt(n);
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += weights[i];
    }
    double r = rng.nextDouble() * total;
    double acc = 0;
    int last = 0;
    for (int i = 0; i < n; i++) {
      if (weights[i] > 0) {
        acc += weights[i];
        last = i;
        if (r < acc) {
          return i;
        }
      }
    }
    return last;
  }

  private static int sampleByDistance(double[] weights, double[] dist, double total, int n,
      SplittableRandom rng) {
    double r = rng.nextDouble() * total;
    double acc = 0;
    int last = -1;
    for (int i = 0; i < n; i++) {
      double p = w(weights, i) * dist[i];
      if (p > 0) {
        acc += p;
        last = i;
        if (r < acc) {
          return i;
        }
      }
    }
    return last;
  }

  /**
   * Weighted Lloyd iterations from the given seed points until no label changes (at most
   * {@link #LLOYD_MAX_ITER}); a center that loses all its points stays where it was.
   *
   * @return the label of every point
   */
  static int[] lloyd(double[][] x, double[] weights, int k, int[] seeds) {
    int n = x.length;
    int d = x[0].length;
    double[] centers = new double[k * d];
    for (int c = 0; c < k; c++) {
      System.arraycopy(x[seeds[c]], 0, centers, c * d, d);
    }
    int[] labels = new int[n];
    java.util.Arrays.fill(labels, -1);
    double[] sums = new double[k * d];
    double[] mass = new double[k];
    for (int iter = 0; iter < LLOYD_MAX_ITER; iter++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        int label = Euclid.nearest(x[i], centers, k);
        if (label != labels[i]) {
          labels[i] = label;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      java.util.Arrays.fill(sums, 0.0);
      java.util.Arrays.fill(mass, 0.0);
      for (int i = 0; i < n; i++) {
        double wi = w(weights, i);
        int off = labels[i] * d;
        for (int j = 0; j < d; j++) {
          sums[off + j] += wi * x[i][j];
        }
        mass[labels[i]] += wi;
      }
      for (int c = 0; c < k; c++) {
        if (mass[c] > 0) {
          for (int j = 0; j < d; j++) {
            centers[c * d + j] = sums[c * d + j] / mass[c];
          }
        }
      }
    }
    return labels;
  }
}
