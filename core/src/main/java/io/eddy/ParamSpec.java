package io.eddy;

import io.eddy.io.ModelFormatException;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Binds a configuration record's components to their {@link Parameter} declarations, by name,
 * so that each parameter is stated once and everything else derives from it: the defaults, the
 * registry's metadata, the mapping from a parameter map to the record and back, copies with
 * one value changed, and persistence by name.
 *
 * <pre>{@code
 * public record Params(int k, double radius) {
 *   static final Parameter K = Parameter.ofInt("k", 3, 1, 1 << 20, "number of clusters");
 *   static final Parameter RADIUS = Parameter.ofDouble("radius", 0.5, 0, false,
 *       Double.POSITIVE_INFINITY, false, "micro-cluster radius, in data units");
 *   public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, K, RADIUS);
 *   public static final Params DEFAULTS = SPEC.defaults();
 *   public Params {
 *     K.check(k);
 *     RADIUS.check(radius);
 *   }
 *   public Params withK(int v) {
 *     return SPEC.with(this, K, v);
 *   }
 * }
 * }</pre>
 *
 * <p><b>Persistence.</b> {@link #write} stores every parameter as a (name, type, value) triple;
 * {@link #read} reads them back through the same declarations, so a record saved before a
 * defaulted parameter was added loads with that parameter's default, and no codec version
 * changes for it. A name the declarations do not know is an error, never silently dropped.
 *
 * <p>The record must be public and in a package its module exports, because its canonical
 * constructor and accessors are called reflectively. Instances are immutable and thread-safe;
 * every method is O(number of parameters), and none is meant for a hot loop.
 *
 * @param <R> the configuration record
 */
public final class ParamSpec<R extends Record> {

  /** The most parameters a persisted record may list: bounds what a forged file can ask for. */
  private static final int MAX_PERSISTED = 1024;

  private final Class<R> type;
  private final List<Parameter> parameters;
  private final Map<String, Integer> index;
  private final Class<?>[] componentTypes;
  private final Method[] accessors;
  private final Constructor<R> canonical;

  private ParamSpec(Class<R> type, Parameter[] declared) {
    this.type = type;
    RecordComponent[] components = type.getRecordComponents();
    Map<String, Parameter> byName = new LinkedHashMap<>();
    for (Parameter p : declared) {
      if (byName.put(p.name(), Objects.requireNonNull(p, "parameter")) != null) {
        throw new IllegalArgumentException(type.getName() + ": parameter '" + p.name() + "' is declared twice");
      }
    }
    Parameter[] ordered = new Parameter[components.length];
    componentTypes = new Class<?>[components.length];
    accessors = new Method[components.length];
    Map<String, Integer> idx = new LinkedHashMap<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      Parameter p = byName.remove(c.getName());
      if (p == null) {
        throw new IllegalArgumentException(type.getName() + ": component '" + c.getName() + "' has no declaration");
      }
      if (!p.fits(c.getType())) {
        throw new IllegalArgumentException(type.getName() + ": component '" + c.getName() + "' is a "
            + c.getType().getSimpleName() + " but its declaration is " + p.type());
      }
      ordered[i] = p;
      componentTypes[i] = c.getType();
      accessors[i] = c.getAccessor();
      idx.put(p.name(), i);
    }
    if (!byName.isEmpty()) {
      throw new IllegalArgumentException(type.getName() + " has no component for the declared " + byName.keySet());
    }
    try {
      canonical = type.getDeclaredConstructor(componentTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
    }
    parameters = List.of(ordered);
    index = Collections.unmodifiableMap(idx);
  }

  /**
   * The binding of {@code type}'s components to {@code declared}, matched by name.
   *
   * @throws IllegalArgumentException if a component has no declaration, a declaration no
   *     component, a name is declared twice, or a declaration's type cannot hold the
   *     component's values
   */
  public static <R extends Record> ParamSpec<R> of(Class<R> type, Parameter... declared) {
    return new ParamSpec<>(Objects.requireNonNull(type, "type"), declared.clone());
  }

  /** The declarations in the record's component order: a provider's {@link ClustererProvider#parameters()}. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The record with every parameter at its declared default. */
  public R defaults() {
    Object[] values = new Object[parameters.size()];
    for (int i = 0; i < values.length; i++) {
      Parameter p = parameters.get(i);
      values[i] = p.toRecordValue(p.defaultValue(), componentTypes[i]);
    }
    return construct(values);
  }

  /**
   * The record from validated registry values, such as a provider receives.
   *
   * @throws IllegalArgumentException if a value is missing or the record rejects the combination
   */
  public R from(Parameters values) {
    if (values == null) {
      throw new IllegalArgumentException("parameters are null");
    }
    return from(values.asMap());
  }

  /**
   * The record from raw values by name (numbers, strings, booleans or enum constants); names not
   * given take their defaults.
   *
   * @throws IllegalArgumentException for a null map, an unknown name (the message lists the
   *     valid ones), an invalid or null value, or a combination the record rejects
   */
  public R from(Map<String, ?> raw) {
    Map<String, Object> resolved = Parameters.resolveAll(owner(), parameters, raw);
    Object[] values = new Object[parameters.size()];
    for (int i = 0; i < values.length; i++) {
      Parameter p = parameters.get(i);
      values[i] = p.toRecordValue(resolved.get(p.name()), componentTypes[i]);
    }
    return construct(values);
  }

  /** The record's values by name, as the registry takes them (enum constants as their ids), in component order. */
  public Map<String, Object> toMap(R record) {
    Objects.requireNonNull(record, "record");
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      out.put(parameters.get(i).name(), parameters.get(i).toRegistryValue(get(record, i)));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * A copy of {@code record} with one parameter changed, validated by the record's constructor.
   *
   * @param value the new value, of the component's type
   * @throws IllegalArgumentException if the parameter is not one of this record's, or the value
   *     is invalid
   */
  public R with(R record, Parameter parameter, Object value) {
    Integer i = index.get(parameter.name());
    if (i == null || parameters.get(i) != parameter) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no parameter '" + parameter.name() + "'");
    }
    Object[] values = values(record);
    values[i] = value;
    return construct(values);
  }

  /**
   * Writes every parameter of {@code record} as a (name, type, value) triple, the value as its
   * canonical text: {@link Double#toString} reads back to the same double, bit for bit.
   */
  public void write(R record, StateOutput out) throws IOException {
    out.writeInt(parameters.size());
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      out.writeString(p.name());
      out.writeString(p.type().name());
      out.writeString(String.valueOf(p.toRegistryValue(get(record, i))));
    }
  }

  /**
   * Reads what {@link #write} wrote. Parameters the input lacks take their defaults, so a file
   * written before a defaulted parameter existed still loads.
   *
   * @throws ModelFormatException for an unknown name, a type that differs from the declaration,
   *     a value out of range, or a combination the record rejects
   */
  public R read(StateInput in) throws IOException {
    int n = in.readInt(0, MAX_PERSISTED);
    Map<String, Object> raw = new LinkedHashMap<>();
    for (int j = 0; j < n; j++) {
      String name = in.readString();
      String kind = in.readString();
      String value = in.readString();
      Integer i = index.get(name);
      if (i == null) {
        throw new ModelFormatException(type.getSimpleName() + " has no parameter '" + name
            + "' (written by a newer version?); known: " + index.keySet());
      }
      if (!parameters.get(i).type().name().equals(kind)) {
        throw new ModelFormatException("parameter '" + name + "' is stored as " + kind + ", declared "
            + parameters.get(i).type());
      }
      if (raw.put(name, value) != null) {
        throw new ModelFormatException("parameter '" + name + "' is stored twice");
      }
    }
    try {
      return from(raw);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("invalid stored parameters: " + e.getMessage(), e);
    }
  }

  private Object[] values(R record) {
    Objects.requireNonNull(record, "record");
    Object[] values = new Object[parameters.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = get(record, i);
    }
    return values;
  }

  private Object get(R record, int i) {
    try {
      return accessors[i].invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + type.getName() + "." + parameters.get(i).name(), e);
    }
  }

  private R construct(Object[] values) {
    try {
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalArgumentException e) {
      // a value of the wrong Java type, or null for a primitive, given to with(...)
      throw new IllegalArgumentException(type.getSimpleName() + ": a value does not fit its component: "
          + Arrays.toString(values), e);
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot construct " + type.getName()
          + "; it must be public in an exported package", e);
    }
  }

  /** The record's owner as users know it: {@code SequentialKMeans} for {@code SequentialKMeans.Params}. */
  private String owner() {
    Class<?> outer = type.getEnclosingClass();
    return outer != null ? outer.getSimpleName() : type.getSimpleName();
  }

  @Override
  public String toString() {
    return type.getSimpleName() + parameters;
  }
}
