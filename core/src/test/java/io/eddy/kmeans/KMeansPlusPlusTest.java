package io.eddy.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KMeansPlusPlusTest {

  /**
   * Greedy k-means++ written as plainly as possible, with the same random draws; the real one
   * (column kernels, chunked, draws located through per-chunk masses) must choose the same
   * centers. Fewer than 256 points make one chunk, so both add up the draws' masses in the same
   * order.
   */
  private static double[] naive(double[][] data, double[] w, int k, SplittableRandom rng) {
    int n = data.length;
    int d = data[0].length;
    int trials = 2 + (int) Math.log(k);
    double[] centers = new double[k * d];
    double[] cum = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += w[i];
      cum[i] = total;
    }
    int first = draw(cum, rng.nextDouble() * total);
    System.arraycopy(data[first], 0, centers, 0, d);
    double[] closest = new double[n];
    for (int i = 0; i < n; i++) {
      closest[i] = dist(data[i], data[first]);
    }
    for (int c = 1; c < k; c++) {
      double acc = 0;
      for (int i = 0; i < n; i++) {
        acc += w[i] * closest[i];
        cum[i] = acc;
      }
      int[] ids = new int[trials];
      for (int t = 0; t < trials; t++) {
        ids[t] = draw(cum, rng.nextDouble() * acc);
      }
      int best = -1;
      double bestPot = Double.POSITIVE_INFINITY;
      double[] bestClosest = null;
      for (int t = 0; t < trials; t++) {
        double[] m = new double[n];
        double pot = 0;
        for (int i = 0; i < n; i++) {
          m[i] = Math.min(closest[i], dist(data[i], data[ids[t]]));
          pot += w[i] * m[i];
        }
        if (pot < bestPot) {
          bestPot = pot;
          best = ids[t];
          bestClosest = m;
        }
      }
      closest = bestClosest;
      System.arraycopy(data[best], 0, centers, c * d, d);
    }
    return centers;
  }

  private static int draw(double[] cum, double r) {
    for (int i = 0; i < cum.length; i++) {
      if (cum[i] > r) {
        return i;
      }
    }
    return cum.length - 1;
  }

  private static double dist(double[] a, double[] b) {
    return io.eddy.math.Euclid.squaredDistance(a, b);
  }

  @ParameterizedTest
  @CsvSource({"250, 2, 5, 1", "250, 8, 16, 2", "200, 3, 40, 3", "255, 20, 7, 4"})
  void centers_equalPlainReference(int n, int d, int k, long seed) {
    SplittableRandom data = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      int blob = data.nextInt(6);
      for (int t = 0; t < d; t++) {
        x[i][t] = blob * 3.0 + data.nextDouble(-1, 1);
      }
      w[i] = data.nextInt(4) == 0 ? 0.0 : data.nextDouble(0.5, 2);
    }
    double[] expected = naive(x, w, k, new SplittableRandom(seed + 100));
    double[] actual = KMeansPlusPlus.centers(x, w, k, new SplittableRandom(seed + 100));
    assertThat(actual).containsExactly(expected);
  }
}
