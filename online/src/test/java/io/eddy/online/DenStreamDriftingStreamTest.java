package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.ClusterModel;
import io.eddy.Clusterers;
import io.eddy.io.ModelIO;
import io.eddy.testkit.Ari;
import io.eddy.testkit.DriftingMixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DenStream on {@link DriftingMixture} (d = 8, twelve moving Gaussian clusters with
 * per-dimension sd 0.015–0.035 that are born and vanish, 5 % uniform noise): window quality for
 * the parameters a user picks from the data's scale, the estimate of epsilon, and the warning
 * for parameters under which no core can form.
 */
class DenStreamDriftingStreamTest {

  private static final int D = 8;
  private static final int WARMUP = 20_000;
  private static final int WINDOW = 5_000;
  private static final int WINDOWS = 8;

  /**
   * Protocol: learn {@value #WARMUP} points; then for each of {@value #WINDOWS} windows of
   * {@value #WINDOW} points (one cluster vanishes and one is born at point 50,000, inside the
   * fifth window), predict every point of the window with the snapshot taken before it, then
   * learn the window. Per window: ARI between truth and prediction over the non-noise points (a
   * predicted NOISE is a label of its own, so in-cluster points called noise cost ARI), and
   * the share of noise points predicted NOISE. Every window must reach ARI 0.95 and noise
   * recall 0.8, with no warning.
   *
   * <p>The grid is the range {@link DenStream} guarantees, crossed with seeds: epsilon
   * {@code auto} or between 0.8 times the widest cluster's root-mean-square radius
   * (sd·sqrt(8) &le; 0.099) and just under half the 0.25 kept between centres, so 0.08–0.12;
   * lambda from 0.001 to 0.01 per point (half-lives of 1,000 to 100 points); mu up to half a
   * cluster's faded weight, {@code 0.95 / 12 · 1/(1 - 2^-lambda)}: 114, 46, 23 and 11.4 for
   * the four lambdas, so mu 50, 20, 10 and 5 at the edge, and the paper's mu = 10 where it
   * fits; beta 0.2 (0.25 with mu = 5, as beta·mu must exceed 1) and 0.5.
   */
  @ParameterizedTest(name = "epsilon {0}, lambda {1}, mu {2}, beta {3}, seed {4}")
  @MethodSource("guaranteedRange")
  void windows_reachAri95AndNoiseRecall80(String epsilon, double lambda, double mu, double beta,
      long seed) {
    DenStream c = (DenStream) Clusterers.online("denstream",
        Map.of("epsilon", epsilon, "lambda", lambda, "mu", mu, "beta", beta));
    DriftingMixture stream = new DriftingMixture(seed);
    double[] x = new double[D];
    for (int i = 0; i < WARMUP; i++) {
      stream.next(x);
      c.learn(x);
    }
    double[][] window = new double[WINDOW][D];
    int[] truth = new int[WINDOW];
    for (int w = 0; w < WINDOWS; w++) {
      for (int i = 0; i < WINDOW; i++) {
        truth[i] = stream.next(window[i]);
      }
      ClusterModel m = c.snapshot();
      int[] predicted = m.predict(window);
      double ari = Ari.of(nonNoise(truth, truth), nonNoise(truth, predicted));
      int noise = 0;
      int caught = 0;
      for (int i = 0; i < WINDOW; i++) {
        if (truth[i] == DriftingMixture.NOISE) {
          noise++;
          caught += predicted[i] == ClusterModel.NOISE ? 1 : 0;
        }
      }
      assertThat(ari).as("ARI of window %d", w).isGreaterThanOrEqualTo(0.95);
      assertThat((double) caught / noise).as("noise recall of window %d", w).isGreaterThanOrEqualTo(0.8);
      assertThat(c.warnings()).as("warnings before window %d", w).isEmpty();
      for (double[] p : window) {
        c.learn(p);
      }
    }
  }

