package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PipelineInverseTest {

  private static final List<String> NUM = List.of("age", "income", "score");

  private static double[][] rows(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      // Age in years, a log-normal income, a uniform score: three scales a scaler must undo.
      x[i] = new double[] {18 + r.nextInt(60), Math.exp(3 + r.nextGaussian()), r.nextDouble(1, 100)};
    }
    return x;
  }

  @Test
  void inverse_undoesLogSubsetAndScalingOnEveryRow() {
    double[][] x = rows(200, 3);
    Pipeline p = Pipeline.builder(NUM)
        .then(Log1pTransformer.Params.DEFAULTS, List.of("income"))
        .then(RobustScaler.Params.DEFAULTS, List.of("age", "score"))
        .then(StandardScaler.Params.DEFAULTS)
        .fit(x);
    assertThat(p.isInvertible()).isTrue();
    double[] back = new double[3];
    for (double[] row : x) {
      double[] z = p.transform(row, (String[]) null);
      p.inverseTransform(z, back);
      for (int j = 0; j < 3; j++) {
        assertThat(back[j]).isCloseTo(row[j], within(1e-9 * Math.max(1, Math.abs(row[j]))));
      }
      // The intermediate columns really changed: an identity "inverse" would not pass above.
      assertThat(z[1]).isNotCloseTo(row[1], within(1e-3));
    }
  }

  @Test
  void inverse_ofFullPcaIsExactAndOfTruncatedPcaIsTheProjection() {
    double[][] x = rows(150, 4);
    Pipeline full = Pipeline.builder(NUM).then(StandardScaler.Params.DEFAULTS).then(Pca.Params.components(3)).fit(x);
    double[] back = full.inverseTransform(full.transform(x[7], (String[]) null));
    assertThat(back).containsExactly(x[7], within(1e-8));

    Pipeline two = Pipeline.builder(NUM).then(StandardScaler.Params.DEFAULTS).then(Pca.Params.components(2)).fit(x);
    double[] z = two.transform(x[7], (String[]) null);
    double[] recon = two.inverseTransform(z);
    // Reconstructing and projecting again gives the same components (a projection is idempotent).
    assertThat(two.transform(recon, (String[]) null)).containsExactly(z, within(1e-9));
  }

  @Test
  void inverse_isRefusedWithTheStepNamedWhenAStepHasNone() {
    double[][] x = rows(50, 5);
    Pipeline p = Pipeline.builder(NUM).then(SimpleImputer.Params.DEFAULTS).then(StandardScaler.Params.DEFAULTS).fit(x);
    assertThat(p.isInvertible()).isFalse();
    assertThatThrownBy(() -> p.inverseTransform(new double[3])).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SimpleImputer");
  }

  @Test
  void inverse_withoutStepsCopiesAndChecksLengths() {
    Pipeline p = Pipeline.builder(NUM).fit(rows(5, 6));
    assertThat(p.inverseTransform(new double[] {1, 2, 3})).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> p.inverseTransform(new double[2])).isInstanceOf(IllegalArgumentException.class);
  }
}
