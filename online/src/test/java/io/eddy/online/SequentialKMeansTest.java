package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.kmeans.Centroids;
import io.eddy.testkit.Ari;
import io.eddy.testkit.Blobs;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequentialKMeansTest {

  private static final SequentialKMeans.Params FIRST =
      SequentialKMeans.Params.DEFAULTS.withInit(SequentialKMeans.Init.FIRST);

  /** MacQueen: every center is exactly the mean of the points it won, its seed included. */
  @Test
  public void learn_macQueen_centersAreRunningMeansOfWonPoints() {
    Blobs blobs = Blobs.generate(3, 5_000, 5, 4, 1.5);
    int k = 4;
    int d = 5;
    SequentialKMeans c = new SequentialKMeans(FIRST.withK(k));
    double[][] sums = new double[k][d];
    double[] counts = new double[k];
    double[][] naive = new double[k][];
    int have = 0;
    for (double[] x : blobs.points()) {
      c.learn(x);
      if (have < k) {
        naive[have] = x.clone();
        sums[have] = x.clone();
        counts[have] = 1;
        have++;
        continue;
      }
      int best = 0;
      double bestDist = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        double s = 0;
        for (int i = 0; i < d; i++) {
          s += (x[i] - naive[j][i]) * (x[i] - naive[j][i]);
        }
        if (s < bestDist) {
          bestDist = s;
          best = j;
        }
      }
      counts[best]++;
      for (int i = 0; i < d; i++) {
        sums[best][i] += x[i];
        naive[best][i] = sums[best][i] / counts[best];
      }
      assertThat(c.predict(x)).isEqualTo(best);
    }
    Centroids m = c.snapshot();
    for (int j = 0; j < k; j++) {
      assertThat(m.weight(j)).isEqualTo(counts[j]);
      for (int i = 0; i < d; i++) {
        assertThat(m.center(j)[i]).isCloseTo(naive[j][i], within(1e-9));
      }
    }
  }

  /**
   * River's {@code cluster.KMeans} docstring example (halflife = 0.1 is a constant rate), from
   * the initial centers its seed 42 draws.
   */
  @Test
  public void learn_constantRate_matchesRiverDocstring() {
    double[][] x = {{1, 2}, {1, 4}, {1, 0}, {-4, 2}, {-4, 4}, {-4, 0}};
    SequentialKMeans c = SequentialKMeans.withInitialCenters(
        SequentialKMeans.Params.DEFAULTS.withK(2).withLearningRate(0.1),
        new double[][] {{-0.432271, -0.518711}, {-0.333948, 2.105951}});
    int[] labels = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      c.learn(x[i]);
      labels[i] = c.predict(x[i]);
    }
    assertThat(labels).containsExactly(1, 1, 0, 1, 1, 0);
    assertThat(c.predict(new double[] {0, 0})).isZero();
    assertThat(c.predict(new double[] {4, 4})).isOne();
    Centroids m = c.snapshot();
    assertThat(m.center(0)).containsExactly(new double[] {-0.660140, -0.420156}, within(1e-5));
    assertThat(m.center(1)).containsExactly(new double[] {-0.825203, 2.431515}, within(1e-5));
  }

  @Test
  public void learn_weighted_equalsRepetition() {
    for (double rate : new double[] {SequentialKMeans.Params.MACQUEEN, 0.2}) {
      SequentialKMeans.Params p = FIRST.withK(2).withLearningRate(rate);
      SequentialKMeans once = new SequentialKMeans(p);
      SequentialKMeans thrice = new SequentialKMeans(p);
      double[][] seeds = {{0, 0}, {10, 10}, {1, 1}, {9, 8}};
      for (double[] s : seeds) {
        once.learn(s);
        thrice.learn(s);
      }
      double[] x = {2, 1};
      once.learn(x, 3.0);
      for (int i = 0; i < 3; i++) {
        thrice.learn(x);
      }
      assertThat(once.snapshot().center(0)).containsExactly(thrice.snapshot().center(0), within(1e-12));
      assertThat(once.snapshot().weight(0)).isEqualTo(thrice.snapshot().weight(0));
    }
  }

  @Test
  public void learn_kmeansPlusPlus_recoversPlantedSegments() {
    Blobs blobs = Blobs.generate(11, 20_000, 4, 5, 1.0);
    SequentialKMeans c = new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(5).withSeed(3));
    c.learn(blobs.points());
    assertThat(Ari.of(blobs.labels(), c.snapshot().predict(blobs.points()))).isGreaterThan(0.95);
  }

  /** Under drift a constant rate follows a moving segment; MacQueen's running mean lags. */
  @Test
  public void learn_constantRate_tracksDrift() {
    SplittableRandom rng = new SplittableRandom(5);
    SequentialKMeans tracking = new SequentialKMeans(FIRST.withK(1).withLearningRate(0.02));
    SequentialKMeans macqueen = new SequentialKMeans(FIRST.withK(1));
    double[] x = new double[2];
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      double centre = 10.0 * i / n; // the segment walks from 0 to 10
      x[0] = centre + 0.3 * Blobs.gaussian(rng);
      x[1] = 0.3 * Blobs.gaussian(rng);
      tracking.learn(x);
      macqueen.learn(x);
    }
    assertThat(tracking.snapshot().center(0)[0]).isCloseTo(10.0, within(0.2));
    assertThat(macqueen.snapshot().center(0)[0]).isCloseTo(5.0, within(0.2));
  }

  @Test
  public void learn_fewerDistinctPointsThanK_waitsForMore() {
    SequentialKMeans c = new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(3).withWarmup(5));
    for (int i = 0; i < 10; i++) {
      c.learn(new double[] {1, 1});
    }
    assertThat(c.isReady()).isFalse();
    assertThatThrownBy(() -> c.predict(new double[] {1, 1}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 of 3 centers");
    c.learn(new double[] {5, 5});
    c.learn(new double[] {5, 5});
    c.learn(new double[] {-5, 5});
    assertThat(c.isReady()).isTrue();
    Centroids m = c.snapshot();
    assertThat(m.weight(0)).isEqualTo(10.0);
    assertThat(m.weight(1)).isEqualTo(2.0);
    assertThat(m.predict(new double[] {-4, 4})).isEqualTo(2);
  }

  @Test
  public void predict_beforeKCenters_saysWhy() {
    SequentialKMeans c = new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(2));
    assertThatThrownBy(() -> c.snapshot()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0 of 2 centers");
    c.learn(new double[] {1});
    assertThatThrownBy(() -> c.predict(new double[] {1})).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("20 warm-up points");
  }

  @Test
  public void params_invalid_namesTheField() {
    SequentialKMeans.Params d = SequentialKMeans.Params.DEFAULTS;
    assertThatThrownBy(() -> d.withK(0)).hasMessageContaining("parameter k must be an int in [1, 16777216], got 0");
    assertThatThrownBy(() -> d.withLearningRate(1.5)).hasMessageContaining("learningRate");
    assertThatThrownBy(() -> d.withLearningRate(Double.NaN)).hasMessageContaining("learningRate");
    assertThatThrownBy(() -> d.withK(10).withWarmup(5)).hasMessageContaining("warmup");
    assertThatThrownBy(() -> SequentialKMeans.withInitialCenters(d.withK(2), new double[][] {{1, 2}}))
        .hasMessageContaining("expected k = 2");
  }

  @Test
  public void registry_buildsFromNamedParameters() {
    OnlineClusterer<?> c = Clusterers.online("sequential-kmeans",
        Map.of("k", 4, "learningRate", "0.25", "init", "first", "seed", 7));
    assertThat(c).isInstanceOf(SequentialKMeans.class);
    SequentialKMeans.Params p = ((SequentialKMeans) c).params();
    assertThat(p).isEqualTo(SequentialKMeans.Params.DEFAULTS.withK(4)
        .withInit(SequentialKMeans.Init.FIRST).withLearningRate(0.25).withSeed(7));
    assertThat(((SequentialKMeans) Clusterers.online("sequential-kmeans")).params())
        .isEqualTo(SequentialKMeans.Params.DEFAULTS);
    assertThatThrownBy(() -> Clusterers.online("sequential-kmeans", Map.of("learningRate", "fast")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learningRate")
        .hasMessageContaining("'macqueen' or a number in (0, 1]");
    assertThatThrownBy(() -> Clusterers.online("sequential-kmeans", Map.of("k", 0)))
        .hasMessageContaining("k must be an int in [1, 16777216], got 0");
    assertThatThrownBy(() -> Clusterers.online("no-such-thing", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sequential-kmeans");
  }
}
