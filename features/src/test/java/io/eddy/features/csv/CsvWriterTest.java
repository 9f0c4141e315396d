package io.eddy.features.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

  @Test
  void rows_readBackThroughCsvReaderWithQuotingAndMissingValues() throws Exception {
    StringWriter text = new StringWriter();
    try (CsvWriter w = new CsvWriter(text, List.of("name", "income (k$)", "score"))) {
      w.row("Smith, \"Jo\"", 80.0, 0.1 + 0.2);
      w.row("Li", Double.NaN, -3);
      w.row(null, 1e20, 2.5f);
      assertThat(w.rows()).isEqualTo(3);
    }
    assertThat(text.toString()).startsWith("name,income (k$),score\n\"Smith, \"\"Jo\"\"\",80,0.30000000000000004\n");
    CsvResult<Object[]> back = new CsvReader(CsvReader.Params.DEFAULTS)
        .readTable(new StringReader(text.toString()), List.of("income (k$)", "score"), List.of("name"));
    double[] first = (double[]) back.rows().get(0)[0];
    assertThat(first).containsExactly(80, 0.1 + 0.2);
    assertThat(((String[]) back.rows().get(0)[1])[0]).isEqualTo("Smith, \"Jo\"");
    assertThat(((double[]) back.rows().get(1)[0])[0]).isNaN();
    assertThat(((double[]) back.rows().get(2)[0])).containsExactly(1e20, 2.5);
  }

  @Test
  void format_isLocaleFreeAndRoundTrips() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(CsvWriter.format(1.5)).isEqualTo("1.5");
      assertThat(CsvWriter.format(-0.0)).isEqualTo("0");
      assertThat(CsvWriter.format(42)).isEqualTo("42");
      assertThat(CsvWriter.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
      for (double v : new double[] {Math.PI, 1e-300, 123456789.125, 1e15, -7e22}) {
        assertThat(Double.parseDouble(CsvWriter.format(v))).isEqualTo(v);
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void aRowOfTheWrongWidthIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("t.csv");
    try (CsvWriter w = CsvWriter.open(f, List.of("a", "b"))) {
      assertThatThrownBy(() -> w.row(1, 2, 3)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected 2");
      w.row(1, 2);
    }
    assertThat(Files.readString(f)).isEqualTo("a,b\n1,2\n");
    assertThatThrownBy(() -> CsvWriter.open(f, List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
