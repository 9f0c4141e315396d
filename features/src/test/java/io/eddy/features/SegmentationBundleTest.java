package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.ClusterModel;
import io.eddy.Clusterers;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import io.eddy.kmeans.KMeans;
import io.eddy.kmeans.KMeansModel;
import io.eddy.mixture.GaussianMixture;
import io.eddy.mixture.GaussianMixtureModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SegmentationBundleTest {

  private static final List<String> NAMES = List.of("income", "spending");
  // Three well-separated groups in original units: income in k$, spending score 1..100.
  private static final double[][] CENTRES = {{20, 80}, {90, 15}, {90, 85}};

  private static double[][] rows(int perGroup, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[3 * perGroup][];
    for (int i = 0; i < x.length; i++) {
      double[] c = CENTRES[i % 3];
      x[i] = new double[] {c[0] + 4 * r.nextGaussian(), c[1] + 4 * r.nextGaussian()};
    }
    return x;
  }

  private static Pipeline pipeline(double[][] x) {
    return Pipeline.builder(NAMES).then(StandardScaler.Params.DEFAULTS).fit(x);
  }

  private static SegmentationBundle kmeansBundle(double[][] x) {
    Pipeline p = pipeline(x);
    KMeansModel m = new KMeans(KMeans.Params.DEFAULTS.withK(3).withSeed(1)).fit(p.transformAll(x));
    return SegmentationBundle.train(p, m, x, false, Map.of("algorithm", "kmeans"));
  }

  private static int labelNear(SegmentationBundle b, double[] raw) {
    return b.score(raw).segment();
  }

  @Test
  void train_withModelRowsGivenEqualsTrainingThatTransforms() {
    double[][] x = rows(60, 4);
    Pipeline p = pipeline(x);
    double[][] z = p.transformAll(x);
    KMeansModel m = new KMeans(KMeans.Params.DEFAULTS.withK(3).withSeed(2)).fit(z);
    SegmentationBundle a = SegmentationBundle.train(p, m, x, false, Map.of());
    SegmentationBundle b = SegmentationBundle.train(p, m, x, z, false, Map.of());
    assertThat(b.centres()).isDeepEqualTo(a.centres());
    for (int s = 0; s < 3; s++) {
      SegmentationBundle.Segment sa = a.segments().get(s);
      SegmentationBundle.Segment sb = b.segments().get(s);
      assertThat(sb.size()).isEqualTo(sa.size());
      assertThat(sb.radius()).isEqualTo(sa.radius());
      assertThat(sb.profile()).containsExactly(sa.profile());
    }
    SegmentationBundle c = SegmentationBundle.train(p, m, x, z, m.predict(z), false, Map.of());
    assertThat(c.centres()).isDeepEqualTo(a.centres());
    for (int s = 0; s < 3; s++) {
      assertThat(c.segments().get(s).size()).isEqualTo(a.segments().get(s).size());
      assertThat(c.segments().get(s).radius()).isEqualTo(a.segments().get(s).radius());
      assertThat(c.segments().get(s).profile()).containsExactly(a.segments().get(s).profile());
    }
    assertThatThrownBy(() -> SegmentationBundle.train(p, m, x, z, new int[5], false, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 labels for 180 raw rows");
    assertThatThrownBy(() -> SegmentationBundle.train(p, m, x, Arrays.copyOf(z, 10), false, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 model rows for 180 raw rows");
    double[][] narrow = z.clone();
    narrow[7] = new double[] {1};
    assertThatThrownBy(() -> SegmentationBundle.train(p, m, x, narrow, false, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 7");
  }

  @Test
  void train_recordsSizesAndProfilesInOriginalUnits() {
    double[][] x = rows(100, 1);
    SegmentationBundle b = kmeansBundle(x);
    assertThat(b.featureNames()).isEqualTo(NAMES);
    long total = 0;
    for (SegmentationBundle.Segment s : b.segments()) {
      assertThat(s.size()).isEqualTo(100);
      total += s.size();
      // Each profile is the mean of one planted group, in k$ and score points, not z-scores.
      double best = Double.POSITIVE_INFINITY;
      for (double[] c : CENTRES) {
        best = Math.min(best, Math.hypot(s.profile()[0] - c[0], s.profile()[1] - c[1]));
      }
      assertThat(best).isLessThan(1.5);
      assertThat(s.radius()).isGreaterThan(0);
    }
    assertThat(total).isEqualTo(300);
  }

  @Test
  void score_atACentreIsConfidentAndOnTheBoundaryIsNot() {
    SegmentationBundle b = kmeansBundle(rows(100, 2));
    SegmentationBundle.Score centre = b.score(CENTRES[0]);
    assertThat(centre.confidence()).isGreaterThan(0.9);
    assertThat(centre.outlierScore()).isLessThan(0.5);
    assertThat(centre.name()).isEqualTo("segment " + centre.segment());
    // Halfway between the two high-income groups: the margin is near 0.
    SegmentationBundle.Score edge = b.score(new double[] {90, 50});
    assertThat(edge.confidence()).isLessThan(0.15);
    // Far from everything: a large outlier score.
    assertThat(b.score(new double[] {300, 300}).outlierScore()).isGreaterThan(5);
    // The distance is measured in the model's space, to the model's own centre.
    KMeansModel m = (KMeansModel) b.model();
    double[] z = b.pipeline().transform(CENTRES[1], (String[]) null);
    double[] c = m.center(b.score(CENTRES[1]).segment());
    assertThat(b.score(CENTRES[1]).distance()).isCloseTo(Math.hypot(z[0] - c[0], z[1] - c[1]), within(1e-12));
  }

  @Test
  void score_ofAMixtureIsItsMembershipProbability() {
    double[][] x = rows(100, 3);
    Pipeline p = pipeline(x);
    GaussianMixtureModel m = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(3).withSeed(1))
        .fit(p.transformAll(x));
    SegmentationBundle b = SegmentationBundle.train(p, m, x, false, Map.of());
    double[] raw = {90, 45};
    SegmentationBundle.Score s = b.score(raw);
    double[] probs = m.probabilities(p.transform(raw, (String[]) null));
    assertThat(s.confidence()).isEqualTo(Arrays.stream(probs).max().getAsDouble());
  }

  @Test
  void modelIo_roundTripKeepsEveryScoreNameAndInfo() throws Exception {
    double[][] x = rows(60, 4);
    SegmentationBundle b = kmeansBundle(x).withNames(Map.of(0, "first · α", 2, "third"))
        .withInfo(Map.of("algorithm", "kmeans", "k", "3"));
    byte[] bytes = ModelIO.toBytes(b);
    SegmentationBundle back = ModelIO.fromBytes(bytes, SegmentationBundle.class);
    assertThat(back.info()).isEqualTo(b.info());
    assertThat(back.featureNames()).isEqualTo(NAMES);
    for (int i = 0; i < 3; i++) {
      SegmentationBundle.Segment s = b.segments().get(i);
      SegmentationBundle.Segment t = back.segments().get(i);
      assertThat(t.name()).isEqualTo(s.name());
      assertThat(t.size()).isEqualTo(s.size());
      assertThat(t.profile()).containsExactly(s.profile());
      assertThat(t.radius()).isEqualTo(s.radius());
    }
    assertThat(back.segment(0).name()).isEqualTo("first · α");
    for (double[] row : rows(20, 5)) {
      assertThat(back.score(row)).isEqualTo(b.score(row));
    }
    // Every truncation is a clear format error, never a half-built bundle.
    for (int cut : new int[] {bytes.length - 1, bytes.length / 2, 30}) {
      assertThatThrownBy(() -> ModelIO.fromBytes(Arrays.copyOf(bytes, cut), SegmentationBundle.class))
          .isInstanceOf(ModelFormatException.class);
    }
  }

  @Test
  void aDensityModelsNoiseGetsNoSegmentAndAnOutlierScore() throws Exception {
    double[][] x = rows(200, 6);
    Pipeline p = pipeline(x);
    double[][] z = p.transformAll(x);
    var online = Clusterers.online("dbstream", Map.of());
    for (double[] row : z) {
      online.learn(row);
    }
    ClusterModel m = online.snapshot();
    SegmentationBundle b = SegmentationBundle.train(p, m, x, true, Map.of());
    assertThat(b.density()).isTrue();
    SegmentationBundle.Score far = b.score(new double[] {500, -400});
    assertThat(far.segment()).isEqualTo(ClusterModel.NOISE);
    assertThat(far.name()).isEqualTo("noise");
    assertThat(far.confidence()).isNaN();
    assertThat(far.outlierScore()).isGreaterThan(10);
    SegmentationBundle back = ModelIO.fromBytes(ModelIO.toBytes(b), SegmentationBundle.class);
    assertThat(back.score(CENTRES[2])).isEqualTo(b.score(CENTRES[2]));
  }

  @Test
  void badInputIsRefusedClearly() {
    SegmentationBundle b = kmeansBundle(rows(30, 7));
    assertThatThrownBy(() -> b.score(new double[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 2");
    assertThatThrownBy(() -> b.withNames(Map.of(1, " "))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.segment(9)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("labels are");
  }
}
