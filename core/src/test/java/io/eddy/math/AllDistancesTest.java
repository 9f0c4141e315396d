package io.eddy.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AllDistancesTest {

  @Test
  public void squared_matchesPerCenterKernel_manyShapes() {
    SplittableRandom rng = new SplittableRandom(4);
    for (int d = 1; d <= 33; d += 4) {
      for (int k = 1; k <= 37; k += 6) {
        double[] centers = new double[k * d];
        for (int i = 0; i < centers.length; i++) {
          centers[i] = rng.nextDouble(-50, 50);
        }
        double[][] columns = new double[d][k];
        AllDistances.transpose(centers, k, d, columns);
        double[] x = new double[d + 3];
        for (int i = 0; i < x.length; i++) {
          x[i] = rng.nextDouble(-50, 50);
        }
        double[] out = new double[k];
        AllDistances.squared(x, 3, columns, k, d, out);
        for (int j = 0; j < k; j++) {
          double expected = Euclid.squaredDistance(x, 3, centers, j * d, d);
          assertThat(out[j]).as("d=%d k=%d center %d", d, k, j).isCloseTo(expected, within(1e-12 * Math.max(1, expected)));
        }
      }
    }
  }

  @Test
  public void squared_pointOnACenter_isExactlyZero() {
    double[] centers = {1.5, -2, 3, 0.25, 7, 7};
    double[][] columns = new double[2][3];
    AllDistances.transpose(centers, 3, 2, columns);
    double[] out = new double[3];
    AllDistances.squared(new double[] {3, 0.25}, 0, columns, 3, 2, out);
    assertThat(out[1]).isZero();
    assertThat(out[0]).isEqualTo(1.5 * 1.5 + 2.25 * 2.25);
  }
}
