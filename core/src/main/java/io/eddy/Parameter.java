package io.eddy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The description of one parameter of a clusterer in the registry: its name, type, default,
 * valid range and a one-line doc. It also turns a raw value (a number, a string, a boolean)
 * into the parameter's type, checking the range.
 *
 * <p>Instances are immutable. The defaults come from the algorithm's own configuration record,
 * so each default is declared once.
 */
public final class Parameter {

  /** The type of a parameter's value. */
  public enum Type {
    /** A Java {@code int}. */
    INT,
    /** A Java {@code long}. */
    LONG,
    /** A Java {@code double}. */
    DOUBLE,
    /** A Java {@code boolean}. */
    BOOLEAN,
    /** A string from a fixed set of choices. */
    CHOICE,
    /** A string with a rule of its own (for example "macqueen" or a number). */
    TEXT
  }

  private final String name;
  private final Type type;
  private final Object defaultValue;
  private final String range;
  private final String doc;
  private final double min;
  private final double max;
  private final boolean minInclusive;
  private final boolean maxInclusive;
  private final List<String> choices;
  private final Predicate<String> textRule;

  private Parameter(String name, Type type, Object defaultValue, String range, String doc,
      double min, boolean minInclusive, double max, boolean maxInclusive, List<String> choices,
      Predicate<String> textRule) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("parameter name is empty");
    }
    this.name = name;
    this.type = Objects.requireNonNull(type);
    this.defaultValue = defaultValue;
    this.range = Objects.requireNonNull(range);
    this.doc = Objects.requireNonNull(doc);
    this.min = min;
    this.max = max;
    this.minInclusive = minInclusive;
    this.maxInclusive = maxInclusive;
    this.choices = choices;
    this.textRule = textRule;
  }

  /** An integer parameter in {@code [min, max]}. */
  public static Parameter ofInt(String name, int defaultValue, int min, int max, String doc) {
    return new Parameter(name, Type.INT, defaultValue, "[" + min + ", " + max + "]", doc,
        min, true, max, true, null, null);
  }

  /** A long parameter taking any value, such as a seed. */
  public static Parameter ofLong(String name, long defaultValue, String doc) {
    return new Parameter(name, Type.LONG, defaultValue, "any long", doc,
        Long.MIN_VALUE, true, Long.MAX_VALUE, true, null, null);
  }

  /**
   * A double parameter between {@code min} and {@code max}, each end open or closed; use
   * infinities for an unbounded end.
   */
  public static Parameter ofDouble(String name, double defaultValue, double min,
      boolean minInclusive, double max, boolean maxInclusive, String doc) {
    String range = (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max) + (maxInclusive ? "]" : ")");
    return new Parameter(name, Type.DOUBLE, defaultValue, range, doc,
        min, minInclusive, max, maxInclusive, null, null);
  }

  /** A boolean parameter. */
  public static Parameter ofBoolean(String name, boolean defaultValue, String doc) {
    return new Parameter(name, Type.BOOLEAN, defaultValue, "true or false", doc,
        0, true, 0, true, null, null);
  }

  /** A parameter whose value is one of {@code choices}. */
  public static Parameter ofChoice(String name, String defaultValue, List<String> choices, String doc) {
    List<String> copy = List.copyOf(choices);
    if (!copy.contains(defaultValue)) {
      throw new IllegalArgumentException("default '" + defaultValue + "' of " + name + " is not one of " + copy);
    }
    return new Parameter(name, Type.CHOICE, defaultValue, "one of " + copy, doc,
        0, true, 0, true, copy, null);
  }

  /**
   * A string parameter checked by {@code rule}; {@code range} says in words what the rule
   * accepts.
   */
  public static Parameter ofText(String name, String defaultValue, String range,
      Predicate<String> rule, String doc) {
    if (!rule.test(defaultValue)) {
      throw new IllegalArgumentException("default '" + defaultValue + "' of " + name + " breaks its own rule");
    }
    return new Parameter(name, Type.TEXT, defaultValue, range, doc, 0, true, 0, true, null, rule);
  }

  /** The parameter's name, as used in {@link Clusterers#online(String, java.util.Map)}. */
  public String name() {
    return name;
  }

  /** The type of its value. */
  public Type type() {
    return type;
  }

  /** Its default: an {@code Integer}, {@code Long}, {@code Double}, {@code Boolean} or {@code String}. */
  public Object defaultValue() {
    return defaultValue;
  }

  /** The valid values in words, for example {@code "[1, 2147483647]"} or {@code "one of [first, kmeans++]"}. */
  public String range() {
    return range;
  }

  /** One line saying what the parameter does. */
  public String doc() {
    return doc;
  }

  /** For {@link Type#CHOICE} parameters the valid values, otherwise an empty list. */
  public List<String> choices() {
    return choices == null ? List.of() : choices;
  }

  /**
   * Converts {@code raw} to this parameter's type and checks its range. Numbers may be given
   * as any {@link Number} that converts exactly, or as a string.
   *
   * @throws IllegalArgumentException naming the parameter, the valid range and the value given
   */
  public Object coerce(Object raw) {
    if (raw == null) {
      throw invalid(null);
    }
    switch (type) {
      case INT: {
        long v = toLong(raw);
        if (v < min || v > max) {
          throw invalid(raw);
        }
        return (int) v;
      }
      case LONG:
        return toLong(raw);
      case DOUBLE: {
        double v;
        if (raw instanceof Number) {
          v = ((Number) raw).doubleValue();
        } else if (raw instanceof String) {
          try {
            v = Double.parseDouble(((String) raw).trim());
          } catch (NumberFormatException e) {
            throw invalid(raw);
          }
        } else {
          throw invalid(raw);
        }
        boolean ok = !Double.isNaN(v)
            && (minInclusive ? v >= min : v > min)
            && (maxInclusive ? v <= max : v < max);
        if (!ok) {
          throw invalid(raw);
        }
        return v;
      }
      case BOOLEAN:
        if (raw instanceof Boolean) {
          return raw;
        }
        if ("true".equals(raw) || "false".equals(raw)) {
          return Boolean.valueOf((String) raw);
        }
        throw invalid(raw);
      case CHOICE:
        if (raw instanceof String && choices.contains(raw)) {
          return raw;
        }
        throw invalid(raw);
      case TEXT: {
        String s = raw instanceof String ? (String) raw : String.valueOf(raw);
        if (!textRule.test(s)) {
          throw invalid(raw);
        }
        return s;
      }
      default:
        throw new AssertionError(type);
    }
  }

  private long toLong(Object raw) {
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
      return ((Number) raw).longValue();
    }
    if (raw instanceof Number) {
      double d = ((Number) raw).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
        return (long) d;
      }
      throw invalid(raw);
    }
    if (raw instanceof String) {
      try {
        return Long.parseLong(((String) raw).trim());
      } catch (NumberFormatException e) {
        throw invalid(raw);
      }
    }
    throw invalid(raw);
  }

  private IllegalArgumentException invalid(Object raw) {
    String shown = raw instanceof String ? "'" + raw + "'" : String.valueOf(raw);
    return new IllegalArgumentException("parameter " + name + " must be "
        + typeWord() + " in " + range + ", got " + shown);
  }

  private String typeWord() {
    switch (type) {
      case INT: return "an int";
      case LONG: return "a long";
      case DOUBLE: return "a double";
      case BOOLEAN: return "a boolean";
      default: return "a string";
    }
  }

  private static String fmt(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return "inf";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    return Double.toString(v);
  }

  @Override
  public String toString() {
    return name + " (" + type.name().toLowerCase(Locale.ROOT) + ", default " + defaultValue
        + ", " + range + "): " + doc;
  }
}
