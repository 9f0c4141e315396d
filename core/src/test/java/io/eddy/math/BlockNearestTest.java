package io.eddy.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockNearestTest {

  /** The blocked kernel must give the direct kernel's labels, including near ties and far data. */
  @ParameterizedTest
  @CsvSource({
      "1000, 2, 5, 0, 1", "1000, 16, 16, 0, 1", "777, 64, 3, 0, 1", "130, 7, 40, 0, 1",
      "1000, 4, 8, 1e6, 1", "1000, 3, 6, 0, 1e-7", "500, 5, 1, 0, 1"})
  void nearest_equalsDirectKernel(int n, int d, int k, double offset, double spread) {
    SplittableRandom rng = new SplittableRandom(n * 31L + d * 7L + k);
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = offset + spread * rng.nextDouble(-1, 1);
    }
    double[] centers = new double[k * d];
    for (int j = 0; j < k; j++) {
      int src = rng.nextInt(n);
      System.arraycopy(x, src * d, centers, j * d, d);
    }
    if (k > 2) {
      // an exact duplicate center and a point equidistant from two centers: ties to the lowest
      System.arraycopy(centers, 0, centers, (k - 1) * d, d);
      for (int t = 0; t < d; t++) {
        x[t] = 0.5 * (centers[t] + centers[d + t]);
      }
    }
    double[] packed = new double[(int) BlockNearest.packedLength(n, d)];
    double[] norms = new double[n];
    BlockNearest.pack(x, n, d, packed, norms);
    double[] centerNorms = new double[k + 1];
    BlockNearest.centerNorms(centers, k, d, centerNorms);
    int[] out = new int[BlockNearest.BLOCK];
    double[] scratch = new double[3 * BlockNearest.BLOCK];
    for (int from = 0; from < n; from += BlockNearest.BLOCK) {
      int m = Math.min(BlockNearest.BLOCK, n - from);
      BlockNearest.nearest(x, packed, norms, from, m, centers, centerNorms, k, d, out, scratch);
      for (int p = 0; p < m; p++) {
        assertThat(out[p]).as("point %d", from + p)
            .isEqualTo(NearestCenter.nearest(x, (from + p) * d, centers, k, d));
      }
    }
  }
}
