package io.eddy.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Precisions and their Cholesky factors against scikit-learn 1.2.1's {@code precisions_} and
 * {@code precisions_cholesky_} (src/test/python/gmm_precision_fixtures.py): a model built from
 * scikit-learn's fitted weights, means and covariances must give its precisions.
 */
class GaussianMixturePrecisionTest {

  private static final Map<String, double[]> FIXTURES = load();

  private static Map<String, double[]> load() {
    Map<String, double[]> out = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        GaussianMixturePrecisionTest.class.getResourceAsStream("/gmm/precision_fixtures.txt"),
        StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] parts = line.trim().split(" ");
        double[] v = new double[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
          v[i - 1] = Double.parseDouble(parts[i]);
        }
        out.put(parts[0], v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static GaussianMixtureModel model(String key, CovarianceType type) {
    double[] weights = FIXTURES.get(key + ".weights");
    double[] flatMeans = FIXTURES.get(key + ".means");
    int k = weights.length;
    int d = flatMeans.length / k;
    double[][] means = new double[k][d];
    for (int c = 0; c < k; c++) {
      System.arraycopy(flatMeans, c * d, means[c], 0, d);
    }
    return GaussianMixtureModel.of(type, weights, means, FIXTURES.get(key + ".covariances"));
  }

  /** Entry by entry, to 1e-10 of the largest magnitude of the same component's block. */
  private static void assertClose(String what, double[] actual, double[] expected, int block) {
    assertThat(actual).as(what + " length").hasSameSizeAs(expected);
    for (int off = 0; off < expected.length; off += block) {
      double scale = 0;
      for (int i = off; i < off + block; i++) {
        scale = Math.max(scale, Math.abs(expected[i]));
      }
      for (int i = off; i < off + block; i++) {
        assertThat(actual[i]).as(what + "[" + i + "]").isCloseTo(expected[i], within(1e-10 * scale));
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"iris,FULL", "iris,DIAGONAL", "iris,SPHERICAL", "iris,TIED",
      "wine,FULL", "wine,DIAGONAL", "wine,SPHERICAL", "wine,TIED"})
  void precisions_matchScikitLearn(String data, CovarianceType type) {
    String key = data + "." + type.name().toLowerCase(java.util.Locale.ROOT);
    GaussianMixtureModel m = model(key, type);
    int d = m.dimension();
    int block = type == CovarianceType.FULL || type == CovarianceType.TIED ? d * d
        : type == CovarianceType.DIAGONAL ? d : 1;
    assertClose(key + " precisions_cholesky_", m.precisionsCholesky(),
        FIXTURES.get(key + ".precisions_cholesky"), block);
    assertClose(key + " precisions_", m.precisions(), FIXTURES.get(key + ".precisions"), block);
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void precision_timesCovariance_isIdentity_andFactorsMultiplyBack(CovarianceType type) {
    GaussianMixtureModel m = model("iris." + type.name().toLowerCase(java.util.Locale.ROOT), type);
    int d = m.dimension();
    for (int c = 0; c < m.clusterCount(); c++) {
      double[][] p = m.precision(c);
      double[][] s = m.covariance(c);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          double sum = 0;
          for (int t = 0; t < d; t++) {
            sum += p[i][t] * s[t][j];
          }
          assertThat(sum).as("(P S)[%d][%d] of component %d", i, j, c).isCloseTo(i == j ? 1 : 0, within(1e-9));
          assertThat(p[i][j]).as("symmetric").isEqualTo(p[j][i]);
        }
      }
    }
    if (type == CovarianceType.FULL) {
      double[] u = m.precisionsCholesky();
      for (int i = 1; i < d; i++) {
        for (int j = 0; j < i; j++) {
          assertThat(u[i * d + j]).as("U is upper triangular").isZero();
        }
      }
    }
    assertThatThrownBy(() -> m.precision(m.clusterCount())).isInstanceOf(IllegalArgumentException.class);
  }
}
