package io.eddy.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link GaussianMixture#warmStart} against scikit-learn 1.2.1's {@code warm_start=True}
 * (fixtures from core/src/test/python/gmm_warm_start_fixtures.py): a fit stopped after three
 * iterations, continued on the first rows, then continued again on the same rows. Every
 * iteration's lower bound, the iteration count, the convergence flag and the final parameters
 * agree to 1e-9 relative.
 */
class GaussianMixtureWarmStartTest {

  private static final double RELATIVE = 1e-9;

  static List<GmmFixtures.Case> cases() {
    return GmmFixtures.cases("warm_start_fixtures.txt");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void warmStart_continuesAsScikitLearn(GmmFixtures.Case c) {
    double[][] x = GmmFixtures.data(c.text("data"));
    int k = c.integer("k");
    GaussianMixtureModel init = c.start(x[0].length);
    // nInit = 3, as in the fixture: warm starts ignore it
    GaussianMixture.Params p = GaussianMixture.Params.DEFAULTS.withK(k).withCovariance(c.covariance())
        .withTol(c.number("tol")).withNInit(3).withThreads(1);
    List<Double> bounds = new ArrayList<>();
    GaussianMixture first = new GaussianMixture(p.withMaxIter(c.integer("first_max_iter")),
        (run, it, ll) -> bounds.add(ll));
    GaussianMixtureModel m = first.fit(x, null, init);
    check(c, "first_", m, bounds);

    double[][] rows = Arrays.copyOf(x, c.integer("second_rows"));
    GaussianMixture more = new GaussianMixture(p.withMaxIter(100), (run, it, ll) -> bounds.add(ll));
    for (String prefix : new String[] {"second_", "third_"}) {
      bounds.clear();
      GaussianMixtureModel before = m;
      m = more.warmStart(rows, null, m);
      check(c, prefix, m, bounds);
      assertThat(m).isNotSameAs(before);
    }
  }

  private static void check(GmmFixtures.Case c, String prefix, GaussianMixtureModel m, List<Double> bounds) {
    String what = c + " " + prefix;
    double[] expected = c.numbers(prefix + "lower_bounds");
    assertThat(bounds).as(what + "lower bounds").hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      close(what + "lower bound " + (i + 1), bounds.get(i), expected[i], Math.abs(expected[i]));
    }
    close(what + "lower bound", m.lowerBound(), c.number(prefix + "lower_bound"), Math.abs(m.lowerBound()));
    assertThat(m.iterations()).as(what + "n_iter").isEqualTo(c.integer(prefix + "n_iter"));
    assertThat(m.converged()).as(what + "converged").isEqualTo(Boolean.parseBoolean(c.text(prefix + "converged")));
    arrayClose(what + "weights", m.weights(), c.numbers(prefix + "weights"));
    double[][] means = m.means();
    double[] flat = new double[means.length * means[0].length];
    for (int j = 0; j < means.length; j++) {
      System.arraycopy(means[j], 0, flat, j * means[0].length, means[0].length);
    }
    arrayClose(what + "means", flat, c.numbers(prefix + "means"));
    arrayClose(what + "covariances", m.covariances(), c.numbers(prefix + "covariances"));
  }

  private static void close(String what, double actual, double expected, double scale) {
    assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
        .isLessThanOrEqualTo(RELATIVE * scale);
  }

  /** Element-wise to 1e-9, relative to the element or, near 0, to the array's largest. */
  private static void arrayClose(String what, double[] actual, double[] expected) {
    assertThat(actual).as(what + " length").hasSize(expected.length);
    double largest = 0;
    for (double v : expected) {
      largest = Math.max(largest, Math.abs(v));
    }
    for (int i = 0; i < expected.length; i++) {
      close(what + "[" + i + "]", actual[i], expected[i], Math.max(Math.abs(expected[i]), 1e-3 * largest));
    }
  }

  @Test
  void warmStart_fromUnfittedModel_isAFitFromItsParameters() {
    double[][] x = GmmFixtures.data("iris");
    GaussianMixtureModel start = GaussianMixtureModel.of(CovarianceType.DIAGONAL, new double[] {0.5, 0.5},
        new double[][] {x[0], x[100]}, new double[] {1, 1, 1, 1, 1, 1, 1, 1});
    GaussianMixture gm = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(2)
        .withCovariance(CovarianceType.DIAGONAL));
    assertThat(gm.warmStart(x, null, start)).isEqualTo(gm.fit(x, null, start));
  }

  @Test
  void warmStart_rejectsMissingOrMismatchedModel() {
    double[][] x = GmmFixtures.data("iris");
    GaussianMixture two = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(2));
    GaussianMixtureModel m = two.fit(x);
    assertThatThrownBy(() -> two.warmStart(x, null, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("previous is null");
    GaussianMixture three = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(3));
    assertThatThrownBy(() -> three.warmStart(x, null, m)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k=2").hasMessageContaining("expected k=3");
  }
}
