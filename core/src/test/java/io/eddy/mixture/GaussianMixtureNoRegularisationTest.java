package io.eddy.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** regCovar = 0: collapsed data is an error for every covariance type, real data still fits. */
class GaussianMixtureNoRegularisationTest {

  private static GaussianMixture unregularised(int k, CovarianceType type) {
    return new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(k).withCovariance(type)
        .withRegCovar(0).withSeed(5));
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void fit_collapsedData_rejectedForEveryTypeScaleAndK(CovarianceType type) {
    // 0.1 and 4e99 are not representable sums: their variance is rounding noise (5e-32 at
    // 0.1), not zero, and used to pass as a valid tied covariance.
    for (double v : new double[] {0.1, 4e99, -3.5, 0}) {
      for (int k : new int[] {1, 2}) {
        double[][] x = new double[25][];
        for (int i = 0; i < x.length; i++) {
          x[i] = new double[] {v, 2 * v, 7};
        }
        assertThatThrownBy(() -> unregularised(k, type).fit(x))
            .as("%s covariance, k = %d, points at %s", type, k, v)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("regCovar is 0")
            .hasMessageContaining("ill-defined")
            .hasMessageContaining("set regCovar > 0");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void fit_oneCollapsedFeature_rejected_unlessSphericalAveragesItAway(CovarianceType type) {
    double[][] x = new double[40][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {i % 7, 0.1, (i * 3) % 11};
    }
    if (type == CovarianceType.SPHERICAL) {
      // One variance per component, the mean over features: positive, so well defined.
      assertThat(unregularised(1, type).fit(x).clusterCount()).isEqualTo(1);
    } else {
      assertThatThrownBy(() -> unregularised(1, type).fit(x))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("the variance of feature 1");
    }
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void fit_realData_stillFitsWithoutRegularisation(CovarianceType type) {
    GaussianMixtureModel m = unregularised(3, type).fit(GmmFixtures.data("iris"));
    assertThat(m.clusterCount()).isEqualTo(3);
  }
}
