package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.eval.ContingencyTable.Normalization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The external indices and the precomputed silhouette against scikit-learn 1.2.1
 * ({@code src/test/python/make_external_fixtures.py}), to 1e-10.
 */
class ExternalIndicesFixtureTest {

  private static final double TOL = 1e-10;
  private static final Properties EXPECTED = load();

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = ExternalIndicesFixtureTest.class.getResourceAsStream("/eval/external.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static double expected(String key) {
    String v = EXPECTED.getProperty(key);
    assertThat(v).as("fixture value " + key).isNotNull();
    return Double.parseDouble(v);
  }

  private static int[] ints(String key) {
    String[] parts = EXPECTED.getProperty(key).split(",");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Integer.parseInt(parts[i]);
    }
    return out;
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String name : Fixture.NAMES) {
      Fixture f = Fixture.load(name);
      out.add(Arguments.of(name + ".pred", f.truth, f.pred));
      out.add(Arguments.of(name + ".noisy", f.truth, f.noisy));
    }
    for (String c : new String[] {"random", "oneclass", "onecluster", "identical", "split", "disjoint"}) {
      String key = "synthetic." + c;
      out.add(Arguments.of(key, ints(key + ".truth"), ints(key + ".pred")));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void externalIndices_matchScikitLearn(String key, int[] truth, int[] pred) {
    ContingencyTable t = ContingencyTable.of(truth, pred);
    assertThat(t.adjustedRand()).as("ARI").isCloseTo(expected(key + ".ari"), within(TOL));
    assertThat(t.rand()).as("Rand").isCloseTo(expected(key + ".rand"), within(TOL));
    assertThat(t.mutualInformation()).as("MI").isCloseTo(expected(key + ".mi"), within(TOL));
    for (Normalization n : Normalization.values()) {
      String m = n.name().toLowerCase(Locale.ROOT);
      assertThat(t.normalizedMutualInformation(n)).as("NMI " + m)
          .isCloseTo(expected(key + ".nmi." + m), within(TOL));
      assertThat(t.adjustedMutualInformation(n)).as("AMI " + m)
          .isCloseTo(expected(key + ".ami." + m), within(TOL));
    }
    assertThat(t.homogeneity()).as("homogeneity").isCloseTo(expected(key + ".homogeneity"), within(TOL));
    assertThat(t.completeness()).as("completeness").isCloseTo(expected(key + ".completeness"), within(TOL));
    assertThat(t.vMeasure()).as("V").isCloseTo(expected(key + ".v1"), within(TOL));
    assertThat(t.vMeasure(0.5)).as("V beta 0.5").isCloseTo(expected(key + ".v0.5"), within(TOL));
    assertThat(t.vMeasure(2)).as("V beta 2").isCloseTo(expected(key + ".v2"), within(TOL));
    assertThat(t.fowlkesMallows()).as("Fowlkes-Mallows").isCloseTo(expected(key + ".fowlkes_mallows"), within(TOL));
    assertThat(ExternalIndices.adjustedMutualInformation(truth, pred)).isEqualTo(t.adjustedMutualInformation());
    assertThat(ExternalIndices.normalizedMutualInformation(truth, pred))
        .isEqualTo(t.normalizedMutualInformation(Normalization.ARITHMETIC));
  }

  private static double[][] cityblock(double[][] x) {
    int n = x.length;
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int f = 0; f < x[i].length; f++) {
          s += Math.abs(x[i][f] - x[j][f]);
        }
        d[i][j] = s;
      }
    }
    return d;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("precomputedNames")
  void silhouette_precomputedCityblock_matchesScikitLearn(String name) {
    Fixture f = Fixture.load(name);
    double[][] d = cityblock(f.data);
    assertThat(Silhouette.precomputed(d, f.truth).score())
        .isCloseTo(expected(name + ".truth.silhouette_cityblock"), within(TOL));
    assertThat(Silhouette.precomputed(d, f.pred).score())
        .isCloseTo(expected(name + ".pred.silhouette_cityblock"), within(TOL));
    String[] samples = EXPECTED.getProperty(name + ".pred.silhouette_cityblock_samples").split(",");
    double[] s = Silhouette.precomputedSamples(d, f.pred);
    for (int i = 0; i < s.length; i++) {
      assertThat(s[i]).as("point " + i).isCloseTo(Double.parseDouble(samples[i]), within(TOL));
    }
  }

  static Stream<String> precomputedNames() {
    return Stream.of("iris", "wine", "blobs");
  }

  @Test
  void silhouette_precomputedEuclidean_equalsTheExactSilhouette() {
    Fixture f = Fixture.load("wine");
    int n = f.data.length;
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        d[i][j] = Math.sqrt(io.eddy.math.Euclid.squaredDistance(f.data[i], f.data[j]));
      }
    }
    Silhouette.Result fromMatrix = Silhouette.precomputed(d, f.noisy);
    Silhouette.Result exact = Silhouette.exact(f.data, f.noisy, 1);
    assertThat(fromMatrix.score()).isCloseTo(exact.score(), within(1e-12));
    assertThat(fromMatrix.noise()).isEqualTo(exact.noise()).isPositive();
  }

  @Test
  void silhouette_precomputed_invalidMatrix_rejectedNamingTheEntry() {
    int[] labels = {0, 0, 1, 1};
    double[][] ok = {{0, 1, 4, 5}, {1, 0, 3, 4}, {4, 3, 0, 1}, {5, 4, 1, 0}};
    // a = 1 for every point; b = 4.5, 3.5, 3.5, 4.5 (mean distance to the other pair).
    assertThat(Silhouette.precomputed(ok, labels).score())
        .isCloseTo((3.5 / 4.5 + 2.5 / 3.5 + 2.5 / 3.5 + 3.5 / 4.5) / 4, within(1e-15));
    double[][] diagonal = {{0, 1, 4, 5}, {1, 0.5, 3, 4}, {4, 3, 0, 1}, {5, 4, 1, 0}};
    assertThatThrownBy(() -> Silhouette.precomputed(diagonal, labels))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distances[1][1] is 0.5");
    double[][] negative = {{0, 1, 4, 5}, {1, 0, 3, 4}, {4, -3, 0, 1}, {5, 4, 1, 0}};
    assertThatThrownBy(() -> Silhouette.precomputed(negative, labels))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distances[2][1] is -3.0");
    double[][] notSquare = {{0, 1, 4}, {1, 0, 3}, {4, 3, 0}, {5, 4, 1}};
    assertThatThrownBy(() -> Silhouette.precomputed(notSquare, labels))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square");
  }

  @Test
  void vMeasure_negativeBeta_rejected_andNullNormalization_rejected() {
    ContingencyTable t = ContingencyTable.of(new int[] {0, 1}, new int[] {0, 1});
    assertThatThrownBy(() -> t.vMeasure(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta");
    assertThatThrownBy(() -> t.normalizedMutualInformation(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.adjustedMutualInformation(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
