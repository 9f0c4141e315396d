package io.eddy.online;

import io.eddy.testkit.OnlineClustererContract;

class DenStreamContractTest extends OnlineClustererContract<DenStream> {

  @Override
  protected DenStream create(long seed) {
    return new DenStream(DenStream.Params.DEFAULTS.withEpsilon(1.0).withLambda(0.01)
        .withInitPoints(100));
  }

  @Override
  protected String providerName() {
    return DenStreamProvider.NAME;
  }

  @Override
  protected boolean mayPredictNoise() {
    return true;
  }
}
