package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.ClusterModel;
import io.eddy.Clusterers;
import io.eddy.io.ModelIO;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * DenStream against values derived by hand from the formulas of Cao et al. (SDM 2006): the
 * faded cluster feature, the radius condition of the merge, promotion above beta·mu, pruning
 * with T_p and xi, the initial DBSCAN and the offline DBSCAN over p-micro-clusters.
 */
class DenStreamTest {

  /** lambda = 1, epsilon = 1, mu = 2, beta = 0.75: beta·mu = 1.5, T_p = ceil(log2 3) = 2. */
  private static final DenStream.Params HAND = DenStream.Params.SPEC.from(Map.of("epsilon", 1, "mu", 2, "beta", 0.75, "lambda", 1, "initPoints", 0, "offlineFactor", 2));

  private static final double TOL = 1e-12;

  @Test
  public void params_invalid_rejectedNamingField() {
    assertThatThrownBy(() -> HAND.withBeta(0.4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beta*mu").hasMessageContaining("0.8");
    assertThatThrownBy(() -> HAND.withBeta(1.5)).hasMessageContaining("beta");
    assertThatThrownBy(() -> HAND.withLambda(0)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> HAND.withEpsilon(-1)).hasMessageContaining("epsilon");
    assertThatThrownBy(() -> HAND.withInitPoints(-1)).hasMessageContaining("initPoints");
  }

  @Test
  public void pruningPeriod_usesBaseTwoLogarithm() {
    assertThat(HAND.pruningPeriod()).isEqualTo(2);
    // The paper's setting lambda = 0.25, mu = 10, beta = 0.2: 4 * log2(2) = 4 (River: ceil(4 ln 2) = 3).
    assertThat(HAND.withLambda(0.25).withMu(10).withBeta(0.2).pruningPeriod()).isEqualTo(4);
    // River's docstring setting lambda = 0.01, beta = 0.5, mu = 2.5: 100 log2(5) -> 233 (River: 161).
    assertThat(DenStream.Params.SPEC.from(Map.of("epsilon", 0.02, "mu", 2.5, "beta", 0.5, "lambda", 0.01, "initPoints", 0, "offlineFactor", 2)).pruningPeriod()).isEqualTo(233);
  }

  @Test
  public void registry_buildsFromDefaultsAndOverrides() {
    DenStream c = (DenStream) Clusterers.online("denstream", Map.of("epsilon", 0.25, "initPoints", 0));
    assertThat(c.params()).isEqualTo(DenStream.Params.DEFAULTS.withEpsilon(0.25).withInitPoints(0));
  }

  @Test
  public void mergePromoteAndPrune_matchHandDerivation() {
    DenStream c = new DenStream(HAND);
    c.learn(new double[] {0}, 1, 0); // new o-mc A
    // A: W = 1 + 1 = 2, c = 0.5, sse = 1·(1/2)·1² = 0.5, r² = 0.25 <= 1; 2 > 1.5 promotes it.
    c.learn(new double[] {1}, 1, 0);
    assertThat(c.potentialCount()).isEqualTo(1);
    assertThat(c.outlierCount()).isZero();
    DenStream.Group p = c.potentialGroup();
    assertThat(p.weight[0]).isEqualTo(2.0);
    assertThat(p.center[0]).isEqualTo(0.5);
    assertThat(p.sse[0]).isEqualTo(0.5);

    // At t = 1 everything fades by 2^-1: W = 1 + 1 = 2, sse = 0.25 + 1·(1/2)·0 = 0.25.
    c.learn(new double[] {0.5}, 1, 1);
    assertThat(p.weight[0]).isEqualTo(2.0);
    assertThat(p.sse[0]).isEqualTo(0.25);
    // 5 would give A sse = 0.25 + (2/3)·20.25 = 13.75 > 1·3: a new o-mc B, created at 1.
    c.learn(new double[] {5}, 1, 1);
    assertThat(c.potentialCount()).isEqualTo(1);
    assertThat(c.outlierCount()).isEqualTo(1);

    // t = 2: B (faded to 0.5) takes 5.5: W = 1.5, c = 5 + 0.5/1.5, sse = (0.5/1.5)·0.25 = 1/12.
    // Pruning at T_p = 2: A fades to 2·2^-1 = 1 < 1.5 and goes; B's xi = (1-2^-3)/(1-2^-2) = 7/6
    // <= 1.5, so B stays.
    c.learn(new double[] {5.5}, 1, 2);
    assertThat(c.potentialCount()).isZero();
    assertThat(c.outlierCount()).isEqualTo(1);
    DenStream.Group o = c.outlierGroup();
    assertThat(o.weight[0]).isCloseTo(1.5, within(TOL));
    assertThat(o.center[0]).isCloseTo(16.0 / 3, within(TOL));
    assertThat(o.sse[0]).isCloseTo(1.0 / 12, within(TOL));

    // t = 3: C at 9; t = 4: D at 20 and the next pruning. B: 1.5·2^-2 = 0.375 < xi = (1-2^-5)/(3/4)
    // = 31/24; C: 2^-1 < xi = 7/6; D: 1 is not below xi = (1-2^-2)/(1-2^-2) = 1.
    c.learn(new double[] {9}, 1, 3);
    assertThat(c.outlierCount()).isEqualTo(2);
    c.learn(new double[] {20}, 1, 4);
    assertThat(c.outlierCount()).isEqualTo(1);
    assertThat(o.center[0]).isEqualTo(20.0);
  }

  @Test
  public void initialDbscanAndOfflineDbscan_matchHandDerivation() {
    DenStream c = new DenStream(HAND.withInitPoints(13));
    double[][] unit = {{-0.1}, {0}, {0.1}, {1.7}, {1.8}, {1.9}, {9.9}, {10}, {10.1}};
    for (double[] x : unit) {
      c.learn(x, 1, 0);
    }
    c.learn(new double[] {11.5}, 0.8, 0);
    c.learn(new double[] {11.6}, 0.8, 0);
    c.learn(new double[] {30}, 0.8, 0);
    assertThat(c.initialized()).isFalse();
    assertThat(c.predict(new double[] {0})).isEqualTo(ClusterModel.NOISE);
    c.learn(new double[] {30.1}, 0.8, 0);
    assertThat(c.initialized()).isTrue();
    // Greedy epsilon-neighbourhoods heavier than 1.5: {-0.1, 0, 0.1}, {1.7, 1.8, 1.9},
    // {9.9, 10, 10.1}, {11.5, 11.6} (1.6), {30, 30.1} (1.6).
    assertThat(c.potentialCount()).isEqualTo(5);
    assertThat(c.outlierCount()).isZero();
    DenStream.Group p = c.potentialGroup();
    assertThat(p.weight[0]).isEqualTo(3.0);
    assertThat(p.center[0]).isCloseTo(0, within(TOL));
    assertThat(p.sse[0]).isCloseTo(0.02, within(TOL));
    assertThat(p.weight[3]).isCloseTo(1.6, within(TOL));
    assertThat(p.center[3]).isCloseTo(11.55, within(TOL));
    assertThat(p.sse[3]).isCloseTo(2 * 0.8 * 0.05 * 0.05, within(TOL));

    // Cores (W >= mu = 2): the first three. Within 2·epsilon: 0-1.8 and 10-11.55, so
    // {P0, P1} and {P2, border P3}; P4 is neither core nor reachable: noise.
    DenStreamModel m = c.snapshot();
    assertThat(m.labels()).containsExactly(0, 1);
    assertThat(m.microClusterCount()).isEqualTo(5);
    assertThat(new int[] {m.microLabel(0), m.microLabel(1), m.microLabel(2), m.microLabel(3),
        m.microLabel(4)}).containsExactly(0, 0, 1, 1, ClusterModel.NOISE);
    assertThat(m.weight(0)).isCloseTo(6, within(TOL));
    assertThat(m.center(0)[0]).isCloseTo(0.9, within(TOL));
    assertThat(m.weight(1)).isCloseTo(4.6, within(TOL));
    assertThat(m.center(1)[0]).isCloseTo((30 + 11.55 * 1.6) / 4.6, within(TOL));
    // Noise rule: within 3 radii of a clustered p-micro-cluster. Every radius here is below
    // the floor epsilon/4 = 0.25 (P0: sqrt(0.02/3) = 0.082, P3: 0.05), so each reaches 0.75.
    for (int i = 0; i < 4; i++) {
      assertThat(m.microRadius(i)).as("radius of P" + i).isEqualTo(0.25);
    }
    assertThat(m.noiseThreshold()).isEqualTo(DenStream.NOISE_THRESHOLD).isEqualTo(3.0);
    assertThat(m.predict(new double[] {0.7})).isEqualTo(0);
    assertThat(m.predict(new double[] {2.5})).isEqualTo(0);
    assertThat(m.outlierScore(new double[] {2.5})).isCloseTo(0.7 / 0.25, within(TOL));
    // 0.8 from P1: within epsilon, which the old reach rule accepted, but 3.2 radii away.
    assertThat(m.predict(new double[] {2.6})).isEqualTo(ClusterModel.NOISE);
    assertThat(m.outlierScore(new double[] {2.6})).isCloseTo(0.8 / 0.25, within(TOL));
    assertThat(m.predict(new double[] {12.2})).isEqualTo(1);
    assertThat(m.predict(new double[] {30})).isEqualTo(ClusterModel.NOISE);
  }

  /**
   * The offline core rule: a p-micro-cluster is a core when the faded weight within epsilon of
   * its centre reaches mu, its own and its neighbours' (the paper counts its own only). With
   * epsilon 1, mu 2 and reach 2, on hand-set p-micro-clusters at time 0 (nothing fades).
   */
  @Test
  public void offlineDbscan_coreIsTheWeightWithinEpsilon() {
    DenStream c = new DenStream(HAND);
    c.learn(new double[] {100}, 0.1, 0);
    assertThat(c.outlierCount()).isEqualTo(1);
    DenStream.Group p = c.potentialGroup();
    double[] centres = {0, 0.8, 2.5, 6, 6.9, 10};
    double[] weights = {1.2, 1.2, 1.0, 1.5, 0.4, 3};
    p.ensure(centres.length, 1);
    for (int i = 0; i < centres.length; i++) {
      p.center[i] = centres[i];
      p.weight[i] = weights[i];
      p.sse[i] = 0.01 * weights[i];
      p.id[i] = i + 1;
    }
    p.size = centres.length;
    // P0 and P1 weigh 1.2 < mu each but 2.4 within epsilon of either: both cores. P2 (1.7 from
    // P1, beyond epsilon, within 2) is their border. P3 and P4 weigh 1.9 together: no core, and
    // no core within reach: noise. P5 is a core on its own weight, as in the paper.
    DenStreamModel m = c.snapshot();
    assertThat(m.labels()).containsExactly(0, 1);
    int[] micro = new int[centres.length];
    for (int i = 0; i < micro.length; i++) {
      micro[i] = m.microLabel(i);
    }
    assertThat(micro).containsExactly(0, 0, 0, ClusterModel.NOISE, ClusterModel.NOISE, 1);
    assertThat(m.weight(0)).isCloseTo(3.4, within(TOL));
    assertThat(m.center(0)[0]).isCloseTo((0.8 * 1.2 + 2.5) / 3.4, within(TOL));
    assertThat(m.weight(1)).isCloseTo(3, within(TOL));
    assertThat(c.warnings()).isEmpty();
  }

  /**
   * River's DenStream docstring input (its outputs are wrong, see REFERENCES §1.3), derived by
   * hand from the paper with River's settings epsilon = 0.5, mu = 2.5, beta = 0.5, lambda = 0.01
   * and 10 initial points. River's clock never ticks on 24 points, so every point is learned
   * at time 0 and nothing fades.
   */
  @Test
  public void riverDocstringInput_matchesHandDerivation() {
    double[][] x = {{-1, -0.5}, {-1, -0.625}, {-1, -0.75}, {-1, -1}, {-1, -1.125}, {-1, -1.25},
        {-1.5, -0.5}, {-1.5, -0.625}, {-1.5, -0.75}, {-1.5, -1}, {-1.5, -1.125}, {-1.5, -1.25},
        {1, 1.5}, {1, 1.75}, {1, 2}, {4, 1.25}, {4, 1.5}, {4, 2.25}, {4, 2.5}, {4, 3},
        {4, 3.25}, {4, 3.5}, {4, 3.75}, {4, 4}};
    DenStream c = new DenStream(DenStream.Params.SPEC.from(Map.of("epsilon", 0.5, "mu", 2.5, "beta", 0.5, "lambda", 0.01, "initPoints", 10, "offlineFactor", 2)));
    for (double[] p : x) {
      c.learn(p, 1, 0);
    }
    // Initialisation over the first 10 points (neighbourhoods within 0.5, heavier than 1.25):
    //   P0 = {0, 1, 2, 3, 6}: c = (-1.1, -0.675), sse = 0.2 + 0.175 = 0.375
    //   P1 = {4, 5}: c = (-1, -1.1875), sse = 2 * 0.0625^2
    //   P2 = {7, 8, 9}: c = (-1.5, -2.375/3)
    // Online: 10 and 11 join P2 (sse 0.15625, then 0.26875 <= 0.25 * 5): c = (-1.5, -0.95), W 5.
    //   12 founds an o-mc; 13 joins it (W 2 > 1.25): P3; 14 joins P3: c = (1, 1.75), W 3.
    //   15 founds an o-mc, 16 promotes it (P4); 17 joins P4: c = (4, 5/3), W 3, sse 0.5416667;
    //   18 would give P4 sse 1.0625 > 0.25 * 4: a new o-mc, promoted by 19 (P5);
    //   20..23 join P5: W 6, c = (4, 10/3), sse = 1.4583333 <= 0.25 * 6.
    assertThat(c.potentialCount()).isEqualTo(6);
    assertThat(c.outlierCount()).isZero();
    DenStream.Group p = c.potentialGroup();
    double[][] centres = {{-1.1, -0.675}, {-1, -1.1875}, {-1.5, -0.95}, {1, 1.75}, {4, 5.0 / 3},
        {4, 10.0 / 3}};
    double[] weights = {5, 2, 5, 3, 3, 6};
    double[] sse = {0.375, 2 * 0.0625 * 0.0625, 0.26875, 0.125, 0.03125 + 0.765625 * 2 / 3,
        0.925 + 0.64 * 5 / 6};
    for (int i = 0; i < 6; i++) {
      assertThat(p.center[2 * i]).as("x of P" + i).isCloseTo(centres[i][0], within(TOL));
      assertThat(p.center[2 * i + 1]).as("y of P" + i).isCloseTo(centres[i][1], within(TOL));
      assertThat(p.weight[i]).as("W of P" + i).isCloseTo(weights[i], within(TOL));
      assertThat(p.sse[i]).as("sse of P" + i).isCloseTo(sse[i], within(TOL));
    }
    // Offline DBSCAN: cores weigh >= 2.5 (all but P1), neighbours within 2 * 0.5 = 1:
    // {P0, P1, P2} (P1 a border), {P3}, {P4}, {P5}.
    DenStreamModel m = c.snapshot();
    assertThat(m.labels()).containsExactly(0, 1, 2, 3);
    assertThat(m.microLabel(1)).isEqualTo(0);
    assertThat(m.center(0)).containsExactly(new double[] {(-1.1 * 5 - 1 * 2 - 1.5 * 5) / 12,
        (-0.675 * 5 - 1.1875 * 2 - 0.95 * 5) / 12}, within(TOL));
    // Radii sqrt(sse/W), floored at epsilon/4 = 0.125 (P1: 0.0625 is floored).
    for (int i = 0; i < 6; i++) {
      assertThat(m.microRadius(i)).as("radius of P" + i)
          .isCloseTo(Math.max(0.125, Math.sqrt(sse[i] / weights[i])), within(TOL));
    }
    // River's queries (River 0.26: 1, 2, 0; River with its fixes at epsilon 1.0: 0, 2, 1).
    // (-1, -2): least 1.3288 / 0.2739 = 4.85 radii from P0; (1, 1): 0.75 / 0.2041 = 3.67 from
    // P3: noise. (5, 4): 1.2019 / 0.4930 = 2.44 radii from P5, whose points spread widely.
    assertThat(m.predict(new double[] {-1, -2})).isEqualTo(ClusterModel.NOISE);
    assertThat(m.outlierScore(new double[] {-1, -2}))
        .isCloseTo(Math.hypot(0.1, 1.325) / Math.sqrt(sse[0] / weights[0]), within(TOL));
    assertThat(m.predict(new double[] {5, 4})).isEqualTo(3);
    assertThat(m.outlierScore(new double[] {5, 4}))
        .isCloseTo(Math.hypot(1, 2.0 / 3) / Math.sqrt(sse[5] / weights[5]), within(TOL));
    assertThat(m.predict(new double[] {1, 1})).isEqualTo(ClusterModel.NOISE);
    assertThat(m.predict(new double[] {-1.2, -0.8})).isEqualTo(0);
    assertThat(m.predict(new double[] {4, 3.5})).isEqualTo(3);
  }

  @Test
  public void learn_weight_equalsRepeatedPointsAtSameTime() {
    DenStream a = new DenStream(HAND.withLambda(0.1));
    DenStream b = new DenStream(HAND.withLambda(0.1));
    a.learn(new double[] {0, 0}, 1, 0);
    b.learn(new double[] {0, 0}, 1, 0);
    a.learn(new double[] {0.3, 0.1}, 3, 2);
    for (int i = 0; i < 3; i++) {
      b.learn(new double[] {0.3, 0.1}, 1, 2);
    }
    assertThat(a.potentialCount()).isEqualTo(1).isEqualTo(b.potentialCount());
    DenStream.Group ga = a.potentialGroup();
    DenStream.Group gb = b.potentialGroup();
    assertThat(ga.weight[0]).isCloseTo(gb.weight[0], within(TOL));
    assertThat(ga.sse[0]).isCloseTo(gb.sse[0], within(TOL));
    assertThat(ga.center[0]).isCloseTo(gb.center[0], within(TOL));
    assertThat(ga.center[1]).isCloseTo(gb.center[1], within(TOL));
  }

  @Test
  public void learn_timeBackwards_rejectedAndStateUnchanged() {
    DenStream c = new DenStream(HAND);
    c.learn(new double[] {1}, 1, 10);
    byte[] before = ModelIO.toBytes(c);
    assertThatThrownBy(() -> c.learn(new double[] {1}, 1, 9)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backwards");
    assertThatThrownBy(() -> c.learn(new double[] {1}, 1, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ModelIO.toBytes(c)).isEqualTo(before);
  }

  @Test
  public void learn_hugeTimeGap_fadesWithoutOverflow() {
    DenStream c = new DenStream(HAND.withLambda(0.01));
    for (int i = 0; i < 100; i++) {
      c.learn(new double[] {0, 0}, 1, i);
    }
    assertThat(c.potentialCount()).isEqualTo(1);
    c.learn(new double[] {0, 0}, 1, 1e300);
    // The old p-micro-cluster faded to 0 and took the point as if new: W = 1.
    assertThat(c.potentialGroup().weight[0]).isEqualTo(1.0);
    c.learn(new double[] {0, 0}, 1, 1e300 + 1e290);
    assertThat(c.potentialCount()).as("pruned: it weighs less than beta·mu").isZero();
    assertThat(c.outlierCount()).isEqualTo(1);
    assertThat(c.outlierGroup().weight[0]).isEqualTo(1.0);
  }

  @Test
  public void labels_stableAndNoiseOutsideClusters() {
    DenStream c = new DenStream(DenStream.Params.DEFAULTS.withEpsilon(1).withLambda(0.01)
        .withInitPoints(200));
    SplittableRandom rng = new SplittableRandom(8);
    feed(c, rng, new double[][] {{0, 0}, {10, 0}}, 3000);
    DenStreamModel first = c.snapshot();
    int a = first.predict(new double[] {0, 0});
    int b = first.predict(new double[] {10, 0});
    assertThat(first.labels()).containsExactlyInAnyOrder(a, b);
    assertThat(first.predict(new double[] {5, 5})).isEqualTo(ClusterModel.NOISE);
    feed(c, rng, new double[][] {{10, 0}, {0, 10}}, 3000);
    DenStreamModel second = c.snapshot();
    assertThat(second.predict(new double[] {10, 0})).isEqualTo(b);
    int fresh = second.predict(new double[] {0, 10});
    assertThat(fresh).isNotIn(a, b, ClusterModel.NOISE);
    assertThat(second.predict(new double[] {0, 0})).isEqualTo(ClusterModel.NOISE);
  }

  private static void feed(DenStream c, SplittableRandom rng, double[][] centres, int n) {
    for (int i = 0; i < n; i++) {
      double[] m = centres[i % centres.length];
      c.learn(new double[] {m[0] + 0.4 * rng.nextGaussian(), m[1] + 0.4 * rng.nextGaussian()});
      if (i % 20 == 0) {
        c.learn(new double[] {rng.nextDouble(-20, 30), rng.nextDouble(-20, 30)});
      }
    }
  }

  @Test
  public void learn_steadyState_allocatesNothing() {
    DenStream c = new DenStream(DenStream.Params.DEFAULTS.withEpsilon(1).withLambda(0.001)
        .withInitPoints(500));
    long allocated = Allocation.steadyStateLearn(c, 5, 9);
    assertThat(allocated).as("bytes allocated by 20,000 steady-state learns").isLessThan(1024);
  }
}
