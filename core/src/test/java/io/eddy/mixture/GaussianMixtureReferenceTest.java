package io.eddy.mixture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EM from the same initial parameters as scikit-learn 1.2.1 must reproduce its per-iteration
 * mean log-likelihoods, iteration count, convergence and final parameters to 1e-8 relative
 * (fixtures from core/src/test/python/gmm_fixtures.py).
 */
class GaussianMixtureReferenceTest {

  private static final double RELATIVE = 1e-8;

  static List<GmmFixtures.Case> cases() {
    return GmmFixtures.cases();
  }

  static GaussianMixtureModel fit(GmmFixtures.Case c, int threads) {
    double[][] x = GmmFixtures.data(c.text("data"));
    int k = c.integer("k");
    GaussianMixtureModel start = c.start(x[0].length);
    GaussianMixture.Params p = GaussianMixture.Params.DEFAULTS.withK(k)
        .withCovariance(c.covariance()).withTol(c.number("tol")).withMaxIter(c.integer("max_iter"))
        .withThreads(threads);
    List<Double> bounds = new ArrayList<>();
    GaussianMixtureModel m = new GaussianMixture(p, (run, it, ll) -> bounds.add(ll)).fit(x, null, start);
    double[] expected = c.numbers("lower_bounds");
    assertThat(bounds).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertClose(c + " lower bound " + (i + 1), bounds.get(i), expected[i], Math.abs(expected[i]));
    }
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fit_fromSameStart_matchesScikitLearn(GmmFixtures.Case c) {
    GaussianMixtureModel m = fit(c, 1);
    double[][] x = GmmFixtures.data(c.text("data"));
    assertThat(m.iterations()).isEqualTo(c.integer("n_iter"));
    assertThat(m.converged()).isEqualTo(Boolean.parseBoolean(c.text("converged")));
    assertArrayClose(c + " weights", m.weights(), c.numbers("weights"));
    double[][] means = m.means();
    double[] flat = new double[means.length * means[0].length];
    for (int j = 0; j < means.length; j++) {
      System.arraycopy(means[j], 0, flat, j * means[0].length, means[0].length);
    }
    assertArrayClose(c + " means", flat, c.numbers("means"));
    assertArrayClose(c + " covariances", m.covariances(), c.numbers("covariances"));
    assertClose(c + " score", m.score(x), c.number("score"), Math.abs(c.number("score")));
    assertClose(c + " bic", m.bic(x), c.number("bic"), Math.abs(c.number("bic")));
    assertClose(c + " aic", m.aic(x), c.number("aic"), Math.abs(c.number("aic")));
  }

  /** Element-wise, relative to the element or, for entries near 0, to the array's largest. */
  static void assertArrayClose(String what, double[] actual, double[] expected) {
    assertThat(actual).as(what + " length").hasSize(expected.length);
    double largest = 0;
    for (double v : expected) {
      largest = Math.max(largest, Math.abs(v));
    }
    for (int i = 0; i < expected.length; i++) {
      assertClose(what + "[" + i + "]", actual[i], expected[i],
          Math.max(Math.abs(expected[i]), 1e-3 * largest));
    }
  }

  static void assertClose(String what, double actual, double expected, double scale) {
    assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
        .isLessThanOrEqualTo(RELATIVE * scale);
  }
}
