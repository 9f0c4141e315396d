package io.eddy.online;

import io.eddy.testkit.OnlineClustererContract;

/** The contract with k = 0 (each subcluster a cluster) and a small bound that forces rebuilds. */
class BirchNoGlobalStepContractTest extends OnlineClustererContract<Birch> {

  @Override
  protected Birch create(long seed) {
    return new Birch(Birch.Params.DEFAULTS.withK(0).withThreshold(0.2).withBranchingFactor(4).withMaxSubclusters(40));
  }
}
