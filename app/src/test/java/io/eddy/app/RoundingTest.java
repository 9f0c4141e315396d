package io.eddy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.features.ScoreColumns;
import io.eddy.features.csv.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoundingTest {

  @Test
  void round_keepsSixSignificantDigitsAtEveryScale() {
    assertThat(Segmentation.round(0.123456789)).isEqualTo(0.123457);
    assertThat(Segmentation.round(-98765.4321)).isEqualTo(-98765.4);
    assertThat(Segmentation.round(123456789.0)).isEqualTo(123457000.0);
    assertThat(Segmentation.round(1.0000004e-7)).isEqualTo(1e-7);
    assertThat(Segmentation.round(0)).isZero();
    assertThat(Segmentation.round(Double.NaN)).isNaN();
    assertThat(Segmentation.round(Double.POSITIVE_INFINITY)).isInfinite();
    // Beyond the table of powers the value is kept as it is rather than rounded wrongly.
    assertThat(Segmentation.round(1.23456789e-40)).isEqualTo(1.23456789e-40);
  }

  @Test
  void scoredCsv_printsTheRoundedValueAsCsvWriterDoes() throws Exception {
    SplittableRandom r = new SplittableRandom(4);
    double[] v = new double[100_000];
    for (int i = 0; i < v.length; i++) {
      double x = r.nextDouble() * Math.pow(10, r.nextInt(-8, 10));
      v[i] = i % 7 == 0 ? -x : i % 11 == 0 ? Math.rint(x) : x;
    }
    double[] edges = {0, 1, 1e-3, 0.000999999, 0.0009999996, 999999.5, 999999.4, 1e6, 9.9999996, 0.5, 1.5e-7,
      Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 123456.5};
    System.arraycopy(edges, 0, v, 0, edges.length);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ScoredCsv out = new ScoredCsv(bytes, List.of("x"), false)) {
      for (double x : v) {
        out.rounded(x);
        out.newLine();
      }
    }
    String[] lines = bytes.toString(StandardCharsets.US_ASCII).split("\n", -1);
    for (int i = 0; i < v.length; i++) {
      assertThat(lines[i + 1]).as("%s", v[i]).isEqualTo(CsvWriter.format(ScoreColumns.round(v[i])));
    }
  }
}
