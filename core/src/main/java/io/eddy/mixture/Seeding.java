package io.eddy.mixture;

import io.eddy.kmeans.KMeans;
import io.eddy.kmeans.KMeansPlusPlus;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Initial responsibilities for EM, as scikit-learn's {@code init_params}: hard labels of a
 * k-means fit, one-hot k-means++ seed points, or uniform random responsibilities.
 */
final class Seeding {

  private Seeding() {}

  /**
   * Fills {@code resp} (n·k, row-major) with the initial responsibilities.
   *
   * @param weights per-point weights, or null for all ones
   * @param threads the threads the k-means fit may use (it does not change the result)
   */
  static void responsibilities(GaussianMixture.Init init, double[][] x, double[] weights, int k,
      int threads, SplittableRandom rng, double[] resp) {
    int n = x.length;
    Arrays.fill(resp, 0.0);
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
        double[] centers = KMeansPlusPlus.centers(x, weights, k, rng);
        int d = x[0].length;
        for (int c = 0; c < k; c++) {
          resp[rowOf(x, weights, centers, c * d) * k + c] = 1.0;
        }
        break;
      }
      default: {
        int[] labels = hasDistinct(x, weights, k)
            ? new KMeans(KMeans.Params.DEFAULTS.withK(k).withNInit(1).withSeed(rng.nextLong())
                .withThreads(threads)).fit(x, weights, null).trainingLabels()
            : distinctLabels(x, weights, k);
        for (int i = 0; i < n; i++) {
          resp[i * k + labels[i]] = 1.0;
        }
      }
    }
  }

  /** The first row of positive weight equal to the center at {@code off}, which k-means++ took from the data. */
  private static int rowOf(double[][] x, double[] weights, double[] centers, int off) {
    int d = x[0].length;
    for (int i = 0; i < x.length; i++) {
      if (weights != null && weights[i] == 0) {
        continue;
      }
      double[] row = x[i];
      boolean same = true;
      for (int j = 0; j < d && same; j++) {
        same = row[j] == centers[off + j];
      }
      if (same) {
        return i;
      }
    }
    throw new IllegalStateException("k-means++ chose a center that is not a data point");
  }

  /** Whether there are at least k distinct points of positive weight (stops as soon as there are). */
  private static boolean hasDistinct(double[][] x, double[] weights, int k) {
    return distinct(x, weights, k, null) >= k;
  }

  /**
   * With fewer than k distinct points k-means has no answer; as scikit-learn's k-means does in
   * effect, each distinct value becomes one component and the others start empty.
   */
  private static int[] distinctLabels(double[][] x, double[] weights, int k) {
    int[] labels = new int[x.length];
    distinct(x, weights, k, labels);
    return labels;
  }

  /**
   * Counts distinct points of positive weight, up to k; with {@code labels}, labels every
   * point by the index of its distinct value (zero-weight points too, by their value if seen,
   * else 0).
   */
  private static int distinct(double[][] x, double[] weights, int k, int[] labels) {
    double[][] seen = new double[k][];
    int count = 0;
    for (int i = 0; i < x.length; i++) {
      int label = -1;
      for (int c = 0; c < count && label < 0; c++) {
        if (Arrays.equals(seen[c], x[i])) {
          label = c;
        }
      }
      if (label < 0 && (weights == null || weights[i] > 0)) {
        if (count == k) {
          return k;
        }
        seen[count] = x[i];
        label = count++;
      }
      if (labels != null) {
        labels[i] = Math.max(label, 0);
      } else if (count == k) {
        return k;
      }
    }
    return count;
  }
}
