package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.Clusterers;
import io.eddy.io.ModelIO;
import io.eddy.testkit.Ari;
import io.eddy.testkit.Blobs;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BirchTest {

  private static final Birch.Params P = Birch.Params.DEFAULTS;

  private static Birch learned(Birch.Params p, double[][] points, int from, int to) {
    Birch c = new Birch(p);
    for (int i = from; i < to; i++) {
      c.learn(points[i]);
    }
    return c;
  }

  /** n, the linear sum and the centred sum of squares of rows [from, to), by two passes. */
  private static double[] exactFeature(double[][] x, int from, int to) {
    int d = x[0].length;
    double[] out = new double[d + 2];
    out[0] = to - from;
    for (int i = from; i < to; i++) {
      for (int j = 0; j < d; j++) {
        out[1 + j] += x[i][j];
      }
    }
    for (int i = from; i < to; i++) {
      for (int j = 0; j < d; j++) {
        double delta = x[i][j] - out[1 + j] / out[0];
        out[d + 1] += delta * delta;
      }
    }
    return out;
  }

  private static void assertFeature(double[] actual, double[] expected, double relative) {
    assertThat(actual).hasSameSizeAs(expected);
    assertThat(actual[0]).as("n").isEqualTo(expected[0]);
    for (int j = 1; j < expected.length; j++) {
      assertThat(actual[j]).isCloseTo(expected[j], within(relative * Math.max(1, Math.abs(expected[j]))));
    }
  }

  @Test
  public void params_invalidValues_rejectedWithTheirName() {
    assertThatThrownBy(() -> P.withThreshold(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
    assertThatThrownBy(() -> P.withThreshold(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> P.withThreshold(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> P.withBranchingFactor(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("branchingFactor");
    assertThatThrownBy(() -> P.withK(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k");
    assertThatThrownBy(() -> P.withMaxSubclusters(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSubclusters");
    assertThatThrownBy(() -> new Birch(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BirchBatch(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void registry_sameClustererOnlineAndBatch() {
    assertThat(Clusterers.online("birch", Map.of("threshold", 0.3, "k", 0))).isInstanceOf(Birch.class)
        .extracting(c -> ((Birch) c).params()).isEqualTo(P.withThreshold(0.3).withK(0));
    assertThat(Clusterers.batch("birch", Map.of("branchingFactor", 7))).isInstanceOf(BirchBatch.class)
        .extracting(c -> ((BirchBatch) c).params()).isEqualTo(P.withBranchingFactor(7));
  }

  @Test
  public void predict_beforeLearning_illegalState() {
    Birch c = new Birch(P);
    assertThatThrownBy(() -> c.predict(new double[] {1, 2})).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(c::snapshot).isInstanceOf(IllegalStateException.class);
  }

  @Test
  public void snapshot_cachedUntilNextLearn() {
    double[][] x = Blobs.generate(1, 300, 2, 3, 0.5).points();
    Birch c = learned(P, x, 0, 300);
    BirchModel m = c.snapshot();
    assertThat(c.snapshot()).isSameAs(m);
    c.learn(x[0]);
    assertThat(c.snapshot()).isNotSameAs(m);
  }

  @Test
  public void fewerSubclustersThanK_eachSubclusterIsACluster() {
    Birch c = new Birch(P.withK(5));
    c.learn(new double[] {0, 0});
    c.learn(new double[] {10, 0});
    c.learn(new double[] {0.1, 0});
    BirchModel m = c.snapshot();
    assertThat(m.subclusterCount()).isEqualTo(2);
    assertThat(m.clusterCount()).isEqualTo(2);
    assertThat(m.subclusterLabels()).containsExactly(0, 1);
    assertThat(m.weight(0)).isEqualTo(2.0);
    assertThat(m.center(0)).containsExactly(0.05, 0.0);
  }

  @Test
  public void identicalPoints_oneSubclusterOfAllOfThem() {
    Birch c = new Birch(P.withThreshold(1e-9).withBranchingFactor(2));
    for (int i = 0; i < 1000; i++) {
      c.learn(new double[] {3, -1, 2});
    }
    assertThat(c.subclusterCount()).isEqualTo(1);
    assertThat(c.snapshot().subclusterWeights()).containsExactly(1000.0);
  }

  @Test
  public void globalStep_recoversPlantedBlobs() {
    Blobs b = Blobs.generate(3, 3000, 3, 5, 0.6);
    BirchModel m = new BirchBatch(P.withK(5)).fit(b.points());
    assertThat(m.subclusterCount()).isGreaterThan(5);
    assertThat(Ari.of(b.labels(), m.predict(b.points()))).isGreaterThan(0.95);
  }

  // ---- memory bound ----

  /** 40 blobs of sd 0.3 in 4-D, centres uniform in [-50, 50]^4; truth in the last column. */
  private static double[][] manyBlobs(long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] centres = new double[40][4];
    for (double[] c : centres) {
      for (int j = 0; j < 4; j++) {
        c[j] = rng.nextDouble(-50, 50);
      }
    }
    double[][] out = new double[n][5];
    for (int i = 0; i < n; i++) {
      int k = rng.nextInt(40);
      for (int j = 0; j < 4; j++) {
        out[i][j] = centres[k][j] + 0.3 * Blobs.gaussian(rng);
      }
      out[i][4] = k;
    }
    return out;
  }

  @Test
  public void maxSubclusters_neverExceeded_thresholdRaisedAndMassKept() {
    int n = 100_000;
    double[][] rows = manyBlobs(5, n);
    double[][] x = new double[n][];
    int[] truth = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = java.util.Arrays.copyOf(rows[i], 4);
      truth[i] = (int) rows[i][4];
    }
    Birch c = new Birch(P.withThreshold(0.05).withK(40).withMaxSubclusters(300).withBranchingFactor(20));
    int most = 0;
    for (int i = 0; i < n; i++) {
      c.learn(x[i]);
      most = Math.max(most, c.subclusterCount());
    }
    assertThat(most).isLessThanOrEqualTo(300);
    assertThat(c.rebuildCount()).isPositive();
    assertThat(c.threshold()).isGreaterThan(0.05);
    assertThat(c.snapshot().threshold()).isEqualTo(c.threshold());
    assertFeature(c.totalFeature(), exactFeature(x, 0, n), 1e-9);
    int[] last = new int[5000];
    int[] predicted = new int[5000];
    for (int i = 0; i < 5000; i++) {
      last[i] = truth[n - 5000 + i];
      predicted[i] = c.predict(x[n - 5000 + i]);
    }
    assertThat(Ari.of(last, predicted)).as("ARI of the 40 blobs after rebuilds").isGreaterThan(0.95);
  }

  @Test
  public void maxSubclusters_notReached_sameTreeAsUnbounded() {
    double[][] x = Blobs.generate(8, 2000, 3, 4, 0.8).points();
    Birch unbounded = learned(P.withThreshold(0.3).withMaxSubclusters(1 << 20), x, 0, x.length);
    int m = unbounded.subclusterCount();
    Birch tight = learned(P.withThreshold(0.3).withMaxSubclusters(m), x, 0, x.length);
    assertThat(tight.rebuildCount()).isZero();
    assertThat(tight.snapshot()).isEqualTo(unbounded.snapshot());
    Birch under = learned(P.withThreshold(0.3).withMaxSubclusters(m - 1), x, 0, x.length);
    assertThat(under.rebuildCount()).isPositive();
    assertThat(under.subclusterCount()).isLessThan(m);
  }

  // ---- merging ----

  @Test
  public void merge_twoHalves_totalFeatureExactAndClusteringAsLearningTheUnion() {
    Blobs b = Blobs.generate(9, 4000, 3, 4, 0.7);
    double[][] x = b.points();
    Birch.Params p = P.withK(4).withThreshold(0.4);
    Birch left = learned(p, x, 0, 2000);
    Birch right = learned(p, x, 2000, 4000);
    Birch rightCopy = learned(p, x, 2000, 4000);
    Birch union = learned(p, x, 0, 4000);
    left.merge(right);
    assertThat(ModelIO.toBytes(right)).as("the merged-in clusterer is unchanged").isEqualTo(ModelIO.toBytes(rightCopy));
    assertThat(left.seen()).isEqualTo(4000);
    double[] exact = exactFeature(x, 0, 4000);
    assertFeature(left.totalFeature(), exact, 1e-10);
    assertFeature(union.totalFeature(), exact, 1e-10);
    int[] merged = left.snapshot().predict(x);
    assertThat(Ari.of(union.snapshot().predict(x), merged)).as("merged vs union").isGreaterThan(0.95);
    assertThat(Ari.of(b.labels(), merged)).as("merged vs truth").isGreaterThan(0.95);
    Birch other = learned(p, x, 2000, 4000);
    other.merge(learned(p, x, 0, 2000));
    assertThat(ModelIO.toBytes(other)).as("merge(b, a) builds the tree merge(a, b) builds")
        .isEqualTo(ModelIO.toBytes(left));
  }

  @Test
  public void merge_empty_isIdentityBothWays() {
    double[][] x = Blobs.generate(2, 500, 2, 3, 0.5).points();
    Birch c = learned(P, x, 0, 500);
    byte[] before = ModelIO.toBytes(c);
    c.merge(new Birch(P));
    assertThat(ModelIO.toBytes(c)).isEqualTo(before);
    Birch empty = new Birch(P);
    empty.merge(c);
    assertThat(ModelIO.toBytes(empty)).isEqualTo(before);
    empty.learn(x[0]);
    c.learn(x[0]);
    assertThat(ModelIO.toBytes(empty)).as("the copy learns on independently").isEqualTo(ModelIO.toBytes(c));
  }

  @Test
  public void merge_boundedByMaxSubclusters() {
    double[][] rows = manyBlobs(6, 20_000);
    Birch.Params p = P.withThreshold(0.05).withMaxSubclusters(200).withBranchingFactor(10);
    Birch a = learned(p, rows, 0, 10_000);
    Birch b = learned(p, rows, 10_000, 20_000);
    a.merge(b);
    assertThat(a.subclusterCount()).isLessThanOrEqualTo(200);
    assertFeature(a.totalFeature(), exactFeature(rows, 0, 20_000), 1e-9);
  }

  @Test
  public void merge_invalidOther_rejectedAndStateUnchanged() {
    double[][] x = Blobs.generate(2, 200, 2, 3, 0.5).points();
    Birch c = learned(P, x, 0, 200);
    byte[] before = ModelIO.toBytes(c);
    Birch threeD = new Birch(P);
    threeD.learn(new double[] {1, 2, 3});
    Birch otherB = new Birch(P.withBranchingFactor(10));
    otherB.learn(new double[] {1, 2});
    assertThatThrownBy(() -> c.merge(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.merge(c)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.merge(threeD)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
    assertThatThrownBy(() -> c.merge(otherB)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("configuration");
    assertThat(ModelIO.toBytes(c)).isEqualTo(before);
  }

  /** The laws of a merge of kind TOTALS on the contract kit's stream (three blobs in 3-D). */
  @Test
  public void merge_commutativeAssociativeWithIdentity_onThreeBlobs() {
    double[][] x = Blobs.generate(7, 1_500, 3, 3, 0.5).points();
    Birch.Params p = P.withMaxSubclusters(60);
    Birch[] parts = new Birch[3];
    for (int part = 0; part < 3; part++) {
      parts[part] = new Birch(p);
      for (int i = part; i < x.length; i += 3) {
        parts[part].learn(x[i]);
      }
    }
    Birch ab = copy(parts[0]);
    ab.merge(parts[1]);
    Birch ba = copy(parts[1]);
    ba.merge(parts[0]);
    assertThat(Ari.of(ab.snapshot().predict(x), ba.snapshot().predict(x))).isEqualTo(1.0);
    assertFeature(ab.totalFeature(), ba.totalFeature(), 1e-12);
    Birch left = copy(ab);
    left.merge(parts[2]);
    Birch bc = copy(parts[1]);
    bc.merge(parts[2]);
    Birch right = copy(parts[0]);
    right.merge(bc);
    assertThat(left.seen()).isEqualTo(right.seen()).isEqualTo(x.length);
    assertThat(Ari.of(left.snapshot().predict(x), right.snapshot().predict(x))).isEqualTo(1.0);
    assertFeature(left.totalFeature(), exactFeature(x, 0, x.length), 1e-10);
    Birch union = learned(p, x, 0, x.length);
    assertThat(Ari.of(left.snapshot().predict(x), union.snapshot().predict(x))).isEqualTo(1.0);
    Birch fresh = new Birch(p);
    fresh.merge(parts[0]);
    assertThat(ModelIO.toBytes(fresh)).isEqualTo(ModelIO.toBytes(parts[0]));
  }

  private static Birch copy(Birch c) {
    try {
      return ModelIO.fromBytes(ModelIO.toBytes(c), Birch.class);
    } catch (io.eddy.io.ModelFormatException e) {
      throw new AssertionError(e);
    }
  }

  // ---- allocation ----

  @Test
  public void learn_steadyState_allocatesNothing() {
    long allocated = Allocation.steadyStateLearn(new Birch(P), 3, 7);
    assertThat(allocated).as("bytes allocated by 20,000 steady-state learns").isLessThan(1024);
  }

  @Test
  public void learn_steadyStateWithRebuilds_allocatesNothing() {
    Birch c = new Birch(P.withThreshold(0.01).withMaxSubclusters(200));
    long allocated = Allocation.steadyStateLearn(c, 3, 8);
    assertThat(c.rebuildCount()).isPositive();
    assertThat(allocated).as("bytes allocated by 20,000 learns with rebuilds").isLessThan(1024);
  }

  @Test
  public void predict_cachedModelOrNoGlobalStep_allocatesNothing() {
    double[][] x = Blobs.generate(4, 2000, 8, 5, 0.5).points();
    for (Birch c : new Birch[] {learned(P, x, 0, 2000), learned(P.withK(0), x, 0, 2000)}) {
      c.snapshot();
      int[] sink = new int[1];
      for (int i = 0; i < 2000; i++) {
        sink[0] += c.predict(x[i]);
      }
      // the least of three rounds, as in Allocation.steadyStateLearn
      long allocated = Long.MAX_VALUE;
      for (int round = 0; round < 3; round++) {
        allocated = Math.min(allocated, Allocation.measure(() -> {
          for (int i = 0; i < 4000; i++) {
            sink[0] += c.predict(x[i % 2000]);
          }
        }));
      }
      assertThat(allocated).isLessThan(1024);
    }
  }
}
