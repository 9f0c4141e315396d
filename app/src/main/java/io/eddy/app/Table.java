package io.eddy.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV table read for segmentation: the file's bytes kept whole, each kept row as a slice of
 * them (so output files repeat the input rows exactly, without a String per cell), and the
 * chosen numeric columns parsed into a matrix.
 *
 * <p>The file is UTF-8 with a header line; a byte-order mark is skipped; cells may be quoted
 * (RFC 4180: a quote opens a cell, {@code ""} inside is a quote, line breaks inside are kept);
 * lines end with LF, CRLF or CR; empty lines are ignored. A numeric cell that is empty or one
 * of {@link #MISSING_TOKENS} is missing, handled by the {@link Missing} policy; any other cell
 * that is not a number is an error naming its line and column. Not thread-safe; immutable once
 * read.
 *
 * <p>Why its own parser: on a 200,000 x 16 table, Commons CSV's per-cell Strings and the copies
 * kept for the output took 2.3 s of CPU of a cold run, two thirds of them in parsing; this
 * reader slices the byte array once, parses plain decimals without a String (exactly: see
 * {@link #parseDecimal}) and keeps 4 ints per row instead of 17 Strings.
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
  final double[][] values;
  /** The line each kept row starts on, 1-based. */
  final long[] lines;
  final long dropped;
  final long missingCells;
  /**
   * Numeric columns left out because no {@code --columns} was given and they are not features:
   * the columns the command named (a time column), identifiers by name, and row numbers.
   */
  final List<String> leftOut;
  private final byte[] text;
  private final byte delimiter;
  /** Kept row i is {@code text[from[i] .. to[i])}, line break excluded. */
  private final int[] from;
  private final int[] to;
  /** Whether kept row i is written as {@link org.apache.commons.csv.CSVFormat#RFC4180} would write its cells. */
  private final boolean[] canonical;

  private Table(Path file, List<String> header, List<String> columns, double[][] values, long[] lines, long dropped,
      long missingCells, List<String> leftOut, byte[] text, byte delimiter, int[] from, int[] to,
      boolean[] canonical) {
    this.file = file;
    this.leftOut = leftOut;
    this.header = header;
    this.columns = columns;
    this.values = values;
    this.lines = lines;
    this.dropped = dropped;
    this.missingCells = missingCells;
    this.text = text;
    this.delimiter = delimiter;
    this.from = from;
    this.to = to;
    this.canonical = canonical;
  }

  /** The number of rows kept. */
  int size() {
    return values.length;
  }

  /**
   * The length in bytes of kept row {@code row} as it was in the file, or -1 if its text is
   * not what a CSV writer would write for its cells (another delimiter, quotes, spaces around
   * a cell...): then {@link #rowAsCsv} re-encodes it, so that every output shows a row alike.
   */
  int rowLength(int row) {
    return canonical[row] ? to[row] - from[row] : -1;
  }

  /** Copies kept row {@code row} as it was in the file into {@code out} at {@code at}; returns the end. */
  int copyRow(int row, byte[] out, int at) {
    int length = to[row] - from[row];
    System.arraycopy(text, from[row], out, at, length);
    return at + length;
  }

  /** Kept row {@code row} as a comma-separated CSV record, without a line break. */
  byte[] rowAsCsv(int row) {
    Object[] cells = new Object[header.size()];
    for (int c = 0; c < cells.length; c++) {
      cells[c] = cell(row, c);
    }
    return org.apache.commons.csv.CSVFormat.RFC4180.format(cells).getBytes(StandardCharsets.UTF_8);
  }

  /** The text of a cell of a kept row, unquoted, not trimmed. */
  String cell(int row, int column) {
    int[] bounds = new int[2 * header.size()];
    new Splitter(file, text, delimiter).split(from[row], to[row], bounds);
    return Splitter.text(text, bounds[2 * column], bounds[2 * column + 1]);
  }

  /** Opens a UTF-8 file, skipping a byte-order mark; a missing file is a usage error. */
  static java.io.BufferedReader open(Path file) throws IOException {
    java.io.BufferedReader in;
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

  /** Reads a whole file, mapping a missing one to a usage error. */
  static byte[] readAll(Path file) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw AppException.usage("no such file: " + file);
    }
  }

  /**
   * Reads {@code file}.
   *
   * @param columns the numeric columns to parse, or empty for every column whose cells are
   *     all numbers or missing
   * @param missing the missing-value policy
   * @param delimiter the cell separator, an ASCII character other than a quote or line break
   * @param progress where to report
   * @throws AppException for a missing file or column (listing the available ones), a
   *     non-numeric cell, a missing value under {@link Missing#FAIL}, bytes that are not
   *     UTF-8, a malformed quoted cell, or no rows left
   */
  static Table read(Path file, List<String> columns, Missing missing, char delimiter, Progress progress)
      throws IOException {
    return read(file, columns, List.of(), missing, delimiter, progress);
  }

  /**
   * Reads {@code file}; without {@code columns}, the numeric columns that are not features are
   * left out (see {@link #leftOut}): those in {@code notFeatures}, those named like an
   * identifier ({@link #identifierLike}), and those holding the row numbers (0, 1, 2... or
   * 1, 2, 3...).
   *
   * @param notFeatures columns the command uses otherwise (a time or id column), never
   *     features unless listed in {@code columns}
   */
  static Table read(Path file, List<String> columns, List<String> notFeatures, Missing missing, char delimiter,
      Progress progress) throws IOException {
    if (delimiter >= 0x80 || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw AppException.usage("--delimiter '" + delimiter + "' is not valid: expected an ASCII character other "
          + "than a quote or a line break");
    }
    byte[] text = readAll(file);
    requireUtf8(file, text);
    Splitter sp = new Splitter(file, text, (byte) delimiter);
    int pos = text.length >= 3 && (text[0] & 0xff) == 0xEF && (text[1] & 0xff) == 0xBB && (text[2] & 0xff) == 0xBF
        ? 3 : 0;
    pos = sp.skipEmptyLines(pos);
    if (pos >= text.length) {
      throw AppException.data(file + " is empty, expected a header line and rows");
    }
    int[] bounds = new int[64];
    int headerEnd = sp.recordEnd(pos);
    bounds = sp.fit(pos, headerEnd, bounds);
    int width = sp.split(pos, headerEnd, bounds);
    List<String> header = new ArrayList<>(width);
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int c = 0; c < width; c++) {
      String name = Splitter.text(text, bounds[2 * c], bounds[2 * c + 1]).trim();
      if (index.putIfAbsent(name, header.size()) != null) {
        throw AppException.data(file + ": column '" + name + "' appears twice in the header");
      }
      header.add(name);
    }
    // Without --columns every column is a candidate, and a column with a non-number leaves.
    boolean auto = columns.isEmpty();
    List<String> candidates = auto ? header : List.copyOf(columns);
    int[] idx = new int[candidates.size()];
    for (int j = 0; j < idx.length; j++) {
      Integer i = index.get(candidates.get(j));
      if (i == null) {
        throw AppException.usage("no column '" + candidates.get(j) + "' in " + file + "; available columns: "
            + quoted(header));
      }
      idx[j] = i;
    }
    boolean[] numeric = new boolean[idx.length];
    Arrays.fill(numeric, true);
    List<String> leftOut = new ArrayList<>();
    boolean[] excluded = new boolean[idx.length];
    // Whether column j so far counts the rows, from its first value, 0 or 1: a row number,
    // not a feature.
    boolean[] counts = new boolean[idx.length];
    double[] countFrom = new double[idx.length];
    if (auto) {
      for (int j = 0; j < idx.length; j++) {
        excluded[j] = notFeatures.contains(candidates.get(j)) || identifierLike(candidates.get(j));
        counts[j] = !excluded[j];
      }
    }
    int capacity = Math.max(16, text.length / Math.max(1, 4 * width));
    int[] from = new int[capacity];
    int[] to = new int[capacity];
    long[] lines = new long[capacity];
    boolean[] canonical = new boolean[capacity];
    double[][] rows = new double[capacity][];
    int n = 0;
    long line = sp.line;
    pos = sp.next(headerEnd);
    progress.start("reading", Math.max(1, text.length));
    while ((pos = sp.skipEmptyLines(pos)) < text.length) {
      line = sp.line;
      int end = sp.recordEnd(pos);
      bounds = sp.fit(pos, end, bounds);
      int cells = sp.split(pos, end, bounds);
      if (cells != width) {
        throw AppException.data(file + " line " + line + ": " + cells + " cells, expected " + width
            + " (one per header column)");
      }
      double[] x = new double[idx.length];
      for (int j = 0; j < idx.length; j++) {
        if (!numeric[j]) {
          continue;
        }
        int c = idx[j];
        double v = sp.number(bounds[2 * c], bounds[2 * c + 1]);
        if (v != v && !sp.missing) {
          if (!auto) {
            throw AppException.data(file + " line " + line + ": column '" + candidates.get(j) + "' is '"
                + Splitter.text(text, bounds[2 * c], bounds[2 * c + 1]) + "', expected a finite number");
          }
          numeric[j] = false;
        }
        if (counts[j]) {
          if (n == 0) {
            countFrom[j] = v;
          }
          counts[j] = (countFrom[j] == 0 || countFrom[j] == 1) && v == n + countFrom[j];
        }
        x[j] = v;
      }
      if (n == from.length) {
        int grown = n + (n >> 1) + 16;
        from = Arrays.copyOf(from, grown);
        to = Arrays.copyOf(to, grown);
        lines = Arrays.copyOf(lines, grown);
        rows = Arrays.copyOf(rows, grown);
        canonical = Arrays.copyOf(canonical, grown);
      }
      canonical[n] = delimiter == ',' && !sp.quotes && sp.canonical(bounds, cells);
      from[n] = pos;
      to[n] = end;
      lines[n] = line;
      rows[n] = x;
      n++;
      if ((n & 4095) == 0) {
        progress.update(end);
      }
      pos = sp.next(end);
    }
    progress.finish();
    List<String> chosen = new ArrayList<>();
    int[] pick = new int[idx.length];
    for (int j = 0; j < idx.length; j++) {
      if (numeric[j] && (excluded[j] || counts[j] && n >= 3)) {
        leftOut.add(candidates.get(j));
      } else if (numeric[j]) {
        pick[chosen.size()] = j;
        chosen.add(candidates.get(j));
      }
    }
    if (chosen.isEmpty()) {
      throw AppException.usage(file + " has no numeric column" + (leftOut.isEmpty() ? "" : " but "
          + quoted(leftOut) + ", left out as not features (name them in --columns to use them)")
          + "; available columns: " + quoted(header));
    }
    int d = chosen.size();
    int kept = 0;
    long dropped = 0;
    long missingCells = 0;
    for (int r = 0; r < n; r++) {
      double[] x = rows[r];
      double[] y = d == x.length ? x : new double[d];
      boolean hasMissing = false;
      for (int j = 0; j < d; j++) {
        double v = x[pick[j]];
        y[j] = v;
        if (v != v) {
          hasMissing = true;
          missingCells++;
          if (missing == Missing.FAIL) {
            throw AppException.data(file + " line " + lines[r] + ": column '" + chosen.get(j)
                + "' is missing (--missing fail); use --missing drop or impute-mean to go on");
          }
        }
      }
      if (hasMissing && missing == Missing.DROP) {
        dropped++;
        continue;
      }
      rows[kept] = y;
      from[kept] = from[r];
      to[kept] = to[r];
      lines[kept] = lines[r];
      canonical[kept] = canonical[r];
      kept++;
    }
    if (kept == 0) {
      throw AppException.data(file + " has no usable rows (" + n + " read, " + dropped
          + " dropped for missing values)");
    }
    return new Table(file, List.copyOf(header), List.copyOf(chosen), Arrays.copyOf(rows, kept),
        Arrays.copyOf(lines, kept), dropped, missingCells, List.copyOf(leftOut), text, (byte) delimiter, Arrays.copyOf(from, kept),
        Arrays.copyOf(to, kept), Arrays.copyOf(canonical, kept));
  }

  /**
   * Whether a column name reads as an identifier: {@code id}, or ending in {@code _id},
   * {@code -id}, {@code  id}, {@code .id}, or in {@code Id} or {@code ID} after a lower-case
   * letter ({@code CustomerID}, {@code userId}; not {@code paid}), or {@code index} or an
   * empty name (a data frame's index written out).
   */
  static boolean identifierLike(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.isEmpty() || lower.equals("id") || lower.equals("index") || lower.equals("#")) {
      return true;
    }
    if (lower.endsWith("id") && lower.length() > 2) {
      char before = name.charAt(name.length() - 3);
      if (before == '_' || before == '-' || before == ' ' || before == '.') {
        return true;
      }
      return Character.isLowerCase(before) && (name.endsWith("Id") || name.endsWith("ID"));
    }
    return false;
  }

  /** A data error naming the line of the first byte that is not UTF-8. */
  private static void requireUtf8(Path file, byte[] text) {
    int i = 0;
    while (i < text.length && text[i] >= 0) {
      i++;
    }
    if (i == text.length) {
      return;
    }
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(text);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = dec.decode(in, out, true);
      if (r.isError()) {
        long line = 1;
        for (int b = 0; b < in.position(); b++) {
          line += text[b] == '\n' ? 1 : 0;
        }
        throw AppException.data(file + " line " + line + ": the file is not valid UTF-8");
      }
      if (r.isUnderflow()) {
        return;
      }
      out.clear();
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

  private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
      1e14, 1e15};

  /**
   * A plain decimal ({@code [+-]digits[.digits]}, at most 15 digits) read straight from the
   * bytes, or NaN for anything else. Exact: a mantissa below 10^15 and a power of ten up to
   * 10^15 are both exact doubles, so their quotient is the correctly rounded value that
   * {@link Double#parseDouble} gives.
   */
  static double parseDecimal(byte[] b, int s, int e) {
    int i = s;
    boolean negative = false;
    if (i < e && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long m = 0;
    int digits = 0;
    int decimals = -1;
    for (; i < e; i++) {
      int c = b[i] - '0';
      if (c >= 0 && c <= 9) {
        if (++digits > 15) {
          return Double.NaN;
        }
        m = m * 10 + c;
        if (decimals >= 0) {
          decimals++;
        }
      } else if (b[i] == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return Double.NaN;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    double v = decimals > 0 ? m / POWERS[decimals] : m;
    return negative ? -v : v;
  }

  /** Splits records into cells over the file's bytes; tracks the line number. */
  private static final class Splitter {
    private final Path file;
    private final byte[] b;
    private final byte delimiter;
    /** The line the next record starts on, 1-based. */
    long line = 1;
    /** Whether the last {@link #number} was a missing cell. */
    boolean missing;
    /** Whether the last record of {@link #recordEnd} holds a quote. */
    boolean quotes;

    Splitter(Path file, byte[] b, byte delimiter) {
      this.file = file;
      this.b = b;
      this.delimiter = delimiter;
    }

    /** Skips line breaks at {@code pos} (empty lines), counting them. */
    int skipEmptyLines(int pos) {
      while (pos < b.length && (b[pos] == '\n' || b[pos] == '\r')) {
        pos = next(pos);
      }
      return pos;
    }

    /** The position after the line break at {@code end} (CRLF, LF or CR), counting the line. */
    int next(int end) {
      if (end >= b.length) {
        return end;
      }
      line++;
      return b[end] == '\r' && end + 1 < b.length && b[end + 1] == '\n' ? end + 2 : end + 1;
    }

    /** The end of the record starting at {@code pos}: its line break outside quotes, or the file's end. */
    int recordEnd(int pos) {
      long start = line;
      quotes = false;
      boolean quoted = false;
      boolean cellStart = true;
      for (int i = pos; i < b.length; i++) {
        byte c = b[i];
        if (quoted) {
          if (c == '"') {
            if (i + 1 < b.length && b[i + 1] == '"') {
              i++;
            } else {
              quoted = false;
            }
          } else if (c == '\n' || (c == '\r' && (i + 1 >= b.length || b[i + 1] != '\n'))) {
            line++;
          }
        } else if (c == '\n' || c == '\r') {
          return i;
        } else if (c == '"') {
          quoted = cellStart;
          quotes = true;
        }
        if (!quoted) {
          cellStart = c == delimiter;
        } else {
          cellStart = false;
        }
      }
      if (quoted) {
        throw AppException.data(file + " line " + start + ": a quoted cell is not closed before the end of the file");
      }
      return b.length;
    }

    /**
     * Whether unquoted cells need no quotes as Commons CSV writes them (its minimal quoting):
     * a first cell that is not empty, no cell starting with a byte up to '#' or ending with a
     * space or control byte.
     */
    boolean canonical(int[] bounds, int cells) {
      if (bounds[1] == bounds[0]) {
        return false;
      }
      for (int c = 0; c < cells; c++) {
        int s = bounds[2 * c];
        int e = bounds[2 * c + 1];
        if (e > s && ((b[s] & 0xff) <= '#' || (b[e - 1] & 0xff) <= ' ')) {
          return false;
        }
      }
      return true;
    }

    /** {@code bounds}, grown if the record at [pos, end) could have more cells than it holds. */
    int[] fit(int pos, int end, int[] bounds) {
      int most = 1;
      for (int i = pos; i < end; i++) {
        most += b[i] == delimiter ? 1 : 0;
      }
      return 2 * most <= bounds.length ? bounds : new int[2 * most];
    }

    /**
     * Writes each cell's [start, end) into {@code bounds} (a quoted cell's bounds include its
     * quotes) and returns the number of cells. Text after a closing quote other than spaces is
     * an error, as in RFC 4180.
     */
    int split(int pos, int end, int[] bounds) {
      int cells = 0;
      int s = pos;
      int i = pos;
      while (true) {
        if (i < end && b[i] == '"') {
          i++;
          while (i < end) {
            if (b[i] == '"') {
              if (i + 1 < end && b[i + 1] == '"') {
                i += 2;
                continue;
              }
              break;
            }
            i++;
          }
          i++;
          int close = i;
          while (i < end && b[i] != delimiter) {
            if (b[i] != ' ' && b[i] != '\t') {
              throw AppException.data(file + " line " + line + ": text after a closing quote in cell " + (cells + 1)
                  + " (a quote inside a quoted cell is written twice: \"\")");
            }
            i++;
          }
          bounds[2 * cells] = s;
          bounds[2 * cells + 1] = close;
        } else {
          while (i < end && b[i] != delimiter) {
            i++;
          }
          bounds[2 * cells] = s;
          bounds[2 * cells + 1] = i;
        }
        cells++;
        if (i >= end) {
          return cells;
        }
        i++;
        s = i;
      }
    }

    /**
     * The number in cell [s, e), trimmed: NaN with {@link #missing} set for a missing cell, NaN
     * with it clear for text that is not a finite number.
     */
    double number(int s, int e) {
      missing = false;
      while (s < e && (b[s] & 0xff) <= ' ') {
        s++;
      }
      while (e > s && (b[e - 1] & 0xff) <= ' ') {
        e--;
      }
      double v = parseDecimal(b, s, e);
      if (v == v) {
        return v;
      }
      String t = text(b, s, e).trim();
      if (isMissing(t)) {
        missing = true;
        return Double.NaN;
      }
      try {
        v = Double.parseDouble(t);
      } catch (NumberFormatException ex) {
        return Double.NaN;
      }
      return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** The text of cell [s, e): unquoted if quoted. */
    static String text(byte[] b, int s, int e) {
      if (e - s >= 2 && b[s] == '"') {
        int close = e - 1;
        while (close > s && b[close] != '"') {
          close--;
        }
        String inner = new String(b, s + 1, close - s - 1, StandardCharsets.UTF_8);
        return inner.replace("\"\"", "\"");
      }
      return new String(b, s, e - s, StandardCharsets.UTF_8);
    }
  }

  static String quoted(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append(sb.length() == 0 ? "" : ", ").append('"').append(n).append('"');
    }
    return sb.toString();
  }
}
