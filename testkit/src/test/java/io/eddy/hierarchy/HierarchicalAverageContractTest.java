package io.eddy.hierarchy;

import io.eddy.testkit.ClustererContract;

/** The batch contract for average linkage cut by height, whose models predict by nearest member. */
class HierarchicalAverageContractTest extends ClustererContract<HierarchicalClustering> {

  @Override
  protected HierarchicalClustering create(long seed) {
    return new HierarchicalClustering(HierarchicalClustering.Params.DEFAULTS
        .withLinkage(Linkage.AVERAGE).withHeight(1.0));
  }

  @Override
  protected HierarchicalClustering createForThreeClusters(long seed) {
    return new HierarchicalClustering(HierarchicalClustering.Params.DEFAULTS
        .withLinkage(Linkage.AVERAGE).withK(3));
  }
}
