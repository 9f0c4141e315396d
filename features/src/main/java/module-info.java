/**
 * Eddy's features: from raw events to segment-ready vectors. Sessionization and session
 * features, RFM with counted cleaning rules, scalers (batch and streaming), encoders,
 * imputers, PCA, pipelines that persist through {@link io.eddy.io.ModelIO}, and CSV reading.
 */
module io.eddy.features {
  requires transitive io.eddy;
  requires org.apache.commons.csv;
  // EJML ships without a module descriptor or Automatic-Module-Name: this is the name the
  // module system derives from the jar file name (ejml-simple-0.44.0.jar).
  requires ejml.simple;

  exports io.eddy.features;
  exports io.eddy.features.csv;

  provides io.eddy.io.CodecProvider with io.eddy.features.FeatureCodecs;
}
