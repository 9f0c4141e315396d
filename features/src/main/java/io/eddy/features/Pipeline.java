package io.eddy.features;

import io.eddy.io.StateCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted chain from raw rows to model-ready vectors: numeric columns, followed by the
 * encoded categorical columns, then a sequence of transformers (imputers, scalers, PCA...),
 * each fitted on the output of the previous ones.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.builder(List.of("age", "income", "score"))
 *     .oneHot("gender", OneHotEncoder.Params.DEFAULTS.withUnseen(OneHotEncoder.Unseen.ZEROS))
 *     .then(SimpleImputer.Params.DEFAULTS.withStrategy(SimpleImputer.Strategy.MEDIAN))
 *     .then(StandardScaler.Params.DEFAULTS, List.of("age", "income", "score"))
 *     .fit(numericRows, categoricalRows);
 * double[] out = new double[p.outputDimension()];
 * p.transform(numericRow, categoricalRow, out);   // no allocation
 * }</pre>
 *
 * <p>Feature names flow through: {@link #outputNames()} are the last step's names (one-hot
 * columns are {@code feature_category}). The whole pipeline persists with {@link
 * io.eddy.io.ModelIO} (steps must be the features module's own transformers).
 *
 * <p>When there are no categorical columns and every step has an inverse ({@link
 * #isInvertible()}), {@link #inverseTransform(double[], double[])} maps model-space vectors
 * (segment centres, for example) back to the original units.
 *
 * <p>{@link #transform(double[], String[], double[])} allocates nothing: intermediate vectors
 * live in buffers owned by the pipeline, so it is used by one thread at a time; {@link
 * #copy()} gives an independent pipeline for another thread. Its cost is the sum of the steps'.
 */
public final class Pipeline implements Transformer {

  private sealed interface EncoderSpec permits OneHotSpec, OrdinalSpec {
    String column();

    CategoricalEncoder fit(List<String> values);
  }

  private record OneHotSpec(String column, OneHotEncoder.Params params) implements EncoderSpec {
    @Override
    public CategoricalEncoder fit(List<String> values) {
      return OneHotEncoder.fit(params, column, values);
    }
  }

  private record OrdinalSpec(String column, OrdinalEncoder.Params params) implements EncoderSpec {
    @Override
    public CategoricalEncoder fit(List<String> values) {
      return new OrdinalEncoder(column, params);
    }
  }

  /** Collects the configuration of a pipeline; {@link #fit} builds it. Not thread-safe. */
  public static final class Builder {
    private final List<String> numeric;
    private final List<EncoderSpec> encoders = new ArrayList<>();
    private final List<TransformerSpec> steps = new ArrayList<>();

    private Builder(List<String> numeric) {
      this.numeric = List.copyOf(numeric);
    }

    /** One-hot encodes the categorical column {@code column}. */
    public Builder oneHot(String column, OneHotEncoder.Params params) {
      Features.requireNonNull(column, "column");
      Features.requireNonNull(params, "params");
      encoders.add(new OneHotSpec(column, params));
      return this;
    }

    /** Ordinal encodes the categorical column {@code column}. */
    public Builder ordinal(String column, OrdinalEncoder.Params params) {
      Features.requireNonNull(column, "column");
      Features.requireNonNull(params, "params");
      encoders.add(new OrdinalSpec(column, params));
      return this;
    }

    /** Appends a step over all columns. */
    public Builder then(TransformerSpec step) {
      if (step == null) {
        throw new IllegalArgumentException("step is null");
      }
      steps.add(step);
      return this;
    }

    /** Appends a step over the named columns only (it must keep their number). */
    public Builder then(TransformerSpec step, List<String> columns) {
      return then(new ColumnSubset.Params(step, columns));
    }

    /** Fits on numeric rows only (no categorical columns configured). */
    public Pipeline fit(double[][] numericRows) {
      return fit(numericRows, null);
    }

    /**
     * Fits every encoder and step in order.
     *
     * @param numericRows one row per record, the numeric columns in builder order; NaN missing
     * @param categoricalRows one row per record, the categorical columns in the order they were
     *     added (null if there are none)
     * @throws IllegalArgumentException if shapes disagree or a step cannot fit
     */
    public Pipeline fit(double[][] numericRows, String[][] categoricalRows) {
      int n = numericRows == null ? 0 : numericRows.length;
      if (n == 0) {
        throw new IllegalArgumentException("numericRows is empty, expected at least 1 row");
      }
      int p = numeric.size();
      int q = encoders.size();
      if (q > 0 && (categoricalRows == null || categoricalRows.length != n)) {
        throw new IllegalArgumentException("categoricalRows has " + (categoricalRows == null ? 0 : categoricalRows.length)
            + " rows, expected " + n);
      }
      List<CategoricalEncoder> fitted = new ArrayList<>(q);
      for (int k = 0; k < q; k++) {
        List<String> col = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          if (categoricalRows[i] == null || categoricalRows[i].length != q) {
            throw new IllegalArgumentException("categorical row " + i + " does not have " + q + " values");
          }
          col.add(categoricalRows[i][k]);
        }
        fitted.add(encoders.get(k).fit(col));
      }
      Pipeline front = new Pipeline(numeric, fitted, List.of());
      double[][] x = new double[n][front.assembledDimension()];
      for (int i = 0; i < n; i++) {
        if (numericRows[i] == null || numericRows[i].length != p) {
          throw new IllegalArgumentException("numeric row " + i + " has "
              + (numericRows[i] == null ? "no array" : numericRows[i].length + " values") + ", expected " + p);
        }
        front.assemble(numericRows[i], q == 0 ? null : categoricalRows[i], x[i]);
      }
      List<String> names = front.assembledNames;
      List<Transformer> chain = new ArrayList<>(steps.size());
      for (TransformerSpec spec : steps) {
        Transformer t = spec.fit(x, names);
        chain.add(t);
        x = t.transformAll(x);
        names = t.outputNames();
      }
      return new Pipeline(numeric, fitted, chain);
    }
  }

  /** A builder over numeric columns with these names (possibly none, if all are categorical). */
  public static Builder builder(List<String> numericColumns) {
    Features.requireNonNull(numericColumns, "numericColumns");
    Features.names(numericColumns, numericColumns.size());
    return new Builder(numericColumns);
  }

  private final List<String> numeric;
  private final List<CategoricalEncoder> encoders;
  private final List<String> categoricalNames;
  private final List<Transformer> steps;
  private final List<String> assembledNames;
  private final List<String> outputNames;
  private final Transformer[] chain;
  private final double[][] buffers;

  /**
   * A pipeline from fitted parts.
   *
   * @throws IllegalArgumentException if the parts do not connect (names and dimensions)
   */
  public Pipeline(List<String> numeric, List<CategoricalEncoder> encoders, List<Transformer> steps) {
    Features.requireNonNull(numeric, "numeric");
    Features.requireNonNull(encoders, "encoders");
    Features.requireNonNull(steps, "steps");
    this.numeric = List.copyOf(numeric);
    this.encoders = List.copyOf(encoders);
    this.steps = List.copyOf(steps);
    List<String> cat = new ArrayList<>();
    List<String> assembled = new ArrayList<>(this.numeric);
    for (CategoricalEncoder e : this.encoders) {
      cat.add(e.inputName());
      assembled.addAll(e.outputNames());
    }
    if (assembled.isEmpty()) {
      throw new IllegalArgumentException("no columns: give numeric columns or categorical encoders");
    }
    this.categoricalNames = List.copyOf(cat);
    this.assembledNames = Features.names(assembled, assembled.size());
    List<String> names = assembledNames;
    for (Transformer t : this.steps) {
      if (!t.inputNames().equals(names)) {
        throw new IllegalArgumentException(t + " expects " + t.inputNames() + " but receives " + names);
      }
      names = t.outputNames();
    }
    this.outputNames = names;
    this.chain = this.steps.toArray(new Transformer[0]);
    this.buffers = new double[chain.length + 1][];
    buffers[0] = new double[assembledNames.size()];
    for (int i = 0; i < chain.length; i++) {
      buffers[i + 1] = new double[chain[i].outputDimension()];
    }
  }

  private int assembledDimension() {
    return assembledNames.size();
  }

  private void assemble(double[] num, String[] cat, double[] out) {
    int p = numeric.size();
    if (num.length != p) {
      throw new IllegalArgumentException("numeric input has dimension " + num.length + ", expected " + p);
    }
    int q = encoders.size();
    if (q > 0 && (cat == null || cat.length != q)) {
      throw new IllegalArgumentException("categorical input has " + (cat == null ? 0 : cat.length)
          + " values, expected " + q + " " + categoricalNames);
    }
    System.arraycopy(num, 0, out, 0, p);
    int offset = p;
    for (int k = 0; k < q; k++) {
      CategoricalEncoder e = encoders.get(k);
      e.encode(cat[k], out, offset);
      offset += e.outputDimension();
    }
  }

  /**
   * Transforms one record. Allocates nothing.
   *
   * @param num the numeric values in {@link #inputNames()} order; not modified
   * @param cat the categorical values in {@link #categoricalNames()} order, or null if none
   * @param out the result, of length {@link #outputDimension()}; modified
   */
  public void transform(double[] num, String[] cat, double[] out) {
    Features.requireNonNull(num, "num");
    Features.requireNonNull(out, "out");
    if (out.length != outputNames.size()) {
      throw new IllegalArgumentException("output has length " + out.length + ", expected " + outputNames.size());
    }
    double[] cur;
    if (encoders.isEmpty() && chain.length > 0 && num != out) {
      // Nothing to assemble: the first step reads the caller's array (steps never modify
      // their input), saving a copy.
      if (num.length != numeric.size()) {
        throw new IllegalArgumentException("numeric input has dimension " + num.length + ", expected " + numeric.size());
      }
      cur = num;
    } else {
      cur = chain.length == 0 ? out : buffers[0];
      assemble(num, cat, cur);
    }
    for (int i = 0; i < chain.length; i++) {
      double[] next = i == chain.length - 1 ? out : buffers[i + 1];
      chain[i].transform(cur, next);
      cur = next;
    }
  }

  /**
   * Transforms numeric input when there are no categorical columns.
   *
   * @throws IllegalStateException if the pipeline has categorical columns
   */
  @Override
  public void transform(double[] in, double[] out) {
    if (!encoders.isEmpty()) {
      throw new IllegalStateException("this pipeline also needs categorical values " + categoricalNames);
    }
    transform(in, null, out);
  }

  /**
   * Whether {@link #inverseTransform(double[], double[])} is defined: there are no categorical
   * columns and every step has an inverse (the scalers, {@link Log1pTransformer}, {@link Pca}
   * and column subsets of these; not the imputers).
   */
  public boolean isInvertible() {
    return nonInvertibleStep() == null && encoders.isEmpty();
  }

  private Transformer nonInvertibleStep() {
    for (Transformer t : chain) {
      boolean ok = t instanceof InvertibleTransformer || (t instanceof ColumnSubset && ((ColumnSubset) t).invertible());
      if (!ok) {
        return t;
      }
    }
    return null;
  }

  /**
   * Maps an output vector back to the numeric input space, running every step's inverse in
   * reverse order: exact up to rounding for scalers and log1p, the best reconstruction for a
   * truncated {@link Pca}. Allocates nothing; one thread at a time, as {@code transform}.
   *
   * @param in a vector of length {@link #outputDimension()}; not modified
   * @param out a vector of length {@link #inputDimension()}; modified
   * @throws IllegalStateException if the pipeline is not {@link #isInvertible() invertible};
   *     the message names the step without an inverse
   * @throws IllegalArgumentException if a length is wrong
   */
  public void inverseTransform(double[] in, double[] out) {
    if (!encoders.isEmpty()) {
      throw new IllegalStateException("a pipeline with categorical columns " + categoricalNames + " has no inverse");
    }
    Transformer bad = nonInvertibleStep();
    if (bad != null) {
      throw new IllegalStateException("step " + bad + " has no inverse");
    }
    Features.requireLengths(in, outputNames.size(), out, numeric.size());
    if (chain.length == 0) {
      System.arraycopy(in, 0, out, 0, in.length);
      return;
    }
    double[] cur = in;
    for (int i = chain.length - 1; i >= 0; i--) {
      double[] next = i == 0 ? out : buffers[i];
      if (chain[i] instanceof ColumnSubset) {
        ((ColumnSubset) chain[i]).inverseTransform(cur, next);
      } else {
        ((InvertibleTransformer) chain[i]).inverseTransform(cur, next);
      }
      cur = next;
    }
  }

  /** {@link #inverseTransform(double[], double[])} into a new array. */
  public double[] inverseTransform(double[] in) {
    double[] out = new double[numeric.size()];
    inverseTransform(in, out);
    return out;
  }

  /** Transforms one record into a new array. */
  public double[] transform(double[] num, String[] cat) {
    double[] out = new double[outputNames.size()];
    transform(num, cat, out);
    return out;
  }

  /** The numeric input names. */
  @Override
  public List<String> inputNames() {
    return numeric;
  }

  /** The categorical input names, in order. */
  public List<String> categoricalNames() {
    return categoricalNames;
  }

  @Override
  public List<String> outputNames() {
    return outputNames;
  }

  @Override
  public int inputDimension() {
    return numeric.size();
  }

  @Override
  public int outputDimension() {
    return outputNames.size();
  }

  /** The fitted encoders, in categorical column order. */
  public List<CategoricalEncoder> encoders() {
    return encoders;
  }

  /** The fitted steps, in order. */
  public List<Transformer> steps() {
    return steps;
  }

  @Override
  public Pipeline copy() {
    List<Transformer> copies = new ArrayList<>(steps.size());
    for (Transformer t : steps) {
      copies.add(t.copy());
    }
    return new Pipeline(numeric, encoders, copies);
  }

  @Override
  public String toString() {
    return "Pipeline[" + numeric + " + " + categoricalNames + " -> " + steps + " -> " + outputNames + "]";
  }

  /** The codec, named {@code "features.pipeline"}; encoders and steps are nested. */
  static final StateCodec<Pipeline> CODEC = StateCodec.of("features.pipeline", 1, Pipeline.class,
      (p, out) -> {
        Codecs.writeNames(out, p.numeric);
        out.writeInt(p.encoders.size());
        for (CategoricalEncoder e : p.encoders) {
          FeatureCodecs.writeNested(e, out);
        }
        out.writeInt(p.steps.size());
        for (Transformer t : p.steps) {
          FeatureCodecs.writeNested(t, out);
        }
      },
      (in, version) -> {
        List<String> numeric = Codecs.readNames(in);
        int q = in.readInt(0, 1 << 16);
        List<CategoricalEncoder> enc = new ArrayList<>(q);
        for (int k = 0; k < q; k++) {
          enc.add(FeatureCodecs.readNested(in, CategoricalEncoder.class));
        }
        int m = in.readInt(0, 1 << 16);
        List<Transformer> steps = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
          steps.add(FeatureCodecs.readNested(in, Transformer.class));
        }
        return new Pipeline(numeric, enc, steps);
      });
}
