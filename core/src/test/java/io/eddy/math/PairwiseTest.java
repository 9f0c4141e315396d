package io.eddy.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairwiseTest {

  @Test
  public void condensed_equalsNaiveOrderedSumsBitForBit() {
    SplittableRandom rng = new SplittableRandom(31);
    for (int d : new int[] {1, 3, 8, 13}) {
      for (int n : new int[] {2, 5, 9, 261}) {
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
          x[i] = rng.nextDouble() * 100 - 50;
        }
        double[] out = new double[(int) Pairwise.pairs(n)];
        Pairwise.condensed(x, n, d, out);
        for (int i = 0; i < n; i++) {
          for (int j = i + 1; j < n; j++) {
            double s = 0;
            for (int t = 0; t < d; t++) {
              double diff = x[i * d + t] - x[j * d + t];
              s += diff * diff;
            }
            assertThat(out[Pairwise.index(n, i, j)]).isEqualTo(Math.sqrt(s));
            assertThat(Pairwise.distance(x, d, i, j)).isEqualTo(Math.sqrt(s));
            assertThat(Pairwise.squaredDistance(x, i * d, x, j * d, d)).isEqualTo(s);
          }
        }
      }
    }
  }

  @Test
  public void index_enumeratesPairsInScipyOrder() {
    int n = 6;
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        assertThat(Pairwise.index(n, i, j)).isEqualTo(k++);
      }
    }
    assertThat(Pairwise.pairs(n)).isEqualTo(k);
    assertThat(Pairwise.index(Pairwise.MAX_CONDENSED_POINTS, Pairwise.MAX_CONDENSED_POINTS - 2,
        Pairwise.MAX_CONDENSED_POINTS - 1)).isEqualTo(Pairwise.pairs(Pairwise.MAX_CONDENSED_POINTS) - 1);
  }
}
