package io.eddy.features;

import io.eddy.io.StateCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a transformer to some columns and passes the others through unchanged, as
 * scikit-learn's {@code ColumnTransformer} with {@code remainder="passthrough"} but keeping
 * the column order. The inner transformer must keep its dimension (a scaler or an imputer),
 * so the output has the input's columns and names.
 *
 * <p>Transform is allocation-free using internal scratch: one thread at a time, {@link
 * #copy()} for another.
 */
public final class ColumnSubset extends SameShapeTransformer {

  /**
   * Configuration: fit {@code inner} on the named columns.
   *
   * @param inner the transformer to fit on the subset; must keep its dimension
   * @param columns the names of the columns it applies to, at least one
   */
  public record Params(TransformerSpec inner, List<String> columns) implements TransformerSpec {

    /** Validates and copies. */
    public Params {
      if (inner == null) {
        throw new IllegalArgumentException("inner is null");
      }
      if (columns == null || columns.isEmpty()) {
        throw new IllegalArgumentException("columns is empty, expected at least 1 name");
      }
      columns = Features.names(columns, columns.size());
    }

    @Override
    public ColumnSubset fit(double[][] data, List<String> names) {
      int d = Features.requireData(data, true);
      List<String> all = Features.names(names, d);
      int[] idx = new int[columns.size()];
      for (int k = 0; k < idx.length; k++) {
        idx[k] = all.indexOf(columns.get(k));
        if (idx[k] < 0) {
          throw new IllegalArgumentException("no column '" + columns.get(k) + "'; columns are " + all);
        }
      }
      double[][] sub = new double[data.length][idx.length];
      for (int i = 0; i < data.length; i++) {
        for (int k = 0; k < idx.length; k++) {
          sub[i][k] = data[i][idx[k]];
        }
      }
      return new ColumnSubset(all, idx, inner.fit(sub, columns));
    }
  }

  private final int[] idx;
  private final Transformer inner;
  private final double[] gathered;
  private final double[] transformed;

  /**
   * Wraps a fitted transformer.
   *
   * @param names all column names
   * @param idx the indices of the columns {@code inner} applies to, in its input order
   * @throws IllegalArgumentException if indices are out of range or repeated, or {@code inner}
   *     does not match them or changes the dimension
   */
  public ColumnSubset(List<String> names, int[] idx, Transformer inner) {
    super(names);
    this.idx = idx.clone();
    java.util.BitSet seen = new java.util.BitSet();
    for (int k : this.idx) {
      if (k < 0 || k >= names.size() || seen.get(k)) {
        throw new IllegalArgumentException("column index " + k + " is out of range or repeated");
      }
      seen.set(k);
    }
    if (inner.inputDimension() != idx.length || inner.outputDimension() != idx.length) {
      throw new IllegalArgumentException(inner + " maps " + inner.inputDimension() + " to " + inner.outputDimension()
          + " columns; a column subset needs " + idx.length + " to " + idx.length);
    }
    this.inner = inner;
    this.gathered = new double[idx.length];
    this.transformed = new double[idx.length];
  }

  /** The wrapped transformer. */
  public Transformer inner() {
    return inner;
  }

  /** The names of the columns it transforms. */
  public List<String> columns() {
    List<String> c = new ArrayList<>(idx.length);
    for (int k : idx) {
      c.add(names.get(k));
    }
    return c;
  }





  @Override
  public void transform(double[] in, double[] out) {
    Features.requireLengths(in, names.size(), out, names.size());
    for (int k = 0; k < idx.length; k++) {
      gathered[k] = in[idx[k]];
    }
    inner.transform(gathered, transformed);
    if (in != out) {
      System.arraycopy(in, 0, out, 0, in.length);
    }
    for (int k = 0; k < idx.length; k++) {
      out[idx[k]] = transformed[k];
    }
  }

  @Override
  public ColumnSubset copy() {
    return new ColumnSubset(names, idx, inner.copy());
  }

  @Override
  public String toString() {
    return "ColumnSubset[" + columns() + " -> " + inner + "]";
  }

  /** The codec, named {@code "features.column-subset"}; the inner transformer is nested. */
  static final StateCodec<ColumnSubset> CODEC = StateCodec.of("features.column-subset", 1, ColumnSubset.class,
      (s, out) -> {
        Codecs.writeNames(out, s.names);
        out.writeInts(s.idx);
        FeatureCodecs.writeNested(s.inner, out);
      },
      (in, version) -> {
        List<String> names = Codecs.readNames(in);
        int[] idx = in.readInts();
        return new ColumnSubset(names, idx, FeatureCodecs.readNested(in, Transformer.class));
      });
}
