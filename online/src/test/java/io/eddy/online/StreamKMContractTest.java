package io.eddy.online;

import io.eddy.testkit.OnlineClustererContract;

class StreamKMContractTest extends OnlineClustererContract<StreamKM> {

  @Override
  protected StreamKM create(long seed) {
    // m = 50 and four buckets: the 1,500-point stream fills every bucket and overflows the last.
    return new StreamKM(StreamKM.Params.DEFAULTS.withK(3).withCoresetSize(50).withMaxLevels(4)
        .withSeed(seed));
  }

  @Override
  protected String providerName() {
    return StreamKMProvider.NAME;
  }
}
