package io.eddy.online;

import io.eddy.testkit.ClustererContract;

class BirchBatchContractTest extends ClustererContract<BirchBatch> {

  @Override
  protected BirchBatch create(long seed) {
    return new BirchBatch(Birch.Params.DEFAULTS);
  }

  @Override
  protected String providerName() {
    return BirchProvider.NAME;
  }

  @Override
  protected BirchBatch createForThreeClusters(long seed) {
    return new BirchBatch(Birch.Params.DEFAULTS.withK(3));
  }
}
