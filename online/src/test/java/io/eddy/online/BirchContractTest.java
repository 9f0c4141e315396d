package io.eddy.online;

import io.eddy.testkit.OnlineClustererContract;

class BirchContractTest extends OnlineClustererContract<Birch> {

  @Override
  protected Birch create(long seed) {
    return new Birch(Birch.Params.DEFAULTS);
  }

  @Override
  protected String providerName() {
    return BirchProvider.NAME;
  }
}
