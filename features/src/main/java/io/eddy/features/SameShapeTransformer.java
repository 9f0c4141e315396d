package io.eddy.features;

import java.util.List;

/**
 * The common shape of the column-wise transformers (scalers, imputers, column subsets): as
 * many outputs as inputs, with the same names.
 */
abstract class SameShapeTransformer implements Transformer {

  /** The feature names, validated and unmodifiable. */
  final List<String> names;

  SameShapeTransformer(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException("names is empty, expected at least 1 feature");
    }
    this.names = Features.names(names, names.size());
  }

  @Override
  public final int inputDimension() {
    return names.size();
  }

  @Override
  public final int outputDimension() {
    return names.size();
  }

  @Override
  public final List<String> inputNames() {
    return names;
  }

  @Override
  public final List<String> outputNames() {
    return names;
  }
}
