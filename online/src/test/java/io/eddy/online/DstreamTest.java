package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.ClusterModel;
import io.eddy.io.ModelIO;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DstreamTest {

  private static final Dstream.Params P = Dstream.Params.DEFAULTS;
  private static final double LAMBDA = P.lambda();

  private static double[] at(double... x) {
    return x;
  }

  @Test
  public void thresholds_followThePaperWithNFromTheBoundingBox() {
    Dstream c = new Dstream(P);
    c.learn(at(0.5, 0.5));
    c.learn(at(4.5, 2.5));
    c.learn(at(-0.5, 1.5)); // floor, not truncation: grid -1
    double n = (4 - (-1) + 3) * (2 - 0 + 3);
    assertThat(c.gridSpace()).isEqualTo(n);
    assertThat(c.denseThreshold()).isCloseTo(3 / (n * (1 - LAMBDA)), within(1e-12));
    assertThat(c.sparseThreshold()).isCloseTo(0.8 / (n * (1 - LAMBDA)), within(1e-12));
    double ratio = Math.max(0.8 / 3, (n - 3) / (n - 0.8));
    assertThat(c.gap()).isEqualTo((long) Math.floor(Math.log(ratio) / Math.log(LAMBDA)));
    assertThat(c.gridCount()).isEqualTo(3);
  }

  @Test
  public void density_fadesLazilyAndAddsWeights() {
    Dstream c = new Dstream(P);
    c.learn(at(2.2, 3.7), 1.0, 0);
    c.learn(at(2.9, 3.1), 2.0, 10);
    c.learn(at(2.0, 3.0), 0.5, 25);
    double expected = Math.pow(LAMBDA, 25) + 2 * Math.pow(LAMBDA, 15) + 0.5;
    assertThat(c.density(at(2.5, 3.5))).isCloseTo(expected, within(1e-12));
    c.learn(at(9.5, 9.5), 1.0, 40);
    assertThat(c.density(at(2.5, 3.5))).isCloseTo(expected * Math.pow(LAMBDA, 15), within(1e-12));
    assertThat(c.density(at(5.5, 5.5))).isZero();
  }

  @Test
  public void takePart_decidesTheSameWhateverTheClocksOrigin() {
    // Grid update times are kept relative to the first point's time: a split must fade each
    // grid from there, so the same stream told in epoch seconds or from 0 splits alike.
    for (double start : new double[] {0, 1.7e9}) {
      Dstream fromZero = new Dstream(P);
      Dstream shifted = new Dstream(P);
      for (int t = 0; t < 400; t++) {
        double[] p = at(t % 5 + 0.5, (t * 7) % 3 + 0.5);
        fromZero.learn(p, 1.0, t);
        shifted.learn(p, 1.0, start + t);
      }
      for (int parts = 2; parts <= 4; parts++) {
        Dstream a = new Dstream(P);
        Dstream b = new Dstream(P);
        assertThat(b.takePart(shifted, 0, parts)).as("start %s, %d parts", start, parts)
            .isEqualTo(a.takePart(fromZero, 0, parts));
      }
    }
  }

  /** Points cycling through the grids of one dimension: one point per listed grid centre. */
  private static void cycle(Dstream c, int rounds, int... grids) {
    for (int r = 0; r < rounds; r++) {
      for (int g : grids) {
        c.learn(at(g + 0.5));
      }
    }
  }

  @Test
  public void clusters_areComponentsOfNonSparseGridsWithTransitionalBorders() {
    Dstream c = new Dstream(P);
    c.learn(at(30.5)); // widens the space to N = 33 grids and is never seen again
    // Per 20 points: grids 0-2 and 5-7 get 3 each (15%, dense: 75 > D_m = 45.5),
    // grid 3 gets 1 (5%, transitional: 25 between D_l = 12.1 and D_m), grid 4 none.
    int[] round = {0, 1, 2, 5, 6, 7, 0, 1, 2, 5, 6, 7, 0, 1, 2, 5, 6, 7, 3, 0};
    round[19] = 7;
    cycle(c, 200, round);
    assertThat(c.gridSpace()).isEqualTo(33);
    DstreamModel m = c.snapshot();
    assertThat(m.clusterCount()).isEqualTo(2);
    int left = m.predict(at(0.5));
    int right = m.predict(at(6.5));
    assertThat(left).isNotEqualTo(right).isNotEqualTo(ClusterModel.NOISE);
    assertThat(m.predict(at(2.9))).isEqualTo(left);
    assertThat(m.predict(at(3.5))).as("transitional border grid").isEqualTo(left);
    assertThat(m.predict(at(4.5))).as("empty grid").isEqualTo(ClusterModel.NOISE);
    assertThat(m.predict(at(30.5))).as("sparse grid").isEqualTo(ClusterModel.NOISE);
    assertThat(m.predict(at(-3.5))).isEqualTo(ClusterModel.NOISE);
    double leftCentre = m.center(left)[0];
    assertThat(leftCentre).isBetween(1.5, 2.5);
    // Grid 4 becomes transitional: the chain 3-4 joins the two clusters into one, which keeps
    // the label of the heavier side.
    round[19] = 4;
    cycle(c, 400, round);
    m = c.snapshot();
    assertThat(m.clusterCount()).isEqualTo(1);
    assertThat(m.predict(at(4.5))).isEqualTo(m.predict(at(0.5))).isEqualTo(m.predict(at(7.5)));
    assertThat(m.labels()[0]).isIn(left, right);
  }

  @Test
  public void sporadicGrids_deletedThenProtectedByTheirDeletionTime() {
    Dstream c = new Dstream(P.withLambda(0.99));
    double t = 0;
    for (; t < 600; t++) {
      c.learn(at(0.5), 1, t);
    }
    c.learn(at(40.5), 1, t);
    c.learn(at(30.5), 1, t);
    c.learn(at(35.5), 1, t);
    while (c.density(at(30.5)) > 0) {
      t += 1;
      c.learn(at(0.5), 1, t);
      assertThat(t).as("a one-off grid must be deleted").isLessThan(1000);
    }
    assertThat(c.density(at(35.5))).as("deleted together").isZero();
    assertThat(c.deletedCount()).isEqualTo(3);
    double deletedAt = t;
    // Grid 30 (deleted at t_m) and grid 32 (never seen) get one point each, well within S2's
    // window: 120 ticks later (S1 holds for a one-off grid after about 43 ticks here) the fresh
    // one is gone, the protected one is held.
    t += 1;
    c.learn(at(30.5), 1, t);
    c.learn(at(32.5), 1, t);
    for (int k = 0; k < 120; k++) {
      t += 1;
      c.learn(at(0.5), 1, t);
    }
    assertThat(t).isLessThan(1.3 * deletedAt);
    assertThat(c.density(at(32.5))).as("fresh one-off grid").isZero();
    assertThat(c.density(at(30.5))).as("protected by S2").isPositive();
    // The window is beta t_m (the paper's) capped at the horizon log_lambda(Cl/Cm), about 131
    // ticks here, less than beta t_m (about 195): the protection ends then, and grid 30 goes
    // at the adjustment after next (gap 5) where the paper's rule would keep it 60 ticks more.
    double horizon = Math.log(0.8 / 3) / Math.log(0.99);
    assertThat(horizon).isLessThan(0.3 * deletedAt - 50);
    while (t < deletedAt + horizon + 12) {
      t += 1;
      c.learn(at(0.5), 1, t);
    }
    assertThat(c.density(at(30.5))).as("protection capped at the horizon").isZero();
    // Records expire the same way, at most the horizon after their deletion: those of grids
    // 35 and 40 (deleted at t_m) and grid 32's (deleted about 55 ticks later) are gone.
    while (t < deletedAt + 55 + horizon + 15) {
      t += 1;
      c.learn(at(0.5), 1, t);
    }
    assertThat(c.deletedCount()).as("only grid 30's record, the latest").isEqualTo(1);
  }

  /**
   * On a drifting stream grids are deleted and hit again as the clusters move; with the
   * paper's S2 window (beta times the stream's age) the grids held then grow with the age.
   * Capped at the horizon they stay bounded by the grids hit recently.
   */
  @Test
  public void gridsHeld_boundedOnADriftingStream() {
    Dstream c = new Dstream(P.withLambda(0.97));
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    double[] x = new double[4];
    int third = 0;
    int most = 0;
    for (int i = 1; i <= 60_000; i++) {
      for (int j = 0; j < 4; j++) {
        // two blobs moving back and forth, so their old grids are hit again
        x[j] = (i % 2) * 5 + 4 * Math.sin(i * 2e-4 + j) + 0.8 * rnd.nextGaussian();
      }
      c.learn(x);
      if (i == 20_000) {
        third = c.gridCount();
      } else if (i > 20_000) {
        most = Math.max(most, c.gridCount());
      }
    }
    assertThat(c.deletedCount()).as("grids were deleted").isPositive();
    assertThat(most).as("grids held after 20,000 points (%d then)", third)
        .isLessThan(third + third / 4);
  }

  @Test
  public void deletedRecords_boundedByMaxDeleted() {
    Dstream c = new Dstream(P.withLambda(0.99).withMaxDeleted(5));
    c.learn(at(0.5, 0.5), 1, 0);
    for (int t = 1; t < 20_000; t++) {
      // A wandering one-off grid each tick beside a steady one.
      c.learn(at(0.5, 0.5), 1, t);
      c.learn(at(2.5 + (t % 97), 2.5 + (t % 89)), 1, t);
      assertThat(c.deletedCount()).isLessThanOrEqualTo(5);
    }
    assertThat(c.gridCount()).as("grids held stay bounded").isLessThan(2000);
  }

  @Test
  public void eventTime_behavesAsTicksCountedFromTheFirstPoint() {
    Dstream ticks = new Dstream(P);
    Dstream epoch = new Dstream(P);
    double[][] s = DstreamMoaFixtureTest.stream(3, 3000);
    for (int i = 0; i < s.length; i++) {
      ticks.learn(s[i]);
      epoch.learn(s[i], 1.0, 1.7e9 + i);
    }
    assertThat(epoch.gridCount()).isEqualTo(ticks.gridCount());
    assertThat(epoch.deletedCount()).isEqualTo(ticks.deletedCount());
    DstreamModel a = ticks.snapshot();
    DstreamModel b = epoch.snapshot();
    assertThat(b.labels()).isEqualTo(a.labels());
    assertThat(b.predict(s)).isEqualTo(a.predict(s));
    for (double[] p : s) {
      // The tick clock stands one tick after the last point, the event clock at it.
      assertThat(epoch.density(p) * LAMBDA).isCloseTo(ticks.density(p), within(1e-9));
    }
  }

  @Test
  public void labels_stableAcrossAdjustments() {
    Dstream c = new Dstream(P);
    double[][] s = DstreamMoaFixtureTest.stream(5, 6000);
    Map<Integer, Integer> labelOfCentre = new HashMap<>();
    double[][] centres = {{15.5, 5.5}, {10.5, 15.5}};
    for (int i = 0; i < s.length; i++) {
      c.learn(s[i]);
      if (i >= 1000 && i % 250 == 0) {
        for (int k = 0; k < 2; k++) {
          int label = c.predict(centres[k]);
          assertThat(label).isNotEqualTo(ClusterModel.NOISE);
          assertThat(labelOfCentre.putIfAbsent(k, label)).isIn(null, label);
        }
      }
    }
  }

  @Test
  public void extremeButFiniteInput_keepsAFiniteSavableState() throws Exception {
    Dstream c = new Dstream(P);
    for (int i = 0; i < 2000; i++) {
      double v = (i % 2 == 0 ? 1 : -1) * 1e100;
      c.learn(at(v, 0.5), 1e50);
    }
    DstreamModel m = c.snapshot();
    assertThat(m.clusterCount()).as("two saturated grids, far apart").isEqualTo(2);
    assertThat(m.predict(at(1e100, 0.5))).isNotEqualTo(m.predict(at(-1e100, 0.5)));
    Dstream back = ModelIO.fromBytes(ModelIO.toBytes(c), Dstream.class);
    assertThat(back.snapshot()).isEqualTo(m);
  }

  @Test
  public void learn_steadyState_allocatesNothing() {
    // 2-D, where D-Stream is meant to run (gap 2: an incremental adjustment every second point).
    Dstream c = new Dstream(P);
    double[][] s = DstreamMoaFixtureTest.stream(11, 4096);
    for (int i = 0; i < 200_000; i++) {
      c.learn(s[i & 4095]);
    }
    long allocated = Allocation.measure(() -> {
      for (int i = 0; i < 20_000; i++) {
        c.learn(s[i & 4095]);
      }
    });
    assertThat(allocated).as("bytes allocated by 20,000 steady-state learns").isLessThan(1024);
  }

  @Test
  public void params_rejectedWithTheirName() {
    assertThatThrownBy(() -> P.withLambda(1)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> P.withCm(1)).hasMessageContaining("cm");
    assertThatThrownBy(() -> P.withCl(1)).hasMessageContaining("cl");
    assertThatThrownBy(() -> P.withGridSize(0)).hasMessageContaining("gridSize");
    assertThatThrownBy(() -> P.withBeta(-1)).hasMessageContaining("beta");
    assertThatThrownBy(() -> P.withMaxDeleted(-1)).hasMessageContaining("maxDeleted");
    assertThatThrownBy(() -> new Dstream(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Dstream(P.withCm(4).withMaxDeleted(7)).configuration())
        .containsEntry("cm", 4.0).containsEntry("maxDeleted", 7).hasSize(6);
  }

  // ---- merge ----

  /** Two halves of one event-time stream (even and odd points) and the whole. */
  private static Dstream[] split(double[][] s, Dstream.Params p) {
    Dstream a = new Dstream(p);
    Dstream b = new Dstream(p);
    Dstream all = new Dstream(p);
    for (int i = 0; i < s.length; i++) {
      (i % 2 == 0 ? a : b).learn(s[i], 1.0, i);
      all.learn(s[i], 1.0, i);
    }
    return new Dstream[] {a, b, all};
  }

  /** A stream whose grids are all hit every few ticks, so sporadic removal never takes one. */
  private static double[][] busy(int n) {
    double[][] s = new double[n][];
    for (int i = 0; i < n; i++) {
      s[i] = at(i % 7 + 0.5, (i / 7) % 3 + 0.5);
    }
    return s;
  }

  @Test
  public void merge_densitiesAddToThoseOfTheUnion() {
    double[][] s = busy(5000);
    Dstream[] parts = split(s, P);
    Dstream merged = parts[0];
    merged.merge(parts[1]);
    assertThat(merged.seen()).isEqualTo(5000);
    assertThat(merged.time()).isEqualTo(parts[2].time());
    assertThat(merged.gridCount()).isEqualTo(parts[2].gridCount());
    for (double[] p : s) {
      assertThat(merged.density(p)).isCloseTo(parts[2].density(p), within(1e-9));
    }
    assertThat(merged.gridSpace()).isEqualTo(parts[2].gridSpace());
    assertThat(merged.snapshot().predict(s)).isEqualTo(parts[2].snapshot().predict(s));
  }

  @Test
  public void merge_commutativeAssociativeWithIdentity() {
    double[][] s = DstreamMoaFixtureTest.stream(9, 6000);
    Dstream[] ab = split(s, P);
    Dstream[] ba = split(s, P);
    ab[0].merge(ab[1]);
    ba[1].merge(ba[0]);
    Dstream[] three = new Dstream[3];
    for (int k = 0; k < 3; k++) {
      three[k] = new Dstream(P);
    }
    for (int i = 0; i < s.length; i++) {
      three[i % 3].learn(s[i], 1.0, i);
    }
    byte[] c = ModelIO.toBytes(three[2]);
    Dstream left = copy(three[0]);
    left.merge(three[1]);
    left.merge(three[2]);
    Dstream bc = copy(three[1]);
    bc.merge(three[2]);
    Dstream right = copy(three[0]);
    right.merge(bc);
    assertThat(ModelIO.toBytes(three[2])).as("the merged side is not modified").isEqualTo(c);
    for (double[] p : s) {
      assertThat(ba[1].density(p)).isCloseTo(ab[0].density(p), within(1e-9));
      assertThat(right.density(p)).isCloseTo(left.density(p), within(1e-9));
    }
    assertSamePartition(ab[0].snapshot(), ba[1].snapshot(), s);
    assertSamePartition(left.snapshot(), right.snapshot(), s);
    byte[] before = ModelIO.toBytes(ab[0]);
    ab[0].merge(new Dstream(P));
    assertThat(ModelIO.toBytes(ab[0])).as("a fresh clusterer is the identity").isEqualTo(before);
    Dstream fresh = new Dstream(P);
    fresh.merge(ab[0]);
    for (double[] p : s) {
      assertThat(fresh.density(p)).isEqualTo(ab[0].density(p));
    }
  }

  private static Dstream copy(Dstream c) {
    try {
      return ModelIO.fromBytes(ModelIO.toBytes(c), Dstream.class);
    } catch (io.eddy.io.ModelFormatException e) {
      throw new AssertionError(e);
    }
  }

  /** The same points are noise in both, and the clusters correspond one to one. */
  static void assertSamePartition(ClusterModel a, ClusterModel b, double[][] s) {
    int[] pa = a.predict(s);
    int[] pb = b.predict(s);
    assertThat(a.clusterCount()).isEqualTo(b.clusterCount());
    Map<Integer, Integer> forward = new HashMap<>();
    Map<Integer, Integer> backward = new HashMap<>();
    for (int i = 0; i < s.length; i++) {
      forward.putIfAbsent(pa[i], pb[i]);
      backward.putIfAbsent(pb[i], pa[i]);
      assertThat(forward.get(pa[i])).as("point " + i).isEqualTo(pb[i]);
      assertThat(backward.get(pb[i])).as("point " + i).isEqualTo(pa[i]);
      assertThat(pa[i] == ClusterModel.NOISE).isEqualTo(pb[i] == ClusterModel.NOISE);
    }
  }

  @Test
  public void merge_rejectsIncompatibleAndLeavesStateIntact() {
    Dstream a = new Dstream(P);
    a.learn(at(1, 2));
    byte[] before = ModelIO.toBytes(a);
    Dstream wide = new Dstream(P);
    wide.learn(at(1, 2, 3));
    assertThatThrownBy(() -> a.merge(wide)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension");
    assertThatThrownBy(() -> a.merge(new Dstream(P.withCm(4)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("configuration");
    assertThatThrownBy(() -> a.merge(a)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> a.merge(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ModelIO.toBytes(a)).isEqualTo(before);
  }

  /**
   * The incremental adjustment (grids visited from their crossing times, clusters relabelled
   * around the grids that changed) against the pass over every grid, with and without
   * recomputing the clustering at every adjustment: scripted streams (clusters appearing,
   * drifting, fading, noise, idle gaps in event time, a widening box) give the same grid
   * classes, labels, snapshot, lineage and saved bytes: after every point around the events
   * where the incremental path does something different (a deletion, a cluster born, merged,
   * split or gone, N changing), every few points elsewhere, and at the end.
   */
  @Test
  public void adjust_incremental_equalsFullRecomputation() {
    int deletions = 0;
    for (Dstream.Params p : new Dstream.Params[] {P, P.withLambda(0.98).withGridSize(0.5),
        P.withLambda(0.95).withCm(2).withCl(0.5).withBeta(0.1).withMaxDeleted(40)}) {
      for (int d : new int[] {1, 2, 3, 8}) {
        Dstream incremental = new Dstream(p);
        Dstream skipping = new Dstream(p);
        skipping.incremental = false;
        Dstream full = new Dstream(p);
        full.incremental = false;
        full.alwaysRecluster = true;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(31 * d + 7);
        double t = 0;
        int n = d == 8 ? 2000 : 6000; // d = 8 at length in the 8dBlobs test below
        Checkpoints check = new Checkpoints(20, 3);
        for (int i = 0; i < n; i++) {
          double[] x = new double[d];
          int phase = i / 1500;
          boolean noise = rnd.nextDouble() < 0.1;
          for (int j = 0; j < d; j++) {
            // three clusters, one drifting steadily along the first axis
            double centre = (i % 3) * 4 + (i % 3 == 0 && j == 0 ? i * 0.002 : phase * (j == 0 ? 1.5 : 0));
            x[j] = noise ? rnd.nextDouble(-10, 20 + phase) : centre + 0.4 * rnd.nextGaussian();
          }
          t += i % 700 == 699 ? 150 : 1; // idle stretches let clusters fade and grids go
          incremental.learn(x, 1.0, t);
          skipping.learn(x, 1.0, t);
          full.learn(x, 1.0, t);
          deletions = Math.max(deletions, incremental.deletedCount());
          if (!check.due(i, n, incremental.deletedCount(), incremental.lineageSequence(),
              incremental.gridSpace())) {
            continue;
          }
          String at = String.format("point %d, d = %d, %s", i, d, p);
          assertThat(incremental.classes()).as(at).isEqualTo(full.classes());
          assertThat(incremental.snapshot()).as(at).isEqualTo(full.snapshot());
          assertThat(incremental.lineageSequence()).as(at).isEqualTo(full.lineageSequence());
          if (i % 100 == 0 || i == n - 1) {
            byte[] bytes = ModelIO.toBytes(full);
            assertThat(ModelIO.toBytes(incremental)).as(at).isEqualTo(bytes);
            assertThat(ModelIO.toBytes(skipping)).as(at).isEqualTo(bytes);
            assertThat(incremental.events(0)).as(at).isEqualTo(full.events(0));
          }
        }
        assertThat(incremental.snapshot().clusterCount()).isPositive();
        assertThat(skipping.reclusterings).as("adjustments that recomputed, of %d", full.reclusterings)
            .isLessThan(full.reclusterings);
        assertThat(check.compared).as("points compared, of %d", n).isGreaterThan(n / 20);
      }
    }
    assertThat(deletions).as("grids were deleted").isPositive();
  }

  /**
   * Two clusters of exactly the same mass joined by a new grid: the masses cannot tell which is
   * heavier, so the matching decides, and the merged cluster keeps the smaller label (ties go
   * to the smaller key), as recomputing everything gives. Event time: grids 0 and 2 get the
   * same weight at the same time, a grid of negligible weight between them stays sparse until
   * a heavy point makes it dense.
   */
  @Test
  public void merge_ofEqualMasses_keepsTheSmallerLabelAsTheMatching() {
    Dstream incremental = new Dstream(P);
    Dstream full = new Dstream(P);
    full.incremental = false;
    full.alwaysRecluster = true;
    double[][] xs = {{0.5}, {2.5}, {1.5}, {1.5}, {1.5}};
    double[] ws = {1000, 1000, 1e-9, 1e-9, 1e6};
    long gap = 0;
    for (int k = 0; k < xs.length; k++) {
      // grids 0, 2 and 1 at time 0; then a point in grid 1 at each of the next two adjustments
      double t = k < 3 ? 0 : (k - 2) * gap;
      incremental.learn(xs[k], ws[k], t);
      full.learn(xs[k], ws[k], t);
      gap = incremental.gap();
      assertThat(incremental.classes()).as("point %d", k).isEqualTo(full.classes());
      assertThat(incremental.snapshot()).as("point %d", k).isEqualTo(full.snapshot());
      assertThat(incremental.events(0)).as("point %d", k).isEqualTo(full.events(0));
    }
    assertThat(incremental.snapshot().clusterCount()).isEqualTo(1);
    assertThat(incremental.events(0)).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(io.eddy.SegmentEvent.Kind.MERGED);
      assertThat(e.from()).containsExactly(0, 1);
      assertThat(e.to()).containsExactly(0);
    });
  }

  /**
   * A cluster joined to a heavier one by a new grid while most of its mass is in grids that
   * turned sparse at the same adjustment: what is left of it holds less than half of its mass
   * (and of the merged cluster's), so the matching's lineage has no edge from it and records it
   * as vanished, not merged; the relabelling must record the same. In 3-D: a dense grid with
   * four transitional face neighbours that fade to sparse, and a new grid between it and a
   * heavy grid; event time, weights from the clusterer's own sparse threshold and gap.
   */
  @Test
  public void merge_ofAClusterMostlyGoneSparse_recordsItVanished() {
    Dstream.Params p = P.withCm(2);
    long[][] grids = {{0, 0, 0}, {1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 2}, {0, 0, 1}};
    Dstream probe = new Dstream(p);
    for (long[] g : grids) {
      probe.learn(centre(g), 1e-9, 0);
    }
    double low = probe.sparseThreshold();
    long gap = probe.gap();
    // the sides fall to sparse between the first and the second adjustment; the middle holds
    // three sides' weight, dense at the first, less than half of the cluster's at the second
    double side = low * Math.pow(p.lambda(), -1.5 * gap);
    double[] weights = {3 * side, side, side, side, side, 100 * low, 1e-9};
    Dstream incremental = new Dstream(p);
    Dstream full = new Dstream(p);
    full.incremental = false;
    full.alwaysRecluster = true;
    for (int k = 0; k < grids.length + 2; k++) {
      // then a point that only moves the clock to the first adjustment, and a heavy one that
      // makes the grid in between dense at the second
      boolean last = k == grids.length + 1;
      double[] x = centre(grids[k < grids.length ? k : last ? 6 : 5]);
      double w = k < grids.length ? weights[k] : last ? 1e6 : 1e-9;
      double t = k < grids.length ? 0 : (k - grids.length + 1) * gap;
      incremental.learn(x, w, t);
      full.learn(x, w, t);
      if (k >= grids.length - 1) {
        assertThat(incremental.gap()).as("the box is whole: N and gap stay").isEqualTo(gap);
      }
      assertThat(incremental.classes()).as("point %d", k).isEqualTo(full.classes());
      assertThat(incremental.snapshot()).as("point %d", k).isEqualTo(full.snapshot());
      assertThat(incremental.events(0)).as("point %d", k).isEqualTo(full.events(0));
    }
    assertThat(incremental.events(0)).extracting(io.eddy.SegmentEvent::kind)
        .contains(io.eddy.SegmentEvent.Kind.VANISHED)
        .doesNotContain(io.eddy.SegmentEvent.Kind.MERGED);
  }

  /** The middle of a grid of width 1. */
  private static double[] centre(long[] grid) {
    double[] x = new double[grid.length];
    for (int j = 0; j < grid.length; j++) {
      x[j] = grid[j] + 0.5;
    }
    return x;
  }

  /**
   * When to compare two runs: after every point within {@code window} points of a change in
   * the signature (values that move at the events that matter), every {@code every} points
   * elsewhere, and at the last point.
   */
  private static final class Checkpoints {
    private final int every;
    private final int window;
    private double[] last = new double[0];
    private int since = Integer.MAX_VALUE;
    int compared;

    Checkpoints(int every, int window) {
      this.every = every;
      this.window = window;
    }

    boolean due(int i, int n, double... signature) {
      if (!java.util.Arrays.equals(signature, last)) {
        last = signature;
        since = 0;
      }
      boolean due = since < window || i % every == 0 || i == n - 1;
      if (since < window) {
        since++;
      }
      if (due) {
        compared++;
      }
      return due;
    }
  }

  /**
   * The same on a stream like the soak's: 8-D Gaussian blobs of sd 1 in grids of width 1, so
   * nearly every point opens a grid, every occupied grid is dense and gap is 1, with a faster
   * decay and drift so that grids turn transitional, sparse, sporadic and deleted, and
   * clusters are born, merge, split and go, within a short run.
   */
  @Test
  public void adjust_incremental_equalsFullRecomputation_8dBlobs() {
    Dstream.Params p = P.withLambda(0.97).withMaxDeleted(500);
    Dstream incremental = new Dstream(p);
    Dstream full = new Dstream(p);
    full.incremental = false;
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(14);
    double[][] centres = new double[5][8];
    for (double[] c : centres) {
      for (int j = 0; j < 8; j++) {
        c[j] = 6 * rnd.nextDouble();
      }
    }
    double[] x = new double[8];
    int n = 10_000;
    // grids open, turn sparse and go at nearly every point here: the lineage events and N
    // changing open the windows
    Checkpoints check = new Checkpoints(10, 3);
    for (int i = 1; i <= n; i++) {
      double[] c = centres[i % 5];
      for (int j = 0; j < 8; j++) {
        c[j] += 3e-4 * (j + 1);
        x[j] = c[j] + 0.7 * rnd.nextGaussian();
      }
      incremental.learn(x);
      full.learn(x);
      if (check.due(i, n + 1, incremental.lineageSequence(), incremental.gridSpace())) {
        assertThat(incremental.classes()).as("point %d", i).isEqualTo(full.classes());
        assertThat(incremental.snapshot()).as("point %d", i).isEqualTo(full.snapshot());
      }
      if (i % 500 == 0) {
        assertThat(ModelIO.toBytes(incremental)).as("point %d", i).isEqualTo(ModelIO.toBytes(full));
      }
    }
    assertThat(incremental.deletedCount()).isPositive();
    assertThat(incremental.lineageSequence()).isEqualTo(full.lineageSequence()).isGreaterThan(100);
  }

  /**
   * An adjustment that finds no grid changed class skips recomputing the clustering; scripted
   * streams (clusters appearing, moving, fading, noise, idle gaps in event time, a widening
   * box) give, point by point, the state and the snapshot a recomputation at every adjustment
   * gives.
   */
  @Test
  public void adjust_skippingUnchangedClasses_equalsFullRecomputation() {
    for (Dstream.Params p : new Dstream.Params[] {P, P.withLambda(0.98).withGridSize(0.5),
        P.withLambda(0.95).withCm(2).withCl(0.5).withBeta(0.1)}) {
      for (int d : new int[] {1, 2, 3}) {
        Dstream skipping = new Dstream(p);
        Dstream full = new Dstream(p);
        full.alwaysRecluster = true;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(31 * d);
        double t = 0;
        for (int i = 0; i < 6000; i++) {
          double[] x = new double[d];
          int phase = i / 1500;
          boolean noise = rnd.nextDouble() < 0.1;
          for (int j = 0; j < d; j++) {
            double centre = (i % 3) * 4 + phase * (j == 0 ? 1.5 : 0);
            x[j] = noise ? rnd.nextDouble(-10, 20 + phase) : centre + 0.4 * rnd.nextGaussian();
          }
          t += i % 700 == 699 ? 150 : 1; // idle stretches let clusters fade and grids go
          skipping.learn(x, 1.0, t);
          full.learn(x, 1.0, t);
          if (i % 50 == 0 || i > 5900) {
            assertThat(ModelIO.toBytes(skipping)).as("state at point %d, d = %d, %s", i, d, p)
                .isEqualTo(ModelIO.toBytes(full));
            assertThat(skipping.snapshot()).isEqualTo(full.snapshot());
          }
        }
        assertThat(skipping.snapshot().clusterCount()).isPositive();
        assertThat(skipping.reclusterings).as("adjustments that recomputed, of %d", full.reclusterings)
            .isLessThan(full.reclusterings);
      }
    }
  }
}
