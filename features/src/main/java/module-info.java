/**
 * Eddy's features: from raw events to segment-ready vectors. Sessionization and session
 * features, RFM with counted cleaning rules, scalers (batch and streaming), encoders,
 * imputers, PCA, pipelines that persist through {@link io.eddy.io.ModelIO}, and CSV reading.
 */
module io.eddy.features {
  requires transitive io.eddy;
  requires org.apache.commons.csv;

  exports io.eddy.features;
  exports io.eddy.features.csv;

  provides io.eddy.io.CodecProvider with io.eddy.features.FeatureCodecs;
}
