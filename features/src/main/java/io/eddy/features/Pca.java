package io.eddy.features;

import io.eddy.io.StateCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Principal component analysis by the singular value decomposition of the centred data
 * (Householder QR, then one-sided Jacobi on the triangle), as scikit-learn's {@code PCA} with the full solver: components are the leading
 * right singular vectors, explained variances {@code s² / (n - 1)}, and with whitening the
 * projections are divided by the square root of their variance.
 *
 * <p>The sign of a singular vector is arbitrary; here each component's largest-magnitude
 * coefficient is made positive, so fits are reproducible (scikit-learn 1.2 fixes the sign from
 * the left singular vectors instead, so components agree with it up to sign).
 *
 * <p>The number of components is given, or the smallest number whose explained variance ratio
 * reaches a fraction. Output features are named {@code pc1, pc2, ...}. Fitting costs one SVD
 * of the n×d data, O(n·d²) plus O(d³) per Jacobi sweep; transform is O(d·k) and allocation-free. Immutable and
 * thread-safe. Fitting needs complete, finite data (impute first).
 */
public final class Pca implements InvertibleTransformer {

  /**
   * Configuration.
   *
   * @param components the number of components k &ge; 1, or 0 to choose it by
   *     {@code varianceFraction} (or to keep all if that is 0 too) (default 2)
   * @param varianceFraction in (0, 1) to keep the fewest components explaining at least that
   *     share of the variance; 0 when {@code components} decides (default 0)
   * @param whiten scale projections to unit variance (default false)
   */
  public record Params(int components, double varianceFraction, boolean whiten) implements TransformerSpec {

    /** Two components, the usual 2-D view. */
    public static final Params DEFAULTS = new Params(2, 0, false);

    /** Validates. */
    public Params {
      if (components < 0) {
        throw new IllegalArgumentException("components must be >= 0, got " + components);
      }
      if (!(varianceFraction >= 0 && varianceFraction < 1)) {
        throw new IllegalArgumentException("varianceFraction must be in [0, 1), got " + varianceFraction);
      }
      if (components > 0 && varianceFraction > 0) {
        throw new IllegalArgumentException("give components or varianceFraction, not both: components="
            + components + ", varianceFraction=" + varianceFraction);
      }
    }

    /** Params keeping {@code k} components. */
    public static Params components(int k) {
      return new Params(k, 0, false);
    }

    /** Params keeping the fewest components that explain {@code fraction} of the variance. */
    public static Params varianceFraction(double fraction) {
      if (!(fraction > 0)) {
        throw new IllegalArgumentException("varianceFraction must be in (0, 1), got " + fraction);
      }
      return new Params(0, fraction, false);
    }

    /** A copy with whitening set. */
    public Params withWhiten(boolean v) {
      return new Params(components, varianceFraction, v);
    }

    @Override
    public Pca fit(double[][] data, List<String> names) {
      return Pca.fit(this, data, names);
    }
  }

  private final Params params;
  private final List<String> inNames;
  private final List<String> outNames;
  private final int d;
  private final int k;
  private final double[] mean;
  private final double[] components;
  private final double[] explainedVariance;
  private final double[] explainedVarianceRatio;
  private final double[] singularValues;
  // 1 / sqrt(variance) when whitening, else 1; and its inverse.
  private final double[] projScale;
  private final double[] backScale;

