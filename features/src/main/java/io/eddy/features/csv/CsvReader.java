package io.eddy.features.csv;

import io.eddy.features.Transaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV (or whitespace-separated) input into rows of any type, with columns looked up by
 * header name, typed cells ({@link CsvRow}) and a policy for bad rows. Parsing is Apache
 * Commons CSV (RFC 4180 quoting).
 *
 * <p>A mapping function turns each {@link CsvRow} into a value; a {@link CsvDataException} it
 * throws (from a typed accessor, or its own) makes the row bad. Under {@link BadRows#FAIL} the
 * first bad row ends the read with that exception; under {@link BadRows#SKIP} bad rows are
 * counted, the first errors kept, and the read goes on. A missing required column is always an
 * {@link IllegalArgumentException} before any row is read.
 *
 * <p>Immutable and thread-safe; each read streams the input once.
 */
public final class CsvReader {

  /** What to do with a row that cannot be read. */
  public enum BadRows {
    /** Stop with the row's {@link CsvDataException}. */
    FAIL,
    /** Count it, keep its error (up to a limit) and go on. */
    SKIP
  }

  /**
   * Configuration.
   *
   * @param delimiter the cell separator (default ',')
   * @param whitespaceSeparated cells are separated by runs of spaces or tabs, leading and
   *     trailing ones ignored, as in many fixed-width logs; then {@code delimiter} is unused
   *     and cells cannot be quoted (default false)
   * @param columns the column names when the input has no header line; empty to read them from
   *     the first line (default empty)
   * @param badRows the bad-row policy (default {@link BadRows#FAIL})
   * @param maxErrorsKept how many skipped rows' errors to keep, &ge; 0 (default 100)
   */
  public record Params(char delimiter, boolean whitespaceSeparated, List<String> columns, BadRows badRows,
      int maxErrorsKept) {

    /** Comma-separated with a header line; fail on the first bad row. */
    public static final Params DEFAULTS = new Params(',', false, List.of(), BadRows.FAIL, 100);

    /** Validates and copies. */
    public Params {
      if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
        throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
      }
      if (columns == null || badRows == null) {
        throw new IllegalArgumentException("columns and badRows must not be null");
      }
      columns = List.copyOf(columns);
      if (maxErrorsKept < 0) {
        throw new IllegalArgumentException("maxErrorsKept must be >= 0, got " + maxErrorsKept);
      }
    }

    /** A copy with the delimiter set. */
    public Params withDelimiter(char v) {
      return new Params(v, false, columns, badRows, maxErrorsKept);
    }

    /** A copy reading whitespace-separated cells. */
    public Params withWhitespaceSeparated(boolean v) {
      return new Params(delimiter, v, columns, badRows, maxErrorsKept);
    }

    /** A copy for input without a header line, with these column names. */
    public Params withColumns(List<String> v) {
      return new Params(delimiter, whitespaceSeparated, v, badRows, maxErrorsKept);
    }

    /** A copy with the bad-row policy set. */
    public Params withBadRows(BadRows v) {
      return new Params(delimiter, whitespaceSeparated, columns, v, maxErrorsKept);
    }
  }

  /** Maps one row to a value. */
  @FunctionalInterface
  public interface RowMapper<T> {
    /** The value of {@code row}; throws {@link CsvDataException} if the row is bad. */
    T map(CsvRow row);
  }

  private final Params params;

  /** A reader with the given configuration. */
  public CsvReader(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  /** Reads a UTF-8 file. */
  public <T> CsvResult<T> read(Path file, RowMapper<T> mapper) throws IOException {
    try (Reader in = utf8(file)) {
      return read(in, mapper);
    }
  }

  /**
   * Reads everything from {@code in} (not closed).
   *
   * @throws CsvDataException for the first bad row under {@link BadRows#FAIL}
   * @throws IllegalArgumentException if a column the mapper asks for does not exist, or the
   *     header is empty or repeats a name
   * @throws IOException if reading fails
   */
  public <T> CsvResult<T> read(Reader in, RowMapper<T> mapper) throws IOException {
    return read(in, List.of(), mapper);
  }

  /**
   * As {@link #read(Reader, RowMapper)}, checking first that every one of {@code required}
   * exists, so that a missing column is an error even when the input has no rows.
   *
   * @throws IllegalArgumentException naming the missing column and the columns there are
   */
  public <T> CsvResult<T> read(Reader in, List<String> required, RowMapper<T> mapper) throws IOException {
    Reader unmarked = withoutByteOrderMark(in);
    Reader source = params.whitespaceSeparated ? new WhitespaceReader(unmarked) : unmarked;
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setDelimiter(params.whitespaceSeparated ? ',' : params.delimiter)
        .setIgnoreEmptyLines(true)
        .get();
    List<T> rows = new ArrayList<>();
    List<CsvDataException> errors = new ArrayList<>();
    long skipped = 0;
    try (CSVParser parser = CSVParser.builder().setReader(source).setFormat(format).get()) {
      // In file order, so that a message listing the columns lists them as the file has them.
      Map<String, Integer> index = new java.util.LinkedHashMap<>();
      boolean headerFromInput = params.columns.isEmpty();
      long lineOffset = 0;
      java.util.Iterator<CSVRecord> it = parser.iterator();
      if (headerFromInput) {
        if (!hasNext(it, parser)) {
          requireColumns(required, index);
          return new CsvResult<>(rows, 0, errors);
        }
        CSVRecord header = it.next();
        lineOffset = parser.getCurrentLineNumber();
        for (int i = 0; i < header.size(); i++) {
          putColumn(index, header.get(i).trim(), i);
        }
      } else {
        for (int i = 0; i < params.columns.size(); i++) {
          putColumn(index, params.columns.get(i), i);
        }
      }
      requireColumns(required, index);
      long previousLine = lineOffset;
      while (hasNext(it, parser)) {
        CSVRecord record = it.next();
        // The parser has consumed the record's line break (none after the last line).
        long line = Math.max(previousLine + 1, parser.getCurrentLineNumber());
        previousLine = line;
        try {
          T value = mapper.map(new CsvRow(record, index, line));
          rows.add(value);
        } catch (CsvDataException e) {
          if (params.badRows == BadRows.FAIL) {
            throw e;
          }
          skipped++;
          if (errors.size() < params.maxErrorsKept) {
            errors.add(e);
          }
        } catch (IllegalArgumentException e) {
          if (e.getMessage() != null && e.getMessage().startsWith("no column '")) {
            throw e;
          }
          // A value rejected by the mapped type's own validation is a bad row too.
          CsvDataException bad = new CsvDataException(line, "*", record.toList().toString(), e.getMessage());
          if (params.badRows == BadRows.FAIL) {
            throw bad;
          }
          skipped++;
          if (errors.size() < params.maxErrorsKept) {
            errors.add(bad);
          }
        }
      }
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    return new CsvResult<>(rows, skipped, errors);
  }

  private static void requireColumns(List<String> required, Map<String, Integer> index) {
    for (String name : required) {
      if (name != null && !index.containsKey(name)) {
        throw new IllegalArgumentException("no column '" + name + "'; columns are " + index.keySet());
      }
    }
  }

  /**
   * The iterator's next step, with a decoding error (bytes that are not UTF-8, say) reported
   * with the line it was met on instead of the decoder's bare "Input length = 1".
   */
  private static boolean hasNext(java.util.Iterator<CSVRecord> it, CSVParser parser) throws IOException {
    try {
      return it.hasNext();
    } catch (java.io.UncheckedIOException e) {
      if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
        throw new CsvDataException(parser.getCurrentLineNumber() + 1, "*", "",
            "the input is not valid UTF-8 (" + e.getCause().getMessage() + ")");
      }
      throw e;
    }
  }

  /**
   * A strict UTF-8 reader of {@code file} that reports bytes that are not UTF-8 with their line
   * number ({@link CsvDataException}).
   */
  static Reader utf8(Path file) throws IOException {
    return new java.io.BufferedReader(new Utf8LineReader(Files.newInputStream(file)));
  }

  /** {@code in} without a leading byte-order mark, which UTF-8 editors write and readers must drop. */
  private static Reader withoutByteOrderMark(Reader in) throws IOException {
    java.io.PushbackReader r = new java.io.PushbackReader(in, 1);
    int first = r.read();
    if (first != -1 && first != '\uFEFF') {
      r.unread(first);
    }
    return r;
  }

  private static void putColumn(Map<String, Integer> index, String name, int i) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("column " + (i + 1) + " has an empty name");
    }
    if (index.put(name, i) != null) {
      throw new IllegalArgumentException("column name '" + name + "' appears twice");
    }
  }

  /**
   * Reads a table of numeric and categorical columns by name: numeric cells that are empty or
   * "NA" become NaN (missing), categorical empty cells null.
   */
  public CsvResult<Object[]> readTable(Reader in, List<String> numeric, List<String> categorical) throws IOException {
    List<String> required = new ArrayList<>(numeric);
    required.addAll(categorical);
    return read(in, required, row -> {
      double[] x = new double[numeric.size()];
      for (int j = 0; j < x.length; j++) {
        x[j] = row.doubleOrMissing(numeric.get(j));
      }
      String[] c = new String[categorical.size()];
      for (int j = 0; j < c.length; j++) {
        c[j] = row.optionalString(categorical.get(j));
      }
      return new Object[] {x, c};
    });
  }

  /** {@link #readTable(Reader, List, List)} from a UTF-8 file. */
  public CsvResult<Object[]> readTable(Path file, List<String> numeric, List<String> categorical) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return readTable(in, numeric, categorical);
    }
  }

  /**
   * Column names of a transaction log, for {@link #readTransactions}. Null names are absent
   * columns.
   *
   * @param customer the customer id column (required)
   * @param time the date or date-time column (required)
   * @param timeFormat its format
   * @param quantity the quantity column (required)
   * @param amount the line total column, or null if {@code unitPrice} is given
   * @param unitPrice the unit price column, or null if {@code amount} is given
   * @param product the product column, or null
   * @param invoice the invoice column, or null
   * @param cancelled a boolean cancellation column, or null
   * @param cancelledInvoicePrefix an invoice id prefix that marks a cancellation (as "C" in the
   *     UCI Online Retail log), or null
   */
  public record TransactionColumns(String customer, String time, java.time.format.DateTimeFormatter timeFormat,
      String quantity, String amount, String unitPrice, String product, String invoice, String cancelled,
      String cancelledInvoicePrefix) {

    /** Validates that the required columns are named and exactly one of amount/unitPrice. */
    public TransactionColumns {
      if (customer == null || time == null || timeFormat == null || quantity == null) {
        throw new IllegalArgumentException("customer, time, timeFormat and quantity are required");
      }
      if ((amount == null) == (unitPrice == null)) {
        throw new IllegalArgumentException("give exactly one of amount and unitPrice");
      }
    }

    /** customer, date, quantity and amount columns only. */
    public static TransactionColumns of(String customer, String time, java.time.format.DateTimeFormatter format,
        String quantity, String amount) {
      return new TransactionColumns(customer, time, format, quantity, amount, null, null, null, null, null);
    }
  }

  /**
   * Reads a transaction log. A missing customer id is not a bad row: it is kept as null for
   * RFM cleaning to count. Unparseable numbers and dates are bad rows.
   */
  public CsvResult<Transaction> readTransactions(Reader in, TransactionColumns c) throws IOException {
    return read(in, java.util.Arrays.asList(c.customer(), c.time(), c.quantity(), c.amount(),
        c.unitPrice(), c.product(), c.invoice(), c.cancelled()), row -> {
      String customer = row.optionalString(c.customer());
      long time = row.epochMillis(c.time(), c.timeFormat());
      double qty = row.doubleValue(c.quantity());
      double amount = c.amount() != null ? row.doubleValue(c.amount()) : qty * row.doubleValue(c.unitPrice());
      String product = c.product() == null ? null : row.optionalString(c.product());
      String invoice = c.invoice() == null ? null : row.optionalString(c.invoice());
      boolean cancelled = c.cancelled() != null && row.booleanValue(c.cancelled());
      if (c.cancelledInvoicePrefix() != null && invoice != null && invoice.startsWith(c.cancelledInvoicePrefix())) {
        cancelled = true;
      }
      return new Transaction(customer, time, product, invoice, qty, amount, cancelled);
    });
  }

  /** {@link #readTransactions(Reader, TransactionColumns)} from a UTF-8 file. */
  public CsvResult<Transaction> readTransactions(Path file, TransactionColumns c) throws IOException {
    try (Reader in = utf8(file)) {
      return readTransactions(in, c);
    }
  }

  /**
   * Column names of a clickstream log, for {@link #readClickEvents}.
   *
   * @param user the user id column (required)
   * @param time the date-time column (required)
   * @param timeFormat its format
   * @param type the event type column (required)
   * @param product the product column, or null
   * @param value the value column, or null (then 0; an empty cell is 0 too)
   */
  public record ClickColumns(String user, String time, java.time.format.DateTimeFormatter timeFormat, String type,
      String product, String value) {

    /** Validates that the required columns are named. */
    public ClickColumns {
      if (user == null || time == null || timeFormat == null || type == null) {
        throw new IllegalArgumentException("user, time, timeFormat and type are required");
      }
    }
  }

  /** Reads a clickstream log, for a {@link io.eddy.features.Sessionizer}. */
  public CsvResult<io.eddy.features.ClickEvent> readClickEvents(Reader in, ClickColumns c) throws IOException {
    return read(in, row -> {
      String product = c.product() == null ? null : row.optionalString(c.product());
      double value = 0;
      if (c.value() != null) {
        double v = row.doubleOrMissing(c.value());
        value = v != v ? 0 : v;
      }
      return new io.eddy.features.ClickEvent(row.string(c.user()), row.epochMillis(c.time(), c.timeFormat()),
          row.string(c.type()), product, value);
    });
  }

  /** Rewrites whitespace-separated lines as comma-separated ones, line for line. */
  private static final class WhitespaceReader extends Reader {
    private final BufferedReader lines;
    private Reader current = new StringReader("");

    WhitespaceReader(Reader in) {
      this.lines = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      while (true) {
        int n = current.read(buf, off, len);
        if (n > 0) {
          return n;
        }
        String line = lines.readLine();
        if (line == null) {
          return -1;
        }
        current = new StringReader(commaSeparated(line));
      }
    }

    private static String commaSeparated(String line) {
      StringBuilder b = new StringBuilder(line.length() + 1);
      boolean inCell = false;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (ch == ' ' || ch == '\t') {
          inCell = false;
        } else {
          if (!inCell && b.length() > 0) {
            b.append(',');
          }
          inCell = true;
          b.append(ch);
        }
      }
      return b.append('\n').toString();
    }

    @Override
    public void close() throws IOException {
      lines.close();
    }
  }
}
