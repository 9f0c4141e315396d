package io.eddy.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The early-abandoning scans against a full scan with {@link Euclid}, on random data. */
class NeighboursTest {

  @Test
  public void withinRadius_randomData_equalsFullScan() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int trial = 0; trial < 500; trial++) {
      int d = 1 + rng.nextInt(11);
      int k = rng.nextInt(60);
      double[] centers = new double[k * d];
      for (int i = 0; i < centers.length; i++) {
        centers[i] = rng.nextDouble(-3, 3);
      }
      double[] x = new double[d];
      for (int i = 0; i < d; i++) {
        x[i] = rng.nextDouble(-3, 3);
      }
      double r2 = rng.nextDouble(0, 4 * d);
      int[] out = new int[k];
      double[] dist = new double[k];
      int n = Neighbours.withinRadius(x, centers, k, r2, out, dist);
      int expected = 0;
      for (int j = 0; j < k; j++) {
        double s = Euclid.squaredDistance(x, centers, j);
        if (s <= r2) {
          assertThat(out[expected]).as("trial " + trial).isEqualTo(j);
          assertThat(dist[expected]).isCloseTo(s, within(1e-12));
          expected++;
        }
      }
      assertThat(n).as("trial " + trial).isEqualTo(expected);
    }
  }

  @Test
  public void nearest_randomData_equalsFullScan() {
    SplittableRandom rng = new SplittableRandom(2);
    double[] out = new double[1];
    double[] full = new double[1];
    for (int trial = 0; trial < 500; trial++) {
      int d = 1 + rng.nextInt(11);
      int k = 1 + rng.nextInt(60);
      double[] centers = new double[k * d];
      for (int i = 0; i < centers.length; i++) {
        centers[i] = rng.nextInt(5) - 2; // integers make ties likely
      }
      double[] x = new double[d];
      for (int i = 0; i < d; i++) {
        x[i] = rng.nextInt(5) - 2;
      }
      int j = Neighbours.nearest(x, centers, k, out);
      assertThat(j).as("trial " + trial).isEqualTo(Euclid.nearest(x, centers, k, full));
      assertThat(out[0]).isEqualTo(full[0]);
    }
    assertThat(Neighbours.nearest(new double[] {1}, new double[0], 0, out)).isEqualTo(-1);
  }
}
