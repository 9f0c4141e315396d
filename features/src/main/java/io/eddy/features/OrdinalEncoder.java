package io.eddy.features;

import io.eddy.io.StateCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ordinal encoding of a categorical feature with an explicit order (for example
 * {@code ["bronze", "silver", "gold"]} to 0, 1, 2): one column named after the feature.
 *
 * <p>An unknown category (or {@code null}) is an error or, by choice, NaN, which a later
 * imputer can fill. Immutable and thread-safe; {@link #encode} allocates nothing.
 */
public final class OrdinalEncoder implements CategoricalEncoder {

  /**
   * Configuration.
   *
   * @param order the categories from lowest to highest, at least one, unique
   * @param unseenAsNaN encode an unknown category as NaN instead of throwing (default false)
   */
  public record Params(List<String> order, boolean unseenAsNaN) {

    /** Validates and copies the order. */
    public Params {
      if (order == null || order.isEmpty()) {
        throw new IllegalArgumentException("order is empty, expected at least 1 category");
      }
      order = Features.names(order, order.size());
    }

    /** Params with this order; unknown categories are errors. */
    public static Params of(List<String> order) {
      return new Params(order, false);
    }

    /** A copy with {@code unseenAsNaN} set. */
    public Params withUnseenAsNaN(boolean v) {
      return new Params(order, v);
    }
  }

  private final Params params;
  private final String name;
  private final Map<String, Double> code;
  private final List<String> outputNames;

  /**
   * An encoder of the feature {@code name}.
   *
   * @throws IllegalArgumentException if the name is null or empty
   */
  public OrdinalEncoder(String name, Params params) {
    Features.requireNonNull(params, "params");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name is null or empty");
    }
    this.params = params;
    this.name = name;
    this.code = new HashMap<>();
    for (int i = 0; i < params.order.size(); i++) {
      code.put(params.order.get(i), (double) i);
    }
    this.outputNames = List.of(name);
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  @Override
  public String inputName() {
    return name;
  }

  @Override
  public int outputDimension() {
    return 1;
  }

  @Override
  public List<String> outputNames() {
    return outputNames;
  }

  @Override
  public void encode(String category, double[] out, int offset) {
    Features.requireNonNull(out, "out");
    if (offset < 0 || offset >= out.length) {
      throw new IllegalArgumentException("column " + offset + " is outside an output of length " + out.length);
    }
    Double c = category == null ? null : code.get(category);
    if (c == null) {
      if (!params.unseenAsNaN) {
        throw new IllegalArgumentException("category '" + category + "' of '" + name
            + "' is not in the order " + params.order);
      }
      out[offset] = Double.NaN;
    } else {
      out[offset] = c;
    }
  }

  @Override
  public String toString() {
    return "OrdinalEncoder[" + name + " " + params.order + "]";
  }

  /** The codec, named {@code "features.ordinal"}. */
  static final StateCodec<OrdinalEncoder> CODEC = StateCodec.of("features.ordinal", 1, OrdinalEncoder.class,
      (e, out) -> {
        out.writeString(e.name);
        Codecs.writeNames(out, e.params.order);
        out.writeBoolean(e.params.unseenAsNaN);
      },
      (in, version) -> {
        String name = in.readString();
        List<String> order = Codecs.readNames(in);
        return new OrdinalEncoder(name, new Params(order, in.readBoolean()));
      });
}
