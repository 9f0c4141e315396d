package io.eddy.features;

import io.eddy.io.StateCodec;
import java.util.List;

/**
 * Rescaling of each feature to a range {@code [min, max]} (default [0, 1]) by its observed
 * minimum and maximum: {@code x * scale + offset}, as scikit-learn's {@code MinMaxScaler}.
 *
 * <p>Fitting ignores NaN; transforming passes it through. A feature with zero range keeps
 * scale 1. With {@code clip}, values outside the fitted range are clipped to the target range.
 * For a stream, {@link StreamingMinMaxScaler} keeps a running minimum and maximum.
 *
 * <p>Immutable and thread-safe; transform is O(d) and allocation-free; the output may be the
 * input array.
 */
public final class MinMaxScaler extends SameShapeTransformer implements InvertibleTransformer {

  /**
   * Configuration.
   *
   * @param min lower end of the target range (default 0)
   * @param max upper end, greater than {@code min} (default 1)
   * @param clip clip transformed values to the target range (default false)
   */
  public record Params(double min, double max, boolean clip) implements TransformerSpec {

    /** Range [0, 1], no clipping. */
    public static final Params DEFAULTS = new Params(0, 1, false);

    /** Validates. */
    public Params {
      if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max) || !Double.isFinite(max - min)) {
        throw new IllegalArgumentException("min and max must be finite with min < max and max - min finite, got min="
            + min + ", max=" + max);
      }
    }

    /** A copy with the target range set. */
    public Params withRange(double newMin, double newMax) {
      return new Params(newMin, newMax, clip);
    }

    /** A copy with {@code clip} set. */
    public Params withClip(boolean v) {
      return new Params(min, max, v);
    }

    @Override
    public MinMaxScaler fit(double[][] data, List<String> names) {
      return MinMaxScaler.fit(this, data, names);
    }
  }

  private final Params params;
  private final double[] dataMin;
  private final double[] dataMax;
  private final double[] scale;
  private final double[] offset;

  private MinMaxScaler(Params params, List<String> names, double[] dataMin, double[] dataMax) {
    super(names);
    this.params = params;
    this.dataMin = dataMin;
    this.dataMax = dataMax;
    int d = dataMin.length;
    this.scale = new double[d];
    this.offset = new double[d];
    for (int j = 0; j < d; j++) {
      double range = dataMax[j] - dataMin[j];
      if (range < 10 * Math.ulp(1.0)) {
        range = 1;
      }
      scale[j] = (params.max - params.min) / range;
      offset[j] = params.min - dataMin[j] * scale[j];
    }
  }

  /**
   * A scaler for features observed between {@code dataMin} and {@code dataMax}.
   *
   * @throws IllegalArgumentException if lengths differ or a minimum exceeds its maximum
   */
  public static MinMaxScaler of(Params params, List<String> names, double[] dataMin, double[] dataMax) {
    Features.requireNonNull(params, "params");
    Features.requireNonNull(dataMin, "dataMin");
    Features.requireNonNull(dataMax, "dataMax");
    int d = dataMin.length;
    if (dataMax.length != d) {
      throw new IllegalArgumentException("dataMax has length " + dataMax.length + ", expected " + d);
    }
    List<String> n = Features.names(names, d);
    for (int j = 0; j < d; j++) {
      if (!Double.isFinite(dataMin[j]) || !Double.isFinite(dataMax[j]) || dataMin[j] > dataMax[j]) {
        throw new IllegalArgumentException("range of '" + n.get(j) + "' is [" + dataMin[j] + ", "
            + dataMax[j] + "], expected finite bounds with min <= max");
      }
    }
    return new MinMaxScaler(params, n, dataMin.clone(), dataMax.clone());
  }

  /** Fits with {@link Params#DEFAULTS} and names {@code x0, x1, ...}. */
  public static MinMaxScaler fit(double[][] data) {
    return fit(Params.DEFAULTS, data, Features.defaultNames(Features.requireData(data, true)));
  }

  /** Fits the per-feature minimum and maximum, ignoring NaN. */
  public static MinMaxScaler fit(Params params, double[][] data, List<String> names) {
    Features.requireNonNull(params, "params");
    int d = Features.requireData(data, true);
    List<String> n = Features.names(names, d);
    double[] lo = new double[d];
    double[] hi = new double[d];
    for (int j = 0; j < d; j++) {
      double a = Double.POSITIVE_INFINITY;
      double b = Double.NEGATIVE_INFINITY;
      for (double[] row : data) {
        double v = row[j];
        if (v < a) {
          a = v;
        }
        if (v > b) {
          b = v;
        }
      }
      if (a > b) {
        throw new IllegalArgumentException("column '" + n.get(j) + "' has no observed values (all NaN)");
      }
      lo[j] = a;
      hi[j] = b;
    }
    return new MinMaxScaler(params, n, lo, hi);
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  /** The observed minima, a copy. */
  public double[] dataMin() {
    return dataMin.clone();
  }

  /** The observed maxima, a copy. */
  public double[] dataMax() {
    return dataMax.clone();
  }





  @Override
  public void transform(double[] in, double[] out) {
    Features.requireLengths(in, scale.length, out, scale.length);
    double lo = params.min;
    double hi = params.max;
    boolean clip = params.clip;
    for (int j = 0; j < scale.length; j++) {
      double v = in[j] * scale[j] + offset[j];
      if (clip) {
        v = v < lo ? lo : (v > hi ? hi : v);
      }
      out[j] = v;
    }
  }

  @Override
  public void inverseTransform(double[] in, double[] out) {
    Features.requireLengths(in, scale.length, out, scale.length);
    for (int j = 0; j < scale.length; j++) {
      out[j] = (in[j] - offset[j]) / scale[j];
    }
  }

  @Override
  public String toString() {
    return "MinMaxScaler" + names;
  }

  /** The codec, named {@code "features.minmax-scaler"}. */
  static final StateCodec<MinMaxScaler> CODEC = StateCodec.of("features.minmax-scaler", 1, MinMaxScaler.class,
      (s, out) -> {
        out.writeDouble(s.params.min);
        out.writeDouble(s.params.max);
        out.writeBoolean(s.params.clip);
        Codecs.writeNames(out, s.names);
        out.writeDoubles(s.dataMin);
        out.writeDoubles(s.dataMax);
      },
      (in, version) -> {
        Params p = new Params(in.readDouble(), in.readDouble(), in.readBoolean());
        List<String> names = Codecs.readNames(in);
        return of(p, names, in.readDoubles(names.size()), in.readDoubles(names.size()));
      });
}
