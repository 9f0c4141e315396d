package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.ClusterModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DstreamOutlierScoreTest {

  /** One cluster (label 3) of the grids (0, 0) and (1, 0), width 1. */
  private static DstreamModel tiny() {
    return new DstreamModel(2, 1.0, 10, new int[] {3}, new double[] {1, 0.5}, new double[] {2},
        new long[] {0, 0, 1, 0}, new int[] {3, 3}, new double[] {1, 1});
  }

  @Test
  void score_handComputed() {
    DstreamModel m = tiny();
    assertThat(m.outlierScore(new double[] {0.2, 0.7})).isZero();
    assertThat(m.outlierScore(new double[] {1.9, 0.1})).isZero();
    assertThat(m.outlierScore(new double[] {2.5, 0.5})).isCloseTo(0.5, within(1e-15));
    assertThat(m.outlierScore(new double[] {-1, 3})).isCloseTo(2, within(1e-15));
    // On the border of a clustered grid, inside an unclustered one: noise, and scored above 0.
    assertThat(m.predict(new double[] {2.0, 0.5})).isEqualTo(ClusterModel.NOISE);
    assertThat(m.outlierScore(new double[] {2.0, 0.5})).isEqualTo(Double.MIN_VALUE);
    assertThat(DstreamModel.empty(1).noiseThreshold()).isZero();
  }

  @Test
  void score_growsAlongRays_andAgreesWithPredict() {
    Dstream c = new Dstream(Dstream.Params.DEFAULTS.withLambda(0.998));
    SplittableRandom rng = new SplittableRandom(4);
    for (int t = 0; t < 20_000; t++) {
      double cx = rng.nextBoolean() ? 0 : 8;
      c.learn(new double[] {cx + 0.6 * rng.nextGaussian(), 0.6 * rng.nextGaussian()});
    }
    DstreamModel m = c.snapshot();
    assertThat(m.clusterCount()).isPositive();
    for (int i = 0; i < 5_000; i++) {
      double[] x = {rng.nextDouble(-10, 20), rng.nextDouble(-10, 10)};
      double s = m.outlierScore(x);
      assertThat(s > m.noiseThreshold()).isEqualTo(m.predict(x) == ClusterModel.NOISE);
    }
    for (int r = 0; r < 20; r++) {
      double angle = rng.nextDouble(0, 2 * Math.PI);
      double last = 0;
      for (double dist = 0; dist < 50; dist += 0.25) {
        double[] x = {4 + dist * Math.cos(angle), dist * Math.sin(angle)};
        double s = m.outlierScore(x);
        if (dist >= 30) {
          // Beyond every grid: moving out along the ray never lowers the score.
          assertThat(s).isGreaterThanOrEqualTo(last);
        }
        last = s;
      }
      assertThat(last).isGreaterThan(20);
    }
  }
}
