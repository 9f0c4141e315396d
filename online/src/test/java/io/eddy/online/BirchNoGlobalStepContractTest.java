package io.eddy.online;

import io.eddy.testkit.OnlineClustererContract;

/** The contract with k = 0 (each subcluster a cluster) and a small bound that forces rebuilds. */
class BirchNoGlobalStepContractTest extends OnlineClustererContract<Birch> {

  @Override
  protected Birch create(long seed) {
    return new Birch(Birch.Params.DEFAULTS.withK(0).withThreshold(0.2).withBranchingFactor(4).withMaxSubclusters(40));
  }

  /**
   * The laws only. With k = 0 the clusters are the subclusters themselves, a few dozen cells of
   * radius 0.2 cut from three blobs; which cluster features absorb which depends on the order
   * they meet in, so (a + b) + c and a + (b + c) cut the blobs into different cells (adjusted
   * Rand index about 0.7 here) although both are valid summaries with the same totals. Keeping
   * every leaf feature apart to make grouping irrelevant would make memory grow with the
   * stream. Merging stays exactly commutative (TOTALS requires index 1), and BirchContractTest
   * checks associativity and agreement with the union at 0.9 for k = 3.
   */
  @Override
  protected double mergeAgreement() {
    return 0;
  }
}
