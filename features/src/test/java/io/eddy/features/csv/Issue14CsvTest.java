package io.eddy.features.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.features.StreamingStandardScaler;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV reader's and the streaming scaler's part of issue 14: each case failed before its fix. */
class Issue14CsvTest {

  private final CsvReader reader = new CsvReader(CsvReader.Params.DEFAULTS);

  // 9. A UTF-8 byte-order mark stayed in the first column's name.
  @Test
  void readTable_byteOrderMark_isNotPartOfTheFirstName() throws Exception {
    CsvResult<Object[]> res = reader.readTable(new StringReader("\uFEFFincome,score\n15,39\n16,81\n"),
        List.of("income", "score"), List.of());
    assertThat(res.rows()).hasSize(2);
    assertThat(((double[]) res.rows().get(1)[0])[1]).isEqualTo(81);
  }

  // 9. Header-only input that lacks a required column gave no error.
  @Test
  void readTable_headerOnlyWithoutARequiredColumn_namesIt() {
    assertThatThrownBy(() -> reader.readTable(new StringReader("income,score\n"), List.of("age"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no column 'age'").hasMessageContaining("income");
    assertThatThrownBy(() -> reader.readTable(new StringReader(""), List.of("age"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'age'");
  }

  // 9. Invalid UTF-8 gave "Input length = 1", with no line number.
  @Test
  void read_invalidUtf8_namesTheLine() throws Exception {
    byte[] bytes = "income,score\n15,39\n16,8".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[bytes.length + 3];
    System.arraycopy(bytes, 0, bad, 0, bytes.length);
    bad[bytes.length] = (byte) 0xC3; // a lead byte followed by ASCII: malformed
    bad[bytes.length + 1] = '1';
    bad[bytes.length + 2] = '\n';
    java.nio.file.Path file = java.nio.file.Files.createTempFile("eddy-utf8", ".csv");
    try {
      java.nio.file.Files.write(file, bad);
      assertThatThrownBy(() -> reader.read(file, row -> row.doubleValue("score")))
          .isInstanceOf(CsvDataException.class).hasMessageContaining("line 3").hasMessageContaining("UTF-8");
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  // 10. StreamingStandardScaler yielded NaN or infinity after seeing +-1e308.
  @Test
  void streamingScaler_valuesBeyondTheLimit_areRejectedAndLargeOnesStayFinite() {
    StreamingStandardScaler s = new StreamingStandardScaler();
    s.learn(new double[] {1, 2});
    assertThatThrownBy(() -> s.learn(new double[] {1e308, 0})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAX_ABS");
    assertThat(s.count()).isEqualTo(1);
    for (int i = 0; i < 100; i++) {
      s.learn(new double[] {i % 2 == 0 ? 1e100 : -1e100, i});
    }
    double[] z = s.transform(new double[] {1e100, 50});
    assertThat(z[0]).isFinite();
    assertThat(z[1]).isFinite();
    assertThat(s.std()[0]).isFinite().isPositive();
  }
}
