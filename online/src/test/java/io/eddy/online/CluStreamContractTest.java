package io.eddy.online;

import io.eddy.testkit.OnlineClustererContract;

class CluStreamContractTest extends OnlineClustererContract<CluStream> {

  @Override
  protected CluStream create(long seed) {
    // Small q, δ and interval so that the stream exercises deletion, merging, snapshots and
    // the pruning of id lists.
    return new CluStream(CluStream.Params.DEFAULTS.withK(3).withMaxMicroClusters(20)
        .withRelevanceThreshold(300).withRelevanceCount(10).withSnapshotInterval(10)
        .withSnapshotOrders(6).withSeed(seed));
  }

  @Override
  protected String providerName() {
    return CluStreamProvider.NAME;
  }
}
