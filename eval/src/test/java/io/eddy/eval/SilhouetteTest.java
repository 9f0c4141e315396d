package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.ClusterModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SilhouetteTest {

  /** Planted clusters with some NOISE labels, a singleton cluster and non-contiguous labels. */
  private static double[][] data(int n, int d, long seed, int[] labelsOut) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(4);
      for (int j = 0; j < d; j++) {
        x[i][j] = 3.0 * c * (j % 2 == 0 ? 1 : -1) + rng.nextGaussian();
      }
      labelsOut[i] = rng.nextInt(10) == 0 ? ClusterModel.NOISE : 10 * c + 5;
    }
    labelsOut[n - 1] = 999;
    return x;
  }

  /** The textbook definition, point by point, with no blocking or reordering. */
  private static double naive(double[][] x, int[] labels) {
    double total = 0;
    int scored = 0;
    for (int i = 0; i < x.length; i++) {
      if (labels[i] == ClusterModel.NOISE) {
        continue;
      }
      scored++;
      java.util.Map<Integer, double[]> sums = new java.util.TreeMap<>();
      for (int j = 0; j < x.length; j++) {
        if (labels[j] == ClusterModel.NOISE) {
          continue;
        }
        double s = 0;
        for (int f = 0; f < x[i].length; f++) {
          s += (x[i][f] - x[j][f]) * (x[i][f] - x[j][f]);
        }
        double[] acc = sums.computeIfAbsent(labels[j], l -> new double[2]);
        acc[0] += Math.sqrt(s);
        acc[1]++;
      }
      double[] own = sums.get(labels[i]);
      if (own[1] == 1) {
        continue;
      }
      double a = own[0] / (own[1] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (var e : sums.entrySet()) {
        if (e.getKey() != labels[i]) {
          b = Math.min(b, e.getValue()[0] / e.getValue()[1]);
        }
      }
      total += (b - a) / Math.max(a, b);
    }
    return total / scored;
  }

  @Test
  void exact_equalsNaiveDefinition() {
    int[] labels = new int[300];
    double[][] x = data(300, 5, 1, labels);
    Silhouette.Result r = Silhouette.exact(x, labels, 1);
    assertThat(r.score()).isCloseTo(naive(x, labels), within(1e-12));
    int noise = 0;
    for (int l : labels) {
      noise += l == ClusterModel.NOISE ? 1 : 0;
    }
    assertThat(r.noise()).isEqualTo(noise);
    assertThat(r.scored()).isEqualTo(300 - noise);
  }

  @Test
  void exact_bitIdenticalForAnyThreadCount() {
    int[] labels = new int[1500];
    double[][] x = data(1500, 7, 2, labels);
    double[] one = Silhouette.samples(x, labels, 1);
    double score = Silhouette.exact(x, labels, 1).score();
    for (int threads : new int[] {2, 3, 8}) {
      assertThat(Silhouette.samples(x, labels, threads)).isEqualTo(one);
      assertThat(Double.doubleToRawLongBits(Silhouette.exact(x, labels, threads).score()))
          .isEqualTo(Double.doubleToRawLongBits(score));
    }
  }

  @Test
  void samples_noiseIsNaNAndSingletonIsZero() {
    int[] labels = new int[200];
    double[][] x = data(200, 3, 3, labels);
    double[] s = Silhouette.samples(x, labels, 2);
    for (int i = 0; i < s.length; i++) {
      if (labels[i] == ClusterModel.NOISE) {
        assertThat(s[i]).isNaN();
      } else {
        assertThat(s[i]).isBetween(-1.0, 1.0);
      }
    }
    assertThat(s[199]).isZero();
  }

  @Test
  void exact_duplicatePointsScoreZeroNotNaN() {
    double[][] x = {{1, 1}, {1, 1}, {1, 1}, {1, 1}};
    int[] labels = {0, 0, 1, 1};
    assertThat(Silhouette.exact(x, labels, 1).score()).isZero();
  }

  @Test
  void exact_inputsNotModified() {
    int[] labels = new int[100];
    double[][] x = data(100, 3, 4, labels);
    double[][] copy = new double[100][];
    for (int i = 0; i < 100; i++) {
      copy[i] = x[i].clone();
    }
    int[] labelsCopy = labels.clone();
    Silhouette.exact(x, labels, 2);
    Silhouette.sampled(x, labels, 20, 1L, 2);
    assertThat(x).isDeepEqualTo(copy);
    assertThat(labels).isEqualTo(labelsCopy);
  }

  @Test
  void sampled_allPointsIsExactWithZeroError() {
    int[] labels = new int[400];
    double[][] x = data(400, 4, 5, labels);
    Silhouette.Result exact = Silhouette.exact(x, labels, 1);
    Silhouette.Estimate e = Silhouette.sampled(x, labels, 10_000, 9L, 2);
    assertThat(e.sampleSize()).isEqualTo(exact.scored());
    assertThat(e.standardError()).isZero();
    assertThat(e.score()).isCloseTo(exact.score(), within(1e-12));
  }

  @Test
  void sampled_estimateWithinFewStandardErrorsAndErrorShrinksWithSize() {
    int[] labels = new int[3000];
    double[][] x = data(3000, 4, 6, labels);
    double exact = Silhouette.exact(x, labels).score();
    Silhouette.Estimate small = Silhouette.sampled(x, labels, 100, 11L);
    Silhouette.Estimate large = Silhouette.sampled(x, labels, 1000, 11L);
    assertThat(Math.abs(small.score() - exact)).isLessThan(4 * small.standardError());
    assertThat(Math.abs(large.score() - exact)).isLessThan(4 * large.standardError());
    assertThat(large.standardError()).isLessThan(small.standardError() / 2);
    assertThat(Silhouette.sampled(x, labels, 100, 11L)).isEqualTo(small);
  }

  @Test
  void simplified_singletonScoresZero() {
    double[][] x = {{0}, {1}, {10}, {11}, {50}};
    int[] labels = {0, 0, 1, 1, 2};
    // Cluster 0: a = 0.5, b = 10 - 0.5 = 10 (to mean 10.5) ... computed by hand below.
    double s0 = (10.5 - 0.5) / 10.5;
    double s1 = (9.5 - 0.5) / 9.5;
    double s2 = (9.5 - 0.5) / 9.5;
    double s3 = (10.5 - 0.5) / 10.5;
    assertThat(Silhouette.simplified(x, labels).score())
        .isCloseTo((s0 + s1 + s2 + s3 + 0) / 5, within(1e-15));
  }
}
