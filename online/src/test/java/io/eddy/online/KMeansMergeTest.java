package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.Mergeable;
import io.eddy.io.ModelIO;
import io.eddy.kmeans.Centroids;
import io.eddy.testkit.Ari;
import io.eddy.testkit.Blobs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The merge kinds of the k-means family, as merge(learn(A), learn(B)) against learn(A ∪ B):
 * exact per center under a shared model, exact in the totals always, and within a stated
 * tolerance of the union when the learners were seeded independently.
 */
class KMeansMergeTest {

  private static final Blobs BLOBS = Blobs.generate(31, 6_000, 4, 5, 0.6);

  private static <T> T copy(T o) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) o.getClass();
    try {
      return ModelIO.fromBytes(ModelIO.toBytes(o), type);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static double[][] rows(int from, int to, int step) {
    double[][] out = new double[(to - from + step - 1) / step][];
    for (int i = from, r = 0; i < to; i += step, r++) {
      out[r] = BLOBS.points()[i];
    }
    return out;
  }

  @Test
  void miniBatch_sharedModel_mergeEqualsOneStepOnTheUnion() {
    // Flink ML's count-weighted average: two learners take one step each from the same model.
    MiniBatchKMeans base = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(5)
        .withBatchSize(1_000).withReassignmentRatio(0).withSeed(3));
    base.learn(rows(0, 1_000, 1));
    double[][] a = rows(1_000, 6_000, 2);
    double[][] b = rows(1_001, 6_000, 2);
    double[][] union = rows(1_000, 6_000, 1);
    MiniBatchKMeans left = copy(base);
    left.learn(a);
    MiniBatchKMeans right = copy(base);
    right.learn(b);
    left.merge(right);
    // Both learners carry the base model, so the union step is merged with one more copy of it.
    MiniBatchKMeans whole = copy(base);
    whole.learn(union);
    whole.merge(base);
    Centroids m = left.snapshot();
    Centroids w = whole.snapshot();
    assertThat(left.mergeKind()).isEqualTo(Mergeable.Kind.TOTALS);
    assertThat(left.seen()).isEqualTo(whole.seen());
    for (int j = 0; j < 5; j++) {
      assertThat(m.weight(j)).isEqualTo(w.weight(j));
      double[] c = m.center(j);
      double[] e = w.center(j);
      for (int q = 0; q < c.length; q++) {
        assertThat(c[q]).as("center " + j).isCloseTo(e[q], within(1e-12 * (1 + Math.abs(e[q]))));
      }
    }
  }

  @Test
  void sequential_independentSeeds_totalsExactAndCentersWithinTolerance() {
    SequentialKMeans.Params p = SequentialKMeans.Params.DEFAULTS.withK(5).withWarmup(100).withSeed(9);
    SequentialKMeans[] parts = new SequentialKMeans[4];
    double[] sum = new double[4];
    for (int s = 0; s < 4; s++) {
      parts[s] = new SequentialKMeans(p.withSeed(9));
    }
    double[][] x = BLOBS.points();
    for (int i = 0; i < x.length; i++) {
      parts[i % 4].learn(x[i]);
      for (int e = 0; e < 4; e++) {
        sum[e] += x[i][e];
      }
    }
    SequentialKMeans merged = new SequentialKMeans(p);
    for (SequentialKMeans part : parts) {
      merged.merge(part);
    }
    assertThat(merged.seen()).isEqualTo(x.length);
    Centroids m = merged.snapshot();
    double total = 0;
    double[] linear = new double[4];
    for (int j = 0; j < 5; j++) {
      total += m.weight(j);
      for (int e = 0; e < 4; e++) {
        linear[e] += m.weight(j) * m.center(j)[e];
      }
    }
    // MacQueen's centers are exact means, so weights and linear sums are sufficient statistics.
    assertThat(total).isCloseTo(x.length, within(1e-9 * x.length));
    for (int e = 0; e < 4; e++) {
      assertThat(linear[e]).isCloseTo(sum[e], within(1e-9 * x.length * 10));
    }
    // Stated tolerance of the re-clustering merge: every planted center within 0.15 of a merged
    // one (four standard errors of a blob's mean: 0.6 * sqrt(4 / 1200) = 0.035), and the
    // partition of the stream that of the single learner (ARI >= 0.99).
    for (double[] planted : BLOBS.centers()) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] c : m.centers()) {
        best = Math.min(best, Math.sqrt(sq(planted, c)));
      }
      assertThat(best).as("planted " + Arrays.toString(planted)).isLessThan(0.15);
    }
    SequentialKMeans single = new SequentialKMeans(p);
    for (double[] point : x) {
      single.learn(point);
    }
    assertThat(Ari.of(m.predict(x), single.snapshot().predict(x))).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void centerMerge_correspondingSets_addPerCenterAndStaySymmetric() {
    double[] a = {0, 0, 10, 10};
    double[] wa = {1, 3};
    double[] b = {1, 1, 11, 9};
    double[] wb = {3, 1};
    double[] a2 = a.clone();
    double[] wa2 = wa.clone();
    assertThat(CenterMerge.merge(a2, wa2, b, wb, 2, 2)).isTrue();
    assertThat(a2).containsExactly(0.75, 0.75, 10.25, 9.75);
    assertThat(wa2).containsExactly(4, 4);
    double[] b2 = b.clone();
    double[] wb2 = wb.clone();
    CenterMerge.merge(b2, wb2, a, wa, 2, 2);
    assertThat(b2).isEqualTo(a2);
  }

  @Test
  void centerMerge_crossedSets_reclusterPreservingTotals() {
    // Center 0 of one side is center 1 of the other: the pairwise rule would average across.
    double[] a = {0, 0, 10, 0};
    double[] wa = {2, 2};
    double[] b = {10.5, 0, 0.5, 0};
    double[] wb = {2, 6};
    assertThat(CenterMerge.merge(a, wa, b, wb, 2, 2)).isFalse();
    assertThat(wa[0] + wa[1]).isEqualTo(12);
    // Seeds: the heaviest, (0.5, 0), then the largest weight x squared distance, (10.5, 0).
    assertThat(wa).containsExactly(8, 4);
    assertThat(a[0]).isCloseTo(0.375, within(1e-15));
    assertThat(a[2]).isCloseTo(10.25, within(1e-15));
  }

  private static double sq(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return s;
  }
}
