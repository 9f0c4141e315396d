package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.io.ModelIO;
import io.eddy.testkit.DriftingMixture;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Today's DenStream learns {@link DriftingMixture} streams to exactly the learning states the
 * code before its speed-ups saved (one power per absorbed point; see
 * {@code src/test/legacy-fixtures/DenStreamReference.java}), byte for byte, with one tick per
 * point and with event times that are not whole numbers. What is compared is the online
 * phase: clock, count, micro-clusters (centres, weights, sums of squares, stamps, creation times,
 * ids). The offline clustering and so the labels follow today's core rule (the weight within
 * epsilon, see {@link DenStream}), and the epsilon estimate today's share, so the {@code auto}
 * case learns with the epsilon its reference estimated.
 */
class DenStreamReferenceTest {

  @ParameterizedTest
  @CsvSource({"tick-eps0.1, 0.1, 0.001, 3, 30000, 0", "tick-auto, auto, 0.0025, 4, 30000, 0",
      "event-eps0.08, 0.08, 0.001, 5, 20000, 0.37"})
  void learn_givesTheReferenceState(String name, String epsilon, double lambda, long seed, int n,
      double step) throws IOException {
    byte[] expected;
    try (InputStream in = DenStreamReferenceTest.class.getResourceAsStream("reference/" + name + ".eddy")) {
      expected = in.readAllBytes();
    }
    DenStream reference = ModelIO.fromBytes(expected, DenStream.class);
    Object eps = epsilon.equals("auto") ? reference.epsilon() : epsilon;
    DenStream c = new DenStream(DenStream.Params.SPEC.from(Map.of("epsilon", eps, "lambda", lambda)));
    DriftingMixture s = new DriftingMixture(seed);
    double[] x = new double[8];
    for (int i = 0; i < n; i++) {
      s.next(x);
      if (step == 0) {
        c.learn(x);
      } else {
        c.learn(x, 1.0, i * step);
      }
    }
    assertThat(c.now).isEqualTo(reference.now);
    assertThat(c.seen()).isEqualTo(reference.seen());
    assertThat(c.epsilon()).isEqualTo(reference.epsilon());
    assertSameGroup(c.potentialGroup(), reference.potentialGroup(), 8);
    assertSameGroup(c.outlierGroup(), reference.outlierGroup(), 8);
  }

  private static void assertSameGroup(DenStream.Group a, DenStream.Group b, int d) {
    int n = b.size;
    assertThat(a.size).isEqualTo(n);
    assertThat(Arrays.copyOf(a.center, n * d)).isEqualTo(Arrays.copyOf(b.center, n * d));
    assertThat(Arrays.copyOf(a.weight, n)).isEqualTo(Arrays.copyOf(b.weight, n));
    assertThat(Arrays.copyOf(a.sse, n)).isEqualTo(Arrays.copyOf(b.sse, n));
    assertThat(Arrays.copyOf(a.stamp, n)).isEqualTo(Arrays.copyOf(b.stamp, n));
    assertThat(Arrays.copyOf(a.created, n)).isEqualTo(Arrays.copyOf(b.created, n));
    assertThat(Arrays.copyOf(a.id, n)).isEqualTo(Arrays.copyOf(b.id, n));
  }
}
