/**
 * Eddy's core: the clustering SPI ({@code io.eddy}), persistence ({@code io.eddy.io}), shared
 * numeric kernels and the batch algorithms.
 */
module io.eddy {
  exports io.eddy;
  exports io.eddy.io;
  exports io.eddy.kmeans;
  exports io.eddy.mixture;
  exports io.eddy.hierarchy;
  // Hot loops are Eddy's own business: shared with its modules, not part of the public API.
  exports io.eddy.math to io.eddy.online, io.eddy.features, io.eddy.eval;

  uses io.eddy.ClustererProvider;
  uses io.eddy.io.CodecProvider;

  provides io.eddy.ClustererProvider with
      io.eddy.kmeans.KMeansProvider,
      io.eddy.mixture.GaussianMixtureProvider,
      io.eddy.hierarchy.HierarchicalProvider;
}
