package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The evaluation indices' part of issue 14: each case failed before its fix. */
class Issue14EvalTest {

  // 7. On finite data around 1e160 the silhouette was NaN, with every point reported NOISE, and
  //    Davies–Bouldin and Calinski–Harabasz were NaN: squared distances overflowed. The indices
  //    are scale-invariant, so they must equal their values on the same data at unit scale.
  @Test
  void indices_dataNear1e160_equalTheirValueAtUnitScale() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 120;
    double[][] unit = new double[n][];
    double[][] huge = new double[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      unit[i] = new double[] {3 * labels[i] + r.nextGaussian(), -2 * labels[i] + r.nextGaussian()};
      huge[i] = new double[] {unit[i][0] * 1e160, unit[i][1] * 1e160};
    }
    double s = Silhouette.exact(unit, labels, 1).score();
    Silhouette.Result big = Silhouette.exact(huge, labels, 1);
    assertThat(big.noise()).isZero();
    assertThat(big.score()).isCloseTo(s, within(1e-12));
    for (double v : Silhouette.samples(huge, labels, 1)) {
      assertThat(v).isNotNaN();
    }
    assertThat(Silhouette.sampled(huge, labels, 50, 1, 1).score())
        .isCloseTo(Silhouette.sampled(unit, labels, 50, 1, 1).score(), within(1e-12));
    assertThat(InternalIndices.daviesBouldin(huge, labels))
        .isCloseTo(InternalIndices.daviesBouldin(unit, labels), within(1e-9));
    assertThat(InternalIndices.calinskiHarabasz(huge, labels))
        .isCloseTo(InternalIndices.calinskiHarabasz(unit, labels), within(1e-6));
    // Data within the clusterers' range are not copied or rescaled: results stay bit for bit.
    assertThat(Labeling.inRange(unit)).isSameAs(unit);
  }
}
