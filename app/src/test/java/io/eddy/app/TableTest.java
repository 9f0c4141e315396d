package io.eddy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table reader against Commons CSV, the parser it replaced, on tables with every quoting case. */
class TableTest {

  @TempDir
  Path dir;

  private static final Progress QUIET = Progress.onStderr(true);

  private static final String[] TEXTS = {"plain", "with, comma", "with \"quotes\"", "two\nlines", "crlf\r\nin",
    " spaced ", "#hash", "", "é · ü", "trailing\t", "\"", "NA"};

  private static String number(SplittableRandom r) {
    double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-4, 9));
    switch (r.nextInt(6)) {
      case 0:
        return Double.toString(v);
      case 1:
        return String.format(Locale.ROOT, "%.3f", v);
      case 2:
        return Long.toString(r.nextLong(-1_000_000, 1_000_000));
      case 3:
        return String.format(Locale.ROOT, "%.17g", v);
      case 4:
        return " " + String.format(Locale.ROOT, "%.2f", v) + " ";
      default:
        return String.format(Locale.ROOT, "%.6e", v);
    }
  }

  @Test
  void read_agreesWithCommonsCsvOnRandomTables() throws Exception {
    SplittableRandom r = new SplittableRandom(3);
    for (int round = 0; round < 20; round++) {
      String separator = round % 3 == 0 ? "\r\n" : "\n";
      StringWriter w = new StringWriter();
      List<String> header = List.of("id", "x y", "note, free", "z");
      try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator(separator).get())) {
        p.printRecord(header);
        int rows = 1 + r.nextInt(60);
        for (int i = 0; i < rows; i++) {
          p.printRecord(i, number(r), TEXTS[r.nextInt(TEXTS.length)], number(r));
          if (r.nextInt(10) == 0) {
            w.write(separator);
          }
        }
      }
      String csv = (round % 2 == 0 ? "\uFEFF" : "") + w;
      if (round % 4 == 1) {
        csv = csv.substring(0, csv.length() - separator.length());
      }
      Path f = dir.resolve("t" + round + ".csv");
      Files.writeString(f, csv, StandardCharsets.UTF_8);
      Table t = Table.read(f, List.of("x y", "z"), Table.Missing.FAIL, ',', QUIET);

      List<CSVRecord> expected;
      try (CSVParser p = CSVParser.builder().setReader(new StringReader(w.toString()))
          .setFormat(CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get()).get()) {
        expected = p.getRecords();
      }
      assertThat(t.header).isEqualTo(expected.get(0).toList());
      assertThat(t.size()).isEqualTo(expected.size() - 1);
      for (int i = 0; i < t.size(); i++) {
        CSVRecord e = expected.get(i + 1);
        for (int c = 0; c < header.size(); c++) {
          assertThat(t.cell(i, c)).as("round %d row %d cell %d", round, i, c).isEqualTo(e.get(c));
        }
        assertThat(t.values[i]).containsExactly(Double.parseDouble(e.get(1).trim()), Double.parseDouble(e.get(3).trim()));
        // What an output file shows of the row is what a CSV writer prints for its cells.
        assertThat(new String(row(t, i), StandardCharsets.UTF_8))
            .isEqualTo(CSVFormat.RFC4180.format(e.toList().toArray()));
      }
    }
  }

  private static byte[] row(Table t, int i) {
    int n = t.rowLength(i);
    if (n < 0) {
      return t.rowAsCsv(i);
    }
    byte[] out = new byte[n];
    t.copyRow(i, out, 0);
    return out;
  }

  @Test
  void read_numbersLinesAndMissingValues() throws Exception {
    Path f = dir.resolve("m.csv");
    Files.writeString(f, "a,b,label\n1,2,x\n\n3,NA,\"multi\nline\"\n5,6,y\n-7.5,+8e1,z");
    Table drop = Table.read(f, List.of(), Table.Missing.DROP, ',', QUIET);
    assertThat(drop.columns).containsExactly("a", "b");
    assertThat(drop.values).isDeepEqualTo(new double[][] {{1, 2}, {5, 6}, {-7.5, 80}});
    assertThat(drop.lines).containsExactly(2, 6, 7);
    assertThat(drop.dropped).isEqualTo(1);
    assertThat(drop.missingCells).isEqualTo(1);
    Table impute = Table.read(f, List.of("b"), Table.Missing.IMPUTE_MEAN, ',', QUIET);
    assertThat(impute.values[1][0]).isNaN();
    assertThat(impute.cell(1, 2)).isEqualTo("multi\nline");
    assertThat(impute.lines).containsExactly(2, 4, 6, 7);
    assertThatThrownBy(() -> Table.read(f, List.of("b"), Table.Missing.FAIL, ',', QUIET))
        .hasMessageContaining("line 4").hasMessageContaining("'b' is missing");
    assertThatThrownBy(() -> Table.read(f, List.of("label"), Table.Missing.DROP, ',', QUIET))
        .hasMessageContaining("line 2").hasMessageContaining("'label' is 'x'");
  }

  @Test
  void read_otherDelimiterRowsComeOutCommaSeparated() throws Exception {
    Path f = dir.resolve("s.csv");
    Files.writeString(f, "a;b;c\n1,5;2;\"q;r\"\n");
    Table t = Table.read(f, List.of("b"), Table.Missing.FAIL, ';', QUIET);
    assertThat(t.rowLength(0)).isEqualTo(-1);
    assertThat(new String(t.rowAsCsv(0), StandardCharsets.UTF_8)).isEqualTo("\"1,5\",2,q;r");
  }

  @Test
  void read_malformedInputIsADataErrorWithItsLine() throws Exception {
    Path open = dir.resolve("open.csv");
    Files.writeString(open, "a,b\n1,2\n3,\"4\n");
    assertThatThrownBy(() -> Table.read(open, List.of("a"), Table.Missing.FAIL, ',', QUIET))
        .isInstanceOf(AppException.class).hasMessageContaining("line 3").hasMessageContaining("not closed");
    Path after = dir.resolve("after.csv");
    Files.writeString(after, "a,b\n1,\"2\"x\n");
    assertThatThrownBy(() -> Table.read(after, List.of("a"), Table.Missing.FAIL, ',', QUIET))
        .isInstanceOf(AppException.class).hasMessageContaining("line 2").hasMessageContaining("closing quote");
    Path ragged = dir.resolve("ragged.csv");
    Files.writeString(ragged, "a,b\n1,2\n3\n");
    assertThatThrownBy(() -> Table.read(ragged, List.of("a"), Table.Missing.FAIL, ',', QUIET))
        .hasMessageContaining("line 3: 1 cells, expected 2");
    Path latin = dir.resolve("latin.csv");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("a,b\n1,2\n3,caf".getBytes(StandardCharsets.US_ASCII));
    b.write(0xE9);
    b.write('\n');
    Files.write(latin, b.toByteArray());
    assertThatThrownBy(() -> Table.read(latin, List.of("a"), Table.Missing.FAIL, ',', QUIET))
        .hasMessageContaining("line 3").hasMessageContaining("not valid UTF-8");
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "\n\n");
    assertThatThrownBy(() -> Table.read(empty, List.of("a"), Table.Missing.FAIL, ',', QUIET))
        .hasMessageContaining("is empty");
  }

  @Test
  void parseDecimal_isExactlyParseDoubleWhereItApplies() {
    SplittableRandom r = new SplittableRandom(8);
    int applied = 0;
    for (int i = 0; i < 200_000; i++) {
      int digits = 1 + r.nextInt(17);
      StringBuilder sb = new StringBuilder(r.nextInt(4) == 0 ? "-" : "");
      int dot = r.nextInt(digits + 2);
      for (int k = 0; k < digits; k++) {
        if (k == dot) {
          sb.append('.');
        }
        sb.append((char) ('0' + r.nextInt(10)));
      }
      String s = sb.toString();
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      double v = Table.parseDecimal(b, 0, b.length);
      if (v == v) {
        applied++;
        assertThat(v).as(s).isEqualTo(Double.parseDouble(s));
      }
    }
    assertThat(applied).isGreaterThan(100_000);
    for (String s : new String[] {"", "-", ".", "1e5", "1.2.3", "NaN", "0x10", "1d", "1 2", "1234567890123456"}) {
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      assertThat(Table.parseDecimal(b, 0, b.length)).as(s).isNaN();
    }
  }

  @Test
  void identifierNames_areRecognisedWithoutCatchingWordsEndingInId() {
    for (String id : List.of("id", "ID", "customer_id", "user-id", "Customer ID", "CustomerID", "userId", "index", "",
        "order.id")) {
      assertThat(Table.identifierLike(id)).as(id).isTrue();
    }
    for (String word : List.of("paid", "valid", "PAID", "humid", "Idle", "width", "x")) {
      assertThat(Table.identifierLike(word)).as(word).isFalse();
    }
  }

  @Test
  void withoutColumns_rowNumbersAreLeftOutAndListedColumnsAreKept(@TempDir Path d) throws Exception {
    Path f = d.resolve("n.csv");
    Files.writeString(f, "row,a,b,c\n0,5,1,1\n1,6,3,2\n2,7,2,3\n3,1,9,5\n");
    Table auto = Table.read(f, List.of(), List.of("c"), Table.Missing.FAIL, ',', QUIET);
    // row counts from 0; a counts nothing; c is named as not a feature.
    assertThat(auto.columns).containsExactly("a", "b");
    assertThat(auto.leftOut).containsExactly("row", "c");
    Table listed = Table.read(f, List.of("row", "c"), List.of("c"), Table.Missing.FAIL, ',', QUIET);
    assertThat(listed.columns).containsExactly("row", "c");
    assertThat(listed.leftOut).isEmpty();
  }
}
