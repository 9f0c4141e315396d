package io.eddy.features;

import io.eddy.io.StateCodec;
import java.util.List;

/**
 * Replaces missing values (NaN) of each feature with one statistic of its observed values:
 * the mean, the median, the most frequent value (the smallest among ties) or a constant, as
 * scikit-learn's {@code SimpleImputer}.
 *
 * <p>Unlike scikit-learn, a feature with no observed value is an error at fitting rather than
 * silently dropped, so that the output always has the input's features. Immutable and
 * thread-safe; transform is O(d), allocation-free, and may write into its input.
 */
public final class SimpleImputer extends SameShapeTransformer {

  /** The statistic that fills a feature's missing values. */
  public enum Strategy {
    /** The mean of the observed values. */
    MEAN,
    /** The median of the observed values (the mean of the two middle ones for an even count). */
    MEDIAN,
    /** The most frequent observed value; the smallest one among ties. */
    MOST_FREQUENT,
    /** {@link Params#fillValue()}. */
    CONSTANT
  }

  /**
   * Configuration.
   *
   * @param strategy what fills missing values (default {@link Strategy#MEAN})
   * @param fillValue the value for {@link Strategy#CONSTANT}, finite (default 0)
   */
  public record Params(Strategy strategy, double fillValue) implements TransformerSpec {

    /** Mean imputation. */
    public static final Params DEFAULTS = new Params(Strategy.MEAN, 0);

    /** Validates. */
    public Params {
      if (strategy == null) {
        throw new IllegalArgumentException("strategy is null, expected one of MEAN, MEDIAN, MOST_FREQUENT, CONSTANT");
      }
      if (!Double.isFinite(fillValue)) {
        throw new IllegalArgumentException("fillValue must be finite, got " + fillValue);
      }
    }

    /** A copy with the strategy set. */
    public Params withStrategy(Strategy v) {
      return new Params(v, fillValue);
    }

    /** A copy with the constant set (used by {@link Strategy#CONSTANT}). */
    public Params withFillValue(double v) {
      return new Params(strategy, v);
    }

    @Override
    public SimpleImputer fit(double[][] data, List<String> names) {
      return SimpleImputer.fit(this, data, names);
    }
  }

  private final Params params;
  private final double[] fill;

  private SimpleImputer(Params params, List<String> names, double[] fill) {
    super(names);
    this.params = params;
    this.fill = fill;
  }

  /** Fits with {@code params} and names {@code x0, x1, ...}. */
  public static SimpleImputer fit(Params params, double[][] data) {
    return fit(params, data, Features.defaultNames(Features.requireData(data, true)));
  }

  /**
   * Fits the fill value of each feature.
   *
   * @throws IllegalArgumentException if the data are invalid or, unless the strategy is
   *     {@link Strategy#CONSTANT}, a feature has no observed value
   */
  public static SimpleImputer fit(Params params, double[][] data, List<String> names) {
    Features.requireNonNull(params, "params");
    int d = Features.requireData(data, true);
    List<String> n = Features.names(names, d);
    double[] fill = new double[d];
    for (int j = 0; j < d; j++) {
      if (params.strategy == Strategy.CONSTANT) {
        fill[j] = params.fillValue;
        continue;
      }
      double[] v = Features.sortedColumn(data, j);
      Features.requireNonEmptyColumn(v, n.get(j));
      int m = v.length;
      switch (params.strategy) {
        case MEAN: {
          double sum = 0;
          for (double x : v) {
            sum += x;
          }
          fill[j] = sum / m;
          break;
        }
        case MEDIAN:
          fill[j] = m % 2 == 1 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2;
          break;
        default: {
          // Sorted, so the first run of maximal length holds the smallest most frequent value.
          double best = v[0];
          int bestRun = 0;
          int i = 0;
          while (i < m) {
            int k = i;
            while (k < m && v[k] == v[i]) {
              k++;
            }
            if (k - i > bestRun) {
              bestRun = k - i;
              best = v[i];
            }
            i = k;
          }
          fill[j] = best;
        }
      }
    }
    return new SimpleImputer(params, n, fill);
  }

  /** An imputer with explicit fill values (finite); copied. */
  public static SimpleImputer of(Params params, List<String> names, double[] fill) {
    Features.requireNonNull(params, "params");
    Features.requireNonNull(fill, "fill");
    List<String> n = Features.names(names, fill.length);
    for (int j = 0; j < fill.length; j++) {
      if (!Double.isFinite(fill[j])) {
        throw new IllegalArgumentException("fill value of '" + n.get(j) + "' is " + fill[j] + ", expected a finite value");
      }
    }
    return new SimpleImputer(params, n, fill.clone());
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  /** The fill value of each feature, a copy. */
  public double[] fillValues() {
    return fill.clone();
  }





  @Override
  public void transform(double[] in, double[] out) {
    Features.requireLengths(in, fill.length, out, fill.length);
    for (int j = 0; j < fill.length; j++) {
      double v = in[j];
      out[j] = v != v ? fill[j] : v;
    }
  }

  @Override
  public String toString() {
    return "SimpleImputer[" + params.strategy + " " + names + "]";
  }

  /** The codec, named {@code "features.simple-imputer"}. */
  static final StateCodec<SimpleImputer> CODEC = StateCodec.of("features.simple-imputer", 1, SimpleImputer.class,
      (s, out) -> {
        out.writeInt(s.params.strategy.ordinal());
        out.writeDouble(s.params.fillValue);
        Codecs.writeNames(out, s.names);
        out.writeDoubles(s.fill);
      },
      (in, version) -> {
        Params p = new Params(Codecs.readEnum(in, Strategy.class), in.readDouble());
        List<String> names = Codecs.readNames(in);
        return of(p, names, in.readDoubles(names.size()));
      });
}
