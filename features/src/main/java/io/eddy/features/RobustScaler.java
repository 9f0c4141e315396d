package io.eddy.features;

import io.eddy.io.StateCodec;
import java.util.List;

/**
 * Scaling that outliers cannot dominate: {@code (x - median) / IQR} per feature, where the
 * interquartile range is between the {@code qLow}-th and {@code qHigh}-th percentiles (default
 * 25 and 75, linear interpolation), as scikit-learn's {@code RobustScaler}. Suited to skewed
 * spend and frequency features.
 *
 * <p>Fitting ignores NaN; transforming passes it through. A feature with zero spread keeps
 * scale 1. Immutable and thread-safe; transform is O(d), allocation-free, and may write into
 * its input. Fitting sorts each column: O(n log n · d).
 */
public final class RobustScaler extends SameShapeTransformer implements InvertibleTransformer {

  /**
   * Configuration.
   *
   * @param withCentering subtract the median (default true)
   * @param withScaling divide by the quantile range (default true)
   * @param qLow lower percentile in [0, 100) (default 25)
   * @param qHigh upper percentile in (qLow, 100] (default 75)
   */
  public record Params(boolean withCentering, boolean withScaling, double qLow, double qHigh)
      implements TransformerSpec {

    /** Median and interquartile range. */
    public static final Params DEFAULTS = new Params(true, true, 25, 75);

    /** Validates. */
    public Params {
      if (!(qLow >= 0 && qLow < qHigh && qHigh <= 100)) {
        throw new IllegalArgumentException("qLow and qHigh must satisfy 0 <= qLow < qHigh <= 100, got qLow="
            + qLow + ", qHigh=" + qHigh);
      }
    }

    /** A copy with the percentile range set. */
    public Params withQuantileRange(double low, double high) {
      return new Params(withCentering, withScaling, low, high);
    }

    /** A copy with {@code withCentering} set. */
    public Params withCentering(boolean v) {
      return new Params(v, withScaling, qLow, qHigh);
    }

    /** A copy with {@code withScaling} set. */
    public Params withScaling(boolean v) {
      return new Params(withCentering, v, qLow, qHigh);
    }

    @Override
    public RobustScaler fit(double[][] data, List<String> names) {
      return RobustScaler.fit(this, data, names);
    }
  }

  private final Params params;
  private final double[] center;
  private final double[] scale;

  private RobustScaler(Params params, List<String> names, double[] center, double[] scale) {
    super(names);
    this.params = params;
    this.center = center;
    this.scale = scale;
  }

  /** Fits with {@link Params#DEFAULTS} and names {@code x0, x1, ...}. */
  public static RobustScaler fit(double[][] data) {
    return fit(Params.DEFAULTS, data, Features.defaultNames(Features.requireData(data, true)));
  }

  /** Fits medians and quantile ranges, ignoring NaN. */
  public static RobustScaler fit(Params params, double[][] data, List<String> names) {
    Features.requireNonNull(params, "params");
    int d = Features.requireData(data, true);
    List<String> n = Features.names(names, d);
    double[] center = new double[d];
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      double[] v = Features.sortedColumn(data, j);
      Features.requireNonEmptyColumn(v, n.get(j));
      int m = v.length;
      // numpy's median averages the two middle values; the percentile interpolation would
      // round differently in the last bit.
      center[j] = !params.withCentering ? 0 : (m % 2 == 1 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2);
      double range = Features.percentile(v, params.qHigh) - Features.percentile(v, params.qLow);
      scale[j] = !params.withScaling || range < 10 * Math.ulp(1.0) ? 1 : range;
    }
    return new RobustScaler(params, n, center, scale);
  }

  /** A scaler with the given centres and scales (finite; scales positive); copied. */
  public static RobustScaler of(Params params, List<String> names, double[] center, double[] scale) {
    Features.requireNonNull(params, "params");
    Features.requireNonNull(center, "center");
    Features.requireNonNull(scale, "scale");
    int d = center.length;
    if (scale.length != d) {
      throw new IllegalArgumentException("scale has length " + scale.length + ", expected " + d);
    }
    List<String> n = Features.names(names, d);
    for (int j = 0; j < d; j++) {
      if (!Double.isFinite(center[j]) || !(scale[j] > 0) || scale[j] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("centre " + center[j] + " and scale " + scale[j] + " of '" + n.get(j)
            + "' must be finite, the scale > 0");
      }
    }
    return new RobustScaler(params, n, center.clone(), scale.clone());
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  /** The subtracted medians, a copy. */
  public double[] center() {
    return center.clone();
  }

  /** The divisors, a copy. */
  public double[] scale() {
    return scale.clone();
  }





  @Override
  public void transform(double[] in, double[] out) {
    Features.requireLengths(in, center.length, out, center.length);
    for (int j = 0; j < center.length; j++) {
      out[j] = (in[j] - center[j]) / scale[j];
    }
  }

  @Override
  public void inverseTransform(double[] in, double[] out) {
    Features.requireLengths(in, center.length, out, center.length);
    for (int j = 0; j < center.length; j++) {
      out[j] = in[j] * scale[j] + center[j];
    }
  }

  @Override
  public String toString() {
    return "RobustScaler" + names;
  }

  /** The codec, named {@code "features.robust-scaler"}. */
  static final StateCodec<RobustScaler> CODEC = StateCodec.of("features.robust-scaler", 1, RobustScaler.class,
      (s, out) -> {
        out.writeBoolean(s.params.withCentering);
        out.writeBoolean(s.params.withScaling);
        out.writeDouble(s.params.qLow);
        out.writeDouble(s.params.qHigh);
        Codecs.writeNames(out, s.names);
        out.writeDoubles(s.center);
        out.writeDoubles(s.scale);
      },
      (in, version) -> {
        Params p = new Params(in.readBoolean(), in.readBoolean(), in.readDouble(), in.readDouble());
        List<String> names = Codecs.readNames(in);
        return of(p, names, in.readDoubles(names.size()), in.readDoubles(names.size()));
      });
}
