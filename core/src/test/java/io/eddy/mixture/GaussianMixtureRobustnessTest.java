package io.eddy.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Awkward data must give finite models, or a clear exception naming the component. */
class GaussianMixtureRobustnessTest {

  private static void assertFinite(GaussianMixtureModel m, double[][] x) {
    for (double w : m.weights()) {
      assertThat(w).isFinite().isGreaterThan(0);
    }
    for (double[] mean : m.means()) {
      for (double v : mean) {
        assertThat(v).isFinite();
      }
    }
    for (double v : m.covariances()) {
      assertThat(v).isFinite();
    }
    assertThat(m.lowerBound()).isFinite();
    assertThat(m.score(x)).isFinite();
    for (double[] p : x) {
      double sum = 0;
      for (double v : m.probabilities(p)) {
        assertThat(v).isFinite();
        sum += v;
      }
      assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }
  }

  private static void fitAll(double[][] x, int k, CovarianceType type) {
    for (GaussianMixture.Init init : GaussianMixture.Init.values()) {
      GaussianMixtureModel m = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(k)
          .withCovariance(type).withInit(init).withNInit(2).withSeed(3)).fit(x);
      assertFinite(m, x);
    }
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void fit_allPointsIdentical_finite(CovarianceType type) {
    double[][] x = new double[40][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {3.5, -2, 7};
    }
    fitAll(x, 3, type);
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void fit_manyDuplicatesAndSingleOutlier_finite(CovarianceType type) {
    double[][] x = new double[61][];
    for (int i = 0; i < 60; i++) {
      x[i] = new double[] {i % 3, (i % 3) * 2.0};
    }
    x[60] = new double[] {1e4, -1e4};
    fitAll(x, 4, type);
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void fit_moreDimensionsThanPointsPerComponent_finite(CovarianceType type) {
    SplittableRandom rng = new SplittableRandom(4);
    double[][] x = new double[12][10];
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        row[j] = rng.nextDouble();
      }
    }
    fitAll(x, 3, type);
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void fit_largeOffsetWithCollapsedComponent_finite(CovarianceType type) {
    // Values near 1e8 make regCovar (1e-6) vanish in rounding for a collapsed component.
    double[][] x = new double[30][];
    for (int i = 0; i < 30; i++) {
      x[i] = new double[] {1e8 + (i < 10 ? 0 : i), 1e8 - (i < 10 ? 0 : 2 * i)};
    }
    fitAll(x, 2, type);
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void model_extremePoints_finiteProbabilities(CovarianceType type) {
    double[][] x = GmmFixtures.data("iris");
    GaussianMixtureModel m = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(3)
        .withCovariance(type)).fit(x);
    for (double v : new double[] {1e160, Double.MAX_VALUE}) {
      double[] far = {v, -v, v, 0};
      assertThatThrownBy(() -> m.predict(far)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Points.MAX_ABS");
    }
    for (double v : new double[] {1e10, -1e100, 1e100, 9.99e99}) {
      double[] p = {v, -v, v, 0};
      double sum = 0;
      for (double q : m.probabilities(p)) {
        assertThat(q).isFinite().isBetween(0.0, 1.0);
        sum += q;
      }
      assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
      assertThat(m.predict(p)).isBetween(0, 2);
    }
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void fit_noRegularisationOnIdenticalPoints_rejectedNamingTheCovariance(CovarianceType type) {
    double[][] x = new double[10][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {1, 2};
    }
    GaussianMixture gm = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(2).withCovariance(type)
        .withRegCovar(0));
    assertThatThrownBy(() -> gm.fit(x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("regCovar is 0 and the " + type.id() + " covariance")
        .hasMessageContaining("ill-defined");
  }
}
