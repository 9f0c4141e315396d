package io.eddy.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV table read for segmentation: every cell kept as text (so output files can repeat the
 * input rows), and the chosen numeric columns parsed into a matrix.
 *
 * <p>The file is UTF-8 with a header line; a byte-order mark is skipped; cells may be quoted
 * (RFC 4180); blank lines are ignored. A numeric cell that is empty or one of {@link
 * #MISSING_TOKENS} is missing, handled by the {@link Missing} policy; any other cell that is
 * not a number is an error naming its line and column. Not thread-safe; immutable once read.
 */
final class Table {

  /** Cell texts read as a missing value (compared ignoring case, after trimming). */
  static final Set<String> MISSING_TOKENS = Set.of("", "na", "n/a", "nan", "null", "?");

  /** What to do with a row that has a missing value in a chosen column. */
  enum Missing {
    /** Leave the row out, counted in the summary (the default). */
    DROP,
    /** Stop with an error naming the first such row. */
    FAIL,
    /** Keep the row; the fitted pipeline replaces the value by the column's mean. */
    IMPUTE_MEAN;

    /** Parses {@code drop|fail|impute-mean}. */
    static Missing parse(String s) {
      for (Missing m : values()) {
        if (m.id().equals(s)) {
          return m;
        }
      }
      throw AppException.usage("--missing '" + s + "' is not valid; valid values: drop, fail, impute-mean");
    }

    String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  final Path file;
  final List<String> header;
  final List<String> columns;
  final List<String[]> cells;
  final double[][] values;
  final long[] lines;
  final long dropped;
  final long missingCells;

  private Table(Path file, List<String> header, List<String> columns, List<String[]> cells, double[][] values,
      long[] lines, long dropped, long missingCells) {
    this.file = file;
    this.header = header;
    this.columns = columns;
    this.cells = cells;
    this.values = values;
    this.lines = lines;
    this.dropped = dropped;
    this.missingCells = missingCells;
  }

  /** The number of rows kept. */
  int size() {
    return values.length;
  }

  /** Opens a UTF-8 file, skipping a byte-order mark; a missing file is a usage error. */
  static BufferedReader open(Path file) throws IOException {
    BufferedReader in;
    try {
      in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw AppException.usage("no such file: " + file);
    }
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
    return in;
  }

  /**
   * Reads {@code file}.
   *
   * @param columns the numeric columns to parse, or empty for every column whose cells are
   *     all numbers or missing
   * @param missing the missing-value policy
   * @param delimiter the cell separator
   * @param progress where to report
   * @throws AppException for a missing file or column (listing the available ones), a
   *     non-numeric cell, a missing value under {@link Missing#FAIL}, or no rows left
   */
  static Table read(Path file, List<String> columns, Missing missing, char delimiter, Progress progress)
      throws IOException {
    long size = Files.exists(file) ? Files.size(file) : 0;
    try (Reader in = open(file);
        CSVParser parser = CSVParser.builder().setReader(in)
            .setFormat(CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get()).get()) {
      var it = parser.iterator();
      if (!it.hasNext()) {
        throw AppException.data(file + " is empty, expected a header line and rows");
      }
      List<String> header = new ArrayList<>();
      Map<String, Integer> index = new LinkedHashMap<>();
      for (String h : it.next()) {
        String name = h.trim();
        if (index.putIfAbsent(name, header.size()) != null) {
          throw AppException.data(file + ": column '" + name + "' appears twice in the header");
        }
        header.add(name);
      }
      List<String[]> cells = new ArrayList<>();
      List<Long> lineList = new ArrayList<>();
      progress.start("reading", Math.max(1, size));
      long bytes = 0;
      while (it.hasNext()) {
        CSVRecord r = it.next();
        String[] row = r.values();
        if (row.length != header.size()) {
          throw AppException.data(file + " line " + parser.getCurrentLineNumber() + ": " + row.length
              + " cells, expected " + header.size() + " (one per header column)");
        }
        cells.add(row);
        lineList.add(parser.getCurrentLineNumber());
        bytes += 8 * row.length;
        if ((cells.size() & 1023) == 0) {
          progress.update(Math.min(bytes, size));
        }
      }
      progress.finish();
      List<String> chosen = columns.isEmpty() ? numericColumns(header, cells) : List.copyOf(columns);
      if (chosen.isEmpty()) {
        throw AppException.usage(file + " has no numeric column; available columns: " + quoted(header));
      }
      int[] idx = new int[chosen.size()];
      for (int j = 0; j < idx.length; j++) {
        Integer i = index.get(chosen.get(j));
        if (i == null) {
          throw AppException.usage("no column '" + chosen.get(j) + "' in " + file + "; available columns: "
              + quoted(header));
        }
        idx[j] = i;
      }
      List<double[]> kept = new ArrayList<>(cells.size());
      List<String[]> keptCells = new ArrayList<>(cells.size());
      List<Long> keptLines = new ArrayList<>(cells.size());
      long dropped = 0;
      long missingCells = 0;
      for (int r = 0; r < cells.size(); r++) {
        String[] row = cells.get(r);
        double[] x = new double[idx.length];
        boolean hasMissing = false;
        for (int j = 0; j < idx.length; j++) {
          String text = row[idx[j]].trim();
          if (isMissing(text)) {
            x[j] = Double.NaN;
            hasMissing = true;
            missingCells++;
            if (missing == Missing.FAIL) {
              throw AppException.data(file + " line " + lineList.get(r) + ": column '" + chosen.get(j)
                  + "' is missing (--missing fail); use --missing drop or impute-mean to go on");
            }
            continue;
          }
          x[j] = parse(text);
          if (Double.isNaN(x[j]) || Double.isInfinite(x[j])) {
            throw AppException.data(file + " line " + lineList.get(r) + ": column '" + chosen.get(j) + "' is '"
                + row[idx[j]] + "', expected a finite number");
          }
        }
        if (hasMissing && missing == Missing.DROP) {
          dropped++;
          continue;
        }
        kept.add(x);
        keptCells.add(row);
        keptLines.add(lineList.get(r));
      }
      if (kept.isEmpty()) {
        throw AppException.data(file + " has no usable rows (" + cells.size() + " read, " + dropped
            + " dropped for missing values)");
      }
      long[] lines = new long[keptLines.size()];
      for (int i = 0; i < lines.length; i++) {
        lines[i] = keptLines.get(i);
      }
      return new Table(file, List.copyOf(header), chosen, keptCells, kept.toArray(new double[0][]), lines, dropped,
          missingCells);
    } catch (java.io.UncheckedIOException e) {
      throw AppException.data(file + ": " + e.getCause().getMessage());
    }
  }

  /**
   * Whether a trimmed cell is one of {@link #MISSING_TOKENS}. A cell that starts like a number
   * is not looked up: that spares a lower-cased copy of every cell of a large table.
   */
  static boolean isMissing(String text) {
    if (text.isEmpty()) {
      return true;
    }
    char c = text.charAt(0);
    if ((c >= '0' && c <= '9') || ((c == '-' || c == '+' || c == '.') && text.length() > 1)) {
      return false;
    }
    return MISSING_TOKENS.contains(text.toLowerCase(Locale.ROOT));
  }

  private static double parse(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static List<String> numericColumns(List<String> header, List<String[]> cells) {
    List<String> out = new ArrayList<>();
    for (int j = 0; j < header.size(); j++) {
      boolean numeric = !cells.isEmpty();
      for (String[] row : cells) {
        String t = row[j].trim();
        if (!isMissing(t) && !Double.isFinite(parse(t))) {
          numeric = false;
          break;
        }
      }
      if (numeric) {
        out.add(header.get(j));
      }
    }
    return out;
  }

  static String quoted(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append(sb.length() == 0 ? "" : ", ").append('"').append(n).append('"');
    }
    return sb.toString();
  }
}
