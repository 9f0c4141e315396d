package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.ClusterModel;
import io.eddy.testkit.DriftingMixture;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link Dbstream} against {@link DbstreamReference}, the algorithm as first written (weights and
 * shared densities faded pair by pair, shared densities in a hash map): the same micro-clusters
 * with bit-identical centres, ids and stamps, weights and shared densities equal to rounding,
 * and the same macro partition, at checkpoints along realistic and adversarial streams.
 */
class DbstreamEquivalenceTest {

  private static final double REL = 1e-9;

  @Test
  public void driftingMixture_tickClock_sameStateAsReference() {
    Dbstream.Params p = Dbstream.Params.DEFAULTS.withR(0.08);
    Dbstream c = new Dbstream(p);
    DbstreamReference ref = new DbstreamReference(p);
    DriftingMixture stream = new DriftingMixture(11);
    double[] x = new double[8];
    for (int i = 1; i <= 12_000; i++) {
      stream.next(x);
      c.learn(x);
      ref.learn(x);
      if (i % 3_000 == 0 || i == 1_500) {
        assertSame(c, ref, p);
      }
    }
    assertThat(c.microClusterCount()).as("the stream makes overlapping micro-clusters").isGreaterThan(200);
    assertThat(c.sharedDensityCount()).isGreaterThan(1_000);
  }

  @Test
  public void weightedEventTime_withLongGaps_sameStateAsReference() {
    // lambda·dt sums past 2^10 within the run, so stored scales must be renormalised many times;
    // the long gaps fade whole clusterings away.
    Dbstream.Params p = Dbstream.Params.DEFAULTS.withR(1).withLambda(0.05).withTGap(20).withWMin(2)
        .withAlpha(0.2);
    Dbstream c = new Dbstream(p);
    DbstreamReference ref = new DbstreamReference(p);
    SplittableRandom rng = new SplittableRandom(12);
    double t = 1e9;
    for (int i = 1; i <= 6_000; i++) {
      double[] x = {rng.nextInt(3) * 2.5 + 0.6 * rng.nextGaussian(), 0.6 * rng.nextGaussian()};
      double w = rng.nextInt(4) == 0 ? rng.nextDouble(0.1, 5) : 1;
      t += rng.nextInt(50) == 0 ? rng.nextDouble(0, 400) : rng.nextInt(3) * 0.25;
      c.learn(x, w, t);
      ref.learn(x, w, t);
      if (i % 500 == 0) {
        assertSame(c, ref, p);
      }
    }
  }

  @Test
  public void pointsWithinReachOfMoreThan64MicroClusters_sameStateAsReference() {
    // In 16 dimensions, spread points (sd 0.235, about 0.94 from the origin and 1.33 from each
    // other) found micro-clusters at least r = 1 apart, while a point near the origin lies
    // within r of all of them: so the collision rule runs on more neighbours than the 64 of
    // its word-sized path, and on fewer.
    Dbstream.Params p = Dbstream.Params.DEFAULTS.withR(1);
    Dbstream c = new Dbstream(p);
    DbstreamReference ref = new DbstreamReference(p);
    SplittableRandom rng = new SplittableRandom(13);
    double[] x = new double[16];
    int most = 0;
    for (int i = 1; i <= 3_600; i++) {
      double sd = i % 3 == 0 ? 0.02 : 0.235;
      for (int t = 0; t < x.length; t++) {
        x[t] = sd * rng.nextGaussian();
      }
      if (i % 3 == 0) {
        most = Math.max(most, countWithin(c, x, 1));
      }
      c.learn(x);
      ref.learn(x);
      if (i % 900 == 0) {
        assertSame(c, ref, p);
      }
    }
    assertThat(most).as("the most micro-clusters within r of a point").isGreaterThan(Long.SIZE);
  }

  private static int countWithin(Dbstream c, double[] x, double r) {
    int n = 0;
    for (int i = 0; i < c.microClusterCount(); i++) {
      n += io.eddy.math.Euclid.squaredDistance(x, c.microCenter(i)) <= r * r ? 1 : 0;
    }
    return n;
  }

  @Test
  public void snapshotsAndSavesBetweenCleanups_leaveTheStateAsLearningAloneDoes() {
    // learn logs its pairs and applies them later; a snapshot, a save or a count in between
    // applies them early, which must change no bit of what follows.
    Dbstream quiet = new Dbstream(Dbstream.Params.DEFAULTS.withR(0.08));
    Dbstream busy = new Dbstream(Dbstream.Params.DEFAULTS.withR(0.08));
    DriftingMixture stream = new DriftingMixture(17);
    double[] x = new double[8];
    for (int i = 1; i <= 9_000; i++) {
      stream.next(x);
      quiet.learn(x);
      busy.learn(x);
      if (i % 37 == 0) {
        busy.snapshot();
      } else if (i % 101 == 0) {
        io.eddy.io.ModelIO.toBytes(busy);
      } else if (i % 53 == 0) {
        assertThat(busy.sharedDensityCount()).isPositive();
      }
      if (i % 2_250 == 0) {
        assertThat(io.eddy.io.ModelIO.toBytes(busy)).as("after %d points", i)
            .isEqualTo(io.eddy.io.ModelIO.toBytes(quiet));
      }
    }
    assertThat(quiet.sharedDensityCount()).isGreaterThan(1_000);
  }

  private static void assertSame(Dbstream c, DbstreamReference ref, Dbstream.Params p) {
    // The snapshot first: it must apply the pairs learn has logged since the last cleanup on
    // its own, before any of the accessors below does.
    DbstreamModel model = c.snapshot();
    int m = c.microClusterCount();
    assertThat(m).as("micro-cluster count, %s", ref).isEqualTo(ref.centers.size());
    for (int i = 0; i < m; i++) {
      double[] s = ref.state.get(i);
      assertThat(c.microId(i)).isEqualTo((long) s[2]);
      assertThat(c.microStamp(i)).isEqualTo(s[1]);
      assertThat(c.microCenter(i)).containsExactly(ref.centers.get(i));
      assertThat(c.fadedWeight(i)).isCloseTo(ref.faded(i), within(REL * ref.faded(i)));
    }
    assertThat(c.sharedDensityCount()).isEqualTo(ref.shared.size());
    for (DbstreamReference.Pair pair : ref.shared.keySet()) {
      double want = ref.sharedNow(pair.a(), pair.b());
      assertThat(c.fadedShared(pair.a(), pair.b())).isCloseTo(want, within(REL * want));
    }
    // The same partition of the strong micro-clusters into macro clusters, the rest noise.
    TreeMap<Long, Long> want = ref.partition();
    Map<Integer, Long> labelToRoot = new TreeMap<>();
    for (int i = 0; i < m; i++) {
      long id = c.microId(i);
      int label = model.microLabel(i);
      assertThat(label == ClusterModel.NOISE).as("micro-cluster %d is noise", id).isEqualTo(!want.containsKey(id));
      if (label != ClusterModel.NOISE) {
        Long root = labelToRoot.putIfAbsent(label, want.get(id));
        assertThat(root == null ? want.get(id) : root).as("component of %d", id).isEqualTo(want.get(id));
      }
    }
    assertThat(labelToRoot.values()).doesNotHaveDuplicates();
  }
}
