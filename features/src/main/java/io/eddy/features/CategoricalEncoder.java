package io.eddy.features;

import java.util.List;

/**
 * A fitted encoding of one categorical feature (a string) into numbers: {@link OneHotEncoder}
 * or {@link OrdinalEncoder}. A {@link Pipeline} places the encoded columns after the numeric
 * ones.
 */
public interface CategoricalEncoder {

  /** The name of the categorical feature it encodes. */
  String inputName();

  /** The number of numeric columns it writes. */
  int outputDimension();

  /** The names of those columns; unmodifiable. */
  List<String> outputNames();

  /**
   * Encodes one value into {@code out[offset .. offset + outputDimension())}. Allocates nothing.
   *
   * @param category the value; {@code null} counts as a category never seen in fitting
   * @param out the destination; modified in that range only
   * @throws IllegalArgumentException if the category is unseen and the policy says so
   */
  void encode(String category, double[] out, int offset);
}
