package io.eddy.online;

import io.eddy.testkit.OnlineClustererContract;

class DbstreamContractTest extends OnlineClustererContract<Dbstream> {

  @Override
  protected Dbstream create(long seed) {
    return new Dbstream(Dbstream.Params.DEFAULTS.withR(1.0).withLambda(0.01).withTGap(100));
  }

  @Override
  protected String providerName() {
    return DbstreamProvider.NAME;
  }

  @Override
  protected boolean mayPredictNoise() {
    return true;
  }
}
