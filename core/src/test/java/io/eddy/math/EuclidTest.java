package io.eddy.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The unrolled kernels against the obvious loops, over many random shapes and magnitudes. */
class EuclidTest {

  private static double naive(double[] a, int ao, double[] b, int bo, int d) {
    double s = 0;
    for (int i = 0; i < d; i++) {
      double t = a[ao + i] - b[bo + i];
      s += t * t;
    }
    return s;
  }

  private static double[] random(SplittableRandom rng, int n, double scale) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = (rng.nextDouble() * 2 - 1) * scale;
    }
    return a;
  }

  @Test
  public void squaredDistance_matchesNaive_manyShapesAndMagnitudes() {
    SplittableRandom rng = new SplittableRandom(1);
    for (double scale : new double[] {1e-150, 1e-8, 1, 1e8, 1e150}) {
      for (int d = 1; d <= 37; d++) {
        for (int trial = 0; trial < 20; trial++) {
          double[] a = random(rng, d, scale);
          double[] b = random(rng, d, scale);
          double expected = naive(a, 0, b, 0, d);
          assertThat(Euclid.squaredDistance(a, b))
              .as("d=%d scale=%g", d, scale)
              .isCloseTo(expected, org.assertj.core.api.Assertions.withinPercentage(1e-10));
          assertThat(Euclid.squaredDistance(a, a)).isZero();
        }
      }
    }
  }

  /** The documented summation: coordinate i into accumulator i mod 4, the last d mod 4 into the first. */
  private static double fourAccumulators(double[] a, int ao, double[] b, int bo, int d) {
    double[] s = new double[4];
    int end4 = d & ~3;
    for (int i = 0; i < end4; i++) {
      double t = a[ao + i] - b[bo + i];
      s[i & 3] += t * t;
    }
    for (int i = end4; i < d; i++) {
      double t = a[ao + i] - b[bo + i];
      s[0] += t * t;
    }
    return (s[0] + s[1]) + (s[2] + s[3]);
  }

  @Test
  public void squaredDistance_isTheFourAccumulatorSumBitForBit() {
    // Results must not depend on how the loop is unrolled: models saved by one version are
    // replayed by the next, and the clusterers' tests pin saved bytes.
    SplittableRandom rng = new SplittableRandom(4);
    for (int d = 1; d <= 41; d++) {
      for (int trial = 0; trial < 50; trial++) {
        int ao = rng.nextInt(5);
        int bo = rng.nextInt(5);
        double[] a = random(rng, ao + d, Math.pow(10, rng.nextInt(-5, 6)));
        double[] b = random(rng, bo + d, Math.pow(10, rng.nextInt(-5, 6)));
        assertThat(Double.doubleToRawLongBits(Euclid.squaredDistance(a, ao, b, bo, d)))
            .as("d=%d", d).isEqualTo(Double.doubleToRawLongBits(fourAccumulators(a, ao, b, bo, d)));
      }
    }
  }

  @Test
  public void squaredDistance_rowsAndOffsets_matchNaive() {
    SplittableRandom rng = new SplittableRandom(2);
    for (int d : new int[] {1, 2, 3, 5, 8, 13, 32}) {
      int k = 7;
      double[] rows = random(rng, k * d, 10);
      double[] x = random(rng, d, 10);
      for (int j = 0; j < k; j++) {
        double expected = naive(x, 0, rows, j * d, d);
        assertThat(Euclid.squaredDistance(x, rows, j)).isCloseTo(expected,
            org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, expected)));
      }
    }
  }

  @Test
  public void squaredDistance_overflowAndUnderflow_behaveLikeNaive() {
    double[] a = {1e200, 0, 0};
    double[] b = {-1e200, 0, 0};
    assertThat(Euclid.squaredDistance(a, b)).isInfinite();
    double[] tiny = {1e-200};
    assertThat(Euclid.squaredDistance(tiny, new double[] {0})).isZero();
  }

  @Test
  public void nearest_matchesNaiveArgmin_withLowestIndexOnTies() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] dist = new double[1];
    for (int trial = 0; trial < 2_000; trial++) {
      int d = 1 + rng.nextInt(20);
      int k = 1 + rng.nextInt(30);
      double[] centers = random(rng, k * d, 5);
      double[] x = random(rng, d, 5);
      int expected = 0;
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        double s = naive(x, 0, centers, j * d, d);
        if (s < best) {
          best = s;
          expected = j;
        }
      }
      assertThat(Euclid.nearest(x, centers, k)).isEqualTo(expected);
      assertThat(Euclid.nearest(x, centers, k, dist)).isEqualTo(expected);
      assertThat(dist[0]).isCloseTo(best, org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, best)));
    }
    double[] twins = {1, 1, 0, 0, 1, 1};
    assertThat(Euclid.nearest(new double[] {1, 1}, twins, 3)).isZero();
    assertThat(Euclid.nearest(new double[] {0.5, 0.5}, twins, 3)).as("three-way tie").isZero();
  }

  @Test
  public void moveToward_isConvexStep() {
    double[] centers = {0, 0, 10, 20};
    Euclid.moveToward(centers, 1, new double[] {20, 40}, 0.25);
    assertThat(centers).containsExactly(0, 0, 12.5, 25);
    Euclid.moveToward(centers, 0, new double[] {3, -3}, 1.0);
    assertThat(centers).containsExactly(3, -3, 12.5, 25);
  }
}
