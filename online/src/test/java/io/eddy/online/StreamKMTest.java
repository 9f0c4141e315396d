package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import io.eddy.kmeans.Centroids;
import io.eddy.kmeans.KMeans;
import io.eddy.math.Euclid;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StreamKMTest {

  /**
   * The stream of benchmarks/compare/canon/streamkm/MoaStreamKMFixture.java: 20,000 points in
   * 4-D from five Gaussian blobs (sd 0.5) whose centres drift by up to 2 per coordinate.
   */
  static double[][] driftingBlobs() {
    int n = 20_000;
    int d = 4;
    SplittableRandom rng = new SplittableRandom(2012);
    double[][] centres = new double[5][d];
    double[][] drift = new double[5][d];
    for (int c = 0; c < 5; c++) {
      for (int j = 0; j < d; j++) {
        centres[c][j] = rng.nextDouble(0, 20);
        drift[c][j] = rng.nextDouble(-2, 2);
      }
    }
    double[][] xs = new double[n][d];
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(5);
      for (int j = 0; j < d; j++) {
        xs[i][j] = centres[c][j] + drift[c][j] * i / n + 0.5 * rng.nextGaussian();
      }
    }
    return xs;
  }

  /** The k-means cost of the data under the model's centres. */
  static double cost(Centroids m, double[][] xs) {
    double[] c = m.flatCenters();
    double[] dist = new double[1];
    double s = 0;
    for (double[] x : xs) {
      Euclid.nearest(x, c, m.clusterCount(), dist);
      s += dist[0];
    }
    return s;
  }

  private static Centroids batch(double[][] xs, double[] w, int k) {
    return new KMeans(KMeans.Params.DEFAULTS.withK(k).withNInit(5).withThreads(1).withSeed(42))
        .fit(xs, w == null ? ones(xs.length) : w).centroids();
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1);
    return w;
  }

  @Test
  public void moaFixture_coresetOfTheSameQualityAsMoas() throws IOException {
    double[][] xs = driftingBlobs();
    double[][] moaPoints;
    double[] moaWeights;
    try (InputStream in = getClass().getResourceAsStream("/streamkm/moa_streamkm_coreset.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      int n = Integer.parseInt(r.readLine().split(",")[1]);
      moaPoints = new double[n][];
      moaWeights = new double[n];
      for (int i = 0; i < n; i++) {
        double[] row = Arrays.stream(r.readLine().split(",")).mapToDouble(Double::parseDouble).toArray();
        moaWeights[i] = row[0];
        moaPoints[i] = Arrays.copyOfRange(row, 1, row.length);
      }
    }
    assertThat(Arrays.stream(moaWeights).sum()).as("MOA's coreset weighs the stream").isEqualTo(xs.length);
    StreamKM s = new StreamKM(StreamKM.Params.DEFAULTS.withK(5).withCoresetSize(200));
    for (double[] x : xs) {
      s.learn(x);
    }
    assertThat(s.totalWeight()).isEqualTo(xs.length);
    double eddy = cost(s.snapshot(), xs);
    double moa = cost(batch(moaPoints, moaWeights, 5), xs);
    double best = cost(batch(xs, null, 5), xs);
    // Both coresets lead to within 5% of k-means on the whole stream, and within 5% of each other.
    assertThat(eddy / best).as("Eddy / batch").isLessThan(1.05);
    assertThat(moa / best).as("MOA / batch").isLessThan(1.05);
    assertThat(eddy / moa).isBetween(0.95, 1.05);
  }

  @Test
  public void reduce_fewerDistinctPointsThanM_coresetIsExactlyThePointsWithTheirCounts() {
    double[][] places = {{0, 0}, {5, 1}, {-3, 7}, {2, 2}, {9, -4}};
    StreamKM s = new StreamKM(StreamKM.Params.DEFAULTS.withK(3).withCoresetSize(10).withMaxLevels(3));
    SplittableRandom rng = new SplittableRandom(4);
    double[] counts = new double[places.length];
    for (int i = 0; i < 5_000; i++) {
      int p = rng.nextInt(places.length);
      double w = 1 + rng.nextInt(3);
      counts[p] += w;
      s.learn(places[p], w);
    }
    double[][] pts = s.coresetPoints();
    double[] ws = s.coresetWeights();
    double[] found = new double[places.length];
    for (int i = 0; i < pts.length; i++) {
      int p = -1;
      for (int j = 0; j < places.length; j++) {
        if (Arrays.equals(pts[i], places[j])) {
          p = j;
        }
      }
      assertThat(p).as("coreset point " + Arrays.toString(pts[i]) + " is one of the places").isNotNegative();
      found[p] += ws[i];
    }
    assertThat(found).isEqualTo(counts);
  }

  @Test
  public void weights_conservedThroughCarriesAndOverflow_andQueriesChangeNothing() throws ModelFormatException {
    StreamKM s = new StreamKM(StreamKM.Params.DEFAULTS.withK(4).withCoresetSize(20).withMaxLevels(3));
    SplittableRandom rng = new SplittableRandom(5);
    double total = 0;
    // 10,030 points: 501 carries leave bucket 1 full and 10 points in bucket 0; the last
    // bucket has absorbed every carry past it since the fourth.
    for (int i = 0; i < 10_030; i++) {
      double w = rng.nextDouble(0.1, 3);
      total += w;
      s.learn(new double[] {rng.nextGaussian(), rng.nextGaussian() + (i % 4) * 5}, w);
    }
    assertThat(s.totalWeight()).isCloseTo(total, within(1e-9 * total));
    assertThat(s.coresetSize()).isLessThanOrEqualTo(3 * 20);
    assertThat(s.levelsInUse()).isEqualTo(3);
    byte[] before = ModelIO.toBytes(s);
    Centroids first = s.snapshot();
    s.snapshot();
    assertThat(ModelIO.toBytes(s)).as("a query leaves the summary as it was").isEqualTo(before);
    assertThat(ModelIO.fromBytes(before, StreamKM.class).snapshot()).isEqualTo(first);
  }

  @Test
  public void evolvingStream_costNearBatchKMeansOnTheWholeHistory() {
    // The planted drifting stream of the density tests, without noise: k-means on the whole
    // history, which is what StreamKM++ summarises; m = 500, 60,000 points, 7 buckets in use.
    double[][] xs = new EvolvingStream(2026, 60_000, 2, 0.25, 0).points;
    StreamKM s = new StreamKM(StreamKM.Params.DEFAULTS.withK(5).withCoresetSize(500));
    for (double[] x : xs) {
      s.learn(x);
    }
    double ratio = cost(s.snapshot(), xs) / cost(batch(xs, null, 5), xs);
    assertThat(ratio).isLessThan(1.05);
  }

  @Test
  public void merge_weightsAddAndQualityMatchesOneStream() throws ModelFormatException {
    double[][] xs = driftingBlobs();
    StreamKM.Params p = StreamKM.Params.DEFAULTS.withK(5).withCoresetSize(200).withMaxLevels(5);
    StreamKM a = new StreamKM(p);
    StreamKM b = new StreamKM(p);
    for (int i = 0; i < xs.length; i++) {
      (i % 3 == 0 ? a : b).learn(xs[i]);
    }
    StreamKM ab = ModelIO.fromBytes(ModelIO.toBytes(a), StreamKM.class);
    ab.merge(b);
    StreamKM ba = ModelIO.fromBytes(ModelIO.toBytes(b), StreamKM.class);
    ba.merge(a);
    double best = cost(batch(xs, null, 5), xs);
    for (StreamKM m : new StreamKM[] {ab, ba}) {
      assertThat(m.seen()).isEqualTo(xs.length);
      assertThat(m.totalWeight()).isEqualTo(xs.length);
      assertThat(m.coresetSize()).isLessThanOrEqualTo(5 * 200);
      assertThat(cost(m.snapshot(), xs) / best).isLessThan(1.05);
    }
    byte[] before = ModelIO.toBytes(ab);
    assertThatThrownBy(() -> ab.merge(new StreamKM(p.withK(3)))).isInstanceOf(IllegalArgumentException.class);
    StreamKM other = new StreamKM(p);
    other.learn(new double[] {1, 2});
    assertThatThrownBy(() -> ab.merge(other)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ab.merge(ab)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ModelIO.toBytes(ab)).isEqualTo(before);
  }

  @Test
  public void snapshot_beforeKDistinctPoints_illegalState() {
    StreamKM s = new StreamKM(StreamKM.Params.DEFAULTS.withK(2).withCoresetSize(10));
    assertThatThrownBy(s::snapshot).isInstanceOf(IllegalStateException.class);
    s.learn(new double[] {1});
    s.learn(new double[] {1});
    assertThatThrownBy(s::snapshot).isInstanceOf(IllegalStateException.class).hasMessageContaining("distinct");
    s.learn(new double[] {2});
    assertThat(s.snapshot().clusterCount()).isEqualTo(2);
  }

  @Test
  public void params_invalid_rejectedNamingTheField() {
    assertThatThrownBy(() -> StreamKM.Params.DEFAULTS.withK(0)).hasMessageContaining("k");
    assertThatThrownBy(() -> StreamKM.Params.DEFAULTS.withCoresetSize(4)).hasMessageContaining("coresetSize");
    assertThatThrownBy(() -> StreamKM.Params.DEFAULTS.withMaxLevels(1)).hasMessageContaining("maxLevels");
    assertThatThrownBy(() -> StreamKM.Params.DEFAULTS.withNInit(0)).hasMessageContaining("nInit");
  }

  @Test
  public void learn_steadyState_allocatesNothing() {
    // m = 100 and 8 buckets: all are in use after 12,800 points; the measured 20,000 learns
    // follow 200,000 and include 200 carries, most of which reach the last bucket.
    StreamKM s = new StreamKM(StreamKM.Params.DEFAULTS.withK(20).withCoresetSize(100).withMaxLevels(8));
    long allocated = Allocation.steadyStateLearn(s, 3, 7);
    assertThat(allocated).as("bytes allocated by 20,000 steady-state learns").isLessThan(1024);
  }
}
