package io.eddy.features.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a table as RFC 4180 CSV (Apache Commons CSV): a header line, then one line per row,
 * cells quoted only when they need it, lines ended by {@code \n}. What {@link CsvReader} reads
 * back unchanged, and what spreadsheets and pandas open.
 *
 * <p>Numbers are written the same way on every machine, whatever the default locale:
 * {@link #format(double)} gives the shortest decimal that reads back to the same double, an
 * integral value without a fraction ({@code 80}, not {@code 80.0}), and NaN as an empty cell
 * (a missing value, which {@link CsvRow#doubleOrMissing} reads back as NaN).
 *
 * <pre>{@code
 * try (CsvWriter out = CsvWriter.open(path, List.of("customer", "segment", "distance"))) {
 *   out.row("c-17", 3, 0.42);
 * }
 * }</pre>
 *
 * <p>Not thread-safe. Each row costs O(cells); nothing is buffered beyond the underlying
 * writer's buffer.
 */
public final class CsvWriter implements Closeable, Flushable {

  private final CSVPrinter printer;
  private final int columns;
  private final String[] cells;
  private long rows;

  /**
   * Writes the header to {@code out} (closed with this writer).
   *
   * @param header the column names, at least one, none null
   * @throws IllegalArgumentException if the header is empty or has a null name
   * @throws IOException if writing fails
   */
  public CsvWriter(Writer out, List<String> header) throws IOException {
    if (out == null) {
      throw new IllegalArgumentException("out is null");
    }
    if (header == null || header.isEmpty() || header.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("header " + header + " must name at least one column, none null");
    }
    this.columns = header.size();
    this.cells = new String[columns];
    this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
    printer.printRecord(header);
  }

  /** A writer of a new UTF-8 file (replaced if it exists), with the header written. */
  public static CsvWriter open(Path file, List<String> header) throws IOException {
    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    try {
      return new CsvWriter(w, header);
    } catch (IOException | RuntimeException e) {
      w.close();
      throw e;
    }
  }

  /**
   * Writes one row. Numbers go through {@link #format(double)}, null is an empty cell, and
   * anything else its {@code toString()}.
   *
   * @param values exactly one value per header column
   * @throws IllegalArgumentException if the count is wrong (nothing is written then)
   * @throws IOException if writing fails
   */
  public void row(Object... values) throws IOException {
    if (values == null || values.length != columns) {
      throw new IllegalArgumentException("row has " + (values == null ? 0 : values.length)
          + " values, expected " + columns);
    }
    for (int i = 0; i < columns; i++) {
      cells[i] = cell(values[i]);
    }
    printer.printRecord((Object[]) cells);
    rows++;
  }

  /** {@link #row(Object...)} from a list. */
  public void row(List<?> values) throws IOException {
    row(values == null ? null : values.toArray());
  }

  /** The number of rows written, header excluded. */
  public long rows() {
    return rows;
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double || v instanceof Float) {
      return format(((Number) v).doubleValue());
    }
    return v.toString();
  }

  /**
   * A double as CSV text: empty for NaN, {@code Infinity}/{@code -Infinity} for infinities, an
   * integer without a fraction when the value is integral and below 1e15 in magnitude, and
   * otherwise Java's shortest round-trip decimal ({@link Double#toString}). Locale-free.
   */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return v == 0 ? "0" : Long.toString((long) v);
    }
    return Double.toString(v);
  }

  @Override
  public void flush() throws IOException {
    printer.flush();
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }
}
