package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KneedleTest {

  private static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  // Worked by hand: the difference curve peaks at x = 3 (0.6455) and falls below
  // 0.6455 - 1/9 at x = 5 (0.510).
  private static final double[] ELBOW_AT_3 = {100, 50, 20, 15, 12, 10, 9, 8.5, 8, 7.8};

  @Test
  void knee_convexDecreasing() {
    assertThat(Kneedle.knee(X, ELBOW_AT_3, Kneedle.Shape.CONVEX_DECREASING, 1.0)).isEqualTo(2);
  }

  @Test
  void knee_paperFigure2() {
    // Satopää et al. 2011, Figure 2 (also kneed's DataGenerator.figure2): y = 5 - 1/(x + 0.1)
    // on ten points of [0, 1]; the knee is at x = 2/9 (kneed: 0.222, y 1.897).
    double[] x = new double[10];
    double[] y = new double[10];
    for (int i = 0; i < 10; i++) {
      x[i] = i / 9.0;
      y[i] = 5 - 1 / (x[i] + 0.1);
    }
    int knee = Kneedle.knee(x, y, Kneedle.Shape.CONCAVE_INCREASING, 1.0);
    assertThat(knee).isEqualTo(2);
    assertThat(y[knee]).isCloseTo(1.8965517241379306, within(1e-12));
  }

  @Test
  void knee_otherShapesAreMirrors() {
    int m = X.length;
    double[] concaveIncreasing = new double[m];
    double[] convexIncreasing = new double[m];
    double[] concaveDecreasing = new double[m];
    for (int i = 0; i < m; i++) {
      concaveIncreasing[i] = -ELBOW_AT_3[i];
      convexIncreasing[i] = ELBOW_AT_3[m - 1 - i];
      concaveDecreasing[i] = -ELBOW_AT_3[m - 1 - i];
    }
    assertThat(Kneedle.knee(X, concaveIncreasing, Kneedle.Shape.CONCAVE_INCREASING, 1.0)).isEqualTo(2);
    assertThat(Kneedle.knee(X, convexIncreasing, Kneedle.Shape.CONVEX_INCREASING, 1.0)).isEqualTo(m - 3);
    assertThat(Kneedle.knee(X, concaveDecreasing, Kneedle.Shape.CONCAVE_DECREASING, 1.0)).isEqualTo(m - 3);
  }

  @Test
  void knee_straightLineHasNone() {
    double[] line = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    assertThat(Kneedle.knee(X, line, Kneedle.Shape.CONVEX_DECREASING, 1.0)).isEqualTo(-1);
    assertThat(Kneedle.knee(X, new double[10], Kneedle.Shape.CONVEX_DECREASING, 1.0)).isEqualTo(-1);
  }

  @Test
  void knee_highSensitivityIsConservative() {
    assertThat(Kneedle.knee(X, ELBOW_AT_3, Kneedle.Shape.CONVEX_DECREASING, 10.0)).isEqualTo(-1);
  }

  @Test
  void knee_badInput() {
    assertThatThrownBy(() -> Kneedle.knee(new double[] {1, 2}, new double[] {1, 2},
        Kneedle.Shape.CONVEX_DECREASING, 1)).hasMessageContaining("curve has 2 points");
    assertThatThrownBy(() -> Kneedle.knee(new double[] {1, 1, 2}, new double[] {1, 2, 3},
        Kneedle.Shape.CONVEX_DECREASING, 1)).hasMessageContaining("not strictly increasing at index 1");
    assertThatThrownBy(() -> Kneedle.knee(X, new double[3], Kneedle.Shape.CONVEX_DECREASING, 1))
        .hasMessageContaining("y has length 3, expected 10");
  }
}
