package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.eddy.ClusterModel;
import io.eddy.testkit.Blobs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StreamingSilhouetteTest {

  /** Overlapping blobs, so that the per-point silhouettes spread and the error is not tiny. */
  private static final Blobs BLOBS = Blobs.generate(5, 6000, 3, 4, 1.5);

  private static StreamingSilhouette fed(int capacity, StreamingSilhouette.Sampling sampling, long seed,
      double[][] x, int[] y, int n) {
    StreamingSilhouette s = new StreamingSilhouette(capacity, sampling, seed);
    for (int i = 0; i < n; i++) {
      s.add(x[i], y[i]);
    }
    return s;
  }

  @ParameterizedTest
  @EnumSource(StreamingSilhouette.Sampling.class)
  void estimate_sampleHoldsEveryPoint_equalsExactSilhouette(StreamingSilhouette.Sampling sampling) {
    int n = 700;
    int[] y = BLOBS.labels().clone();
    for (int i = 0; i < n; i += 9) {
      y[i] = ClusterModel.NOISE;
    }
    StreamingSilhouette s = fed(n, sampling, 1, BLOBS.points(), y, n);
    Silhouette.Estimate e = s.estimate(2);
    Silhouette.Result exact = Silhouette.exact(Arrays.copyOf(BLOBS.points(), n), Arrays.copyOf(y, n), 1);
    assertThat(e.score()).isEqualTo(exact.score());
    assertThat(e.sampleSize()).isEqualTo(exact.scored());
    assertThat(e.noise()).isEqualTo(exact.noise());
    if (sampling == StreamingSilhouette.Sampling.RESERVOIR) {
      assertThat(e.standardError()).isZero();
    } else {
      assertThat(e.standardError()).isPositive();
    }
  }

  @Test
  void estimate_matchesScikitLearnOnItsFixtures() {
    for (String name : Fixture.NAMES) {
      Fixture f = Fixture.load(name);
      for (String which : new String[] {"truth", "pred", "noisy"}) {
        int[] labels = f.labels(which);
        StreamingSilhouette s = fed(f.data.length, StreamingSilhouette.Sampling.RESERVOIR, 7, f.data,
            labels, f.data.length);
        assertThat(s.estimate().score()).as("%s %s", name, which)
            .isCloseTo(f.expected(which + ".silhouette"), withinPercentage(1e-8));
      }
    }
  }

  @Test
  void estimate_standardErrorShrinksAsTheSampleGrows_andCoversTheExactValue() {
    double[][] x = BLOBS.points();
    int[] y = BLOBS.labels();
    double exact = Silhouette.exact(x, y, 2).score();
    double previous = Double.POSITIVE_INFINITY;
    double first = 0;
    double last = 0;
    for (int capacity : new int[] {150, 600, 2400}) {
      Silhouette.Estimate e = fed(capacity, StreamingSilhouette.Sampling.RESERVOIR, 11, x, y, x.length).estimate(2);
      assertThat(e.sampleSize()).isEqualTo(capacity);
      assertThat(e.population()).isEqualTo(x.length);
      assertThat(e.standardError()).as("error with %d points", capacity).isLessThan(previous);
      // The sample's own a and b add a bias of order 1/m, small next to the error here.
      assertThat(Math.abs(e.score() - exact)).as("estimate with %d points", capacity)
          .isLessThan(4 * e.standardError() + 2.0 / capacity);
      previous = e.standardError();
      first = first == 0 ? e.standardError() : first;
      last = e.standardError();
    }
    // sd / sqrt(m) with the finite-population factor: 16 times the points, about a quarter the error.
    double ratio = first / last;
    double expected = 4 * Math.sqrt((1 - 150.0 / 6000) / (1 - 2400.0 / 6000));
    assertThat(ratio).isBetween(0.7 * expected, 1.3 * expected);
  }

  @Test
  void add_longStream_sampleStaysAtCapacityAndUniform() {
    int capacity = 500;
    StreamingSilhouette s = new StreamingSilhouette(capacity, StreamingSilhouette.Sampling.RESERVOIR, 3);
    // First half labelled 0 or 1, second half 2 or 3: a uniform sample holds about half of each.
    int n = 200_000;
    double[] p = new double[2];
    for (int i = 0; i < n; i++) {
      int label = (i < n / 2 ? 0 : 2) + (i & 1);
      p[0] = label * 10 + (i % 7) * 0.1;
      p[1] = (i % 11) * 0.1;
      s.add(p, label);
    }
    assertThat(s.size()).isEqualTo(capacity);
    assertThat(s.seen()).isEqualTo(n);
    int early = 0;
    for (int label : s.sampleLabels()) {
      early += label < 2 ? 1 : 0;
    }
    // Hypergeometric: mean 250, sd about 11.
    assertThat(early).isBetween(200, 300);
    Silhouette.Estimate e = s.estimate();
    assertThat(e.sampleSize()).isEqualTo(capacity);
    assertThat(e.population()).isEqualTo(n);
  }

  @Test
  void sliding_followsTheRecentStream() {
    double[][] x = BLOBS.points();
    int[] y = BLOBS.labels();
    int n = 3000;
    StreamingSilhouette s = fed(400, StreamingSilhouette.Sampling.SLIDING, 0, x, y, n);
    Silhouette.Result recent = Silhouette.exact(Arrays.copyOfRange(x, n - 400, n), Arrays.copyOfRange(y, n - 400, n), 1);
    assertThat(s.estimate().score()).isEqualTo(recent.score());
  }

  @Test
  void estimate_undefined_isNaN_andBadInputChangesNothing() {
    StreamingSilhouette s = new StreamingSilhouette(10, StreamingSilhouette.Sampling.RESERVOIR, 0);
    assertThat(s.estimate().score()).isNaN();
    s.add(new double[] {0, 0}, 0);
    s.add(new double[] {1, 0}, 0);
    assertThat(s.estimate().score()).isNaN();
    assertThatThrownBy(() -> s.add(new double[] {1, 2, 3}, 0)).hasMessageContaining("dimension 3, expected 2");
    assertThatThrownBy(() -> s.add(new double[] {1, Double.NaN}, 0)).hasMessageContaining("NaN");
    assertThat(s.seen()).isEqualTo(2);
    assertThatThrownBy(() -> new StreamingSilhouette(1, StreamingSilhouette.Sampling.SLIDING, 0))
        .hasMessageContaining("capacity");
    assertThatThrownBy(() -> new StreamingSilhouette(5, null, 0)).hasMessageContaining("sampling");
    assertThatThrownBy(() -> s.estimate(0)).hasMessageContaining("threads");
  }
}