  static Stream<Arguments> guaranteedRange() {
    Object[][] decay = {{0.001, 10.0, 0.2}, {0.001, 50.0, 0.2}, {0.0025, 20.0, 0.2},
        {0.0025, 10.0, 0.5}, {0.005, 10.0, 0.2}, {0.01, 5.0, 0.25}};
    List<Arguments> out = new ArrayList<>();
    for (String epsilon : new String[] {"auto", "0.08", "0.1", "0.12"}) {
      for (Object[] p : decay) {
        for (long seed : new long[] {1, 2024}) {
          out.add(Arguments.of(epsilon, p[0], p[1], p[2], seed));
        }
      }
    }
    // A third seed over the paper's mu at the edges of lambda.
    out.add(Arguments.of("auto", 0.005, 10.0, 0.2, 3L));
    out.add(Arguments.of("0.12", 0.01, 5.0, 0.25, 3L));
    return out.stream();
  }

  /**
   * Outside the range: mu = 10 at lambda = 0.01, where a cluster weighs about 11.4, barely
   * above mu and below 2·mu. Clusters come and go between reclusterings and
   * {@link DenStream#warnings()} reports the lost weight.
   */
  @Test
  void muAboveHalfAClustersWeight_isReportedByWarnings() {
    DenStream c = new DenStream(DenStream.Params.DEFAULTS.withEpsilon(0.1).withLambda(0.01));
    DriftingMixture stream = new DriftingMixture(1);
    double[] x = new double[D];
    boolean reported = false;
    for (int i = 0; i < 40_000; i++) {
      stream.next(x);
      c.learn(x);
      if (i % 1_000 == 999) {
        reported |= c.warnings().stream().anyMatch(w -> w.startsWith("lost clusters"));
      }
    }
    assertThat(reported).isTrue();
  }

