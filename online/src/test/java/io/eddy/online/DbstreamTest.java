package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.ClusterModel;
import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.io.ModelIO;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DbstreamTest {

  private static final Dbstream.Params P = Dbstream.Params.DEFAULTS.withR(1).withLambda(0.01).withTGap(10).withWMin(2).withAlpha(0.1);

  @Test
  public void params_invalid_rejectedNamingField() {
    assertThatThrownBy(() -> P.withR(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("r ");
    assertThatThrownBy(() -> P.withR(1e-101)).hasMessageContaining("r ");
    assertThatThrownBy(() -> P.withR(Double.NaN)).hasMessageContaining("r ");
    assertThatThrownBy(() -> P.withLambda(0)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> P.withLambda(Double.NaN)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> P.withTGap(-1)).hasMessageContaining("tGap");
    assertThatThrownBy(() -> P.withWMin(0)).hasMessageContaining("wMin");
    assertThatThrownBy(() -> P.withAlpha(1.5)).hasMessageContaining("alpha").hasMessageContaining("1.5");
  }

  @Test
  public void registry_buildsFromDefaultsAndOverrides() {
    OnlineClusterer<?> c = Clusterers.online("dbstream", Map.of("r", 0.5, "tGap", 7));
    assertThat(c).isInstanceOf(Dbstream.class);
    Dbstream.Params p = ((Dbstream) c).params();
    assertThat(p).isEqualTo(Dbstream.Params.DEFAULTS.withR(0.5).withTGap(7));
  }

  @Test
  public void learn_pointExactlyAtRadius_joinsMicroCluster() {
    Dbstream c = new Dbstream(P);
    c.learn(new double[] {0, 0});
    c.learn(new double[] {0.6, 0.8}); // distance exactly 1 = r
    assertThat(c.microClusterCount()).isEqualTo(1);
    c.learn(new double[] {0, -1.0000001});
    assertThat(c.microClusterCount()).isEqualTo(2);
  }

  @Test
  public void learn_moveBringingCentresCloserThanR_isRevertedForThePair() {
    Dbstream c = new Dbstream(P);
    c.learn(new double[] {0});
    c.learn(new double[] {1.2});
    c.learn(new double[] {0.6}); // both within r; the moves would leave them 0.96 apart
    assertThat(c.microClusterCount()).isEqualTo(2);
    assertThat(c.microCenter(0)).containsExactly(0.0);
    assertThat(c.microCenter(1)).containsExactly(1.2);
    assertThat(c.microWeight(0)).isCloseTo(1 * Math.pow(2, -0.01 * 2) + 1, within(1e-15));
    assertThat(c.microWeight(1)).isCloseTo(1 * Math.pow(2, -0.01 * 1) + 1, within(1e-15));
    // one point reached both, at time 2; the clock now shows 3
    assertThat(c.fadedShared(c.microId(0), c.microId(1))).isCloseTo(Math.pow(2, -0.01), within(1e-15));
  }

  @Test
  public void learn_moveKeepingCentresApart_followsGaussianNeighbourhood() {
    Dbstream c = new Dbstream(P);
    c.learn(new double[] {0});
    c.learn(new double[] {0.5});
    double h = Math.exp(-0.25 / (2 * (1.0 / 3) * (1.0 / 3)));
    assertThat(c.microCenter(0)[0]).isCloseTo(0.5 * h, within(1e-15));
  }

  @Test
  public void learn_weight_addsWeightAndPullsAsRepeatedPoints() {
    Dbstream c = new Dbstream(P);
    c.learn(new double[] {0}, 3.0);
    assertThat(c.microWeight(0)).isEqualTo(3.0);
    c.learn(new double[] {0.5}, 2.0, 1.0);
    double h = Math.exp(-0.25 / (2 * (1.0 / 3) * (1.0 / 3)));
    assertThat(c.microWeight(0)).isCloseTo(3 * Math.pow(2, -0.01) + 2, within(1e-15));
    assertThat(c.microCenter(0)[0]).isCloseTo(0.5 * (1 - (1 - h) * (1 - h)), within(1e-15));
  }

  @Test
  public void learn_timeBackwards_rejectedAndStateUnchanged() {
    Dbstream c = new Dbstream(P);
    c.learn(new double[] {1, 2}, 1, 100);
    byte[] before = ModelIO.toBytes(c);
    assertThatThrownBy(() -> c.learn(new double[] {1, 2}, 1, 99.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backwards");
    assertThatThrownBy(() -> c.learn(new double[] {1, 2}, 1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ModelIO.toBytes(c)).isEqualTo(before);
    assertThat(c.time()).isEqualTo(100);
    c.learn(new double[] {1, 2}, 1, 100); // the same time is fine
    assertThat(c.seen()).isEqualTo(2);
  }

  @Test
  public void learn_tickMode_stampsCurrentClockThenAdvances() {
    Dbstream c = new Dbstream(P);
    assertThat(c.time()).isZero();
    c.learn(new double[] {1});
    assertThat(c.microStamp(0)).isZero();
    assertThat(c.time()).isEqualTo(1);
  }

  @Test
  public void learn_hugeTimeGap_fadesWithoutOverflow() {
    Dbstream c = new Dbstream(P);
    for (int i = 0; i < 50; i++) {
      c.learn(new double[] {0, 0}, 1, i);
    }
    c.learn(new double[] {5, 5}, 1, 1e300);
    assertThat(c.microClusterCount()).as("the old micro-cluster faded to nothing").isEqualTo(1);
    assertThat(c.microCenter(0)).containsExactly(5, 5);
    c.learn(new double[] {5, 5}, 1, 1e300);
    DbstreamModel m = c.snapshot();
    assertThat(m.microWeight(0)).isEqualTo(2.0);
    assertThat(m.clusterCount()).isEqualTo(1);
  }

  @Test
  public void cleanup_removesMicroClustersWithoutPoints_boundingMemory() {
    Dbstream c = new Dbstream(P.withTGap(5).withLambda(0.5));
    SplittableRandom rng = new SplittableRandom(3);
    int max = 0;
    for (int i = 0; i < 20_000; i++) {
      c.learn(new double[] {rng.nextDouble(-100, 100), rng.nextDouble(-100, 100)});
      max = Math.max(max, c.microClusterCount());
    }
    // A weight-1 micro-cluster survives one cleanup at most: fewer than 2 * tGap of them.
    assertThat(max).isLessThanOrEqualTo(10);
  }

  @Test
  public void predict_uniformNoiseFarFromClusters_isNoise() {
    Dbstream c = new Dbstream(P.withTGap(100).withWMin(3));
    SplittableRandom rng = new SplittableRandom(4);
    for (int i = 0; i < 2000; i++) {
      double cx = (i % 2) * 20;
      c.learn(new double[] {cx + 0.3 * rng.nextGaussian(), 0.3 * rng.nextGaussian()});
      if (i % 20 == 0) {
        c.learn(new double[] {rng.nextDouble(-50, 50), rng.nextDouble(30, 60)});
      }
    }
    DbstreamModel m = c.snapshot();
    assertThat(m.clusterCount()).isEqualTo(2);
    int a = m.predict(new double[] {0, 0});
    int b = m.predict(new double[] {20, 0});
    assertThat(a).isNotEqualTo(ClusterModel.NOISE);
    assertThat(b).isNotEqualTo(ClusterModel.NOISE).isNotEqualTo(a);
    assertThat(m.predict(new double[] {10, 0})).isEqualTo(ClusterModel.NOISE);
    assertThat(m.predict(new double[] {0, 45})).isEqualTo(ClusterModel.NOISE);
    assertThat(m.center(a)).containsExactly(new double[] {0, 0}, within(0.2));
  }

  @Test
  public void labels_stableAcrossReclusterings_vanishedLabelNeverReused() {
    Dbstream c = new Dbstream(P.withTGap(50).withLambda(0.02));
    SplittableRandom rng = new SplittableRandom(5);
    double[][] phase1 = {{0, 0}, {10, 0}};
    double[][] phase2 = {{10, 0}, {0, 10}};
    feed(c, rng, phase1, 3000);
    DbstreamModel first = c.snapshot();
    int a = first.predict(new double[] {0, 0});
    int b = first.predict(new double[] {10, 0});
    assertThat(first.labels()).containsExactlyInAnyOrder(a, b);
    feed(c, rng, phase2, 3000);
    DbstreamModel second = c.snapshot();
    assertThat(second.predict(new double[] {10, 0})).as("the continuing cluster keeps its id").isEqualTo(b);
    int fresh = second.predict(new double[] {0, 10});
    assertThat(fresh).isNotIn(a, b, ClusterModel.NOISE);
    assertThat(second.predict(new double[] {0, 0})).as("the vanished cluster").isEqualTo(ClusterModel.NOISE);
    feed(c, rng, phase1, 3000);
    DbstreamModel third = c.snapshot();
    int back = third.predict(new double[] {0, 0});
    assertThat(back).as("a cluster reappearing where a vanished one was gets a new id")
        .isNotIn(a, b, fresh, ClusterModel.NOISE);
    assertThat(third.predict(new double[] {10, 0})).isEqualTo(b);
  }

  private static void feed(Dbstream c, SplittableRandom rng, double[][] centres, int n) {
    for (int i = 0; i < n; i++) {
      double[] m = centres[i % centres.length];
      c.learn(new double[] {m[0] + 0.5 * rng.nextGaussian(), m[1] + 0.5 * rng.nextGaussian()});
    }
  }

  @Test
  public void snapshotAndPredict_doNotChangeState_andRepeatLabels() throws Exception {
    Dbstream c = new Dbstream(P.withTGap(30));
    SplittableRandom rng = new SplittableRandom(6);
    feed(c, rng, new double[][] {{0, 0}, {8, 8}}, 100);
    byte[] before = ModelIO.toBytes(c);
    DbstreamModel m1 = c.snapshot();
    c.predict(new double[] {0, 0});
    assertThat(ModelIO.toBytes(c)).isEqualTo(before);
    Dbstream restored = ModelIO.fromBytes(before, Dbstream.class);
    assertThat(restored.snapshot()).isEqualTo(m1);
  }

  @Test
  public void learn_steadyState_allocatesNothing() {
    Dbstream c = new Dbstream(P.withTGap(1000).withLambda(0.001));
    long allocated = Allocation.steadyStateLearn(c, 3, 7);
    assertThat(allocated).as("bytes allocated by 20,000 steady-state learns").isLessThan(1024);
  }
}
