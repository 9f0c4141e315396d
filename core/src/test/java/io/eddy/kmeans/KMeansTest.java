package io.eddy.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.Clusterer;
import io.eddy.Clusterers;
import io.eddy.io.ModelIO;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KMeansTest {

  private static KMeans kmeans(int k, KMeans.Algorithm algorithm, int maxIter, double tol) {
    return new KMeans(KMeans.Params.DEFAULTS.withK(k).withAlgorithm(algorithm)
        .withMaxIter(maxIter).withTol(tol).withThreads(1));
  }

  @ParameterizedTest
  @CsvSource({
      "overlap, LLOYD", "overlap, HAMERLY", "overlap, ELKAN",
      "weighted, LLOYD", "weighted, HAMERLY", "weighted, ELKAN",
      "empty, LLOYD", "empty, HAMERLY", "empty, ELKAN",
      "capped, LLOYD", "capped, HAMERLY", "capped, ELKAN"})
  void fit_sameInitialCenters_matchesScikitLearn(String name, KMeans.Algorithm algorithm) {
    double[][] data = KMeansFixtures.matrix(name + "_data.csv");
    double[][] init = KMeansFixtures.matrix(name + "_init.csv");
    double[] weights = KMeansFixtures.exists(name + "_weights.csv")
        ? KMeansFixtures.column(name + "_weights.csv") : null;
    Properties p = KMeansFixtures.properties(name + ".properties");
    String ref = algorithm == KMeans.Algorithm.ELKAN ? "elkan" : "lloyd";

    KMeansModel m = kmeans(init.length, algorithm, Integer.parseInt(p.getProperty("max_iter")),
        Double.parseDouble(p.getProperty("tol"))).fit(data, weights, init);

    assertThat(m.trainingLabels()).containsExactly(KMeansFixtures.ints(name + "_" + ref + "_labels.csv"));
    double[][] expected = KMeansFixtures.matrix(name + "_" + ref + "_centers.csv");
    double scale = 0;
    for (double[] row : expected) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    for (int j = 0; j < expected.length; j++) {
      double[] c = m.center(j);
      for (int t = 0; t < c.length; t++) {
        assertThat(c[t]).as("center %d[%d]", j, t).isCloseTo(expected[j][t], within(1e-9 * scale));
      }
    }
    double inertia = Double.parseDouble(p.getProperty(ref + ".inertia"));
    assertThat(m.inertia()).isCloseTo(inertia, within(1e-9 * inertia));
    assertThat(m.iterations()).isEqualTo(Integer.parseInt(p.getProperty(ref + ".n_iter")));
  }

  @Test
  void fit_kmeansPlusPlusOnPlantedBlobs_recoversTruthAndBeatsScikitLearnMedian() {
    double[][] data = KMeansFixtures.matrix("planted_data.csv");
    int[] truth = KMeansFixtures.ints("planted_truth.csv");
    Properties q = KMeansFixtures.properties("quality.properties");
    double sklearnMedian = Double.parseDouble(q.getProperty("planted.sklearn_median_inertia"));
    double[] inertias = new double[10];
    for (int seed = 0; seed < 10; seed++) {
      KMeansModel m = new KMeans(KMeans.Params.DEFAULTS.withK(7).withSeed(seed)).fit(data);
      assertThat(KMeansFixtures.adjustedRand(truth, m.trainingLabels())).as("seed %d", seed)
          .isGreaterThanOrEqualTo(0.99);
      inertias[seed] = m.inertia();
    }
    assertThat(median(inertias)).isLessThanOrEqualTo(sklearnMedian * (1 + 1e-9));
  }

  @Test
  void fit_kmeansPlusPlusOnHardBlobs_medianInertiaNoWorseThanScikitLearn() {
    double[][] data = KMeansFixtures.matrix("hard_data.csv");
    Properties q = KMeansFixtures.properties("quality.properties");
    double sklearnMedian = Double.parseDouble(q.getProperty("hard.sklearn_median_inertia"));
    double[] inertias = new double[10];
    for (int seed = 0; seed < 10; seed++) {
      inertias[seed] = new KMeans(KMeans.Params.DEFAULTS.withK(15).withSeed(seed)).fit(data).inertia();
    }
    assertThat(median(inertias)).isLessThanOrEqualTo(sklearnMedian * (1 + 1e-9));
  }

  @Test
  void fit_moreRunsNeverWorse() {
    double[][] data = KMeansFixtures.matrix("hard_data.csv");
    KMeans.Params p = KMeans.Params.DEFAULTS.withK(15).withSeed(3);
    double one = new KMeans(p).fit(data).inertia();
    double ten = new KMeans(p.withNInit(10)).fit(data).inertia();
    assertThat(ten).isLessThanOrEqualTo(one);
  }

  @ParameterizedTest
  @CsvSource({"LLOYD", "HAMERLY", "ELKAN"})
  void fit_multiThreaded_identicalToSingleThreaded(KMeans.Algorithm algorithm) {
    double[][] data = blobs(20_000, 5, 6, 2.0, 99);
    KMeans.Params p = KMeans.Params.DEFAULTS.withK(6).withAlgorithm(algorithm).withSeed(5).withNInit(2);
    KMeansModel one = new KMeans(p.withThreads(1)).fit(data);
    KMeansModel four = new KMeans(p.withThreads(4)).fit(data);
    assertThat(ModelIO.toBytes(four)).isEqualTo(ModelIO.toBytes(one));
  }

  @Test
  void fit_allAlgorithms_sameResultFromKMeansPlusPlus() {
    double[][] data = blobs(5_000, 8, 10, 3.0, 4);
    KMeansModel lloyd = new KMeans(KMeans.Params.DEFAULTS.withK(10).withAlgorithm(KMeans.Algorithm.LLOYD)).fit(data);
    for (KMeans.Algorithm a : new KMeans.Algorithm[] {KMeans.Algorithm.HAMERLY, KMeans.Algorithm.ELKAN}) {
      KMeansModel m = new KMeans(KMeans.Params.DEFAULTS.withK(10).withAlgorithm(a)).fit(data);
      assertThat(m.trainingLabels()).as("%s", a).containsExactly(lloyd.trainingLabels());
      assertThat(m.iterations()).as("%s", a).isEqualTo(lloyd.iterations());
      assertThat(m.inertia()).as("%s", a).isCloseTo(lloyd.inertia(), within(1e-9 * lloyd.inertia()));
    }
  }

  /**
   * Overlapping blobs in d = 16 (the shape of the speed comparison, smaller): from k-means++ the
   * centers first move far, so Hamerly alternates between exhaustive chunk passes and
   * one-by-one searches, and some runs fall back to exhaustive passes in mid-run when clusters
   * swap points; every label and the iteration count must still be Lloyd's.
   */
  @ParameterizedTest
  @CsvSource({"0", "1", "2", "3"})
  void fit_hamerlyOnOverlappingBlobs_followsLloydThroughEveryPass(long seed) {
    double[][] data = blobs(12_000, 16, 16, 6.0, 40 + seed);
    KMeans.Params p = KMeans.Params.DEFAULTS.withK(16).withSeed(seed).withThreads(2);
    KMeansModel lloyd = new KMeans(p.withAlgorithm(KMeans.Algorithm.LLOYD)).fit(data);
    KMeansModel hamerly = new KMeans(p.withAlgorithm(KMeans.Algorithm.HAMERLY)).fit(data);
    assertThat(lloyd.iterations()).isGreaterThan(10);
    assertThat(hamerly.trainingLabels()).containsExactly(lloyd.trainingLabels());
    assertThat(hamerly.iterations()).isEqualTo(lloyd.iterations());
    assertThat(hamerly.inertia()).isCloseTo(lloyd.inertia(), within(1e-9 * lloyd.inertia()));
    KMeansModel oneThread = new KMeans(p.withAlgorithm(KMeans.Algorithm.HAMERLY).withThreads(1)).fit(data);
    assertThat(ModelIO.toBytes(oneThread)).isEqualTo(ModelIO.toBytes(hamerly));
  }

  @Test
  void fit_sameSeedTwice_identicalModels() {
    double[][] data = blobs(2_000, 3, 4, 1.0, 8);
    KMeans km = new KMeans(KMeans.Params.DEFAULTS.withK(4).withSeed(77).withInit(KMeans.Init.RANDOM).withNInit(3));
    assertThat(km.fit(data)).isEqualTo(km.fit(data));
  }

  @Test
  void fit_integerWeights_equalRepeatedPoints() {
    double[][] data = blobs(300, 2, 3, 1.5, 12);
    SplittableRandom rng = new SplittableRandom(1);
    double[] weights = new double[data.length];
    int total = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = rng.nextInt(4);
      total += (int) weights[i];
    }
    double[][] repeated = new double[total][];
    for (int i = 0, r = 0; i < data.length; i++) {
      for (int c = 0; c < weights[i]; c++) {
        repeated[r++] = data[i];
      }
    }
    double[][] init = {data[0], data[100], data[200]};
    KMeansModel weighted = kmeans(3, KMeans.Algorithm.LLOYD, 300, 0).fit(data, weights, init);
    KMeansModel plain = kmeans(3, KMeans.Algorithm.LLOYD, 300, 0).fit(repeated, null, init);
    for (int j = 0; j < 3; j++) {
      assertThat(weighted.center(j)).containsExactly(plain.center(j), within(1e-9));
      assertThat(weighted.weight(j)).isEqualTo(plain.weight(j));
    }
    assertThat(weighted.inertia()).isCloseTo(plain.inertia(), within(1e-9 * plain.inertia()));
  }

  @Test
  void fit_modelPredictsItsTrainingLabelsAndTransformsToDistances() {
    double[][] data = blobs(1_000, 4, 5, 2.0, 3);
    KMeansModel m = new KMeans(KMeans.Params.DEFAULTS.withK(5)).fit(data);
    assertThat(m.predict(data)).containsExactly(m.trainingLabels());
    double[] dist = m.transform(data[7]);
    for (int j = 0; j < 5; j++) {
      double[] c = m.center(j);
      double s = 0;
      for (int t = 0; t < 4; t++) {
        s += (data[7][t] - c[t]) * (data[7][t] - c[t]);
      }
      assertThat(dist[j]).isCloseTo(Math.sqrt(s), within(1e-12));
    }
    double total = 0;
    for (int j = 0; j < 5; j++) {
      total += m.weight(j);
    }
    assertThat(total).isEqualTo(1_000.0);
    assertThat(m.converged()).isTrue();
  }

  @Test
  void fit_inputNotModified() {
    double[][] data = blobs(500, 3, 3, 1.0, 2);
    double[][] copy = deepCopy(data);
    double[] weights = new double[data.length];
    Arrays.fill(weights, 2.0);
    new KMeans(KMeans.Params.DEFAULTS.withK(3)).fit(data, weights);
    assertThat(data).isDeepEqualTo(copy);
    assertThat(weights).containsOnly(2.0);
  }

  @Test
  void fit_badInput_clearErrors() {
    KMeans km = new KMeans(KMeans.Params.DEFAULTS.withK(2));
    assertThatThrownBy(() -> km.fit(new double[0][])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 points");
    assertThatThrownBy(() -> km.fit(new double[][] {{1, 2}})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least k = 2");
    assertThatThrownBy(() -> km.fit(new double[][] {{1, 2}, {1, Double.NaN}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    double[][] same = {{1, 2}, {1, 2}, {1, 2}};
    assertThatThrownBy(() -> km.fit(same)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 distinct points");
    double[][] two = {{0, 0}, {1, 1}, {1, 1}};
    assertThatThrownBy(() -> km.fit(two, new double[] {1, -1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight 1");
    assertThatThrownBy(() -> km.fit(two, new double[] {1, Double.NaN, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight 1");
    assertThatThrownBy(() -> km.fit(two, new double[] {0, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
    assertThatThrownBy(() -> km.fit(two, null, new double[][] {{0, 0}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialCenters");
    assertThatThrownBy(() -> KMeans.Params.DEFAULTS.withTol(-1)).hasMessageContaining("tol");
    assertThatThrownBy(() -> KMeans.Params.DEFAULTS.withK(0)).hasMessageContaining("k must be");
  }

  @Test
  void fit_zeroVarianceDataWithOneCluster_centerIsThePoint() {
    double[][] same = {{1, 2}, {1, 2}, {1, 2}};
    KMeansModel m = new KMeans(KMeans.Params.DEFAULTS.withK(1)).fit(same);
    assertThat(m.center(0)).containsExactly(1, 2);
    assertThat(m.inertia()).isZero();
  }

  @Test
  void fit_duplicatePointsButEnoughDistinct_fitsAndUsesEveryCluster() {
    double[][] data = {{0, 0}, {0, 0}, {0, 0}, {5, 5}, {5, 5}, {9, 0}};
    for (KMeans.Algorithm a : KMeans.Algorithm.values()) {
      KMeansModel m = new KMeans(KMeans.Params.DEFAULTS.withK(3).withAlgorithm(a)).fit(data);
      assertThat(m.inertia()).as("%s", a).isZero();
      int[] l = m.trainingLabels();
      assertThat(Arrays.stream(l).distinct().count()).as("%s", a).isEqualTo(3);
      assertThat(l[1]).isEqualTo(l[0]);
      assertThat(l[2]).isEqualTo(l[0]);
      assertThat(l[4]).isEqualTo(l[3]);
    }
  }

  @Test
  void registry_buildsConfiguredKMeansAndCodecRoundTrips() throws Exception {
    Clusterer<?> c = Clusterers.batch("kmeans", Map.of("k", 3, "algorithm", "elkan", "seed", 4L));
    assertThat(c).isInstanceOf(KMeans.class);
    assertThat(((KMeans) c).params()).isEqualTo(KMeans.Params.DEFAULTS.withK(3)
        .withAlgorithm(KMeans.Algorithm.ELKAN).withSeed(4));
    KMeansModel m = (KMeansModel) c.fit(blobs(300, 2, 3, 1.0, 1));
    KMeansModel back = ModelIO.fromBytes(ModelIO.toBytes(m), KMeansModel.class);
    assertThat(back).isEqualTo(m);
    assertThat(back.trainingLabels()).containsExactly(m.trainingLabels());
  }

  @Test
  void kmeansPlusPlus_publicHelper_choosesDataPointsSpreadOut() {
    double[][] data = {{0, 0}, {0, 0.1}, {10, 10}, {10, 10.1}, {-10, 10}, {-10, 10.1}};
    double[] c = KMeansPlusPlus.centers(data, null, 3, new SplittableRandom(0));
    assertThat(c).hasSize(6);
    boolean[] region = new boolean[3];
    for (int j = 0; j < 3; j++) {
      region[c[2 * j] < -5 ? 0 : c[2 * j] > 5 ? 2 : 1] = true;
    }
    assertThat(region).containsOnly(true);
    double[] w = {1, 1, 0, 0, 1, 1};
    double[] cw = KMeansPlusPlus.centers(data, w, 2, new SplittableRandom(1));
    for (int j = 0; j < 2; j++) {
      assertThat(cw[2 * j]).isNotEqualTo(10.0);
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /** n points around k random centers in [-10, 10]^d with Gaussian noise of the given spread. */
  static double[][] blobs(int n, int d, int k, double spread, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] centers = new double[k][d];
    for (double[] c : centers) {
      for (int t = 0; t < d; t++) {
        c[t] = rng.nextDouble(-10, 10);
      }
    }
    java.util.Random g = new java.util.Random(seed);
    double[][] data = new double[n][d];
    for (int i = 0; i < n; i++) {
      double[] c = centers[i % k];
      for (int t = 0; t < d; t++) {
        data[i][t] = c[t] + spread * g.nextGaussian();
      }
    }
    return data;
  }
}
