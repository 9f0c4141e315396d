package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.kmeans.Centroids;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DriftTest {

  /** The least total cost over every injective row-to-column map, by enumeration. */
  private static double bruteForce(double[][] cost) {
    int r = cost.length;
    int c = cost[0].length;
    if (r <= c) {
      return search(cost, 0, new boolean[c]);
    }
    double[][] t = new double[c][r];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        t[j][i] = cost[i][j];
      }
    }
    return search(t, 0, new boolean[r]);
  }

  private static double search(double[][] cost, int row, boolean[] used) {
    if (row == cost.length) {
      return 0;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int j = 0; j < used.length; j++) {
      if (!used[j]) {
        used[j] = true;
        best = Math.min(best, cost[row][j] + search(cost, row + 1, used));
        used[j] = false;
      }
    }
    return best;
  }

  @Test
  void assign_optimalAgainstBruteForce() {
    SplittableRandom rng = new SplittableRandom(17);
    for (int trial = 0; trial < 300; trial++) {
      int r = 1 + rng.nextInt(6);
      int c = 1 + rng.nextInt(6);
      double[][] cost = new double[r][c];
      for (double[] row : cost) {
        for (int j = 0; j < c; j++) {
          // Small integers make ties common, the hard case.
          row[j] = trial % 2 == 0 ? rng.nextInt(5) : rng.nextDouble() * 100 - 50;
        }
      }
      int[] a = Hungarian.assign(cost);
      assertThat(a).hasSize(r);
      boolean[] usedCol = new boolean[c];
      double total = 0;
      int matched = 0;
      for (int i = 0; i < r; i++) {
        if (a[i] >= 0) {
          assertThat(usedCol[a[i]]).isFalse();
          usedCol[a[i]] = true;
          total += cost[i][a[i]];
          matched++;
        }
      }
      assertThat(matched).isEqualTo(Math.min(r, c));
      assertThat(total).isCloseTo(bruteForce(cost), within(1e-9));
    }
  }

  @Test
  void assign_badInput() {
    assertThatThrownBy(() -> Hungarian.assign(new double[0][])).hasMessageContaining("empty");
    assertThatThrownBy(() -> Hungarian.assign(new double[][] {{1, 2}, {3}})).hasMessageContaining("cost row 1 has length 1, expected 2");
    assertThatThrownBy(() -> Hungarian.assign(new double[][] {{1, Double.NaN}})).hasMessageContaining("cost (0, 1) is NaN");
  }

  @Test
  void between_matchesPermutedCentersAndMeasuresMovement() {
    Centroids before = new Centroids(new double[] {0, 0, 10, 0, 0, 10}, 2, new double[] {5, 6, 7});
    // The same segments relabelled (0->2, 1->0, 2->1) and moved by 1, 0.5 and 0.
    Centroids after = new Centroids(new double[] {10.5, 0, 0, 10, 1, 0}, 2, new double[] {8, 9, 10});
    CentroidDrift drift = CentroidDrift.between(before, after);
    assertThat(drift.matches()).containsExactly(
        new CentroidDrift.Match(0, 2, 1.0, 5, 10),
        new CentroidDrift.Match(1, 0, 0.5, 6, 8),
        new CentroidDrift.Match(2, 1, 0.0, 7, 9));
    assertThat(drift.born()).isEmpty();
    assertThat(drift.gone()).isEmpty();
    assertThat(drift.meanMovement()).isEqualTo(0.5);
    assertThat(drift.maxMovement()).isEqualTo(1.0);
  }

  @Test
  void between_bornAndGoneSegments() {
    Centroids two = new Centroids(new double[] {0, 0, 10, 10}, 2, new double[] {1, 1});
    Centroids three = new Centroids(new double[] {10, 11, -50, 40, 0, 1}, 2, new double[] {1, 1, 1});
    CentroidDrift grow = CentroidDrift.between(two, three);
    assertThat(grow.born()).containsExactly(1);
    assertThat(grow.gone()).isEmpty();
    assertThat(grow.matches()).extracting(CentroidDrift.Match::after).containsExactly(2, 0);
    CentroidDrift shrink = CentroidDrift.between(three, two);
    assertThat(shrink.gone()).containsExactly(1);
    assertThat(shrink.born()).isEmpty();
    // A limit on movement turns a far match into one gone and one born.
    Centroids farther = new Centroids(new double[] {10, 12, -50, 40, 0, 1}, 2, new double[] {1, 1, 1});
    CentroidDrift limited = CentroidDrift.between(two, farther, 1.5);
    assertThat(limited.matches()).hasSize(1);
    assertThat(limited.gone()).containsExactly(1);
    assertThat(limited.born()).containsExactly(0, 1);
  }

  @Test
  void writeCsv_oneLinePerSegmentWithCenters() {
    Centroids two = new Centroids(new double[] {0, 0, 10, 10}, 2, new double[] {1, 2});
    Centroids three = new Centroids(new double[] {10, 11, -50, 40, 0, 1}, 2, new double[] {3, 4, 5});
    String[] lines = CentroidDrift.between(two, three).toCsv().split("\n");
    assertThat(lines).containsExactly(
        "status,before,after,distance,weight_before,weight_after,before_0,before_1,after_0,after_1",
        "matched,0,2,1.0,1.0,5.0,0.0,0.0,0.0,1.0",
        "matched,1,0,1.0,2.0,3.0,10.0,10.0,10.0,11.0",
        "born,,1,,,,,,-50.0,40.0");
  }

  @Test
  void between_badInput() {
    Centroids a = new Centroids(new double[] {0, 0}, 2, new double[] {1});
    Centroids b = new Centroids(new double[] {0, 0, 0}, 3, new double[] {1});
    assertThatThrownBy(() -> CentroidDrift.between(a, b))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after has dimension 3, expected the dimension of before (2)");
    assertThatThrownBy(() -> CentroidDrift.between(a, a, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDistance is 0.0");
    assertThatThrownBy(() -> CentroidDrift.between(null, a))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before is null");
  }
}