  private Pca(Params params, List<String> inNames, double[] mean, double[] components,
      double[] explainedVariance, double[] ratio, double[] singularValues) {
    this.params = params;
    this.inNames = inNames;
    this.d = mean.length;
    this.k = explainedVariance.length;
    this.mean = mean;
    this.components = components;
    this.explainedVariance = explainedVariance;
    this.explainedVarianceRatio = ratio;
    this.singularValues = singularValues;
    List<String> out = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      out.add("pc" + (c + 1));
    }
    this.outNames = List.copyOf(out);
    this.projScale = new double[k];
    this.backScale = new double[k];
    for (int c = 0; c < k; c++) {
      double s = params.whiten ? Math.sqrt(explainedVariance[c]) : 1;
      if (!(s > 0)) {
        throw new IllegalArgumentException("component " + (c + 1) + " has zero variance and cannot be whitened");
      }
      projScale[c] = 1 / s;
      backScale[c] = s;
    }
  }

  /** Fits with {@link Params#DEFAULTS} and names {@code x0, x1, ...}. */
  public static Pca fit(double[][] data) {
    return fit(Params.DEFAULTS, data, Features.defaultNames(Features.requireData(data, false)));
  }

  /**
   * Fits the components.
   *
   * @param data at least two complete, finite rows; not modified
   * @throws IllegalArgumentException if the data are invalid or ask for more components than
   *     min(n, d)
   */
  public static Pca fit(Params params, double[][] data, List<String> names) {
    Features.requireNonNull(params, "params");
    int dim = Features.requireData(data, false);
    List<String> nm = Features.names(names, dim);
    int n = data.length;
    if (n < 2) {
      throw new IllegalArgumentException("data has " + n + " row, expected at least 2");
    }
    int rank = Math.min(n, dim);
    if (params.components > rank) {
      throw new IllegalArgumentException("components is " + params.components
          + ", expected at most min(rows, features) = " + rank);
    }
    double[] mean = new double[dim];
    for (double[] row : data) {
      for (int j = 0; j < dim; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < dim; j++) {
      mean[j] /= n;
    }
    double[][] columns = new double[dim][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        columns[j][i] = data[i][j] - mean[j];
      }
    }
    RightSingular svd = RightSingular.of(columns);
    double[] v = svd.vectors;
    double[] s = svd.values;
    Integer[] order = new Integer[dim];
    for (int c = 0; c < dim; c++) {
      order[c] = c;
    }
    // Decreasing singular values; the sort is stable, so equal ones keep the column order.
    // With n < d only the first n can be non-zero.
    java.util.Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
    double[] var = new double[rank];
    double total = 0;
    for (int c = 0; c < rank; c++) {
      double sv = s[order[c]];
      var[c] = sv * sv / (n - 1);
      total += var[c];
    }
    int keep = params.components;
    if (keep == 0 && params.varianceFraction > 0) {
      double cum = 0;
      keep = rank;
      for (int c = 0; c < rank; c++) {
        cum += var[c] / total;
        if (cum > params.varianceFraction) {
          keep = c + 1;
          break;
        }
      }
    } else if (keep == 0) {
      keep = rank;
    }
    double[] comps = new double[keep * dim];
    double[] ev = new double[keep];
    double[] ratio = new double[keep];
    double[] sing = new double[keep];
    for (int c = 0; c < keep; c++) {
      int src = order[c];
      int argMax = 0;
      for (int j = 1; j < dim; j++) {
        if (Math.abs(v[j * dim + src]) > Math.abs(v[argMax * dim + src])) {
          argMax = j;
        }
      }
      double sign = v[argMax * dim + src] < 0 ? -1 : 1;
      for (int j = 0; j < dim; j++) {
        comps[c * dim + j] = sign * v[j * dim + src];
      }
      ev[c] = var[c];
      ratio[c] = total > 0 ? var[c] / total : 0;
      sing[c] = s[src];
    }
    return new Pca(params, nm, mean, comps, ev, ratio, sing);
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  /** The number of components kept. */
  public int components() {
    return k;
  }

  /** The per-feature means removed before projecting, a copy. */
  public double[] mean() {
    return mean.clone();
  }

  /** Component {@code c} (0-based) as a unit vector over the input features, a copy. */
  public double[] component(int c) {
    if (c < 0 || c >= k) {
      throw new IllegalArgumentException("component " + c + " is not in [0, " + k + ")");
    }
    return java.util.Arrays.copyOfRange(components, c * d, (c + 1) * d);
  }

  /** The variance along each kept component (divisor n - 1), a copy. */
  public double[] explainedVariance() {
    return explainedVariance.clone();
  }

  /** Each kept component's share of the total variance, a copy. */
  public double[] explainedVarianceRatio() {
    return explainedVarianceRatio.clone();
  }

  /** The singular values of the centred data for the kept components, a copy. */
  public double[] singularValues() {
    return singularValues.clone();
  }

  @Override
  public int inputDimension() {
    return d;
  }

  @Override
  public int outputDimension() {
    return k;
  }

  @Override
  public List<String> inputNames() {
    return inNames;
  }

  @Override
  public List<String> outputNames() {
    return outNames;
  }

  @Override
  public void transform(double[] in, double[] out) {
    Features.requireLengths(in, d, out, k);
    if (in == out) {
      throw new IllegalArgumentException("the output may not be the input array");
    }
    for (int c = 0; c < k; c++) {
      int base = c * d;
      double acc = 0;
      for (int j = 0; j < d; j++) {
        acc += (in[j] - mean[j]) * components[base + j];
      }
      out[c] = acc * projScale[c];
    }
  }

  @Override
  public void inverseTransform(double[] in, double[] out) {
    Features.requireLengths(in, k, out, d);
    if (in == out) {
      throw new IllegalArgumentException("the output may not be the input array");
    }
    System.arraycopy(mean, 0, out, 0, d);
    for (int c = 0; c < k; c++) {
      double t = in[c] * backScale[c];
      int base = c * d;
      for (int j = 0; j < d; j++) {
        out[j] += t * components[base + j];
      }
    }
  }

  @Override
  public String toString() {
    return "Pca[k=" + k + ", " + inNames + "]";
  }

  /** The codec, named {@code "features.pca"}. */
  static final StateCodec<Pca> CODEC = StateCodec.of("features.pca", 1, Pca.class,
      (p, out) -> {
        out.writeInt(p.params.components);
        out.writeDouble(p.params.varianceFraction);
        out.writeBoolean(p.params.whiten);
        Codecs.writeNames(out, p.inNames);
        out.writeDoubles(p.mean);
        out.writeDoubles(p.components);
        out.writeDoubles(p.explainedVariance);
        out.writeDoubles(p.explainedVarianceRatio);
        out.writeDoubles(p.singularValues);
      },
      (in, version) -> {
        Params params = new Params(in.readInt(), in.readDouble(), in.readBoolean());
        List<String> names = Codecs.readNames(in);
        int dim = names.size();
        double[] mean = in.readDoubles(dim);
        double[] comps = in.readDoubles();
        double[] ev = in.readDoubles();
        int kk = ev.length;
        if (kk < 1 || comps.length != kk * dim) {
          throw new IllegalArgumentException("components have " + comps.length + " values, expected "
              + kk + " x " + dim);
        }
        double[] ratio = in.readDoubles(kk);
        double[] sing = in.readDoubles(kk);
        for (double[] a : new double[][] {mean, comps, ev, ratio, sing}) {
          for (double x : a) {
            if (!Double.isFinite(x)) {
              throw new IllegalArgumentException("PCA state holds " + x);
            }
          }
        }
        return new Pca(params, Features.names(names, dim), mean, comps, ev, ratio, sing);
      });
}
