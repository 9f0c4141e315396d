package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StreamingStandardScalerTest {

  @Test
  public void learn_matchesTwoPassStatistics() {
    SplittableRandom rng = new SplittableRandom(1);
    int n = 10_000;
    double[][] x = new double[n][3];
    for (double[] row : x) {
      row[0] = rng.nextDouble() * 100;
      row[1] = 1e9 + rng.nextDouble(); // large offset: the naive sum of squares cancels here
      row[2] = -5;
    }
    StreamingStandardScaler s = new StreamingStandardScaler();
    for (double[] row : x) {
      s.learn(row);
    }
    for (int j = 0; j < 3; j++) {
      double mean = 0;
      for (double[] row : x) {
        mean += row[j];
      }
      mean /= n;
      double var = 0;
      for (double[] row : x) {
        var += (row[j] - mean) * (row[j] - mean);
      }
      var /= n;
      assertThat(s.mean()[j]).isCloseTo(mean, within(1e-9 * Math.max(1, Math.abs(mean))));
      assertThat(s.std()[j]).isCloseTo(Math.sqrt(var), within(1e-6 * Math.max(1, Math.sqrt(var))));
    }
    assertThat(s.std()[2]).isZero();
    double[] z = s.transform(new double[] {50, 1e9 + 0.5, -5});
    assertThat(z[2]).as("a constant feature is centred, not divided by 0").isZero();
    assertThat(s.inverseTransform(z)).containsExactly(new double[] {50, 1e9 + 0.5, -5}, within(1e-6));
  }

  @Test
  public void transform_invalid_rejectedAndStateKept() {
    StreamingStandardScaler s = new StreamingStandardScaler();
    assertThatThrownBy(() -> s.transform(new double[] {1})).isInstanceOf(IllegalStateException.class);
    s.learn(new double[] {1, 2});
    s.learn(new double[] {3, 4});
    assertThatThrownBy(() -> s.learn(new double[] {1, Double.NaN})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.learn(new double[] {1})).hasMessageContaining("expected 2");
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.mean()).containsExactly(2, 3);
    assertThatThrownBy(() -> s.transform(new double[] {1, 2}, new double[3])).hasMessageContaining("expected 2");
  }
}
