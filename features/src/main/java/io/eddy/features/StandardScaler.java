package io.eddy.features;

import io.eddy.io.StateCodec;
import java.util.List;

/**
 * Standardisation to zero mean and unit variance per feature: {@code (x - mean) / std}, with
 * the population standard deviation (divisor n), as scikit-learn's {@code StandardScaler}.
 *
 * <p>Fitting ignores missing values (NaN) and transforming passes them through. A constant
 * feature (variance zero up to rounding, by scikit-learn's test) keeps scale 1, so it maps to
 * 0 rather than to NaN; an exactly constant feature maps to exactly 0 at any magnitude, its mean
 * being its value (scikit-learn 1.2 keeps the rounding of the sum: ten values of 1e100
 * transform to -1.9e84 there). For a stream, {@link StreamingStandardScaler} keeps the same statistics
 * incrementally.
 *
 * <p>Immutable and thread-safe. Fitting costs O(n·d); a transform O(d) with no allocation; the
 * output may be the input array.
 */
public final class StandardScaler extends SameShapeTransformer implements InvertibleTransformer {

  /**
   * Configuration.
   *
   * @param withMean subtract the mean (default true)
   * @param withStd divide by the standard deviation (default true)
   */
  public record Params(boolean withMean, boolean withStd) implements TransformerSpec {

    /** Centre and scale. */
    public static final Params DEFAULTS = new Params(true, true);

    /** A copy with {@code withMean} set. */
    public Params withMean(boolean v) {
      return new Params(v, withStd);
    }

    /** A copy with {@code withStd} set. */
    public Params withStd(boolean v) {
      return new Params(withMean, v);
    }

    @Override
    public StandardScaler fit(double[][] data, List<String> names) {
      return StandardScaler.fit(this, data, names);
    }
  }

  private final Params params;
  private final double[] mean;
  private final double[] scale;

  private StandardScaler(Params params, List<String> names, double[] mean, double[] scale) {
    super(names);
    this.params = params;
    this.mean = mean;
    this.scale = scale;
  }

  /**
   * A scaler with the given statistics, e.g. computed elsewhere.
   *
   * @param mean per-feature means, finite; copied
   * @param scale per-feature scales, finite and positive; copied
   * @throws IllegalArgumentException if lengths differ or a value is out of range
   */
  public static StandardScaler of(Params params, List<String> names, double[] mean, double[] scale) {
    Features.requireNonNull(params, "params");
    Features.requireNonNull(mean, "mean");
    Features.requireNonNull(scale, "scale");
    int d = mean.length;
    if (scale.length != d) {
      throw new IllegalArgumentException("scale has length " + scale.length + ", expected " + d);
    }
    List<String> n = Features.names(names, d);
    for (int j = 0; j < d; j++) {
      if (!Double.isFinite(mean[j])) {
        throw new IllegalArgumentException("mean of '" + n.get(j) + "' is " + mean[j] + ", expected a finite value");
      }
      if (!(scale[j] > 0) || scale[j] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("scale of '" + n.get(j) + "' is " + scale[j] + ", expected a finite value > 0");
      }
    }
    return new StandardScaler(params, n, mean.clone(), scale.clone());
  }

  /** Fits with {@link Params#DEFAULTS} and names {@code x0, x1, ...}. */
  public static StandardScaler fit(double[][] data) {
    return fit(Params.DEFAULTS, data, Features.defaultNames(Features.requireData(data, true)));
  }

  /**
   * Fits the per-feature mean and standard deviation, ignoring NaN.
   *
   * @throws IllegalArgumentException if the data are empty, ragged, contain an infinity, or a
   *     column has no observed value
   */
  public static StandardScaler fit(Params params, double[][] data, List<String> names) {
    Features.requireNonNull(params, "params");
    int d = Features.requireData(data, true);
    List<String> n = Features.names(names, d);
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      double sum = 0;
      int count = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] row : data) {
        double v = row[j];
        if (!Double.isNaN(v)) {
          sum += v;
          count++;
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      if (count == 0) {
        throw new IllegalArgumentException("column '" + n.get(j) + "' has no observed values (all NaN)");
      }
      // A constant column's mean is its value, exactly: sum / count can be an ulp off (ten
      // values of 1e100 sum to a mean 1.9e84 away), which would survive as the transformed value.
      double m = min == max ? min : sum / count;
      // Two-pass variance with the compensating term, as scikit-learn computes it.
      double sq = 0;
      double corr = 0;
      for (double[] row : data) {
        double v = row[j];
        if (!Double.isNaN(v)) {
          double t = v - m;
          corr += t;
          sq += t * t;
        }
      }
      double var = Math.max(0, (sq - corr * corr / count) / count);
      mean[j] = params.withMean ? m : 0;
      double eps = Math.ulp(1.0);
      double bound = count * eps * var + (count * m * eps) * (count * m * eps);
      scale[j] = !params.withStd || var <= bound ? 1 : Math.sqrt(var);
    }
    return new StandardScaler(params, n, mean, scale);
  }

  /** The configuration it was fitted with. */
  public Params params() {
    return params;
  }

  /** The subtracted means (zeros if not centring), a copy. */
  public double[] mean() {
    return mean.clone();
  }

  /** The divisors (ones if not scaling, or for constant features), a copy. */
  public double[] scale() {
    return scale.clone();
  }





  @Override
  public void transform(double[] in, double[] out) {
    Features.requireLengths(in, mean.length, out, mean.length);
    for (int j = 0; j < mean.length; j++) {
      out[j] = (in[j] - mean[j]) / scale[j];
    }
  }

  @Override
  public void inverseTransform(double[] in, double[] out) {
    Features.requireLengths(in, mean.length, out, mean.length);
    for (int j = 0; j < mean.length; j++) {
      out[j] = in[j] * scale[j] + mean[j];
    }
  }

  @Override
  public String toString() {
    return "StandardScaler" + names;
  }

  /** The codec {@link io.eddy.io.ModelIO} uses, named {@code "features.standard-scaler"}. */
  static final StateCodec<StandardScaler> CODEC = StateCodec.of("features.standard-scaler", 1, StandardScaler.class,
      (s, out) -> {
        out.writeBoolean(s.params.withMean);
        out.writeBoolean(s.params.withStd);
        Codecs.writeNames(out, s.names);
        out.writeDoubles(s.mean);
        out.writeDoubles(s.scale);
      },
      (in, version) -> {
        Params p = new Params(in.readBoolean(), in.readBoolean());
        List<String> names = Codecs.readNames(in);
        return of(p, names, in.readDoubles(names.size()), in.readDoubles(names.size()));
      });
}
