package io.eddy.online;

import io.eddy.testkit.OnlineClustererContract;

class DstreamContractTest extends OnlineClustererContract<Dstream> {

  @Override
  protected Dstream create(long seed) {
    return new Dstream(Dstream.Params.DEFAULTS.withGridSize(0.5).withLambda(0.99));
  }

  @Override
  protected String providerName() {
    return DstreamProvider.NAME;
  }

  @Override
  protected boolean mayPredictNoise() {
    return true;
  }
}
