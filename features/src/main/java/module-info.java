/**
 * Eddy's features: from raw events to segment-ready vectors. Sessionization and session
 * features, RFM with counted cleaning rules, scalers (batch and streaming), encoders,
 * imputers, PCA, pipelines that persist through {@link io.eddy.io.ModelIO}, and CSV reading.
 */
module io.eddy.features {
  requires transitive io.eddy;
  requires org.apache.commons.csv;
  // EJML 0.44 ships without a module descriptor or Automatic-Module-Name: these are the names
  // the module system derives from the jar file names. Only ejml-core and ejml-ddense are
  // used: ejml-simple would pull in ejml-fdense, which splits packages with ejml-ddense and
  // so cannot be resolved on the module path.
  requires ejml.core;
  requires ejml.ddense;

  exports io.eddy.features;
  exports io.eddy.features.csv;

  provides io.eddy.io.CodecProvider with io.eddy.features.FeatureCodecs;
}
