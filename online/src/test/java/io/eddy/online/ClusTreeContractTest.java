package io.eddy.online;

import io.eddy.testkit.OnlineClustererContract;

class ClusTreeContractTest extends OnlineClustererContract<ClusTree> {

  @Override
  protected ClusTree create(long seed) {
    // A budget of two levels exercises buffers and hitchhikers in every check.
    return new ClusTree(ClusTree.Params.DEFAULTS.withK(3).withBudget(2).withSeed(seed));
  }

  @Override
  protected String providerName() {
    return ClusTreeProvider.NAME;
  }
}
