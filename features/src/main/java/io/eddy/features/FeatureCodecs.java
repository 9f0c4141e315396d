package io.eddy.features;

import io.eddy.io.CodecProvider;
import io.eddy.io.StateCodec;
import java.util.List;

/**
 * Registers the codecs of the features module with {@link io.eddy.io.ModelIO}, so fitted
 * transformers, encoders, streaming scalers and pipelines are written and read like models.
 * Found by {@link java.util.ServiceLoader}; stateless.
 */
public final class FeatureCodecs implements CodecProvider {

  /** For {@link java.util.ServiceLoader}. */
  public FeatureCodecs() {}

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(
        StandardScaler.CODEC,
        MinMaxScaler.CODEC,
        RobustScaler.CODEC,
        MaxAbsScaler.CODEC,
        Log1pTransformer.CODEC,
        StreamingMinMaxScaler.CODEC,
        StreamingStandardScaler.CODEC,
        OneHotEncoder.CODEC,
        OrdinalEncoder.CODEC,
        SimpleImputer.CODEC,
        KnnImputer.CODEC,
        Pca.CODEC);
  }
}
