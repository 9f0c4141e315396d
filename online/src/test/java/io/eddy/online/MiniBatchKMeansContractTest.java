package io.eddy.online;

import io.eddy.testkit.ClustererContract;
import io.eddy.testkit.OnlineClustererContract;

class MiniBatchKMeansContractTest extends OnlineClustererContract<MiniBatchKMeans> {

  @Override
  protected MiniBatchKMeans create(long seed) {
    return new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(3).withBatchSize(100).withSeed(seed));
  }

  @Override
  protected String providerName() {
    return MiniBatchKMeansProvider.NAME;
  }

  @Override
  protected boolean bulkLearnIsSequential() {
    return false;
  }
}

class MiniBatchKMeansBatchContractTest extends ClustererContract<MiniBatchKMeans> {

  @Override
  protected MiniBatchKMeans create(long seed) {
    return new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(3).withBatchSize(64).withSeed(seed));
  }

  @Override
  protected MiniBatchKMeans createForThreeClusters(long seed) {
    return create(seed);
  }

  @Override
  protected String providerName() {
    return MiniBatchKMeansProvider.NAME;
  }
}
