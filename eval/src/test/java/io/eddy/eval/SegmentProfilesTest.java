package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.eddy.ClusterModel;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SegmentProfilesTest {

  static Stream<Fixture> fixtures() {
    return Stream.of(Fixture.NAMES).map(Fixture::load);
  }

  private static void assertClose(double actual, double expected) {
    if (expected == 0) {
      assertThat(actual).isCloseTo(0.0, within(1e-12));
    } else {
      assertThat(actual).isCloseTo(expected, withinPercentage(1e-8));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void of_matchesNumpy(Fixture f) {
    SegmentProfiles p = SegmentProfiles.of(f.data, f.truth);
    int d = f.data[0].length;
    int total = 0;
    for (SegmentProfiles.Profile profile : p.profiles()) {
      total += profile.size();
      assertThat(profile.share()).isEqualTo((double) profile.size() / f.data.length);
      for (int j : new int[] {0, d - 1}) {
        String base = "profile." + profile.label() + "." + j + ".";
        SegmentProfiles.FeatureSummary s = profile.features().get(j);
        assertClose(s.mean(), f.expected(base + "mean"));
        assertClose(s.std(), f.expected(base + "std"));
        assertClose(s.min(), f.expected(base + "min"));
        assertClose(s.q1(), f.expected(base + "q1"));
        assertClose(s.median(), f.expected(base + "median"));
        assertClose(s.q3(), f.expected(base + "q3"));
        assertClose(s.max(), f.expected(base + "max"));
      }
    }
    assertThat(total).isEqualTo(f.data.length);
  }

  @Test
  void of_inverseScalingGivesOriginalUnits() {
    Fixture iris = Fixture.load("iris");
    int d = 4;
    double[] mean = new double[d];
    double[] sd = {0.8, 0.4, 1.7, 0.7};
    for (double[] x : iris.data) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[j] / iris.data.length;
      }
    }
    double[][] scaled = new double[iris.data.length][d];
    for (int i = 0; i < scaled.length; i++) {
      for (int j = 0; j < d; j++) {
        scaled[i][j] = (iris.data[i][j] - mean[j]) / sd[j];
      }
    }
    SegmentProfiles original = SegmentProfiles.of(iris.data, iris.truth);
    SegmentProfiles restored = SegmentProfiles.of(scaled, iris.truth, x -> {
      for (int j = 0; j < d; j++) {
        x[j] = x[j] * sd[j] + mean[j];
      }
      return x;
    }, List.of("sepal length", "sepal width", "petal length", "petal width"));
    assertThat(restored.featureNames()).containsExactly("sepal length", "sepal width", "petal length", "petal width");
    for (int c = 0; c < 3; c++) {
      for (int j = 0; j < d; j++) {
        SegmentProfiles.FeatureSummary a = original.profile(c).features().get(j);
        SegmentProfiles.FeatureSummary b = restored.profile(c).features().get(j);
        assertThat(b.mean()).isCloseTo(a.mean(), within(1e-12));
        assertThat(b.std()).isCloseTo(a.std(), within(1e-12));
        assertThat(b.q3()).isCloseTo(a.q3(), within(1e-12));
      }
    }
    // The scaled input was not modified by the inverse.
    assertThat(scaled[0][0]).isEqualTo((iris.data[0][0] - mean[0]) / sd[0]);
  }

  @Test
  void of_noiseIsItsOwnSegment() {
    double[][] x = {{1}, {2}, {3}, {10}, {20}};
    int n = ClusterModel.NOISE;
    SegmentProfiles p = SegmentProfiles.of(x, new int[] {0, 0, 0, n, n});
    assertThat(p.profiles()).extracting(SegmentProfiles.Profile::label).containsExactly(n, 0);
    SegmentProfiles.Profile noise = p.profile(n);
    assertThat(noise.size()).isEqualTo(2);
    assertThat(noise.share()).isEqualTo(0.4);
    assertThat(noise.features().get(0)).isEqualTo(new SegmentProfiles.FeatureSummary(15, 5, 10, 12.5, 15, 17.5, 20));
    assertThat(p.toCsv()).startsWith("segment,size,share,feature,mean,std,min,q1,median,q3,max\nnoise,2,0.4,x0,15.0,5.0,");
    assertThat(p.toString()).contains("segment NOISE: 2 points (40.0%)");
  }

  @Test
  void of_badInput() {
    double[][] x = {{1, 2}, {3, 4}};
    assertThatThrownBy(() -> SegmentProfiles.of(x, new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels has length 1, expected one label per point (2)");
    assertThatThrownBy(() -> SegmentProfiles.of(new double[][] {{1, Double.NaN}}, new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> SegmentProfiles.of(x, new int[] {0, 1}, p -> new double[] {Double.NaN}, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inverse scaling: row 0");
    assertThatThrownBy(() -> SegmentProfiles.of(x, new int[] {0, 1}, null, List.of("a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("featureNames has 1 names, expected 2");
  }

  @Test
  void summarize_selectsTheSameQuartilesAsASort() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(17);
    for (int trial = 0; trial < 400; trial++) {
      int m = 1 + r.nextInt(trial < 200 ? 300 : 20_000);
      double[] v = new double[m];
      int kind = trial % 4;
      for (int i = 0; i < m; i++) {
        // Distinct values, many ties, sorted runs, and zeros of both signs.
        v[i] = kind == 0 ? r.nextGaussian() : kind == 1 ? r.nextInt(5) : kind == 2 ? i % 97 - 0.5 * i
            : (r.nextBoolean() ? -0.0 : 0.0) + (r.nextInt(4) == 0 ? r.nextInt(3) - 1 : 0);
      }
      double[] sorted = v.clone();
      java.util.Arrays.sort(sorted);
      SegmentProfiles.FeatureSummary f = SegmentProfiles.summarize(v.clone(), m);
      String at = "trial " + trial + ", m = " + m;
      assertThat(f.min()).as(at).isEqualTo(sorted[0]);
      assertThat(f.max()).as(at).isEqualTo(sorted[m - 1]);
      assertThat(f.q1()).as(at).isEqualTo(SegmentProfiles.quantile(sorted, m, 0.25));
      assertThat(f.median()).as(at).isEqualTo(SegmentProfiles.quantile(sorted, m, 0.5));
      assertThat(f.q3()).as(at).isEqualTo(SegmentProfiles.quantile(sorted, m, 0.75));
    }
  }

  @Test
  void select_putsTheOrderStatisticInPlaceAndPartitionsAroundIt() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int trial = 0; trial < 200; trial++) {
      int m = 2 + r.nextInt(5000);
      double[] v = new double[m];
      for (int i = 0; i < m; i++) {
        v[i] = trial % 2 == 0 ? r.nextDouble() : r.nextInt(10);
      }
      double[] sorted = v.clone();
      java.util.Arrays.sort(sorted);
      int k = r.nextInt(m);
      SegmentProfiles.select(v, 0, m - 1, k);
      assertThat(v[k]).isEqualTo(sorted[k]);
      for (int i = 0; i < m; i++) {
        assertThat(i < k ? v[i] <= v[k] : v[i] >= v[k]).as("index " + i).isTrue();
      }
    }
  }

  @Test
  void of_gathersLargeTablesInFeatureBlocksWithTheSameSummaries() {
    // 120,000 x 20 is more than one block of 2^21 values: features are gathered in blocks.
    int n = 120_000;
    int d = 20;
    java.util.SplittableRandom r = new java.util.SplittableRandom(8);
    double[][] x = new double[n][d];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(3) * 7;
      for (int j = 0; j < d; j++) {
        x[i][j] = j * labels[i] + r.nextGaussian();
      }
    }
    SegmentProfiles p = SegmentProfiles.of(x, labels);
    assertThat(p.profiles()).hasSize(3);
    for (SegmentProfiles.Profile seg : p.profiles()) {
      for (int j : new int[] {0, 9, 10, 19}) {
        double[] col = java.util.stream.IntStream.range(0, n).filter(i -> labels[i] == seg.label())
            .mapToDouble(i -> x[i][j]).toArray();
        double[] sorted = col.clone();
        java.util.Arrays.sort(sorted);
        SegmentProfiles.FeatureSummary f = seg.features().get(j);
        assertThat(f.mean()).isEqualTo(SegmentProfiles.mean(col, col.length));
        assertThat(f.min()).isEqualTo(sorted[0]);
        assertThat(f.median()).isEqualTo(SegmentProfiles.quantile(sorted, sorted.length, 0.5));
        assertThat(f.q3()).isEqualTo(SegmentProfiles.quantile(sorted, sorted.length, 0.75));
        assertThat(f.max()).isEqualTo(sorted[sorted.length - 1]);
      }
    }
  }
}
