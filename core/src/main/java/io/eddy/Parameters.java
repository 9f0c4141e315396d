package io.eddy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A complete, validated set of parameter values for one provider: every declared parameter,
 * given or defaulted, converted to its type. Immutable.
 */
public final class Parameters {

  private final String provider;
  private final Map<String, Object> values;

  Parameters(String provider, Map<String, Object> values) {
    this.provider = provider;
    this.values = values;
  }

  /**
   * Resolves raw values against a provider's declared parameters.
   *
   * @param raw values by name; any name not declared is an error, any declared name not given
   *     takes its default
   * @throws IllegalArgumentException for an unknown name (listing the valid ones) or an
   *     invalid value (naming its range)
   */
  public static Parameters resolve(ClustererProvider provider, Map<String, ?> raw) {
    if (provider == null) {
      throw new IllegalArgumentException("provider is null");
    }
    return new Parameters(provider.name(), resolveAll(provider.name(), provider.parameters(), raw));
  }

  /**
   * Validates {@code raw} against {@code declared}: every name known, every value valid, the
   * missing ones at their defaults; the result is unmodifiable, in declaration order.
   */
  static Map<String, Object> resolveAll(String owner, List<Parameter> declared, Map<String, ?> raw) {
    if (raw == null) {
      throw new IllegalArgumentException("the parameter map for clusterer '" + owner + "' is null; pass Map.of() for the defaults");
    }
    Map<String, Parameter> byName = new LinkedHashMap<>();
    for (Parameter p : declared) {
      byName.put(p.name(), p);
    }
    for (Map.Entry<String, ?> e : raw.entrySet()) {
      if (!byName.containsKey(e.getKey())) {
        StringJoiner valid = new StringJoiner(", ");
        for (Parameter p : declared) {
          valid.add(p.name() + " " + p.range());
        }
        throw new IllegalArgumentException("unknown parameter '" + e.getKey() + "' for clusterer '" + owner + "'"
            + "; valid parameters: " + valid);
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException(owner + ": parameter '" + e.getKey()
            + "' is null; leave it out to take its default " + byName.get(e.getKey()).defaultValue());
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Parameter p : declared) {
      Object given = raw.get(p.name());
      try {
        values.put(p.name(), given == null ? p.defaultValue() : p.coerce(given));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(owner + ": " + e.getMessage(), e);
      }
    }
    return Collections.unmodifiableMap(values);
  }

  /** The values by name, in declaration order. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** The value of an {@link Parameter.Type#INT} parameter. */
  public int getInt(String name) {
    return (Integer) get(name);
  }

  /** The value of a {@link Parameter.Type#LONG} parameter. */
  public long getLong(String name) {
    return (Long) get(name);
  }

  /** The value of a {@link Parameter.Type#DOUBLE} parameter. */
  public double getDouble(String name) {
    return (Double) get(name);
  }

  /** The value of a {@link Parameter.Type#BOOLEAN} parameter. */
  public boolean getBoolean(String name) {
    return (Boolean) get(name);
  }

  /** The value of a {@link Parameter.Type#CHOICE} or {@link Parameter.Type#TEXT} parameter. */
  public String getString(String name) {
    return (String) get(name);
  }

  private Object get(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("clusterer '" + provider + "' has no parameter '" + name + "'");
    }
    return v;
  }

  @Override
  public String toString() {
    return provider + values;
  }
}
