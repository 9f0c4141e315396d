package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.ClusterModel;
import io.eddy.testkit.Blobs;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrequentialEvaluatorTest {

  private static final Blobs BLOBS = Blobs.generate(11, 5000, 4, 3, 0.7);
  private static final PrequentialEvaluator.Params PARAMS =
      PrequentialEvaluator.Params.DEFAULTS.withCheckpointInterval(1000).withWindowSize(500);

  @Test
  void run_checkpointsTrackQualityOnPlantedStream() {
    // Seed MacQueen with one point of each blob, so that it can find the planted clusters.
    double[][] x = BLOBS.points().clone();
    int[] y = BLOBS.labels().clone();
    for (int c = 0; c < 3; c++) {
      int i = c;
      while (y[i] != c) {
        i++;
      }
      double[] tx = x[c];
      x[c] = x[i];
      x[i] = tx;
      int ty = y[c];
      y[c] = y[i];
      y[i] = ty;
    }
    PrequentialEvaluator.Report r = PrequentialEvaluator.run(new TinyOnlineKMeans(3), x, y, PARAMS);
    List<PrequentialEvaluator.Checkpoint> cps = r.checkpoints();
    assertThat(cps).hasSize(5);
    assertThat(r.seen()).isEqualTo(5000);
    for (int i = 0; i < cps.size(); i++) {
      PrequentialEvaluator.Checkpoint c = cps.get(i);
      assertThat(c.seen()).isEqualTo(1000L * (i + 1));
      assertThat(c.window()).isEqualTo(500);
      assertThat(c.clusters()).isEqualTo(3);
      assertThat(c.pointsPerSecond()).isPositive();
      assertThat(c.noiseShare()).isZero();
    }
    for (PrequentialEvaluator.Checkpoint c : cps.subList(1, 5)) {
      assertThat(c.adjustedRand()).isGreaterThan(0.95);
      assertThat(c.purity()).isGreaterThan(0.98);
      assertThat(c.silhouette()).isGreaterThan(0.5);
    }
  }

  /** Replays the first n points by hand, predict then learn, and returns every prequential label. */
  private static int[] replay(double[][] x, int n) {
    TinyOnlineKMeans replay = new TinyOnlineKMeans(3);
    int[] prequential = new int[n];
    for (int i = 0; i < n; i++) {
      prequential[i] = i < 3 ? ClusterModel.NOISE : replay.predict(x[i]);
      replay.learn(x[i]);
    }
    return prequential;
  }

  @Test
  void checkpoint_equalsIndicesOfTheWindowUnderPrequentialLabels() {
    double[][] x = BLOBS.points();
    int[] truth = BLOBS.labels();
    int n = 2345;
    int[] prequential = replay(x, n);
    PrequentialEvaluator.Report r = PrequentialEvaluator.run(new TinyOnlineKMeans(3),
        Arrays.copyOf(x, n), Arrays.copyOf(truth, n), PARAMS);
    assertThat(r.checkpoints()).hasSize(3);
    PrequentialEvaluator.Checkpoint last = r.checkpoints().get(2);
    assertThat(last.seen()).isEqualTo(n);
    double[][] window = Arrays.copyOfRange(x, n - 500, n);
    int[] labels = Arrays.copyOfRange(prequential, n - 500, n);
    int[] classes = Arrays.copyOfRange(truth, n - 500, n);
    assertThat(last.wcss()).isEqualTo(InternalIndices.wcss(window, labels));
    assertThat(last.silhouette()).isEqualTo(Silhouette.exact(window, labels, 1).score());
    assertThat(last.adjustedRand()).isEqualTo(ExternalIndices.adjustedRand(classes, labels));
    assertThat(last.purity()).isEqualTo(ExternalIndices.purity(classes, labels));
  }

  @Test
  void accept_beforeClusteringIsNoise() {
    PrequentialEvaluator e = new PrequentialEvaluator(new TinyOnlineKMeans(3),
        PARAMS.withCheckpointInterval(4).withWindowSize(4));
    double[][] x = BLOBS.points();
    assertThat(e.accept(x[0])).isEqualTo(ClusterModel.NOISE);
    assertThat(e.accept(x[1])).isEqualTo(ClusterModel.NOISE);
    assertThat(e.accept(x[2])).isEqualTo(ClusterModel.NOISE);
    assertThat(e.accept(x[3])).isBetween(0, 2);
    PrequentialEvaluator.Checkpoint c = e.report().checkpoints().get(0);
    assertThat(c.noiseShare()).isEqualTo(0.75);
    assertThat(c.adjustedRand()).isNaN();
    assertThat(c.silhouette()).isNaN();
  }

  @Test
  void run_unlabelledStreamHasNoExternalIndices() {
    PrequentialEvaluator.Report r = PrequentialEvaluator.run(new TinyOnlineKMeans(3),
        Arrays.asList(BLOBS.points()).subList(0, 1500).iterator(), PARAMS);
    assertThat(r.checkpoints()).hasSize(2);
    assertThat(r.checkpoints().get(1).seen()).isEqualTo(1500);
    assertThat(r.checkpoints().get(1).adjustedRand()).isNaN();
    assertThat(r.checkpoints().get(1).wcss()).isPositive();
  }

  @Test
  void accept_rejectedPointChangesNothing() {
    PrequentialEvaluator e = new PrequentialEvaluator(new TinyOnlineKMeans(2), PARAMS);
    e.accept(new double[] {1, 2}, 0);
    assertThatThrownBy(() -> e.accept(new double[] {1, Double.NaN}, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> e.accept(new double[] {1, 2, 3}, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 3, expected 2");
    assertThatThrownBy(() -> e.accept(new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has true labels");
    assertThat(e.checkpoint().seen()).isEqualTo(1);
  }

  @Test
  void run_truthOfWrongLength() {
    assertThatThrownBy(() -> PrequentialEvaluator.run(new TinyOnlineKMeans(2), BLOBS.points(), new int[3], PARAMS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truth has length 3, expected one label per point (5000)");
  }

  @Test
  void report_csv() {
    PrequentialEvaluator.Report r = PrequentialEvaluator.run(new TinyOnlineKMeans(3),
        Arrays.copyOf(BLOBS.points(), 2000), Arrays.copyOf(BLOBS.labels(), 2000), PARAMS);
    String[] lines = r.toCsv().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).isEqualTo("seen,clusters,window,noise_share,wcss,silhouette,ari,purity,points_per_second,"
        + "stream_silhouette,stream_silhouette_se");
    String[] row = lines[2].split(",");
    assertThat(row[0]).isEqualTo("2000");
    assertThat(Double.parseDouble(row[6])).isEqualTo(r.checkpoints().get(1).adjustedRand());
    assertThat(r.toString()).contains("2000 points");
  }

  @Test
  void params_validated() {
    assertThatThrownBy(() -> PARAMS.withWindowSize(1)).hasMessageContaining("windowSize is 1, expected a value in [2, ");
    assertThatThrownBy(() -> PARAMS.withCheckpointInterval(0)).hasMessageContaining("checkpointInterval is 0");
    assertThatThrownBy(() -> PARAMS.withNoisePolicy(null)).hasMessageContaining("noisePolicy is null");
  }

  @Test
  void streamSilhouette_sampleHoldingTheStream_isExactOverAllPrequentialLabels() {
    double[][] x = BLOBS.points();
    int n = 1800;
    int[] prequential = replay(x, n);
    PrequentialEvaluator.Report r = PrequentialEvaluator.run(new TinyOnlineKMeans(3),
        Arrays.copyOf(x, n), null, PARAMS.withSilhouetteSample(n));
    PrequentialEvaluator.Checkpoint last = r.checkpoints().get(1);
    assertThat(last.streamSilhouette()).isEqualTo(Silhouette.exact(Arrays.copyOf(x, n), prequential, 1).score());
    assertThat(last.streamSilhouetteError()).isZero();
    PrequentialEvaluator.Checkpoint off = PrequentialEvaluator.run(new TinyOnlineKMeans(3),
        Arrays.copyOf(x, n), null, PARAMS).checkpoints().get(1);
    assertThat(off.streamSilhouette()).isNaN();
  }

  @Test
  void streamSilhouette_smallSample_estimatesWithinItsError() {
    double[][] x = BLOBS.points();
    PrequentialEvaluator.Report r = PrequentialEvaluator.run(new TinyOnlineKMeans(3), x, null,
        PARAMS.withSilhouetteSample(400).withSeed(3));
    PrequentialEvaluator.Checkpoint last = r.checkpoints().get(4);
    PrequentialEvaluator.Report all = PrequentialEvaluator.run(new TinyOnlineKMeans(3), x, null,
        PARAMS.withSilhouetteSample(x.length));
    double exact = all.checkpoints().get(4).streamSilhouette();
    assertThat(last.streamSilhouetteError()).isPositive();
    assertThat(Math.abs(last.streamSilhouette() - exact)).isLessThan(4 * last.streamSilhouetteError() + 0.01);
    assertThatThrownBy(() -> PARAMS.withSilhouetteSample(1)).hasMessageContaining("silhouetteSample");
  }
}
