package io.eddy.app;

import io.eddy.ClusterModel;
import io.eddy.features.ScoreColumns;
import io.eddy.features.SegmentationBundle;
import io.eddy.features.csv.CsvWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes scored rows as CSV: each input row as it was in its file, then the four {@link
 * ScoreColumns} cells, with the same values and quoting as {@link CsvWriter} gives them. Not
 * thread-safe.
 *
 * <p>Why not {@link CsvWriter}: on 200,000 rows it re-quoted every input cell and formatted
 * each number through {@link Double#toString}, 1.5 s of CPU of a cold run; this copies the
 * row's bytes and prints the six-digit score numbers from their integer mantissa.
 */
final class ScoredCsv implements Closeable {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private final OutputStream out;
  private final boolean density;
  private final byte[] buf = new byte[1 << 16];
  private int n;
  private final Map<String, byte[]> names = new HashMap<>();
  private static final byte[] NOISE = "noise".getBytes(StandardCharsets.US_ASCII);
  // Bytes kept free after a row's input cells: enough for the four score cells but the name.
  private static final int ROOM = 128;

  /**
   * Writes the header: the table's columns, then the score columns.
   *
   * @param out where to write (closed with this writer)
   * @param density whether to write the outlier score rather than the confidence
   */
  ScoredCsv(OutputStream out, List<String> tableHeader, boolean density) throws IOException {
    this.out = out;
    this.density = density;
    List<String> h = new ArrayList<>(tableHeader);
    h.addAll(ScoreColumns.header(density));
    out.write((FORMAT.format(h.toArray()) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a table row and its score. */
  void row(Table t, int row, SegmentationBundle.Score s) throws IOException {
    int length = t.rowLength(row);
    if (length >= 0 && n + length + ROOM <= buf.length) {
      n = t.copyRow(row, buf, n);
    } else if (length >= 0 && length + ROOM <= buf.length) {
      flush();
      n = t.copyRow(row, buf, n);
    } else {
      bytes(t.rowAsCsv(row));
    }
    byte[] name = names.get(s.name());
    if (name == null) {
      name = FORMAT.format(s.name()).getBytes(StandardCharsets.UTF_8);
      names.put(s.name(), name);
    }
    if (n + name.length + ROOM > buf.length) {
      flush();
    }
    put((byte) ',');
    if (s.segment() == ClusterModel.NOISE) {
      bytes(NOISE);
    } else {
      number(s.segment());
    }
    put((byte) ',');
    bytes(name);
    put((byte) ',');
    rounded(s.distance());
    put((byte) ',');
    rounded(density ? s.outlierScore() : s.confidence());
    put((byte) '\n');
  }

  private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
      100_000_000L};

  /**
   * Appends {@link CsvWriter#format}{@code (}{@link ScoreColumns#round}{@code (v))}: from 0.001
   * to 10^6 the rounded mantissa is printed as a plain decimal (the shortest text that reads
   * back to the rounded double), anything else through those two methods.
   */
  void rounded(double v) {
    double a = Math.abs(v);
    // The same exponent and rounding as ScoreColumns.round, so the value is the same double.
    int decimals = a >= 1e-3 && a < 1e6 ? 5 - (int) Math.floor(Math.log10(a)) : -1;
    if (decimals < 0 || decimals >= POWERS.length) {
      byte[] b = CsvWriter.format(ScoreColumns.round(v)).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(b, 0, buf, n, b.length);
      n += b.length;
      return;
    }
    long m = Math.abs(Math.round(v * POWERS[decimals]));
    while (decimals > 0 && m % 10 == 0) {
      m /= 10;
      decimals--;
    }
    if (v < 0) {
      put((byte) '-');
    }
    long p = POWERS[decimals];
    number(m / p);
    if (decimals > 0) {
      put((byte) '.');
      long frac = m % p;
      for (long q = p / 10; q > 0; q /= 10) {
        put((byte) ('0' + frac / q % 10));
      }
    }
  }

  /** Ends a line (for tests of {@link #rounded}). */
  void newLine() throws IOException {
    if (n > buf.length - ROOM) {
      flush();
    }
    put((byte) '\n');
  }

  private void number(long v) {
    if (v < 0) {
      put((byte) '-');
      v = -v;
    }
    int start = n;
    do {
      buf[n++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v > 0);
    for (int i = start, j = n - 1; i < j; i++, j--) {
      byte t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
  }

  private void bytes(byte[] b) throws IOException {
    if (n + b.length + ROOM > buf.length) {
      flush();
      if (b.length + ROOM > buf.length) {
        out.write(b);
        return;
      }
    }
    System.arraycopy(b, 0, buf, n, b.length);
    n += b.length;
  }

  // Callers keep ROOM bytes free, so single bytes and numbers never overflow the buffer.
  private void put(byte b) {
    buf[n++] = b;
  }

  private void flush() throws IOException {
    out.write(buf, 0, n);
    n = 0;
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      out.close();
    }
  }
}