  private static int[] nonNoise(int[] truth, int[] values) {
    int[] out = new int[values.length];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (truth[i] != DriftingMixture.NOISE) {
        out[n++] = values[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Epsilon 0.04, below every cluster's root-mean-square radius (0.042–0.099), at lambda 0.005:
   * the stream's faded weight is 1/(1 - 2^-0.005) = 289.0 per point, about 23 per cluster,
   * spread over the many micro-clusters of radius 0.04 that tile a cluster: no ball of radius
   * epsilon gathers 10.
   */
  @Test
  void noCorePossible_isReportedByWarnings() {
    DenStream c = new DenStream(DenStream.Params.DEFAULTS.withEpsilon(0.04).withLambda(0.005));
    assertThat(c.params().weightPerTimeUnit()).isCloseTo(289.0, within(0.1));
    DriftingMixture stream = new DriftingMixture(5);
    double[] x = new double[D];
    for (int i = 0; i < 10_000; i++) {
      stream.next(x);
      c.learn(x);
    }
    assertThat(c.snapshot().clusterCount()).isZero();
    List<String> warnings = c.warnings();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).startsWith("no core").contains("mu = 10").contains("289.0");
  }

  /**
   * MOA users' setting for this stream: epsilon 0.04, mu 10, lambda 0.0025 (577.6 per point,
   * about 46 per cluster). A ball of radius 0.04 gathers mu only here and there: most of the
   * potential micro-clusters' weight is in no cluster, and the warning says so.
   */
  @Test
  void moaUsersSetting_isReportedByWarnings() {
    DenStream c = new DenStream(DenStream.Params.DEFAULTS.withEpsilon(0.04).withLambda(0.0025));
    DriftingMixture stream = new DriftingMixture(5);
    double[] x = new double[D];
    for (int i = 0; i < 10_000; i++) {
      stream.next(x);
      c.learn(x);
    }
    assertThat(c.snapshot().clusterCount()).isLessThan(6);
    List<String> warnings = c.warnings();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).startsWith("lost clusters").contains("mu = 10").contains("577.6");
  }

  @Test
  void autoEpsilon_handValueOnATinyBuffer() {
    // Five points on a line; k = max(1, round(0.02 * 5)) = 1: nearest-neighbour distances
    // 1, 1, 2, 3, 4 (of 0, 1, 3, 6, 10), median 2.
    double[] pts = {0, 1, 3, 6, 10};
    assertThat(DenStream.estimateEpsilon(pts, 5, 1, DenStream.AUTO_FRACTION)).isEqualTo(2.0);
    // Scaling the data by 4 scales the estimate by 4, exactly.
    double[] scaled = {0, 4, 12, 24, 40};
    assertThat(DenStream.estimateEpsilon(scaled, 5, 1, DenStream.AUTO_FRACTION)).isEqualTo(8.0);
    // All points equal: a tiny positive value, not 0.
    assertThat(DenStream.estimateEpsilon(new double[] {3, 3, 3}, 3, 1, DenStream.AUTO_FRACTION))
        .isCloseTo(3e-9, within(1e-24));
  }

  @Test
  void autoEpsilon_onTheDriftingStream_fallsAmongTheClustersRadii() {
    for (long seed : new long[] {1, 2, 3}) {
      DenStream c = new DenStream();
      DriftingMixture stream = new DriftingMixture(seed);
      double[] x = new double[D];
      for (int i = 0; i < DenStream.AUTO_WARMUP - 1; i++) {
        stream.next(x);
        c.learn(x);
      }
      assertThat(c.epsilon()).isNaN();
      assertThat(c.initialized()).isFalse();
      stream.next(x);
      c.learn(x);
      assertThat(c.initialized()).isTrue();
      // Cluster radii sd·sqrt(8) span [0.042, 0.099].
      assertThat(c.epsilon()).as("seed %d", seed).isBetween(0.042, 0.099);
      assertThat(c.snapshot().reach()).isEqualTo(c.epsilon());
    }
  }

  /** Warm-up points are learned, not dropped: auto gives what the estimate given up front gives. */
  @ParameterizedTest
  @CsvSource({"0", "1000", "300"})
  void autoEpsilon_learnsTheWarmUpPoints(int initPoints) {
    DenStream auto = new DenStream(DenStream.Params.DEFAULTS.withInitPoints(initPoints));
    DriftingMixture stream = new DriftingMixture(9);
    double[][] pts = new double[3_000][D];
    for (double[] p : pts) {
      stream.next(p);
      auto.learn(p);
    }
    double epsilon = auto.epsilon();
    // With initPoints below the warm-up, the whole warm-up buffer seeds the p-micro-clusters.
    int seeded = initPoints == 0 ? 0 : DenStream.AUTO_WARMUP;
    DenStream fixed = new DenStream(DenStream.Params.DEFAULTS.withEpsilon(epsilon).withInitPoints(seeded));
    for (double[] p : pts) {
      fixed.learn(p);
    }
    assertThat(auto.seen()).isEqualTo(3_000);
    assertThat(auto.snapshot()).isEqualTo(fixed.snapshot());
  }

  @Test
  void autoEpsilon_persistedBeforeAndAfterTheEstimate() throws Exception {
    DenStream c = (DenStream) Clusterers.online("denstream", Map.of("epsilon", "auto"));
    assertThat(c.params().autoEpsilon()).isTrue();
    assertThat(c.configuration()).containsEntry("epsilon", "auto");
    DriftingMixture stream = new DriftingMixture(4);
    double[][] pts = new double[2_500][D];
    for (double[] p : pts) {
      stream.next(p);
    }
    DenStream whole = new DenStream();
    for (double[] p : pts) {
      whole.learn(p);
    }
    for (int cut : new int[] {500, 1_500}) {
      DenStream first = new DenStream();
      for (int i = 0; i < cut; i++) {
        first.learn(pts[i]);
      }
      DenStream restored = ModelIO.fromBytes(ModelIO.toBytes(first), DenStream.class);
      assertThat(restored.epsilon()).isEqualTo(first.epsilon(), within(0.0));
      for (int i = cut; i < pts.length; i++) {
        restored.learn(pts[i]);
      }
      assertThat(restored.epsilon()).isEqualTo(whole.epsilon());
      assertThat(restored.snapshot()).as("cut at %d", cut).isEqualTo(whole.snapshot());
    }
  }
}
