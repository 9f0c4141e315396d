package io.eddy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.eval.Silhouette;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelingTest {

  @Test
  void sampledSilhouette_isWithinItsStandardErrorOfTheExactValue() {
    // Three overlapping blobs, so that rows' silhouettes spread and the estimate has an error.
    SplittableRandom r = new SplittableRandom(21);
    int n = 24_000;
    double[][] x = new double[n][];
    int[] labels = new int[n];
    double[][] centres = {{0, 0}, {3, 0}, {0, 3}};
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      x[i] = new double[] {centres[c][0] + r.nextGaussian(), centres[c][1] + r.nextGaussian()};
      labels[i] = c;
    }
    double exact = Silhouette.exact(x, labels).score();
    for (long seed = 1; seed <= 3; seed++) {
      Silhouette.Estimate e = Modeling.sampledSilhouette(x, labels, seed);
      assertThat(e.population()).isEqualTo(n);
      assertThat(e.sampleSize()).isEqualTo(Modeling.SILHOUETTE_SAMPLE);
      assertThat(e.standardError()).isBetween(0.002, 0.03);
      assertThat(Math.abs(e.score() - exact)).as("seed %d: %s vs %s", seed, e, exact)
          .isLessThan(4 * e.standardError());
    }
  }

  @Test
  void quality_ofOneSegmentHasItsTotalSumOfSquaresAndNoPairIndex() {
    double[][] x = {{0, 0}, {2, 0}, {0, 4}, {2, 4}};
    Modeling.Quality q = Modeling.quality(x, new int[] {3, 3, 3, 3}, 1);
    assertThat(q.clusters()).isEqualTo(1);
    // Mean (1, 2): each row is 1 + 4 = 5 away in squares.
    assertThat(q.wcss()).isEqualTo(20.0);
    assertThat(q.silhouette()).isNaN();
    assertThat(q.daviesBouldin()).isNaN();
    Modeling.Quality two = Modeling.quality(x, new int[] {0, 0, 1, 1}, 1);
    assertThat(two.wcss()).isEqualTo(4.0);
    assertThat(two.calinskiHarabasz()).isEqualTo(io.eddy.eval.InternalIndices.calinskiHarabasz(x, new int[] {0, 0, 1, 1}));
  }
}
