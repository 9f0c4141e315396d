package io.eddy.features;

import io.eddy.io.StateCodec;
import java.util.List;

/**
 * Scaling of each feature by its maximum absolute value, into [-1, 1], without shifting (so
 * zeros stay zeros), as scikit-learn's {@code MaxAbsScaler}.
 *
 * <p>Fitting ignores NaN; transforming passes it through; a feature whose maximum absolute
 * value is below {@code 10 * ulp(1)} (about 2.2e-15: all zero, or tiny) keeps scale 1.
 * Immutable and thread-safe; transform is O(d), allocation-free, and may write into its input.
 */
public final class MaxAbsScaler extends SameShapeTransformer implements InvertibleTransformer {

  /** Configuration; this scaler has no options. */
  public record Params() implements TransformerSpec {

    /** The only configuration. */
    public static final Params DEFAULTS = new Params();

    @Override
    public MaxAbsScaler fit(double[][] data, List<String> names) {
      return MaxAbsScaler.fit(data, names);
    }
  }

  private final double[] maxAbs;
  private final double[] scale;

  private MaxAbsScaler(List<String> names, double[] maxAbs) {
    super(names);
    this.maxAbs = maxAbs;
    this.scale = new double[maxAbs.length];
    for (int j = 0; j < maxAbs.length; j++) {
      scale[j] = scaleOf(maxAbs[j]);
    }
  }

  /**
   * The divisor for a feature of maximum absolute value {@code maxAbs}: itself, or 1 below
   * {@code 10 * ulp(1)} (about 2.2e-15), scikit-learn's floor for a constant feature. Dividing
   * by a smaller maximum (say 1e-320, subnormal) would send ordinary values to infinity.
   */
  static double scaleOf(double maxAbs) {
    return maxAbs < 10 * Math.ulp(1.0) ? 1 : maxAbs;
  }

  /** Fits with names {@code x0, x1, ...}. */
  public static MaxAbsScaler fit(double[][] data) {
    return fit(data, Features.defaultNames(Features.requireData(data, true)));
  }

  /** Fits the per-feature maximum absolute value, ignoring NaN. */
  public static MaxAbsScaler fit(double[][] data, List<String> names) {
    int d = Features.requireData(data, true);
    List<String> n = Features.names(names, d);
    double[] m = new double[d];
    for (int j = 0; j < d; j++) {
      double a = -1;
      for (double[] row : data) {
        double v = Math.abs(row[j]);
        if (v > a) {
          a = v;
        }
      }
      if (a < 0) {
        throw new IllegalArgumentException("column '" + n.get(j) + "' has no observed values (all NaN)");
      }
      m[j] = a;
    }
    return new MaxAbsScaler(n, m);
  }

  /** A scaler with the given maximum absolute values (finite, &ge; 0); copied. */
  public static MaxAbsScaler of(List<String> names, double[] maxAbs) {
    Features.requireNonNull(maxAbs, "maxAbs");
    List<String> n = Features.names(names, maxAbs.length);
    for (int j = 0; j < maxAbs.length; j++) {
      if (!(maxAbs[j] >= 0) || maxAbs[j] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("max-abs of '" + n.get(j) + "' is " + maxAbs[j] + ", expected a finite value >= 0");
      }
    }
    return new MaxAbsScaler(n, maxAbs.clone());
  }

  /** The observed maximum absolute values, a copy. */
  public double[] maxAbs() {
    return maxAbs.clone();
  }

  @Override
  public void transform(double[] in, double[] out) {
    Features.requireLengths(in, scale.length, out, scale.length);
    for (int j = 0; j < scale.length; j++) {
      out[j] = in[j] / scale[j];
    }
  }

  @Override
  public void inverseTransform(double[] in, double[] out) {
    Features.requireLengths(in, scale.length, out, scale.length);
    for (int j = 0; j < scale.length; j++) {
      out[j] = in[j] * scale[j];
    }
  }

  @Override
  public String toString() {
    return "MaxAbsScaler" + names;
  }

  /** The codec, named {@code "features.maxabs-scaler"}. */
  static final StateCodec<MaxAbsScaler> CODEC = StateCodec.of("features.maxabs-scaler", 1, MaxAbsScaler.class,
      (s, out) -> {
        Codecs.writeNames(out, s.names);
        out.writeDoubles(s.maxAbs);
      },
      (in, version) -> {
        List<String> names = Codecs.readNames(in);
        return of(names, in.readDoubles(names.size()));
      });
}
