package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.ClusterModel;
import io.eddy.OutlierModel;
import io.eddy.io.ModelIO;
import io.eddy.testkit.DriftingMixture;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The outlier score of micro-cluster snapshots and the noise rule it defines: hand-computed
 * values on a tiny model, growth along rays, agreement with {@code predict} on a realistic
 * stream, and the one-radius rule kept for DBSTREAM and for models saved before radii.
 */
class OutlierScoreTest {

  private static final double TOL = 1e-12;

  /**
   * Clustered micro-clusters at (0, 0) with radius 0.5 (label 4) and (10, 0) with radius 2
   * (label 7); an unclustered one at (0, 5), which never counts.
   */
  private static DenStreamModel tiny() {
    return new DenStreamModel(2, 1.0, 3.0, 0, new int[] {4, 7}, new double[] {0, 0, 10, 0},
        new double[] {5, 8}, new double[] {0, 0, 10, 0, 0, 5}, new double[] {5, 8, 3},
        new double[] {0.5, 2, 1}, new int[] {4, 7, ClusterModel.NOISE});
  }

  @Test
  void score_tinyModel_isDistanceInRadiiOfTheBestMicroCluster() {
    OutlierModel m = tiny();
    assertThat(m.noiseThreshold()).isEqualTo(3.0);
    // (1, 0): 1 / 0.5 = 2 from the first, 9 / 2 = 4.5 from the second.
    assertThat(m.outlierScore(new double[] {1, 0})).isCloseTo(2, within(TOL));
    assertThat(m.predict(new double[] {1, 0})).isEqualTo(4);
    // (4, 0) is nearer the first centre (4 against 6), but 8 of its radii away and 3 of the
    // wider second's: it belongs to the second, at the edge.
    assertThat(m.outlierScore(new double[] {4, 0})).isCloseTo(3, within(TOL));
    assertThat(m.predict(new double[] {4, 0})).isEqualTo(7);
    // (3.9, 0): 7.8 and 3.05 radii: noise.
    assertThat(m.outlierScore(new double[] {3.9, 0})).isCloseTo(3.05, within(TOL));
    assertThat(m.predict(new double[] {3.9, 0})).isEqualTo(ClusterModel.NOISE);
    // At the unclustered micro-cluster's centre, which does not count: 5 / 0.5 = 10 radii from
    // the first, sqrt(125) / 2 = 5.59 from the second.
    assertThat(m.outlierScore(new double[] {0, 5})).isCloseTo(Math.sqrt(125) / 2, within(TOL));
  }

  @Test
  void score_growsAlongRaysAwayFromTheClusters() {
    DenStreamModel m = tiny();
    SplittableRandom rng = new SplittableRandom(3);
    for (int ray = 0; ray < 50; ray++) {
      double angle = Math.PI / 2 + Math.PI * rng.nextDouble();
      double[] u = {Math.cos(angle), Math.sin(angle)};
      double previous = -1;
      for (int step = 0; step <= 200; step++) {
        double t = step * 0.0125;
        double score = m.outlierScore(new double[] {t * u[0], t * u[1]});
        // Pointing away from (10, 0) and up to 2.5 from the origin, the first micro-cluster
        // stays the best one (5 radii against at least sqrt(106.25) / 2 = 5.15): t / 0.5.
        assertThat(score).isCloseTo(t / 0.5, within(1e-9));
        assertThat(score).isGreaterThanOrEqualTo(previous);
        previous = score;
      }
    }
  }

  @Test
  void score_noiseExactlyAboveThreshold_onASnapshotOfTheDriftingStream() {
    DenStream c = new DenStream(DenStream.Params.DEFAULTS.withEpsilon(0.1));
    DriftingMixture stream = new DriftingMixture(11);
    double[] x = new double[8];
    for (int i = 0; i < 20_000; i++) {
      stream.next(x);
      c.learn(x);
    }
    DenStreamModel m = c.snapshot();
    assertThat(m.clusterCount()).isPositive();
    int noise = 0;
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < 5_000; i++) {
      // Half from the stream, half anywhere: both sides of the threshold.
      if (i % 2 == 0) {
        stream.next(x);
      } else {
        for (int j = 0; j < 8; j++) {
          x[j] = rng.nextDouble(-0.2, 1.2);
        }
      }
      double score = m.outlierScore(x);
      boolean isNoise = m.predict(x) == ClusterModel.NOISE;
      assertThat(isNoise).as("point %d, score %s", i, score).isEqualTo(score > m.noiseThreshold());
      noise += isNoise ? 1 : 0;
    }
    assertThat(noise).isBetween(1_000, 4_000);
  }

  @Test
  void oneRadius_isTheReachRuleWithThresholdOne() {
    DbstreamModel m = new DbstreamModel(1, 0.5, 0, new int[] {2}, new double[] {0.1},
        new double[] {3}, new double[] {0, 1}, new double[] {1, 2}, new int[] {2, 2});
    assertThat(m.noiseThreshold()).isEqualTo(1.0);
    assertThat(m.microRadius(0)).isEqualTo(0.5);
    assertThat(m.outlierScore(new double[] {1.25})).isCloseTo(0.5, within(TOL));
    assertThat(m.predict(new double[] {1.5})).isEqualTo(2);
    assertThat(m.predict(new double[] {-0.5})).isEqualTo(2);
    assertThat(m.predict(new double[] {-0.51})).isEqualTo(ClusterModel.NOISE);
    assertThat(m.outlierScore(new double[] {-0.51})).isCloseTo(1.02, within(TOL));
  }

  @Test
  void emptyModel_scoresInfinity() {
    DenStream c = new DenStream();
    c.learn(new double[] {1, 2});
    assertThat(c.snapshot().outlierScore(new double[] {1, 2})).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void codec_roundTripKeepsRadiiAndThreshold() throws Exception {
    DenStreamModel m = tiny();
    DenStreamModel back = ModelIO.fromBytes(ModelIO.toBytes(m), DenStreamModel.class);
    assertThat(back).isEqualTo(m);
    assertThat(back.microRadius(1)).isEqualTo(2.0);
    assertThat(back.outlierScore(new double[] {4, 0})).isEqualTo(m.outlierScore(new double[] {4, 0}));
  }
}
