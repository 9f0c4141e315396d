package io.eddy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The description of one parameter of a clusterer in the registry: its name, type, default,
 * valid range and a one-line doc. It also turns a raw value (a number, a string, a boolean)
 * into the parameter's type, checking the range.
 *
 * <p>A parameter is declared once, as a constant beside the configuration record it
 * configures; {@link ParamSpec} binds the declarations to the record's components, so the
 * record's validation ({@link #check(double)} and its siblings), the registry's metadata
 * ({@link ClustererProvider#parameters()}) and persistence by name all come from it.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Parameter {

  /** The default seed of every Eddy clusterer that uses randomness. */
  public static final long DEFAULT_SEED = 42L;

  /**
   * An enum whose constants are a {@link Type#CHOICE} parameter's values. The id is what users
   * write and what is persisted, so it must stay stable across releases; the ordinal never is.
   */
  public interface Choice {
    /** The stable, lower-case id, for example {@code "kmeans++"}. */
    String id();

    /**
     * The constant of {@code type} with the given id.
     *
     * @throws IllegalArgumentException naming the valid ids
     */
    static <E extends Enum<E> & Choice> E of(Class<E> type, String id) {
      List<String> ids = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        if (e.id().equals(id)) {
          return e;
        }
        ids.add(e.id());
      }
      throw new IllegalArgumentException(type.getSimpleName() + " must be one of " + ids + ", got '" + id + "'");
    }
  }

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
  private final Class<? extends Enum<?>> enumType;
  private final Function<String, ?> parse;
  private final Function<Object, String> format;

  private Parameter(String name, Type type, Object defaultValue, String range, String doc,
      double min, boolean minInclusive, double max, boolean maxInclusive, List<String> choices,
      Class<? extends Enum<?>> enumType, Function<String, ?> parse, Function<Object, String> format) {
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
    this.enumType = enumType;
    this.parse = parse;
    this.format = format;
  }

  /** An integer parameter in {@code [min, max]}. */
  public static Parameter ofInt(String name, int defaultValue, int min, int max, String doc) {
    return new Parameter(name, Type.INT, defaultValue, "[" + min + ", " + max + "]", doc,
        min, true, max, true, null, null, null, null);
  }

  /** A long parameter taking any value, such as a seed. */
  public static Parameter ofLong(String name, long defaultValue, String doc) {
    return new Parameter(name, Type.LONG, defaultValue, "any long", doc,
        Long.MIN_VALUE, true, Long.MAX_VALUE, true, null, null, null, null);
  }

  /**
   * A double parameter between {@code min} and {@code max}, each end open or closed; use
   * infinities for an unbounded end.
   */
  public static Parameter ofDouble(String name, double defaultValue, double min,
      boolean minInclusive, double max, boolean maxInclusive, String doc) {
    String range = (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max) + (maxInclusive ? "]" : ")");
    return new Parameter(name, Type.DOUBLE, defaultValue, range, doc,
        min, minInclusive, max, maxInclusive, null, null, null, null);
  }

  /** A double parameter that must be finite and &gt; 0, such as a radius or a rate. */
  public static Parameter ofPositive(String name, double defaultValue, String doc) {
    return ofDouble(name, defaultValue, 0, false, Double.POSITIVE_INFINITY, false, doc);
  }

  /** The random seed every Eddy clusterer that draws declares: {@code "seed"}, default {@link #DEFAULT_SEED}. */
  public static Parameter ofSeed(String doc) {
    return ofLong("seed", DEFAULT_SEED, doc);
  }

  /**
   * The thread count every parallel Eddy algorithm declares: {@code "threads"}, in [0, 4096],
   * default 0 meaning the number of available processors; results never depend on it.
   */
  public static Parameter ofThreads(String doc) {
    return ofInt("threads", 0, 0, 4096, doc);
  }

  /** A boolean parameter. */
  public static Parameter ofBoolean(String name, boolean defaultValue, String doc) {
    return new Parameter(name, Type.BOOLEAN, defaultValue, "true or false", doc,
        0, true, 0, true, null, null, null, null);
  }

  /** A parameter whose value is one of {@code choices}. */
  public static Parameter ofChoice(String name, String defaultValue, List<String> choices, String doc) {
    List<String> copy = List.copyOf(choices);
    if (!copy.contains(defaultValue)) {
      throw new IllegalArgumentException("default '" + defaultValue + "' of " + name + " is not one of " + copy);
    }
    return new Parameter(name, Type.CHOICE, defaultValue, "one of " + copy, doc,
        0, true, 0, true, copy, null, null, null);
  }

  /**
   * A {@link Type#CHOICE} parameter whose values are the ids of an enum's constants. In the
   * registry its values are the ids; a configuration record holds the constant itself.
   */
  public static <E extends Enum<E> & Choice> Parameter ofEnum(String name, Class<E> type,
      E defaultValue, String doc) {
    List<String> ids = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      ids.add(e.id());
    }
    List<String> copy = List.copyOf(ids);
    return new Parameter(name, Type.CHOICE, defaultValue.id(), "one of " + copy, doc,
        0, true, 0, true, copy, type, null, null);
  }

  /**
   * A string parameter whose text stands for a value of another type (for example
   * {@code "macqueen"} or a number, for a learning rate held as a double).
   *
   * @param defaultValue the default, as text
   * @param range what {@code parse} accepts, in words
   * @param parse turns valid text into the record's value; throws
   *     {@link IllegalArgumentException} on anything else
   * @param format turns a record's value back into its canonical text
   */
  public static Parameter ofText(String name, String defaultValue, String range,
      Function<String, ?> parse, Function<Object, String> format, String doc) {
    Parameter p = new Parameter(name, Type.TEXT, defaultValue, range, doc, 0, true, 0, true,
        null, null, Objects.requireNonNull(parse), Objects.requireNonNull(format));
    p.coerce(defaultValue);
    return p;
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
        if (enumType != null && enumType.isInstance(raw)) {
          return ((Choice) raw).id();
        }
        throw invalid(raw);
      case TEXT: {
        String s = raw instanceof String ? ((String) raw).trim() : String.valueOf(raw);
        try {
          return format.apply(parse.apply(s));
        } catch (IllegalArgumentException e) {
          throw invalid(raw);
        }
      }
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * Checks a configuration record's value of an {@link Type#INT} parameter.
   *
   * @return {@code v}
   * @throws IllegalArgumentException naming the parameter, its range and {@code v}
   */
  public int check(int v) {
    if (type != Type.INT || v < min || v > max) {
      throw invalid(v);
    }
    return v;
  }

  /** As {@link #check(int)}, for a {@link Type#LONG} parameter. */
  public long check(long v) {
    if (type != Type.LONG) {
      throw invalid(v);
    }
    return v;
  }

  /** As {@link #check(int)}, for a {@link Type#DOUBLE} parameter; NaN is never valid. */
  public double check(double v) {
    if (type == Type.TEXT) {
      return (Double) toRecordValue(coerce(format.apply(v)), double.class);
    }
    boolean ok = type == Type.DOUBLE && !Double.isNaN(v)
        && (minInclusive ? v >= min : v > min)
        && (maxInclusive ? v <= max : v < max);
    if (!ok) {
      throw invalid(v);
    }
    return v;
  }

  /** As {@link #check(int)}, for a {@link Type#CHOICE} or {@link Type#TEXT} parameter: not null, and valid. */
  public <T> T check(T v) {
    if (v == null) {
      throw invalid(null);
    }
    coerce(v);
    return v;
  }

  /**
   * Turns a registry value (as {@link #coerce} returns it) into the value a configuration record
   * holds in a component of type {@code component}: an enum constant for an enum parameter, the
   * parsed value of a {@link Type#TEXT} parameter, the value itself otherwise.
   */
  Object toRecordValue(Object registryValue, Class<?> component) {
    if (type == Type.CHOICE && enumType != null) {
      for (Object e : enumType.getEnumConstants()) {
        if (((Choice) e).id().equals(registryValue)) {
          return e;
        }
      }
      throw invalid(registryValue);
    }
    if (type == Type.TEXT && component != String.class) {
      return parse.apply((String) registryValue);
    }
    return registryValue;
  }

  /** The inverse of {@link #toRecordValue}: a record's value as the registry writes it. */
  Object toRegistryValue(Object recordValue) {
    if (type == Type.CHOICE && enumType != null) {
      return ((Choice) recordValue).id();
    }
    if (type == Type.TEXT) {
      return format.apply(recordValue);
    }
    return recordValue;
  }

  /** Whether a record component of this Java type can hold this parameter's values. */
  boolean fits(Class<?> component) {
    switch (type) {
      case INT: return component == int.class;
      case LONG: return component == long.class;
      case DOUBLE: return component == double.class;
      case BOOLEAN: return component == boolean.class;
      case CHOICE: return enumType != null ? component == enumType : component == String.class;
      case TEXT: return true;
      default: return false;
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
    String shown = raw instanceof String ? "'" + raw + "'"
        : raw instanceof Choice ? "'" + ((Choice) raw).id() + "'" : String.valueOf(raw);
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
