package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.Mergeable;
import io.eddy.math.Decay;
import io.eddy.testkit.Blobs;
import org.junit.jupiter.api.Test;

/**
 * The exact part of the density merges: cluster features faded to a common time add, so the
 * merge of two parts carries the union's total faded weight, and two micro-clusters that
 * combine carry the union's (weight, centre, sum of squares).
 */
class DensityMergeTest {

  private static final double[][] X = Blobs.generate(3, 600, 2, 3, 0.4).points();

  @Test
  void denStream_combinedMicroCluster_equalsUnionsClusterFeature() {
    DenStream.Params p = DenStream.Params.DEFAULTS.withEpsilon(5).withInitPoints(0).withLambda(0.05);
    double[][] pts = {{0, 0}, {1, 0.5}, {0.2, 1}, {1.5, 1.5}};
    DenStream a = new DenStream(p);
    DenStream b = new DenStream(p);
    DenStream union = new DenStream(p);
    for (int i = 0; i < pts.length; i++) {
      (i % 2 == 0 ? a : b).learn(pts[i], 1.0, i);
      union.learn(pts[i], 1.0, i);
    }
    a.merge(b);
    assertThat(a.mergeKind()).isEqualTo(Mergeable.Kind.APPROXIMATE);
    assertThat(a.time()).isEqualTo(3);
    DenStream.Group m = a.potentialGroup();
    DenStream.Group u = union.potentialGroup();
    assertThat(m.size).isEqualTo(1);
    assertThat(u.size).isEqualTo(1);
    assertThat(a.outlierCount()).isZero();
    // Both faded to t = 3 (the union's group was last touched at 3 too).
    double expectedWeight = 0;
    for (int i = 0; i < pts.length; i++) {
      expectedWeight += Decay.factor(0.05, 3 - i);
    }
    assertThat(m.weight[0]).isCloseTo(expectedWeight, within(1e-12));
    assertThat(u.weight[0]).isCloseTo(expectedWeight, within(1e-12));
    assertThat(m.center[0]).isCloseTo(u.center[0], within(1e-12));
    assertThat(m.center[1]).isCloseTo(u.center[1], within(1e-12));
    assertThat(m.sse[0]).isCloseTo(u.sse[0], within(1e-12));
  }

  @Test
  void denStream_totalFadedWeight_exactAtTheLaterClock() {
    DenStream.Params p = DenStream.Params.DEFAULTS.withEpsilon(0.8).withInitPoints(50).withLambda(0.001);
    DenStream a = new DenStream(p);
    DenStream b = new DenStream(p);
    fill(a, b);
    double expected = total(a, a.time() > b.time() ? a.time() : b.time())
        + total(b, Math.max(a.time(), b.time()));
    long seen = a.seen() + b.seen();
    a.merge(b);
    assertThat(a.seen()).isEqualTo(seen);
    assertThat(total(a, a.time())).isCloseTo(expected, within(1e-9 * expected));
  }

  @Test
  void dbstream_totalFadedWeight_exactAtTheLaterClock() {
    Dbstream.Params p = Dbstream.Params.DEFAULTS.withR(0.5).withLambda(0.001);
    Dbstream a = new Dbstream(p);
    Dbstream b = new Dbstream(p);
    for (int i = 0; i < X.length; i++) {
      (i % 2 == 0 ? a : b).learn(X[i], 1.0, i);
    }
    double t = Math.max(a.time(), b.time());
    double expected = total(a, t) + total(b, t);
    a.merge(b);
    assertThat(a.mergeKind()).isEqualTo(Mergeable.Kind.APPROXIMATE);
    assertThat(a.seen()).isEqualTo(X.length);
    assertThat(total(a, t)).isCloseTo(expected, within(1e-9 * expected));
  }

  private static void fill(DenStream a, DenStream b) {
    // Times below the pruning period (1000 here), so that nothing is pruned on either side.
    for (int i = 0; i < X.length; i++) {
      (i % 2 == 0 ? a : b).learn(X[i], 1.0, i);
    }
  }

  private static double total(DenStream c, double t) {
    return total(c.potentialGroup(), t) + total(c.outlierGroup(), t);
  }

  private static double total(DenStream.Group g, double t) {
    double s = 0;
    for (int i = 0; i < g.size; i++) {
      s += g.weight[i] * Decay.factor(0.001, t - g.stamp[i]);
    }
    return s;
  }

  private static double total(Dbstream c, double t) {
    double s = 0;
    for (int i = 0; i < c.microClusterCount(); i++) {
      s += c.microWeight(i) * Decay.factor(0.001, t - c.microStamp(i));
    }
    return s;
  }
}
