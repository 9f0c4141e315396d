package io.eddy.hierarchy;

import io.eddy.testkit.ClustererContract;

/** The batch contract for Ward linkage, whose models predict by nearest centroid. */
class HierarchicalWardContractTest extends ClustererContract<HierarchicalClustering> {

  @Override
  protected HierarchicalClustering create(long seed) {
    return new HierarchicalClustering(HierarchicalClustering.Params.DEFAULTS.withK(4));
  }

  @Override
  protected String providerName() {
    return "hierarchical";
  }

  @Override
  protected HierarchicalClustering createForThreeClusters(long seed) {
    return new HierarchicalClustering(HierarchicalClustering.Params.DEFAULTS.withK(3));
  }
}
