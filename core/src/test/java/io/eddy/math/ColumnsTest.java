package io.eddy.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.Points;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColumnsTest {

  private static double[][] random(SplittableRandom rng, int n, int d) {
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int t = 0; t < d; t++) {
        row[t] = rng.nextDouble(-30, 30);
      }
    }
    return x;
  }

  /** The coordinate-order sum, one term at a time: what both kernels must reproduce exactly. */
  private static double sequential(double[] x, double[] c, int off) {
    double s = 0;
    for (int t = 0; t < x.length; t++) {
      double e = x[t] - c[off + t];
      s += e * e;
    }
    return s;
  }

  @Test
  public void squaredDistances_areTheSequentialSums_bitForBit_andMatchAllDistances() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int d : new int[] {1, 3, 4, 7, 16, 33}) {
      int n = 300;
      double[][] x = random(rng, n, d);
      Columns cols = Columns.copyOf(x);
      double[] c = random(rng, 1, d)[0];
      double[] out = new double[n];
      cols.squaredDistances(5, 290, c, 0, out);
      double[][] transposed = new double[d][1];
      AllDistances.transpose(c, 1, d, transposed);
      double[] one = new double[1];
      for (int i = 0; i < n; i++) {
        if (i < 5 || i >= 290) {
          assertThat(out[i]).as("outside the range").isZero();
          continue;
        }
        assertThat(out[i]).as("d=%d point %d", d, i).isEqualTo(sequential(x[i], c, 0));
        AllDistances.squared(x[i], 0, transposed, 1, d, one);
        assertThat(out[i]).isEqualTo(one[0]);
      }
    }
  }

  @Test
  public void nearest_givesTheLowestNearestLabel_andTheTwoSmallestDistances() {
    SplittableRandom rng = new SplittableRandom(12);
    int n = 517;
    int d = 6;
    int k = 9;
    double[][] x = random(rng, n, d);
    double[] centers = new double[k * d];
    for (int j = 0; j < k; j++) {
      System.arraycopy(x[rng.nextInt(n)], 0, centers, j * d, d);
    }
    // A duplicate center: every tie must go to the lower label.
    System.arraycopy(centers, 2 * d, centers, 7 * d, d);
    Columns cols = Columns.copyOf(x);
    int[] label = new int[n];
    double[] first = new double[n];
    double[] second = new double[n];
    cols.nearest(0, n, centers, k, new double[n], Columns.scratch(k), label, first, second);
    for (int i = 0; i < n; i++) {
      int best = -1;
      double d1 = Double.POSITIVE_INFINITY;
      double d2 = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        double v = sequential(x[i], centers, j * d);
        if (v < d1) {
          d2 = d1;
          d1 = v;
          best = j;
        } else if (v < d2) {
          d2 = v;
        }
      }
      assertThat(label[i]).as("point %d", i).isEqualTo(best).isNotEqualTo(7);
      assertThat(first[i]).isEqualTo(d1);
      assertThat(second[i]).isEqualTo(d2);
    }
    // Without the second distance: the same labels and smallest distances.
    int[] label2 = new int[n];
    double[] first2 = new double[n];
    cols.nearest(0, n, centers, k, new double[n], Columns.scratch(k), label2, first2, null);
    assertThat(label2).containsExactly(label);
    assertThat(first2).containsExactly(first);
  }

  @Test
  public void nearest_separatesDistancesThatDifferOnlyBelowTheNormalRange() {
    // 2.3e-162 squared rounds to the smallest subnormal: the label must still see the difference.
    double[][] x = {{0.0}};
    int[] label = new int[1];
    double[] first = new double[1];
    Columns.copyOf(x).nearest(0, 1, new double[] {2.3e-162, 0.0, 0.0}, 3, new double[1], Columns.scratch(3),
        label, first, null);
    assertThat(label).containsExactly(1);
    assertThat(first).containsExactly(0.0);
  }

  @Test
  public void nearest_withOverflowingDistances_takesTheLowestIndexAtTheSmallest() {
    // Squares overflow to infinity: the first point is infinitely far from both centers, the
    // second from the first center only.
    double[][] x = {{1e200, 0.0}, {1.0, 1.0}};
    double[] centers = {-1e200, 0.0, 2.0, 1.0};
    int[] label = new int[2];
    double[] first = new double[2];
    double[] second = new double[2];
    Columns.copyOf(x).nearest(0, 2, centers, 2, new double[2], Columns.scratch(2), label, first, second);
    assertThat(label).containsExactly(0, 1);
    assertThat(first).containsExactly(Double.POSITIVE_INFINITY, 1.0);
    assertThat(second).containsExactly(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  @Test
  public void nearest_rejectsScratchMadeForFewerCenters() {
    Columns cols = Columns.copyOf(new double[][] {{0, 0}, {3, 4}});
    assertThatThrownBy(() -> cols.nearest(0, 2, new double[] {0, 0, 1, 1}, 2, new double[2],
        new double[2][Columns.STEP], new int[2], new double[2], null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Columns.scratch(k)");
  }

  @Test
  public void nearest_withOneCenter_hasAnInfiniteSecondDistance() {
    double[][] x = {{0, 0}, {3, 4}};
    Columns cols = Columns.copyOf(x);
    int[] label = new int[2];
    double[] first = new double[2];
    double[] second = new double[2];
    cols.nearest(0, 2, new double[] {0, 0}, 1, new double[2], Columns.scratch(1), label, first, second);
    assertThat(label).containsExactly(0, 0);
    assertThat(first).containsExactly(0.0, 25.0);
    assertThat(second).containsOnly(Double.POSITIVE_INFINITY);
  }

  @Test
  public void copyPoint_andDimensions_giveTheRowsBack() {
    double[][] x = random(new SplittableRandom(13), 300, 5);
    Columns cols = Columns.copyOf(x);
    assertThat(cols.size()).isEqualTo(300);
    assertThat(cols.dimension()).isEqualTo(5);
    double[] out = new double[7];
    cols.copyPoint(257, out, 2);
    for (int t = 0; t < 5; t++) {
      assertThat(out[2 + t]).isEqualTo(x[257][t]);
    }
  }

  @Test
  public void meanVariance_splitOverRanges_matchesTheWholePass() {
    double[][] x = random(new SplittableRandom(5), 1000, 3);
    for (double[] row : x) {
      row[1] = 1e6 + row[1]; // a large offset: a one-pass formula would lose most digits here
    }
    Columns cols = Columns.copyOf(x);
    double[] sums = new double[3];
    cols.addColumnSums(0, 300, sums);
    cols.addColumnSums(300, 1000, sums);
    double[] mean = new double[3];
    for (int t = 0; t < 3; t++) {
      mean[t] = sums[t] / 1000;
    }
    double[] squares = new double[3];
    cols.addSquaredDeviations(0, 777, mean, squares);
    cols.addSquaredDeviations(777, 1000, mean, squares);
    double whole = cols.meanVariance();
    assertThat(Columns.meanVariance(squares, 1000)).isCloseTo(whole, within(1e-13 * whole));
    assertThat(whole).isCloseTo(FeatureVariance.mean(x, 3), within(1e-12 * whole));
  }

  @Test
  public void meanVariance_matchesTheRowMajorTwoPassValue() {
    double[][] x = random(new SplittableRandom(14), 1001, 7);
    double expected = FeatureVariance.mean(x, 7);
    assertThat(Columns.copyOf(x).meanVariance()).isCloseTo(expected, within(1e-12 * expected));
  }

  @Test
  public void copyOf_rejectsBadData_withTheMessagesOfPoints() {
    double[][] nan = random(new SplittableRandom(15), 400, 3);
    nan[333][1] = Double.NaN;
    double[][] inf = random(new SplittableRandom(15), 400, 3);
    inf[5][2] = Double.NEGATIVE_INFINITY;
    double[][] ragged = random(new SplittableRandom(15), 400, 3);
    ragged[200] = new double[2];
    double[][] hole = random(new SplittableRandom(15), 400, 3);
    hole[399] = null;
    for (double[][] bad : new double[][][] {nan, inf, ragged, hole, {{}}, {}, null}) {
      String expected = null;
      try {
        Points.requireData(bad);
      } catch (IllegalArgumentException e) {
        expected = e.getMessage();
      }
      assertThat(expected).isNotNull();
      assertThatThrownBy(() -> Columns.copyOf(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(expected);
    }
  }
}
