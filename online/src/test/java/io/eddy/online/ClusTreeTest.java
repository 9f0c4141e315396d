package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.io.ModelIO;
import io.eddy.kmeans.KMeansModel;
import io.eddy.testkit.Ari;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClusTreeTest {

  private static final ClusTree.Params P = ClusTree.Params.DEFAULTS;

  /**
   * Three Gaussian clusters (sd 0.5) on a circle of radius 8, turning a third of a circle over
   * the stream, so each ends where the next began; with truth.
   */
  static final class Drifting {
    final double[][] points;
    final int[] truth;

    Drifting(long seed, int n) {
      SplittableRandom r = new SplittableRandom(seed);
      points = new double[n][2];
      truth = new int[n];
      for (int i = 0; i < n; i++) {
        double s = (double) i / n;
        int k = r.nextInt(3);
        double angle = 2 * Math.PI * (k + s) / 3;
        points[i][0] = 8 * Math.cos(angle) + 0.5 * r.nextGaussian();
        points[i][1] = 8 * Math.sin(angle) + 0.5 * r.nextGaussian();
        truth[i] = k;
      }
    }
  }

  /** The exact faded totals of a stream learned in tick mode: weight, LS, SS. */
  private static double[] expectedTotals(double[][] s, double lambda) {
    int d = s[0].length;
    double[] out = new double[1 + 2 * d];
    for (int i = 0; i < s.length; i++) {
      double f = Math.pow(2, -lambda * (s.length - i));
      out[0] += f;
      for (int j = 0; j < d; j++) {
        out[1 + j] += f * s[i][j];
        out[1 + d + j] += f * s[i][j] * s[i][j];
      }
    }
    return out;
  }

  @Test
  public void totals_exactWithBuffersAndHitchhikers() {
    // A horizon far beyond the stream, so no entry becomes irrelevant: every point's CF must
    // be somewhere in the leaves or the buffers, whatever the budget.
    double[][] s = new Drifting(1, 3000).points;
    for (int budget : new int[] {1, 2, 3, Integer.MAX_VALUE}) {
      ClusTree c = new ClusTree(P.withHorizon(1e7).withBudget(budget).withMaxHeight(5));
      for (double[] p : s) {
        c.learn(p);
      }
      double[] want = expectedTotals(s, c.lambda());
      double[] got = c.totals();
      for (int j = 0; j < want.length; j++) {
        assertThat(got[j]).as("budget " + budget + ", total " + j)
            .isCloseTo(want[j], within(1e-9 * Math.max(1, Math.abs(want[j]))));
      }
      // Points reach the leaves only through at most budget inner levels.
      assertThat((long) c.height()).isEqualTo(Math.min(5, budget + 1L));
    }
  }

  @Test
  public void budget_parksPointsInBuffersThatHitchhikersCarryDown() {
    double[][] s = new Drifting(2, 4000).points;
    ClusTree full = new ClusTree(P.withHorizon(1e7).withMaxHeight(4));
    ClusTree parked = new ClusTree(P.withHorizon(1e7).withMaxHeight(4).withBudget(1));
    for (double[] p : s) {
      full.learn(p);
      parked.learn(p);
    }
    // With one level of budget, points stop below the root: buffers hold many of them, but
    // hitchhikers keep carrying some down to the leaves, so the leaves grow too.
    assertThat(parked.height()).isGreaterThan(1);
    assertThat(parked.microClusterCount()).isLessThanOrEqualTo(full.microClusterCount() + 3 * 3);
    assertThat(parked.totals()[0]).isCloseTo(full.totals()[0], within(1e-6));
  }

  @Test
  public void memory_boundedByMaxEntriesToTheMaxHeight() {
    ClusTree c = new ClusTree(P.withMaxHeight(3).withMaxEntries(4));
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 50_000; i++) {
      c.learn(new double[] {r.nextDouble(-100, 100), r.nextDouble(-100, 100)});
      assertThat(c.height()).isLessThanOrEqualTo(3);
    }
    assertThat(c.microClusterCount()).isLessThanOrEqualTo(4 * 4 * 4);
  }

  @Test
  public void drifting_kmeansOnLeavesFollowsTheClusters() {
    Drifting s = new Drifting(4, 40_000);
    ClusTree c = new ClusTree(P.withK(3).withHorizon(2000));
    for (int i = 0; i < s.points.length; i++) {
      c.learn(s.points[i]);
      if ((i + 1) % 5000 == 0) {
        KMeansModel m = c.snapshot();
        int from = i + 1 - 1000;
        int[] truth = java.util.Arrays.copyOfRange(s.truth, from, i + 1);
        int[] got = m.predict(java.util.Arrays.copyOfRange(s.points, from, i + 1));
        assertThat(Ari.of(truth, got)).as("ARI on the last 1000 points at " + (i + 1))
            .isGreaterThanOrEqualTo(0.95);
      }
    }
  }

  @Test
  public void noDecay_wouldFailOnTheSameStream() {
    // The check above fails for a ClusTree that forgets nothing: the clusters' trails close
    // the circle, and k-means on them no longer finds the current clusters.
    Drifting s = new Drifting(4, 40_000);
    ClusTree c = new ClusTree(P.withK(3).withHorizon(1e9));
    for (double[] p : s.points) {
      c.learn(p);
    }
    int from = s.points.length - 1000;
    int[] truth = java.util.Arrays.copyOfRange(s.truth, from, s.points.length);
    int[] got = c.snapshot().predict(java.util.Arrays.copyOfRange(s.points, from, s.points.length));
    assertThat(Ari.of(truth, got)).isLessThan(0.95);
  }

  @Test
  public void eventTime_fadesByTimeNotCount() {
    ClusTree c = new ClusTree(P.withHorizon(100));
    c.learn(new double[] {0, 0}, 1, 0);
    c.learn(new double[] {10, 10}, 1, 100);
    // After one horizon the first point weighs threshold = 0.05.
    assertThat(c.totals()[0]).isCloseTo(1.05, within(1e-12));
    assertThatThrownBy(() -> c.learn(new double[] {1, 1}, 1, 99))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void learn_steadyState_allocatesNothing() {
    ClusTree c = new ClusTree(P.withBudget(2));
    long allocated = Allocation.steadyStateLearn(c, 3, 7);
    assertThat(allocated).as("bytes allocated by 20,000 steady-state learns").isLessThan(1024);
  }

  @Test
  public void extremeButFiniteInput_keepsAFiniteSavableState() throws Exception {
    ClusTree c = new ClusTree(P.withK(2).withMaxHeight(2));
    for (int i = 0; i < 40; i++) {
      double v = (i % 2 == 0 ? 1 : -1) * 1e100 / (1 + i % 5);
      c.learn(new double[] {v, -v}, 1e50);
    }
    KMeansModel m = c.snapshot();
    assertThat(m.clusterCount()).isEqualTo(2);
    assertThat(m.predict(new double[] {1e100, -1e100})).isNotEqualTo(m.predict(new double[] {-1e100, 1e100}));
    ClusTree back = ModelIO.fromBytes(ModelIO.toBytes(c), ClusTree.class);
    assertThat(back.totals()).containsExactly(c.totals());
  }

  @Test
  public void snapshot_beforeLearning_isAnIllegalState() {
    ClusTree c = new ClusTree(P);
    assertThatThrownBy(c::snapshot).isInstanceOf(IllegalStateException.class);
    c.learn(new double[] {1, 2});
    assertThat(c.snapshot().clusterCount()).isEqualTo(1);
  }

  // ---- merge ----

  @Test
  public void merge_totalsAddExactly() {
    // The first tenth of a long drifting stream: the clusters turn by 12 degrees only.
    double[][] s = java.util.Arrays.copyOf(new Drifting(5, 60_000).points, 6000);
    ClusTree.Params p = P.withHorizon(1e7).withK(3);
    ClusTree a = new ClusTree(p);
    ClusTree b = new ClusTree(p);
    ClusTree all = new ClusTree(p);
    for (int i = 0; i < s.length; i++) {
      (i % 2 == 0 ? a : b).learn(s[i], 1.0, i);
      all.learn(s[i], 1.0, i);
    }
    byte[] bBytes = ModelIO.toBytes(b);
    a.merge(b);
    assertThat(ModelIO.toBytes(b)).as("the merged side is not modified").isEqualTo(bBytes);
    assertThat(a.seen()).isEqualTo(s.length);
    double[] want = all.totals();
    double[] got = a.totals();
    for (int j = 0; j < want.length; j++) {
      assertThat(got[j]).isCloseTo(want[j], within(1e-9 * Math.max(1, Math.abs(want[j]))));
    }
    int[] ma = a.snapshot().predict(s);
    int[] mAll = all.snapshot().predict(s);
    assertThat(Ari.of(mAll, ma)).as("merged and union clusterings agree").isGreaterThanOrEqualTo(0.95);
  }

  @Test
  public void merge_identityAndRejections() {
    ClusTree a = new ClusTree(P);
    a.learn(new double[] {1, 2});
    byte[] before = ModelIO.toBytes(a);
    a.merge(new ClusTree(P));
    assertThat(ModelIO.toBytes(a)).isEqualTo(before);
    ClusTree wide = new ClusTree(P);
    wide.learn(new double[] {1, 2, 3});
    assertThatThrownBy(() -> a.merge(wide)).hasMessageContaining("dimension");
    assertThatThrownBy(() -> a.merge(new ClusTree(P.withK(2)))).hasMessageContaining("configuration");
    assertThatThrownBy(() -> a.merge(a)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> a.merge(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ModelIO.toBytes(a)).isEqualTo(before);
    ClusTree fresh = new ClusTree(P);
    fresh.merge(a);
    assertThat(fresh.totals()).containsExactly(a.totals());
  }

  @Test
  public void params_rejectedWithTheirName() {
    assertThatThrownBy(() -> P.withMaxEntries(1)).hasMessageContaining("maxEntries");
    assertThatThrownBy(() -> P.withBudget(0)).hasMessageContaining("budget");
    assertThatThrownBy(() -> P.withThreshold(1)).hasMessageContaining("threshold");
    assertThatThrownBy(() -> P.withHorizon(0)).hasMessageContaining("horizon");
    assertThatThrownBy(() -> new ClusTree(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new ClusTree(P.withBudget(2).withK(4)).configuration())
        .containsEntry("budget", 2).containsEntry("k", 4).hasSize(7);
  }
}
