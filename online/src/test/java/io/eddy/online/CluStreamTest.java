package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import io.eddy.kmeans.Centroids;
import io.eddy.testkit.Ari;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CluStreamTest {

  /** Row layout of a micro-cluster: n, CF1t, CF2t, CF1x (d), CF2x (d). */
  private static double n(double[] f, int w, int j) {
    return f[j * w];
  }

  private static CluStream.Params oneD(int q) {
    return CluStream.Params.DEFAULTS.withK(2).withMaxMicroClusters(q);
  }

  @Test
  public void inverseNormal_knownQuantiles() {
    assertThat(CluStream.inverseNormal(0.5)).isCloseTo(0, within(1e-12));
    assertThat(CluStream.inverseNormal(0.975)).isCloseTo(1.959963984540054, within(1e-8));
    assertThat(CluStream.inverseNormal(0.8413447460685429)).isCloseTo(1.0, within(1e-8));
    assertThat(CluStream.inverseNormal(0.001)).isCloseTo(-3.090232306167813, within(1e-8));
    assertThat(CluStream.inverseNormal(1 - 1e-10)).isCloseTo(6.361340902404056, within(1e-7));
  }

  @Test
  public void learn_handBuiltStream_absorbsWithinBoundaryElseMergesClosestPair() {
    CluStream c = new CluStream(oneD(3).withRelevanceThreshold(1000));
    for (double x : new double[] {0, 10, 20}) {
      c.learn(new double[] {x});
    }
    // A singleton's boundary is the distance to the nearest other micro-cluster (10).
    c.learn(new double[] {0.5});
    double[] f = c.microClusterFeatures();
    assertThat(n(f, 5, 0)).isEqualTo(2);
    // {0, 0.5}: centre 0.25, RMS deviation 0.25, boundary 2 * 0.25 = 0.5; 1.2 is 0.95 away.
    c.learn(new double[] {1.2});
    f = c.microClusterFeatures();
    assertThat(c.microClusterCount()).isEqualTo(3);
    // No micro-cluster is older than now - 1000, so the closest two (0.25 and 10) merge into
    // slot 0 and the new point takes slot 1.
    assertThat(n(f, 5, 0)).isEqualTo(3);
    assertThat(f[3]).isCloseTo(10.5, within(1e-12));
    assertThat(n(f, 5, 1)).isEqualTo(1);
    assertThat(f[5 + 3]).isEqualTo(1.2);
    assertThat(n(f, 5, 2)).isEqualTo(1);
    // Within the boundary of {0, 0.5}: 0.6 is 0.35 from its centre.
    CluStream d = new CluStream(oneD(3));
    for (double x : new double[] {0, 10, 20, 0.5, 0.6}) {
      d.learn(new double[] {x});
    }
    assertThat(n(d.microClusterFeatures(), 5, 0)).isEqualTo(3);
  }

  @Test
  public void learn_noRoom_deletesTheLeastRelevantNotTheFirstStale() {
    // δ = 1: at time 5 every micro-cluster is stale (stamps 2.5, 2, 3 < 4); the least relevant
    // (the point learned at time 2, in slot 1) goes, not the first stale one in slot 0.
    CluStream c = new CluStream(oneD(3).withRelevanceThreshold(1));
    for (double x : new double[] {0, 10, 20, 0.5, 1.2}) {
      c.learn(new double[] {x});
    }
    double[] f = c.microClusterFeatures();
    assertThat(c.relevanceStamp(0)).isEqualTo(2.5);
    assertThat(n(f, 5, 0)).isEqualTo(2);
    assertThat(f[5 + 3]).isEqualTo(1.2);
    assertThat(f[10 + 3]).isEqualTo(20);
  }

  @Test
  public void relevanceStamp_estimatesTheMeanTimeOfTheLastMPoints() {
    int m = 100;
    CluStream c = new CluStream(oneD(2).withBoundaryFactor(1e6).withRelevanceCount(m));
    c.learn(new double[] {0});
    c.learn(new double[] {100});
    double sum = 1;
    double sumSq = 1;
    int n = 1;
    for (int t = 3; t <= 1002; t++) {
      c.learn(new double[] {(t & 1) == 0 ? 0.1 : -0.1});
      sum += t;
      sumSq += (double) t * t;
      n++;
    }
    double mu = sum / n;
    double sigma = Math.sqrt(sumSq / n - mu * mu);
    double expected = mu + sigma * CluStream.inverseNormal(1 - m / (2.0 * n));
    assertThat(c.relevanceStamp(0)).isCloseTo(expected, within(1e-6));
    // The last 100 points arrived at 903..1002, mean 952.5; the normal estimate of uniform
    // times is within 30 of it, and far later than the mean time (MOA's quantile gives ~27).
    assertThat(c.relevanceStamp(0)).isCloseTo(952.5, within(30.0)).isGreaterThan(mu + sigma);
  }

  @Test
  public void moaFixture_oneDimension_sameMicroClustersSlotForSlot() throws IOException {
    double[] xs;
    double[][] kernels;
    try (InputStream in = getClass().getResourceAsStream("/clustream/moa_clustream_1d.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      xs = new double[Integer.parseInt(r.readLine().split(",")[1])];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = Double.parseDouble(r.readLine());
      }
      kernels = new double[Integer.parseInt(r.readLine().split(",")[1])][];
      for (int j = 0; j < kernels.length; j++) {
        String[] p = r.readLine().split(",");
        kernels[j] = new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2])};
      }
    }
    CluStream c = new CluStream(CluStream.Params.DEFAULTS.withK(4).withMaxMicroClusters(20)
        .withBoundaryFactor(1.8).withRelevanceThreshold(Long.MAX_VALUE / 4));
    for (double x : xs) {
      c.learn(new double[] {x});
    }
    double[] f = c.microClusterFeatures();
    assertThat(c.microClusterCount()).isEqualTo(kernels.length);
    for (int j = 0; j < kernels.length; j++) {
      assertThat(f[j * 5]).as("n of slot " + j).isEqualTo(kernels[j][0]);
      assertThat(f[j * 5 + 3]).as("CF1x of slot " + j).isCloseTo(kernels[j][1], within(1e-9 * Math.abs(kernels[j][1]) + 1e-12));
      assertThat(f[j * 5 + 4]).as("CF2x of slot " + j).isCloseTo(kernels[j][2], within(1e-9 * kernels[j][2]));
    }
  }

  @Test
  public void frame_boundedAndHorizonWithinThePapersFactor() {
    // α = 2, l = 2: 5 snapshots per order, age within (1 + 1/2)·h; 8 orders reach ~2^9 ticks.
    CluStream c = new CluStream(oneD(10).withSnapshotInterval(1).withAlpha(2).withL(2).withSnapshotOrders(8));
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 20_000; i++) {
      c.learn(new double[] {rng.nextGaussian()});
      if (i % 997 == 0 || i == 19_999) {
        assertThat(c.snapshotCount()).isLessThanOrEqualTo(8 * 5);
        long now = i + 1;
        for (long h = 1; h <= Math.min(now - 1, 500); h++) {
          long covered = c.coveredHorizon(h);
          assertThat(covered).as("h = " + h + " at " + now).isGreaterThanOrEqualTo(h);
          assertThat((double) covered).as("h = " + h + " at " + now).isLessThanOrEqualTo(1.5 * h);
        }
        assertThat(c.coveredHorizon(now)).isEqualTo(now);
      }
    }
    assertThat(c.snapshotCount()).isEqualTo(40);
    assertThatThrownBy(() -> c.coveredHorizon(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void horizon_featuresAreExactlyThoseOfTheWindowsPoints() {
    // No deletion (δ huge), so every point stays in some micro-cluster; q = 15 forces many
    // merges and the interval 7 many snapshots and prunings of the id lists.
    CluStream.Params p = CluStream.Params.DEFAULTS.withK(3).withMaxMicroClusters(15)
        .withRelevanceThreshold(Long.MAX_VALUE / 4).withSnapshotInterval(7).withL(2).withSnapshotOrders(5);
    CluStream c = new CluStream(p);
    int n = 30_000;
    double[][] xs = new EvolvingStream(5, n, 2, 0.3, 0.05).points;
    for (double[] x : xs) {
      c.learn(x);
    }
    int w = 7;
    for (long h : new long[] {1, 50, 333, 1000, 2500, 6000, 29_999, 40_000}) {
      long covered = c.coveredHorizon(h);
      double[] f = c.horizonFeatures(h);
      double[] sums = new double[w];
      for (int j = 0; j < f.length / w; j++) {
        for (int i = 0; i < w; i++) {
          sums[i] += f[j * w + i];
        }
      }
      double[] expected = new double[w];
      for (int t = (int) (n - covered + 1); t <= n; t++) {
        double[] x = xs[t - 1];
        expected[0] += 1;
        expected[1] += t;
        expected[2] += (double) t * t;
        expected[3] += x[0];
        expected[4] += x[1];
        expected[5] += x[0] * x[0];
        expected[6] += x[1] * x[1];
      }
      assertThat(sums[0]).as("n over h = " + h).isEqualTo(expected[0]);
      for (int i = 1; i < w; i++) {
        assertThat(sums[i]).as("feature " + i + " over h = " + h)
            .isCloseTo(expected[i], within(1e-9 * Math.max(1, Math.abs(expected[i])) * Math.sqrt(n)));
      }
    }
    assertThat(c.idTotal()).as("id lists stay bounded by pruning")
        .isLessThanOrEqualTo(4L * 15 + 2L * 15 * c.snapshotCount() + 15);
  }

  @Test
  public void horizon_afterAnAbruptShift_findsTheNewSegmentsWhileTheWholeHistoryBlursThem() {
    double[][] before = {{0, 0}, {8, 0}, {0, 8}};
    double[][] after = {{4, 4}, {12, 8}, {-4, 12}};
    int n = 40_000;
    SplittableRandom rng = new SplittableRandom(9);
    double[][] xs = new double[n][2];
    int[] truth = new int[n];
    for (int i = 0; i < n; i++) {
      int k = rng.nextInt(3);
      double[] c = i < n / 2 ? before[k] : after[k];
      xs[i][0] = c[0] + 0.3 * rng.nextGaussian();
      xs[i][1] = c[1] + 0.3 * rng.nextGaussian();
      truth[i] = k;
    }
    CluStream c = new CluStream(CluStream.Params.DEFAULTS.withK(3).withMaxMicroClusters(50)
        .withRelevanceThreshold(Long.MAX_VALUE / 4));
    for (double[] x : xs) {
      c.learn(x);
    }
    int window = 5_000;
    Centroids recent = c.snapshot(window);
    for (double[] centre : recent.centers()) {
      assertThat(nearestDistance(centre, after)).as("horizon centre near a current segment").isLessThan(0.2);
    }
    int[] labels = new int[window];
    int[] expected = new int[window];
    for (int i = 0; i < window; i++) {
      labels[i] = recent.predict(xs[n - window + i]);
      expected[i] = truth[n - window + i];
    }
    assertThat(Ari.of(expected, labels)).isGreaterThan(0.99);
    double worst = 0;
    for (double[] centre : c.snapshot().centers()) {
      worst = Math.max(worst, nearestDistance(centre, after));
    }
    assertThat(worst).as("the whole history mixes both halves").isGreaterThan(1);
  }

  private static double nearestDistance(double[] x, double[][] centres) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] c : centres) {
      best = Math.min(best, Math.hypot(x[0] - c[0], x[1] - c[1]));
    }
    return best;
  }

  @Test
  public void merge_featuresAddExactlyAndSegmentsMatchOneStream() {
    CluStream.Params p = CluStream.Params.DEFAULTS.withK(4).withMaxMicroClusters(40)
        .withRelevanceThreshold(Long.MAX_VALUE / 4);
    double[][] xs = new EvolvingStream(8, 20_000, 2, 0.25, 0).points;
    // Only the first 20% (four clusters, standing still) so that both halves see one structure.
    CluStream a = new CluStream(p);
    CluStream b = new CluStream(p);
    CluStream all = new CluStream(p);
    for (int i = 0; i < 4_000; i++) {
      (i % 2 == 0 ? a : b).learn(xs[i]);
      all.learn(xs[i]);
    }
    double[] before = totals(a.microClusterFeatures(), b.microClusterFeatures());
    CluStream ab = copy(a);
    ab.merge(b);
    assertThat(ab.microClusterCount()).isLessThanOrEqualTo(40);
    assertThat(ab.seen()).isEqualTo(4_000);
    double[] after = totals(ab.microClusterFeatures());
    for (int i = 0; i < after.length; i++) {
      assertThat(after[i]).isCloseTo(before[i], within(1e-12 * Math.max(1, Math.abs(before[i]))));
    }
    CluStream ba = copy(b);
    ba.merge(a);
    // The k segments: the merged summaries agree with each other and with one stream's
    // within 0.05 (a fifth of a cluster's deviation).
    double[][] one = all.snapshot().centers();
    for (double[] centre : ab.snapshot().centers()) {
      assertThat(nearestDistance(centre, one)).isLessThan(0.05);
    }
    for (double[] centre : ba.snapshot().centers()) {
      assertThat(nearestDistance(centre, ab.snapshot().centers())).isLessThan(0.05);
    }
    assertThatThrownBy(() -> ab.merge(new CluStream(p.withK(3)))).isInstanceOf(IllegalArgumentException.class);
    CluStream other = new CluStream(p);
    other.learn(new double[] {1, 2, 3});
    byte[] state = ModelIO.toBytes(ab);
    assertThatThrownBy(() -> ab.merge(other)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ModelIO.toBytes(ab)).isEqualTo(state);
  }

  private static CluStream copy(CluStream c) {
    try {
      return ModelIO.fromBytes(ModelIO.toBytes(c), CluStream.class);
    } catch (ModelFormatException e) {
      throw new AssertionError(e);
    }
  }

  /** Σ over micro-clusters of every feature (n, CF1t, CF2t, CF1x, CF2x) for d = 2. */
  private static double[] totals(double[]... features) {
    double[] t = new double[7];
    for (double[] f : features) {
      for (int j = 0; j < f.length / 7; j++) {
        for (int i = 0; i < 7; i++) {
          t[i] += f[j * 7 + i];
        }
      }
    }
    return t;
  }

  @Test
  public void snapshot_beforeKDistinctMicroClusters_illegalState() {
    CluStream c = new CluStream(oneD(5).withK(3));
    assertThatThrownBy(c::snapshot).isInstanceOf(IllegalStateException.class);
    c.learn(new double[] {1});
    c.learn(new double[] {1});
    assertThatThrownBy(c::snapshot).isInstanceOf(IllegalStateException.class).hasMessageContaining("distinct");
    c.learn(new double[] {2});
    c.learn(new double[] {3});
    assertThat(c.snapshot().clusterCount()).isEqualTo(3);
  }

  @Test
  public void params_invalid_rejectedNamingTheField() {
    assertThatThrownBy(() -> CluStream.Params.DEFAULTS.withK(0)).hasMessageContaining("k");
    assertThatThrownBy(() -> CluStream.Params.DEFAULTS.withMaxMicroClusters(3))
        .hasMessageContaining("maxMicroClusters");
    assertThatThrownBy(() -> CluStream.Params.DEFAULTS.withBoundaryFactor(0)).hasMessageContaining("boundaryFactor");
    assertThatThrownBy(() -> CluStream.Params.DEFAULTS.withAlpha(2).withL(11)).hasMessageContaining("l");
    assertThatThrownBy(() -> CluStream.Params.DEFAULTS.withAlpha(4).withL(6)).hasMessageContaining("alpha^l");
    assertThatThrownBy(() -> CluStream.Params.DEFAULTS.withRelevanceThreshold(0))
        .hasMessageContaining("relevanceThreshold");
  }

  @Test
  public void learn_steadyState_allocatesNothing() {
    // Eight orders of 100-point ticks fill by point 12,800; the measured 20,000 learns follow
    // 200,000, so snapshot slots and id lists are all in place.
    CluStream c = new CluStream(CluStream.Params.DEFAULTS.withK(20).withSnapshotOrders(8));
    long allocated = Allocation.steadyStateLearn(c, 3, 7);
    assertThat(allocated).as("bytes allocated by 20,000 steady-state learns").isLessThan(1024);
  }
}
