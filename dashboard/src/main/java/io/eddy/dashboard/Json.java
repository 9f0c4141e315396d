package io.eddy.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The little JSON the dashboard speaks: a writer with string escaping (non-finite numbers are
 * written as {@code null}, which JSON has no number for), and a reader for exactly one request
 * shape, {@code {"point": [numbers]}}. Not thread-safe.
 */
final class Json {

  private final StringBuilder out = new StringBuilder(256);
  // Whether the next value in the current object or array needs a comma before it.
  private boolean comma;

  Json beginObject() {
    value();
    out.append('{');
    comma = false;
    return this;
  }

  Json endObject() {
    out.append('}');
    comma = true;
    return this;
  }

  Json beginArray() {
    value();
    out.append('[');
    comma = false;
    return this;
  }

  Json endArray() {
    out.append(']');
    comma = true;
    return this;
  }

  /** A member name; the next call writes its value. */
  Json name(String name) {
    value();
    string(name);
    out.append(':');
    comma = false;
    return this;
  }

  Json value(String s) {
    value();
    if (s == null) {
      out.append("null");
    } else {
      string(s);
    }
    comma = true;
    return this;
  }

  Json value(double v) {
    value();
    if (Double.isFinite(v)) {
      if (v == Math.rint(v) && Math.abs(v) < 1e15) {
        out.append((long) v);
      } else {
        out.append(v);
      }
    } else {
      out.append("null");
    }
    comma = true;
    return this;
  }

  Json value(long v) {
    value();
    out.append(v);
    comma = true;
    return this;
  }

  Json value(boolean v) {
    value();
    out.append(v);
    comma = true;
    return this;
  }

  Json values(double[] v) {
    beginArray();
    for (double x : v) {
      value(x);
    }
    return endArray();
  }

  Json values(List<String> v) {
    beginArray();
    for (String x : v) {
      value(x);
    }
    return endArray();
  }

  /** Already-written JSON, inserted as one value. */
  Json raw(String json) {
    value();
    out.append(json);
    comma = true;
    return this;
  }

  Json field(String name, String v) {
    return name(name).value(v);
  }

  Json field(String name, double v) {
    return name(name).value(v);
  }

  Json field(String name, long v) {
    return name(name).value(v);
  }

  Json field(String name, boolean v) {
    return name(name).value(v);
  }

  private void value() {
    if (comma) {
      out.append(',');
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          // Control characters must be escaped; '<' too, so that a name can never close a
          // script element if the JSON is ever inlined in a page.
          if (c < 0x20 || c == '<' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /**
   * Reads {@code {"point": [x1, x2, ...]}} (whitespace anywhere JSON allows it).
   *
   * @throws IllegalArgumentException for anything else, saying what was expected
   */
  static double[] readPoint(String text) {
    Reader r = new Reader(text);
    r.expect('{');
    String key = r.string();
    if (!key.equals("point")) {
      throw new IllegalArgumentException("expected a JSON object {\"point\": [numbers]}, found the key \"" + key + "\"");
    }
    r.expect(':');
    r.expect('[');
    List<Double> values = new ArrayList<>();
    if (!r.peek(']')) {
      do {
        values.add(r.number());
      } while (r.skip(','));
    }
    r.expect(']');
    r.expect('}');
    r.end();
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private static final class Reader {
    private final String s;
    private int at;

    Reader(String s) {
      this.s = s;
    }

    private void blank() {
      while (at < s.length() && (s.charAt(at) == ' ' || s.charAt(at) == '\n' || s.charAt(at) == '\r'
          || s.charAt(at) == '\t')) {
        at++;
      }
    }

    boolean peek(char c) {
      blank();
      return at < s.length() && s.charAt(at) == c;
    }

    boolean skip(char c) {
      if (peek(c)) {
        at++;
        return true;
      }
      return false;
    }

    void expect(char c) {
      if (!skip(c)) {
        throw error("'" + c + "'");
      }
    }

    void end() {
      blank();
      if (at != s.length()) {
        throw error("the end of the body");
      }
    }

    String string() {
      expect('"');
      int start = at;
      while (at < s.length() && s.charAt(at) != '"') {
        if (s.charAt(at) == '\\') {
          throw new IllegalArgumentException("expected the key \"point\", found an escaped string");
        }
        at++;
      }
      if (at == s.length()) {
        throw error("'\"'");
      }
      return s.substring(start, at++);
    }

    double number() {
      blank();
      int start = at;
      while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
        at++;
      }
      String t = s.substring(start, at);
      try {
        if (t.isEmpty()) {
          throw new NumberFormatException();
        }
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        at = start;
        throw error("a number");
      }
    }

    private IllegalArgumentException error(String expected) {
      String found = at >= s.length() ? "the end of the body"
          : "'" + s.substring(at, Math.min(s.length(), at + 12)) + "'";
      return new IllegalArgumentException("expected a JSON object {\"point\": [numbers]}: at character " + (at + 1)
          + " expected " + expected + ", found " + found);
    }
  }
}
