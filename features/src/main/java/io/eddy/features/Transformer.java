package io.eddy.features;

import java.util.List;

/**
 * A fitted feature transformation from vectors of {@link #inputDimension()} named features to
 * vectors of {@link #outputDimension()} named features.
 *
 * <p>{@link #transform(double[], double[])} is the streaming entry point: it writes into an
 * output array the caller owns and allocates nothing, so a service can transform one event
 * after another with no garbage. The convenience overloads allocate their results.
 *
 * <p>Missing values are {@link Double#NaN}: scalers and encoders pass them through, imputers
 * fill them. Implementations document whether they are stateless (immutable and safe to share
 * between threads) or keep scratch space (then one thread at a time; {@link #copy()} gives an
 * independent instance for another thread).
 */
public interface Transformer {

  /** The number of features this transformer expects. */
  int inputDimension();

  /** The number of features it produces. */
  int outputDimension();

  /** The names of the input features, in order; unmodifiable. */
  List<String> inputNames();

  /** The names of the output features, in order; unmodifiable. */
  List<String> outputNames();

  /**
   * Transforms one vector. Allocates nothing.
   *
   * @param in a vector of length {@link #inputDimension()}; not modified
   * @param out a vector of length {@link #outputDimension()}; modified. May not be {@code in}
   *     unless the transformer documents that it may.
   * @throws IllegalArgumentException if a length is wrong
   */
  void transform(double[] in, double[] out);

  /** Transforms one vector into a new array. */
  default double[] transform(double[] in) {
    double[] out = new double[outputDimension()];
    transform(in, out);
    return out;
  }

  /** Transforms every row into a new matrix. */
  default double[][] transformAll(double[][] data) {
    if (data == null) {
      throw new IllegalArgumentException("data is null");
    }
    double[][] out = new double[data.length][];
    for (int i = 0; i < data.length; i++) {
      out[i] = transform(data[i]);
    }
    return out;
  }

  /**
   * An instance that behaves identically and shares no mutable state with this one. Stateless
   * transformers return themselves.
   */
  default Transformer copy() {
    return this;
  }
}
