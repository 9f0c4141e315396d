package io.eddy.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * A minimal CSV line writer for the reports' exports: comma-separated fields, numbers at full
 * precision ({@link Double#toString(double)}, so {@code NaN} where a value is missing), no
 * quoting (every field Eddy writes is a number or an identifier without commas). An
 * {@link IOException} of the underlying {@link Appendable} becomes an
 * {@link UncheckedIOException}.
 */
final class Csv {

  private final Appendable out;
  private boolean inLine;

  Csv(Appendable out) {
    if (out == null) {
      throw new IllegalArgumentException("out is null");
    }
    this.out = out;
  }

  /** Writes a whole line as is, such as a header. */
  Csv line(String text) {
    return append(text).append("\n");
  }

  /** The next field. */
  Csv field(String value) {
    if (inLine) {
      append(",");
    }
    inLine = true;
    return append(value);
  }

  Csv field(long value) {
    return field(Long.toString(value));
  }

  Csv field(double value) {
    return field(Double.toString(value));
  }

  /** {@code count} empty fields. */
  Csv empty(int count) {
    for (int i = 0; i < count; i++) {
      field("");
    }
    return this;
  }

  /** Ends the current line. */
  Csv end() {
    inLine = false;
    return append("\n");
  }

  private Csv append(String s) {
    try {
      out.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** What {@code writer} writes, as a string. */
  static String render(Consumer<Appendable> writer) {
    StringBuilder sb = new StringBuilder();
    writer.accept(sb);
    return sb.toString();
  }
}
