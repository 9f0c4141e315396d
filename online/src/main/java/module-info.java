/**
 * Eddy's online clusterers: they learn from one point at a time in bounded memory.
 */
module io.eddy.online {
  requires transitive io.eddy;

  exports io.eddy.online;

  provides io.eddy.ClustererProvider with
      io.eddy.online.SequentialKMeansProvider,
      io.eddy.online.MiniBatchKMeansProvider,
      io.eddy.online.DbstreamProvider,
      io.eddy.online.OnlineGaussianMixtureProvider,
      io.eddy.online.DenStreamProvider,
      io.eddy.online.CluStreamProvider,
      io.eddy.online.StreamKMProvider,
      io.eddy.online.BirchProvider,
      io.eddy.online.DstreamProvider,
      io.eddy.online.ClusTreeProvider;
}
