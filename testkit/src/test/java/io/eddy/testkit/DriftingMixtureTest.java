package io.eddy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftingMixtureTest {

  @Test
  void sameSeed_sameStream() {
    int[] a = new int[5000];
    int[] b = new int[5000];
    double[][] x = new DriftingMixture(7).next(5000, a);
    double[][] y = new DriftingMixture(7).next(5000, b);
    assertThat(a).isEqualTo(b);
    assertThat(x).isDeepEqualTo(y);
  }

  @Test
  void noiseFractionAndClusterSpread_matchTheConfig() {
    DriftingMixture stream = new DriftingMixture(3, DriftingMixture.Config.DEFAULT.withSpeed(0));
    int n = 200_000;
    double[] p = new double[8];
    int noise = 0;
    // Per-cluster mean squared distance to the (fixed) centre over all dimensions: between
    // minSd² and maxSd² if the points are drawn as documented.
    Map<Integer, double[]> sums = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int label = stream.next(p);
      if (label == DriftingMixture.NOISE) {
        noise++;
        for (double v : p) {
          assertThat(v).isBetween(0.0, 1.0);
        }
        continue;
      }
      double[] c = stream.center(label);
      double s = 0;
      for (int j = 0; j < 8; j++) {
        s += (p[j] - c[j]) * (p[j] - c[j]);
      }
      double[] acc = sums.computeIfAbsent(label, k -> new double[2]);
      acc[0] += s / 8;
      acc[1]++;
    }
    assertThat(noise / (double) n).isBetween(0.045, 0.055);
    for (double[] acc : sums.values()) {
      assertThat(acc[0] / acc[1]).isBetween(0.015 * 0.015 * 0.95, 0.035 * 0.035 * 1.05);
    }
  }

  @Test
  void turnover_bornClustersGetNewIds_andCentresStaySeparatedAndInside() {
    DriftingMixture.Config config = DriftingMixture.Config.DEFAULT.withSpeed(1e-4)
        .withTurnover(1000);
    DriftingMixture stream = new DriftingMixture(11, config);
    int[] first = stream.liveIds();
    double[] p = new double[8];
    for (int i = 0; i < 20_000; i++) {
      stream.next(p);
      if (i % 500 == 0) {
        int[] live = stream.liveIds();
        for (int a = 0; a < live.length; a++) {
          double[] ca = stream.center(live[a]);
          for (double v : ca) {
            assertThat(v).isBetween(0.1 - 1e-4, 0.9 + 1e-4);
          }
          for (int b = a + 1; b < live.length; b++) {
            double[] cb = stream.center(live[b]);
            double s = 0;
            for (int j = 0; j < 8; j++) {
              s += (ca[j] - cb[j]) * (ca[j] - cb[j]);
            }
            // Moving centres turn back before closing in; a step may cross the line by one move.
            assertThat(Math.sqrt(s)).isGreaterThan(0.25 - 2e-4);
          }
        }
      }
    }
    int[] last = stream.liveIds();
    assertThat(Arrays.stream(last).max().getAsInt()).isGreaterThanOrEqualTo(12 + 19 - 1);
    assertThat(Arrays.stream(last).filter(id -> Arrays.stream(first).anyMatch(f -> f == id)).count())
        .isLessThan(12);
  }

  @Test
  void badConfigAndOutput_areRejected() {
    assertThatThrownBy(() -> DriftingMixture.Config.DEFAULT.withNoise(1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise");
    assertThatThrownBy(() -> new DriftingMixture(1).next(new double[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 8");
  }
}
