package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.io.ModelIO;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Learning states saved by codec version 2 (epsilon stored as a number, before "auto") read
 * back and continue exactly as a clusterer that learned the whole stream without a stop. The
 * files were written by {@code src/test/legacy-fixtures/DenStreamV2Fixtures.java}.
 */
class DenStreamCodecV2Test {

  @ParameterizedTest
  @CsvSource({"denstream-v2.eddy, 400", "denstream-v2-buffering.eddy, 30"})
  void versionTwoState_continuesAsIfNeverStopped(String file, int saved) throws IOException {
    DenStream read;
    try (InputStream in = DenStreamCodecV2Test.class.getResourceAsStream("legacy/" + file)) {
      read = ModelIO.read(in, DenStream.class);
    }
    DenStream.Params params = DenStream.Params.SPEC.from(Map.of("epsilon", 1.5, "lambda", 0.01,
        "initPoints", 50));
    assertThat(read.params()).isEqualTo(params);
    assertThat(read.epsilon()).isEqualTo(1.5);
    assertThat(read.seen()).isEqualTo(saved);
    DenStream whole = new DenStream(params);
    for (int i = 0; i < 700; i++) {
      whole.learn(LegacyFormatTest.point(i, 3));
      if (i >= saved) {
        read.learn(LegacyFormatTest.point(i, 3));
      }
    }
    assertThat(read.snapshot()).isEqualTo(whole.snapshot());
    assertThat(read.snapshot().clusterCount()).isEqualTo(3);
  }
}
