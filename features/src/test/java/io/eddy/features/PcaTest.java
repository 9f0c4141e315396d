package io.eddy.features;

import static io.eddy.features.Fixtures.assertClose;
import static io.eddy.features.Fixtures.matrix;
import static io.eddy.features.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.io.ModelIO;
import org.junit.jupiter.api.Test;

class PcaTest {

  private static final double[][] FIT = matrix("pca_fit");
  private static final double[][] TEST = matrix("pca_test");

  private static void assertMatches(Pca pca, String name) {
    double[][] comps = matrix(name + "_components");
    assertThat(pca.components()).isEqualTo(comps.length);
    double[][] out = pca.transformAll(TEST);
    double[][] expectedOut = matrix(name + "_test_out");
    for (int c = 0; c < comps.length; c++) {
      double[] mine = pca.component(c);
      // Components are defined up to sign: align with scikit-learn's, and flip the scores too.
      double dot = 0;
      for (int j = 0; j < mine.length; j++) {
        dot += mine[j] * comps[c][j];
      }
      double sign = Math.signum(dot);
      for (int j = 0; j < mine.length; j++) {
        mine[j] *= sign;
      }
      assertClose(mine, comps[c], 1e-12, "component " + c);
      for (double[] row : out) {
        row[c] *= sign;
      }
    }
    assertClose(out, expectedOut, 1e-12);
    assertClose(pca.explainedVariance(), vector(name + "_variance"), 1e-12, "variance");
    assertClose(pca.explainedVarianceRatio(), vector(name + "_ratio"), 1e-12, "ratio");
    assertClose(pca.singularValues(), vector(name + "_singular"), 1e-12, "singular values");
    assertClose(pca.mean(), vector(name + "_mean"), 1e-12, "mean");
    assertClose(pca.inverseTransformAll(pca.transformAll(TEST)), matrix(name + "_inverse"), 1e-12);
  }

  @Test
  void fit_threeComponentsMatchScikitLearn() {
    assertMatches(Pca.Params.components(3).fit(FIT, Features.defaultNames(5)), "pca3");
  }

  @Test
  void fit_whitenedMatchesScikitLearn() {
    assertMatches(Pca.Params.components(3).withWhiten(true).fit(FIT, Features.defaultNames(5)), "pca3_whiten");
  }

  @Test
  void fit_varianceFractionChoosesScikitLearnsCount() {
    assertMatches(Pca.Params.varianceFraction(0.9).fit(FIT, Features.defaultNames(5)), "pca_var90");
  }

  @Test
  void fit_allComponentsReconstructExactly() {
    Pca pca = new Pca.Params(0, 0, false).fit(FIT, Features.defaultNames(5));
    assertMatches(pca, "pca_all");
    assertClose(pca.inverseTransformAll(pca.transformAll(TEST)), TEST, 1e-12);
  }

  @Test
  void fit_signConventionIsLargestCoefficientPositive() {
    Pca pca = Pca.fit(FIT);
    for (int c = 0; c < pca.components(); c++) {
      double[] v = pca.component(c);
      int arg = 0;
      for (int j = 1; j < v.length; j++) {
        if (Math.abs(v[j]) > Math.abs(v[arg])) {
          arg = j;
        }
      }
      assertThat(v[arg]).isPositive();
    }
    assertThat(pca.outputNames()).containsExactly("pc1", "pc2");
  }

  @Test
  void fit_rejectsMissingValuesAndTooManyComponents() {
    assertThatThrownBy(() -> Pca.fit(new double[][] {{1, Double.NaN}, {2, 3}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    assertThatThrownBy(() -> Pca.Params.components(3).fit(new double[][] {{1, 2}, {3, 4}}, Features.defaultNames(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
  }

  @Test
  void codec_roundTrips() throws Exception {
    Pca pca = Pca.Params.components(3).withWhiten(true).fit(FIT, Features.defaultNames(5));
    Pca back = ModelIO.fromBytes(ModelIO.toBytes(pca), Pca.class);
    assertThat(back.transformAll(TEST)).isDeepEqualTo(pca.transformAll(TEST));
  }
}
