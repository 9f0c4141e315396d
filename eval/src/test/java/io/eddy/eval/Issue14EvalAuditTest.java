package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.ClusterModel;
import io.eddy.Clusterer;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The evaluation module against a hostile caller (issue 14, second audit): each case failed
 * before its fix.
 */
class Issue14EvalAuditTest {

  private static final double[][] DATA = {{0}, {0.1}, {5}, {5.2}, {9}, {9.3}, {20}, {20.4}};

  // 6. Null arguments and nulls handed back by callbacks gave NullPointerException.
  @Test
  void kSweep_nullsFromCallerOrCallbacks_throwIllegalArgument() {
    KSweep.Params sweep = KSweep.Params.DEFAULTS.withRange(2, 4).withThreads(1);
    assertThatThrownBy(() -> KSweep.run("kmeans", null, DATA, sweep))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("params");
    assertThatThrownBy(() -> KSweep.run(k -> null, DATA, sweep))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 2");
    Clusterer<ClusterModel> noModel = data -> null;
    assertThatThrownBy(() -> KSweep.run(k -> noModel, DATA, sweep))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no model");
    assertThatThrownBy(() -> KSweep.run(Lloyd::new, new double[][] {{1}, null, {2}}, sweep))
        .isInstanceOf(IllegalArgumentException.class);
    // A range beyond the data: k up to Integer.MAX_VALUE would have wrapped the loop counter.
    assertThatThrownBy(() -> KSweep.run(Lloyd::new, DATA, sweep.withRange(2, Integer.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kMax");
  }

  @Test
  void kneedle_nullShape_throwsIllegalArgument() {
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {10, 4, 2, 1.5, 1.2};
    assertThatThrownBy(() -> Kneedle.knee(x, y, null, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape");
  }

  // Spans of finite values overflowed: x from -1e308 to 1e308 made every normalised x NaN and
  // the knee was lost. Halving is exact, so the knee is the one of the same curve in range.
  @Test
  void kneedle_spansBeyondTheLargestDouble_sameKneeAsInRange() {
    double[] x = {1, 2, 3, 4, 5, 6};
    double[] y = {100, 40, 15, 10, 8, 7};
    int expected = Kneedle.knee(x, y, Kneedle.Shape.CONVEX_DECREASING, 1);
    assertThat(expected).isNotNegative();
    double[] hugeX = new double[x.length];
    double[] hugeY = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      hugeX[i] = (x[i] - 3.5) * 0x1p1022; // from -2.5 to 2.5 times 2^1022: a span beyond 2^1024
      hugeY[i] = (y[i] - 50) * 0x1p1018;
    }
    assertThat(Kneedle.knee(hugeX, hugeY, Kneedle.Shape.CONVEX_DECREASING, 1)).isEqualTo(expected);
  }

  // 6. The sample was allocated in full at the first point: capacity x d doubles (8 GB for
  //    2^20 points of dimension 1000), and a capacity of 2^31 - 1 ran out of memory at once.
  @Test
  void streamingSilhouette_hugeCapacity_growsWithTheSampleAndIsBounded() {
    assertThatThrownBy(() -> new StreamingSilhouette(Integer.MAX_VALUE, StreamingSilhouette.Sampling.RESERVOIR, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("StreamingSilhouette.MAX_CAPACITY");
    StreamingSilhouette s = new StreamingSilhouette(StreamingSilhouette.MAX_CAPACITY,
        StreamingSilhouette.Sampling.SLIDING, 1);
    double[][] points = new double[40][1000];
    int[] labels = new int[40];
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < points.length; i++) {
      labels[i] = i % 2;
      for (int j = 0; j < 1000; j++) {
        points[i][j] = 10 * labels[i] + r.nextGaussian();
      }
      s.add(points[i], labels[i]);
    }
    assertThat(s.estimate().score()).isEqualTo(Silhouette.exact(points, labels, 1).score());
  }

  @Test
  void prequentialEvaluator_hugeWindow_growsWithTheStreamAndIsBounded() {
    assertThatThrownBy(() -> PrequentialEvaluator.Params.DEFAULTS.withWindowSize(Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windowSize");
    assertThatThrownBy(() -> PrequentialEvaluator.Params.DEFAULTS.withSilhouetteSample(Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("silhouetteSample");
    PrequentialEvaluator e = new PrequentialEvaluator(new TinyOnlineKMeans(2),
        PrequentialEvaluator.Params.DEFAULTS.withWindowSize(StreamingSilhouette.MAX_CAPACITY)
            .withSilhouetteSample(StreamingSilhouette.MAX_CAPACITY).withCheckpointInterval(1 << 30));
    double[] p = new double[1000];
    for (int i = 0; i < 40; i++) {
      Arrays.fill(p, i % 2 == 0 ? 0 : 10 + i);
      e.accept(p);
    }
    assertThat(e.checkpoint().window()).isEqualTo(40);
  }

  // 7. A cluster of two points at 1e308 has a WCSS of 0, yet its mean overflowed and the WCSS
  //    came out infinite; the small cluster beside it must keep its exact share, 2.
  @Test
  void wcss_clustersNearTheLargestDouble_finiteAndExact() {
    double[][] data = {{1e308}, {1e308}, {-1}, {1}};
    int[] labels = {0, 0, 1, 1};
    assertThat(InternalIndices.wcss(data, labels)).isEqualTo(2.0);
    assertThat(InternalIndices.summary(data, labels).wcss()).isEqualTo(2.0);
    // Beyond the largest double the WCSS is +Infinity, never NaN.
    double[][] apart = {{1.5e308}, {-1.5e308}, {1.5e308}};
    assertThat(InternalIndices.wcss(apart, new int[] {0, 0, 1})).isEqualTo(Double.POSITIVE_INFINITY);
  }

  // Davies–Bouldin treats means within 1e-8 as coincident, in the data's units; on data beyond
  // MAX_ABS it compared rescaled distances with the same 1e-8, so clusters 1e190 apart in data
  // of 1e200 counted as coincident and the index was 0 instead of 2e10.
  @Test
  void daviesBouldin_dataBeyondMaxAbs_sameAsAtUnitScale() {
    int[] labels = {0, 0, 1, 1};
    double[][] unit = {{1e10}, {-1e10}, {0}, {1}};
    double[][] huge = {{1e200}, {-1e200}, {0}, {1e190}};
    double expected = InternalIndices.daviesBouldin(unit, labels);
    assertThat(expected).isCloseTo(2e10 + 1, within(1e-3));
    assertThat(InternalIndices.daviesBouldin(huge, labels)).isCloseTo(expected, within(expected * 1e-12));
    assertThat(InternalIndices.summary(huge, labels).daviesBouldin()).isCloseTo(expected, within(expected * 1e-12));
  }

  // A null feature name was accepted, and the profiles' CSV then wrote it as the text "null".
  @Test
  void segmentProfiles_nullFeatureName_throwsIllegalArgument() {
    double[][] data = {{0, 0}, {0.1, 0.2}, {5, 5}, {5.2, 5.1}};
    assertThatThrownBy(() -> SegmentProfiles.of(data, new int[] {0, 0, 1, 1}, null, Arrays.asList("a", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null name");
  }

  @Test
  void inertia_nullModel_throwsIllegalArgument() {
    assertThatThrownBy(() -> InternalIndices.inertia(DATA, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model");
  }

  @Test
  void kSweep_registeredName_stillSweeps() {
    KSweep.Result r = KSweep.run("kmeans", Map.of("seed", 1L), DATA, KSweep.Params.DEFAULTS.withRange(2, 4).withThreads(1));
    assertThat(r.rows()).hasSize(3);
  }
}
