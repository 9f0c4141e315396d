package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RightSingular's defining properties on random matrices of several shapes: V is orthogonal,
 * the columns of X·V are orthogonal with norms the singular values, and the sum of squared
 * singular values is the squared Frobenius norm of X.
 */
class RightSingularTest {

  @ParameterizedTest(name = "{0}x{1} rank {2} scale {3}")
  @CsvSource({"200,6,6,1", "40,12,12,1e-3", "5,8,5,1", "300,5,3,1", "60,4,4,1e90", "1,3,1,1", "50,7,0,1"})
  void decomposition_satisfiesDefinition(int n, int d, int rank, double scale) {
    SplittableRandom rng = new SplittableRandom(n * 31L + d);
    // X = A·B with A n×rank and B rank×d, so X has the given rank; columns of very different size
    double[][] x = new double[n][d];
    double[][] a = new double[n][rank];
    double[][] b = new double[rank][d];
    for (double[] row : a) {
      Arrays.setAll(row, j -> rng.nextGaussian());
    }
    for (int r = 0; r < rank; r++) {
      for (int j = 0; j < d; j++) {
        b[r][j] = rng.nextGaussian() * Math.pow(10, -j / 2.0) * scale;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        for (int r = 0; r < rank; r++) {
          x[i][j] += a[i][r] * b[r][j];
        }
      }
    }
    double[][] columns = new double[d][n];
    double frob = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        columns[j][i] = x[i][j];
        frob += x[i][j] * x[i][j];
      }
    }
    RightSingular svd = RightSingular.of(columns);
    double[] v = svd.vectors;
    for (int p = 0; p < d; p++) {
      for (int q = 0; q < d; q++) {
        double dot = 0;
        for (int i = 0; i < d; i++) {
          dot += v[i * d + p] * v[i * d + q];
        }
        assertThat(dot).as("V'V[%d][%d]", p, q).isCloseTo(p == q ? 1 : 0, org.assertj.core.data.Offset.offset(1e-13));
      }
    }
    double[][] xv = new double[d][n];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += x[i][j] * v[j * d + c];
        }
        xv[c][i] = s;
      }
    }
    double largest = Arrays.stream(svd.values).max().orElse(0);
    double squares = 0;
    int nonZero = 0;
    for (int p = 0; p < d; p++) {
      squares += svd.values[p] * svd.values[p];
      nonZero += svd.values[p] > 1e-10 * largest ? 1 : 0;
      assertThat(norm(xv[p])).as("|Xv_%d|", p).isCloseTo(svd.values[p], org.assertj.core.data.Offset.offset(1e-12 * largest + 1e-300));
      for (int q = p + 1; q < d; q++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += xv[p][i] * xv[q][i];
        }
        assertThat(Math.abs(dot)).as("Xv_%d . Xv_%d", p, q).isLessThanOrEqualTo(1e-12 * largest * largest + 1e-300);
      }
    }
    assertThat(squares).isCloseTo(frob, org.assertj.core.data.Offset.offset(1e-12 * frob + 1e-300));
    assertThat(nonZero).isEqualTo(rank);
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double t : v) {
      s += t * t;
    }
    return Math.sqrt(s);
  }
}
