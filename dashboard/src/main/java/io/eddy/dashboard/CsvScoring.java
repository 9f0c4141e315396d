package io.eddy.dashboard;

import io.eddy.features.ScoreColumns;
import io.eddy.features.SegmentationBundle;
import io.eddy.features.SimpleImputer;
import io.eddy.features.csv.CsvWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code POST /api/score} for a CSV: the rows as sent, with the score columns of {@code eddy
 * score} appended ({@link ScoreColumns}). The body is parsed as it streams in; the answer is
 * built in memory (bounded by the upload limit) so that an error on any line is still a clean
 * 400. Rules as on the command line: a header line, RFC 4180 quoting, a byte-order mark
 * skipped, blank lines ignored; other columns are copied through; a row with a missing feature
 * (empty, NA, NaN, null, ?) is dropped and counted, unless the model imputes.
 */
final class CsvScoring {

  /** Cell texts read as missing, as on the command line. */
  static final Set<String> MISSING_TOKENS = Set.of("", "na", "n/a", "nan", "null", "?");

  /** The scored CSV, and how many rows were scored and dropped. */
  record Result(String csv, long rows, long dropped) {}

  private CsvScoring() {}

  /**
   * Scores every row of {@code in}.
   *
   * @throws IllegalArgumentException for a missing header or column, a row of the wrong width, or
   *     a cell that is not a number, the message naming its line
   * @throws IOException if reading fails (including an upload past its limit)
   */
  static Result score(Reader in, SegmentationBundle b) throws IOException {
    List<String> features = b.featureNames();
    boolean imputes = !b.pipeline().steps().isEmpty() && b.pipeline().steps().get(0) instanceof SimpleImputer;
    StringWriter text = new StringWriter();
    long rows = 0;
    long dropped = 0;
    try (CSVParser parser = CSVParser.builder().setReader(skipBom(in))
        .setFormat(CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get()).get()) {
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        throw new IllegalArgumentException("the upload is empty, expected a header line and rows");
      }
      List<String> header = new ArrayList<>();
      Map<String, Integer> index = new LinkedHashMap<>();
      for (String h : it.next()) {
        String name = h.trim();
        if (index.putIfAbsent(name, header.size()) != null) {
          throw new IllegalArgumentException("column '" + name + "' appears twice in the header");
        }
        header.add(name);
      }
      int[] idx = new int[features.size()];
      for (int j = 0; j < idx.length; j++) {
        Integer i = index.get(features.get(j));
        if (i == null) {
          throw new IllegalArgumentException("no column '" + features.get(j) + "' in the upload; the model needs "
              + quoted(features) + "; available columns: " + quoted(header));
        }
        idx[j] = i;
      }
      List<String> outHeader = new ArrayList<>(header);
      outHeader.addAll(ScoreColumns.header(b.density()));
      try (CsvWriter out = new CsvWriter(text, outHeader)) {
        Object[] row = new Object[outHeader.size()];
        double[] x = new double[idx.length];
        while (it.hasNext()) {
          CSVRecord r = it.next();
          long line = parser.getCurrentLineNumber();
          if (r.size() != header.size()) {
            throw new IllegalArgumentException("line " + line + ": " + r.size() + " cells, expected "
                + header.size() + " (one per header column)");
          }
          if (!parse(r, idx, features, line, imputes, x)) {
            dropped++;
            continue;
          }
          SegmentationBundle.Score s;
          try {
            s = b.score(x);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
          }
          for (int j = 0; j < header.size(); j++) {
            row[j] = r.get(j);
          }
          ScoreColumns.fill(row, header.size(), s, b.density());
          out.row(row);
          rows++;
        }
      }
    } catch (UncheckedIOException e) {
      // Commons CSV wraps the reader's failures (a malformed quote, the upload limit) this way.
      if (e.getCause() instanceof Upload.TooLarge) {
        throw e.getCause();
      }
      throw new IllegalArgumentException(e.getCause().getMessage(), e);
    }
    return new Result(text.toString(), rows, dropped);
  }

  /** Parses the feature cells into {@code x}; false if the row has a missing value and is dropped. */
  private static boolean parse(CSVRecord r, int[] idx, List<String> features, long line, boolean imputes,
      double[] x) {
    for (int j = 0; j < idx.length; j++) {
      String cell = r.get(idx[j]);
      String t = cell.trim();
      if (MISSING_TOKENS.contains(t.toLowerCase(Locale.ROOT))) {
        if (!imputes) {
          return false;
        }
        x[j] = Double.NaN;
        continue;
      }
      double v;
      try {
        v = Double.parseDouble(t);
      } catch (NumberFormatException e) {
        v = Double.NaN;
      }
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("line " + line + ": column '" + features.get(j) + "' is '" + cell
            + "', expected a finite number");
      }
      x[j] = v;
    }
    return true;
  }

  private static Reader skipBom(Reader in) throws IOException {
    java.io.PushbackReader p = new java.io.PushbackReader(in, 1);
    int c = p.read();
    if (c >= 0 && c != '\uFEFF') {
      p.unread(c);
    }
    return p;
  }

  static String quoted(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append(sb.length() == 0 ? "" : ", ").append('"').append(n).append('"');
    }
    return sb.toString();
  }
}
