package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.io.ModelIO;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A learning state in version 2 of the codec (r a number, each shared density with its own
 * time), written by the code before forward decay and r = auto
 * ({@code src/test/legacy-fixtures/DbstreamV2Fixture.java}), reads back with its explicit r and
 * continues to the micro-clusters that code computed: centres and weights bit for bit, the same
 * macro labels.
 */
class DbstreamLegacyV2Test {

  @Test
  public void version2State_readsWithExplicitR_andContinuesAsWritten() throws Exception {
    Dbstream c;
    try (InputStream in = getClass().getResourceAsStream("dbstream/dbstream-v2.eddy")) {
      c = (Dbstream) ModelIO.read(in);
    }
    assertThat(c.params().r()).isEqualTo(1.5);
    assertThat(c.radius()).isEqualTo(1.5);
    assertThat(c.configuration().get("r")).isEqualTo("1.5");
    assertThat(c.seen()).isEqualTo(400);
    assertThat(c.sharedDensityCount()).as("the file has shared densities to convert").isPositive();
    for (int i = 400; i < 700; i++) {
      c.learn(LegacyFormatTest.point(i, 3));
    }
    DbstreamModel m = c.snapshot();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < m.microClusterCount(); i++) {
      for (double v : m.microCenter(i)) {
        s.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(' ');
      }
      s.append(Long.toHexString(Double.doubleToRawLongBits(m.microWeight(i)))).append(' ');
      s.append(m.microLabel(i)).append('\n');
    }
    String expected;
    try (InputStream in = getClass().getResourceAsStream("dbstream/dbstream-v2.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(s.toString()).isEqualTo(expected);
  }
}
