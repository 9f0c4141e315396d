package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.io.ModelIO;
import io.eddy.testkit.DriftingMixture;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Today's DenStream learns {@link DriftingMixture} streams to exactly the learning states the
 * code before its speed-ups saved (one power per absorbed point; see
 * {@code src/test/legacy-fixtures/DenStreamReference.java}), byte for byte, with one tick per
 * point and with event times that are not whole numbers. The references predate lineage, so
 * both sides are compared without it, rewritten in today's layout.
 */
class DenStreamReferenceTest {

  @ParameterizedTest
  @CsvSource({"tick-eps0.1, 0.1, 0.001, 3, 30000, 0", "tick-auto, auto, 0.0025, 4, 30000, 0",
      "event-eps0.08, 0.08, 0.001, 5, 20000, 0.37"})
  void learn_givesTheReferenceState(String name, String epsilon, double lambda, long seed, int n,
      double step) throws IOException {
    DenStream c = new DenStream(DenStream.Params.SPEC.from(Map.of("epsilon", epsilon, "lambda", lambda)));
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
    byte[] expected;
    try (InputStream in = DenStreamReferenceTest.class.getResourceAsStream("reference/" + name + ".eddy")) {
      expected = in.readAllBytes();
    }
    DenStream reference = ModelIO.fromBytes(expected, DenStream.class);
    assertThat(c.snapshot()).isEqualTo(reference.snapshot());
    c.labels = c.labels.withoutLineage();
    assertThat(ModelIO.toBytes(c)).isEqualTo(ModelIO.toBytes(reference));
  }
}
