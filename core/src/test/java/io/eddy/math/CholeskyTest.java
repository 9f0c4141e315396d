package io.eddy.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyTest {

  /** A random symmetric positive-definite d x d matrix B B^T + d I at offset off. */
  private static double[] spd(SplittableRandom rng, int d, int off) {
    double[] b = new double[d * d];
    for (int i = 0; i < d * d; i++) {
      b[i] = rng.nextDouble(-1, 1);
    }
    double[] a = new double[off + d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = i == j ? d : 0;
        for (int p = 0; p < d; p++) {
          s += b[i * d + p] * b[j * d + p];
        }
        a[off + i * d + j] = s;
      }
    }
    return a;
  }

  @Test
  void decompose_spdMatrix_reconstructsAndZeroesUpper() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int d = 1; d <= 9; d++) {
      double[] a = spd(rng, d, 3);
      double[] l = a.clone();
      assertThat(Cholesky.decompose(l, 3, d)).isEqualTo(-1);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          if (j > i) {
            assertThat(l[3 + i * d + j]).isZero();
          }
          double s = 0;
          for (int p = 0; p < d; p++) {
            s += l[3 + i * d + p] * l[3 + j * d + p];
          }
          assertThat(s).isCloseTo(a[3 + i * d + j], within(1e-12 * d * d));
        }
      }
    }
  }

  @Test
  void decompose_notPositiveDefinite_reportsPivot() {
    double[] a = {1, 2, 2, 1};
    assertThat(Cholesky.decompose(a, 0, 2)).isEqualTo(1);
    double[] zero = {0};
    assertThat(Cholesky.decompose(zero, 0, 1)).isEqualTo(0);
    double[] nan = {Double.NaN};
    assertThat(Cholesky.decompose(nan, 0, 1)).isEqualTo(0);
  }

  @Test
  void invertLower_timesFactor_isIdentity_andLogDiagonalIsHalfLogDet() {
    SplittableRandom rng = new SplittableRandom(2);
    int d = 6;
    double[] l = spd(rng, d, 0);
    Cholesky.decompose(l, 0, d);
    double[] inv = new double[2 + d * d];
    Cholesky.invertLower(l, 0, inv, 2, d);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int p = 0; p < d; p++) {
          s += inv[2 + i * d + p] * l[p * d + j];
        }
        assertThat(s).isCloseTo(i == j ? 1 : 0, within(1e-12));
      }
    }
    double logDiag = Cholesky.logDiagonalSum(l, 0, d);
    assertThat(Cholesky.logDiagonalSum(inv, 2, d)).isCloseTo(-logDiag, within(1e-12));
  }

  @Test
  void squaredLower_equalsQuadraticFormWithInverse() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int d = 1; d <= 9; d++) {
      double[] a = spd(rng, d, 0);
      double[] l = a.clone();
      Cholesky.decompose(l, 0, d);
      double[] w = new double[d * d];
      Cholesky.invertLower(l, 0, w, 0, d);
      double[] x = new double[d];
      double[] means = new double[2 * d];
      for (int j = 0; j < d; j++) {
        x[j] = rng.nextDouble(-3, 3);
        means[d + j] = rng.nextDouble(-3, 3);
      }
      // Naive: solve A z = (x - mu) with the factor, then (x - mu) . z.
      double[] diff = new double[d];
      for (int j = 0; j < d; j++) {
        diff[j] = x[j] - means[d + j];
      }
      double[] z = new double[d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          double s = 0;
          for (int p = 0; p < d; p++) {
            s += w[p * d + i] * w[p * d + j];
          }
          z[i] += s * diff[j];
        }
      }
      double expected = 0;
      for (int j = 0; j < d; j++) {
        expected += diff[j] * z[j];
      }
      double[] scratch = new double[d];
      assertThat(Gaussian.squaredLower(x, means, d, w, 0, d, scratch))
          .isCloseTo(expected, within(1e-10 * Math.max(1, expected)));
      double[] p = new double[d];
      double naive = 0;
      for (int j = 0; j < d; j++) {
        p[j] = rng.nextDouble(0.1, 2);
        double t = diff[j] * p[j];
        naive += t * t;
      }
      assertThat(Gaussian.squaredDiagonal(x, means, d, p, 0, d)).isCloseTo(naive, within(1e-12 * Math.max(1, naive)));
    }
  }

  @Test
  void addOuterLower_thenSymmetrize_isWeightedOuterProduct() {
    double[] diff = {1, -2, 3};
    double[] acc = new double[9];
    Gaussian.addOuterLower(acc, 0, diff, 2, 3);
    assertThat(acc[1]).isZero();
    Gaussian.symmetrizeFromLower(acc, 0, 3);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(acc[i * 3 + j]).isEqualTo(2 * diff[i] * diff[j]);
      }
    }
  }
}
