package io.eddy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private static String run(boolean quiet, boolean terminal) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), quiet, terminal);
    p.phase("reading");
    p.start("learning", 100);
    for (int i = 0; i <= 100; i++) {
      p.update(i);
    }
    p.finish();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTerminalGetsARedrawnBar() {
    String s = run(false, true);
    assertThat(s).contains("eddy: reading").contains("\rlearning").contains("100%").contains("[####");
  }

  @Test
  void aLogGetsPlainLinesOnlyNoCarriageReturns() {
    String s = run(false, false);
    assertThat(s).startsWith("eddy: reading").doesNotContain("\r");
    // Updates within the interval print nothing: a fast loop adds no line.
    assertThat(s.lines().count()).isEqualTo(1);
  }

  @Test
  void quietPrintsNothing() {
    assertThat(run(true, true)).isEmpty();
    assertThat(run(true, false)).isEmpty();
  }
}
