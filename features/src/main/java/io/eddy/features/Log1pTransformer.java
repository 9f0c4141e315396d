package io.eddy.features;

import io.eddy.io.StateCodec;
import java.util.List;

/**
 * {@code log(1 + x)} of every feature, inverted by {@code exp(x) - 1}: compresses the long
 * right tail of money and count features (spend, frequency) before a scaler, as scikit-learn's
 * {@code FunctionTransformer(np.log1p, inverse_func=np.expm1)}.
 *
 * <p>Needs no fitting. Values below -1 have no logarithm and give NaN, as NaN gives NaN: place
 * it on non-negative features. Immutable and thread-safe; allocation-free; may write into its
 * input.
 */
public final class Log1pTransformer extends SameShapeTransformer implements InvertibleTransformer {

  /** Configuration; this transformer has no options. */
  public record Params() implements TransformerSpec {

    /** The only configuration. */
    public static final Params DEFAULTS = new Params();

    @Override
    public Log1pTransformer fit(double[][] data, List<String> names) {
      return new Log1pTransformer(Features.names(names, Features.requireData(data, true)));
    }
  }


  /**
   * A transformer over features with these names.
   *
   * @throws IllegalArgumentException if the names are empty, null or not unique
   */
  public Log1pTransformer(List<String> names) {
    super(names);
  }





  @Override
  public void transform(double[] in, double[] out) {
    int d = names.size();
    Features.requireLengths(in, d, out, d);
    for (int j = 0; j < d; j++) {
      out[j] = log1p(in[j]);
    }
  }

  /**
   * {@code log(1 + x)}, accurate for small {@code x}, by Goldberg's formulation: with
   * {@code u = 1 + x} rounded, {@code log(u) · (x / (u - 1))} (or {@code x} when {@code u = 1}).
   * The division corrects the rounding of {@code 1 + x}, so the relative error stays within a
   * few ulps (D. Goldberg, What every computer scientist should know about floating-point
   * arithmetic, ACM Computing Surveys 23(1), 1991, Theorem 4). It uses {@link Math#log}, which
   * the JIT compiles to an intrinsic, where {@link Math#log1p} is several times slower.
   */
  public static double log1p(double x) {
    double u = 1 + x;
    if (u == 1) {
      return x;
    }
    if (u == Double.POSITIVE_INFINITY) {
      return u;
    }
    return Math.log(u) * (x / (u - 1));
  }

  @Override
  public void inverseTransform(double[] in, double[] out) {
    int d = names.size();
    Features.requireLengths(in, d, out, d);
    for (int j = 0; j < d; j++) {
      out[j] = Math.expm1(in[j]);
    }
  }

  @Override
  public String toString() {
    return "Log1pTransformer" + names;
  }

  /** The codec, named {@code "features.log1p"}. */
  static final StateCodec<Log1pTransformer> CODEC = StateCodec.of("features.log1p", 1, Log1pTransformer.class,
      (s, out) -> {
        Codecs.writeNames(out, s.names);
      },
      (in, version) -> {
        return new Log1pTransformer(Codecs.readNames(in));
      });
}
