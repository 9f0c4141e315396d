package io.eddy.features;

/**
 * A {@link Transformer} that can map its output back to the input space: exactly for the
 * scalers (up to rounding), as the best reconstruction for a truncated {@link Pca}.
 */
public interface InvertibleTransformer extends Transformer {

  /**
   * Maps an output vector back to the input space. Allocates nothing.
   *
   * @param in a vector of length {@link #outputDimension()}; not modified
   * @param out a vector of length {@link #inputDimension()}; modified
   * @throws IllegalArgumentException if a length is wrong
   */
  void inverseTransform(double[] in, double[] out);

  /** Maps one output vector back into a new array. */
  default double[] inverseTransform(double[] in) {
    double[] out = new double[inputDimension()];
    inverseTransform(in, out);
    return out;
  }

  /** Maps every row back into a new matrix. */
  default double[][] inverseTransformAll(double[][] data) {
    double[][] out = new double[data.length][];
    for (int i = 0; i < data.length; i++) {
      out[i] = inverseTransform(data[i]);
    }
    return out;
  }
}
