package io.eddy.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AudienceDemoTest {

  @Test
  public void run_smallStream_recoversThePlantedSegments() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AudienceDemo.Result r = AudienceDemo.run(50_000, 3, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(r.agreement()).isGreaterThan(0.95);
    for (String segment : AudienceStream.SEGMENTS) {
      assertThat(report).contains(segment);
    }
    assertThat(report).contains("adjusted Rand index");
  }

  @Test
  public void run_sameSeed_sameSegments() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(AudienceDemo.run(5_000, 1, sink).model()).isEqualTo(AudienceDemo.run(5_000, 1, sink).model());
    assertThatThrownBy(() -> AudienceDemo.run(10, 1, sink)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void stream_driftsFromStartToEnd() {
    AudienceStream s = new AudienceStream(1, 100_000);
    double[] x = new double[AudienceStream.dimension()];
    double earlyValue = 0;
    double lateValue = 0;
    int early = 0;
    int late = 0;
    for (int i = 0; i < 100_000; i++) {
      int seg = s.next(x);
      assertThat(x[4]).isBetween(0.0, 24.0);
      if (seg == 2 && i < 10_000) {
        earlyValue += x[1];
        early++;
      } else if (seg == 2 && i >= 90_000) {
        lateValue += x[1];
        late++;
      }
    }
    assertThat(earlyValue / early).isCloseTo(425, org.assertj.core.api.Assertions.within(10.0));
    assertThat(lateValue / late).isCloseTo(515, org.assertj.core.api.Assertions.within(10.0));
  }
}
