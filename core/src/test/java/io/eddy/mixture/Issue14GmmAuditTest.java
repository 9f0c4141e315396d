package io.eddy.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.kmeans.KMeans;
import io.eddy.kmeans.KMeansModel;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Subnormal sample weights (issue 14, second audit). Weights of 1e-320 are valid (finite,
 * non-negative, positive sum) and the fits depend only on their ratios, yet they failed:
 * k-means centroids divided a subnormal cluster weight's inverse, +Infinity, so the k-means
 * initialisation of a mixture threw "center has Infinity"; and EM's masses sat below the floor
 * that keeps a component alive (10 ulp(1)), so every mean collapsed to 0 and the data were
 * ignored.
 */
class Issue14GmmAuditTest {

  private static final int N = 200;

  private static double[][] twoBlobs() {
    SplittableRandom r = new SplittableRandom(1);
    double[][] x = new double[N][];
    for (int i = 0; i < N; i++) {
      x[i] = new double[] {(i % 2) * 10 + r.nextGaussian(), r.nextGaussian()};
    }
    return x;
  }

  private static double[] filled(double value) {
    double[] w = new double[N];
    Arrays.fill(w, value);
    return w;
  }

  @ParameterizedTest
  @EnumSource(GaussianMixture.Init.class)
  void fit_allWeightsSubnormal_sameModelAsEqualUnitWeights(GaussianMixture.Init init) {
    double[][] x = twoBlobs();
    GaussianMixture g = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(2).withInit(init).withThreads(1));
    GaussianMixtureModel unit = g.fit(x, filled(1));
    GaussianMixtureModel tiny = g.fit(x, filled(1e-320));
    for (int c = 0; c < 2; c++) {
      assertThat(tiny.weight(c)).isCloseTo(unit.weight(c), within(1e-9));
      for (int j = 0; j < 2; j++) {
        assertThat(tiny.means()[c][j]).isCloseTo(unit.means()[c][j], within(1e-9));
      }
    }
    double[] p = new double[2];
    tiny.probabilities(x[0], p);
    assertThat(p[0] + p[1]).isCloseTo(1.0, within(1e-12));
    assertThat(tiny.lowerBound()).isCloseTo(unit.lowerBound(), within(1e-9));
  }

  @ParameterizedTest
  @EnumSource(GaussianMixture.Init.class)
  void fit_onePointOfUnitWeightAmongSubnormals_finiteModel(GaussianMixture.Init init) {
    double[][] x = twoBlobs();
    double[] w = filled(1e-320);
    w[3] = 1; // the sum is at least 1: no rescaling, one component is all subnormal weight
    GaussianMixtureModel m = new GaussianMixture(
        GaussianMixture.Params.DEFAULTS.withK(2).withInit(init).withThreads(1)).fit(x, w);
    double[] p = new double[2];
    for (double[] point : x) {
      m.probabilities(point, p);
      assertThat(p[0] + p[1]).isCloseTo(1.0, within(1e-12));
    }
    for (double[] mean : m.means()) {
      assertThat(Double.isFinite(mean[0]) && Double.isFinite(mean[1])).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(KMeans.Algorithm.class)
  void kMeans_subnormalWeights_centersAsUnweightedAndWeightsInTheCallersScale(KMeans.Algorithm algorithm) {
    double[][] x = twoBlobs();
    KMeans km = new KMeans(KMeans.Params.DEFAULTS.withK(2).withAlgorithm(algorithm).withThreads(1));
    KMeansModel unit = km.fit(x, filled(1));
    KMeansModel tiny = km.fit(x, filled(1e-320));
    assertThat(tiny.flatCenters()).containsExactly(unit.flatCenters(), within(1e-9));
    // Cluster weights and inertia are reported in the weights' own units, to the precision of
    // subnormal sums (a few parts in 10^6 here).
    for (int c = 0; c < 2; c++) {
      assertThat(tiny.weight(c) / 1e-320).isCloseTo(unit.weight(c), within(1e-3 * unit.weight(c)));
    }
    assertThat(tiny.inertia() / 1e-320).isCloseTo(unit.inertia(), within(1e-3 * unit.inertia()));
    // One cluster of subnormal weight beside one of unit weight: finite centers.
    double[] w = new double[N];
    for (int i = 0; i < N; i++) {
      w[i] = i % 2 == 0 ? 1e-320 : 1;
    }
    KMeansModel mixed = km.fit(x, w, new double[][] {{0, 0}, {10, 0}});
    assertThat(mixed.center(0)[0]).isCloseTo(unit.center(unit.predict(new double[] {0, 0}))[0], within(0.5));
  }

  // Array sizes wrapped in int arithmetic: n = k = 46,341 (n*k = 2^31 + 4,281) threw
  // NegativeArraySizeException; k = 1 with 65,536 dimensions made the full scatter k*d*d wrap
  // to 0, and an ArrayIndexOutOfBoundsException followed.
  @Test
  void fit_arraySizesBeyondOneJavaArray_illegalArgument() {
    int n = 46_341;
    double[][] line = new double[n][];
    for (int i = 0; i < n; i++) {
      line[i] = new double[] {i};
    }
    assertThatThrownBy(() -> new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(n).withThreads(1)).fit(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("responsibilities");
    // Elkan chosen explicitly sized its n*k bounds with Math.multiplyExact: ArithmeticException.
    assertThatThrownBy(() -> new KMeans(KMeans.Params.DEFAULTS.withK(n).withAlgorithm(KMeans.Algorithm.ELKAN)
        .withThreads(1)).fit(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Elkan");
    double[][] wide = {new double[65_536]};
    wide[0][1] = 1;
    assertThatThrownBy(() -> new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(1).withThreads(1)).fit(wide))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k*d*d");
  }
}
