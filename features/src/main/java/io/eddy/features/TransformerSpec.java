package io.eddy.features;

import java.util.List;

/**
 * The configuration of a transformer, able to fit it on a batch: what a {@link Pipeline}
 * holds before fitting. Every transformer's {@code Params} record implements it.
 */
public interface TransformerSpec {

  /**
   * Fits a transformer on {@code data}.
   *
   * @param data rows of equal length; missing values are NaN; not modified, not retained
   *     (except by transformers that document keeping their training data, as KNN imputation)
   * @param names one name per column
   * @throws IllegalArgumentException if the data or names are invalid for this transformer
   */
  Transformer fit(double[][] data, List<String> names);
}
