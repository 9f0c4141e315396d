package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.Clusterers;
import io.eddy.mixture.CovarianceType;
import io.eddy.mixture.GaussianMixture;
import io.eddy.mixture.GaussianMixtureModel;
import io.eddy.testkit.Ari;
import io.eddy.testkit.Blobs;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OnlineGaussianMixtureTest {

  /** Streams {@code passes} shuffled passes over {@code x}. */
  static void stream(OnlineGaussianMixture g, double[][] x, int passes, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] order = new int[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int p = 0; p < passes; p++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int i : order) {
        g.learn(x[i]);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(CovarianceType.class)
  void learn_stationaryStream_approachesBatchLikelihood(CovarianceType type) {
    Blobs blobs = Blobs.generate(31, 1000, 3, 4, 1.0);
    double[][] x = blobs.points();
    GaussianMixtureModel batch = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(4)
        .withCovariance(type).withNInit(3).withTol(1e-8).withSeed(1)).fit(x);
    OnlineGaussianMixture g = new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS.withK(4)
        .withCovariance(type).withSeed(5));
    stream(g, x, 30, 9);
    GaussianMixtureModel online = g.snapshot();
    double gap = batch.score(x) - online.score(x);
    assertThat(gap).as("batch minus online mean log-likelihood").isLessThan(0.01).isGreaterThan(-1e-9);
    assertThat(Ari.of(blobs.labels(), online.predict(x))).isGreaterThan(0.95);
  }

  @Test
  void warmup_isBatchEmOnTheFirstPoints() {
    double[][] x = Blobs.generate(2, 200, 2, 3, 1.0).points();
    OnlineGaussianMixture g = new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS.withWarmup(100));
    for (int i = 0; i < 99; i++) {
      g.learn(x[i]);
    }
    assertThat(g.isReady()).isFalse();
    assertThatThrownBy(() -> g.predict(x[0])).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("warm-up");
    g.learn(x[99]);
    double[][] first = java.util.Arrays.copyOf(x, 100);
    GaussianMixtureModel batch = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(3).withSeed(42)
        .withThreads(1)).fit(first);
    GaussianMixtureModel snap = g.snapshot();
    assertThat(snap.weights()).containsExactly(batch.weights(), within(1e-12));
    assertThat(snap.covariances()).containsExactly(batch.covariances(), within(1e-12));
    for (double[] p : x) {
      assertThat(g.predict(p)).isEqualTo(snap.predict(p));
    }
  }

  @Test
  void learn_firstStepSize_isTPlusTwoToMinusKappa() {
    // One component: the weight stays 1 and the mean moves by exactly eta toward the point.
    double[][] x = {{0.0}, {2.0}, {4.0}};
    OnlineGaussianMixture g = new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS.withK(1).withCovariance(CovarianceType.SPHERICAL).withKappa(0.75).withWarmup(3).withRegCovar(1e-6).withSeed(1));
    for (double[] p : x) {
      g.learn(p);
    }
    double before = g.snapshot().center(0)[0];
    g.learn(new double[] {10.0});
    double eta = Math.pow(3 + 2.0, -0.75);
    assertThat(g.snapshot().center(0)[0]).isCloseTo(before + eta * (10.0 - before), within(1e-12));
    double var0 = (4 + 0 + 4) / 3.0;
    double expectedVar = (1 - eta) * var0 + eta * (1 - eta) * (10.0 - before) * (10.0 - before) + 1e-6;
    assertThat(g.snapshot().covariances()[0]).isCloseTo(expectedVar, within(1e-9));
  }

  @Test
  void learn_degenerateStream_staysFinite() {
    OnlineGaussianMixture g = new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS.withK(3)
        .withWarmup(10));
    for (int i = 0; i < 5000; i++) {
      g.learn(new double[] {1, 2, 3});
    }
    GaussianMixtureModel m = g.snapshot();
    for (double v : m.covariances()) {
      assertThat(v).isFinite();
    }
    for (double v : m.probabilities(new double[] {1, 2, 3})) {
      assertThat(v).isFinite();
    }
  }

  @Test
  void learn_pointWhoseDistanceOverflows_rejectedAndStateUnchanged() {
    double[][] x = Blobs.generate(3, 200, 2, 2, 1.0).points();
    OnlineGaussianMixture g = new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS.withK(2));
    for (double[] p : x) {
      g.learn(p);
    }
    byte[] before = io.eddy.io.ModelIO.toBytes(g);
    assertThatThrownBy(() -> g.learn(new double[] {Double.MAX_VALUE, -Double.MAX_VALUE}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Points.MAX_ABS");
    assertThat(io.eddy.io.ModelIO.toBytes(g)).isEqualTo(before);
    assertThat(g.seen()).isEqualTo(200);
  }

  @Test
  void params_invalid_rejected_andProviderBuildsConfiguredLearner() {
    OnlineGaussianMixture.Params d = OnlineGaussianMixture.Params.DEFAULTS;
    assertThatThrownBy(() -> d.withKappa(0.5)).hasMessageContaining("kappa");
    assertThatThrownBy(() -> d.withKappa(1.01)).hasMessageContaining("kappa");
    assertThatThrownBy(() -> d.withK(5).withWarmup(2)).hasMessageContaining("warmup");
    assertThatThrownBy(() -> d.withRegCovar(-1)).hasMessageContaining("regCovar");
    assertThatThrownBy(() -> d.withRegCovar(0)).hasMessageContaining("regCovar");
    OnlineGaussianMixture g = (OnlineGaussianMixture) Clusterers.online("online-gmm",
        Map.of("k", 2, "covariance", "diagonal", "kappa", 0.9, "warmup", 30, "regCovar", 1e-4, "seed", 3L));
    assertThat(g.params()).isEqualTo(OnlineGaussianMixture.Params.DEFAULTS.withK(2).withCovariance(CovarianceType.DIAGONAL).withKappa(0.9).withWarmup(30).withRegCovar(1e-4).withSeed(3));
    assertThat(((OnlineGaussianMixture) Clusterers.online("online-gmm")).params()).isEqualTo(d);
  }

  /**
   * Two spherical components (sd 0.5, 20 apart) that both move along x at v = 0.005 per point
   * of the stream. A mean updated at rate eta lags linear motion by about v / eta: 0.25 with the
   * floor 0.02 (plus an estimation noise of about 0.07 per coordinate), and about 2.9 with the
   * classic schedule, whose step at 40 000 points is (40 002)^-0.6 = 0.0017.
   */
  @Test
  void learn_movingComponents_followedWithFloor_laggedWithout() {
    double speed = 0.005;
    int n = 40_000;
    OnlineGaussianMixture.Params base = OnlineGaussianMixture.Params.DEFAULTS.withK(2)
        .withCovariance(CovarianceType.SPHERICAL).withSeed(4);
    double floorLag = worstLag(new OnlineGaussianMixture(base.withMinStep(0.02)), n, speed);
    double classicLag = worstLag(new OnlineGaussianMixture(base), n, speed);
    assertThat(floorLag).as("lag with the floor").isLessThan(0.5);
    assertThat(classicLag).as("lag without").isGreaterThan(2.0);
  }

  /** Streams the moving pair and returns the largest distance of a mean from its true centre. */
  private static double worstLag(OnlineGaussianMixture g, int n, double speed) {
    SplittableRandom rng = new SplittableRandom(77);
    for (int t = 0; t < n; t++) {
      int c = rng.nextInt(2);
      g.learn(new double[] {speed * t + 0.5 * gaussian(rng), 20.0 * c + 0.5 * gaussian(rng)});
    }
    double x = speed * (n - 1);
    double worst = 0;
    GaussianMixtureModel m = g.snapshot();
    for (int c = 0; c < 2; c++) {
      double[] mean = m.center(c);
      double truth = mean[1] < 10 ? 0 : 20;
      worst = Math.max(worst, Math.hypot(mean[0] - x, mean[1] - truth));
    }
    return worst;
  }

  private static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  @Test
  void params_halfLife_isTheFloorThatHalvesInfluence() {
    OnlineGaussianMixture.Params p = OnlineGaussianMixture.Params.DEFAULTS.withHalfLife(100);
    assertThat(Math.pow(1 - p.minStep(), 100)).isCloseTo(0.5, within(1e-12));
    assertThat(OnlineGaussianMixture.Params.DEFAULTS.minStep()).isZero();
    assertThatThrownBy(() -> OnlineGaussianMixture.Params.DEFAULTS.withMinStep(1)).hasMessageContaining("minStep");
    assertThatThrownBy(() -> OnlineGaussianMixture.Params.DEFAULTS.withMinStep(-0.1)).hasMessageContaining("minStep");
    assertThatThrownBy(() -> OnlineGaussianMixture.Params.DEFAULTS.withHalfLife(0)).hasMessageContaining("half-life");
  }

  @Test
  void learn_withFloor_stepNeverBelowIt() {
    // One component, long past the point where (t+2)^-kappa drops under the floor: the mean
    // moves by exactly the floor toward a new point.
    OnlineGaussianMixture g = new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS.withK(1)
        .withCovariance(CovarianceType.SPHERICAL).withWarmup(3).withMinStep(0.05));
    for (int i = 0; i < 2000; i++) {
      g.learn(new double[] {i % 2});
    }
    double before = g.snapshot().center(0)[0];
    g.learn(new double[] {10.0});
    assertThat(g.snapshot().center(0)[0]).isCloseTo(before + 0.05 * (10.0 - before), within(1e-12));
  }
}
