package io.eddy.online;

import io.eddy.testkit.OnlineClustererContract;

class SequentialKMeansContractTest extends OnlineClustererContract<SequentialKMeans> {

  @Override
  protected SequentialKMeans create(long seed) {
    return new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(3).withSeed(seed));
  }

  @Override
  protected String providerName() {
    return SequentialKMeansProvider.NAME;
  }
}

class SequentialKMeansFirstInitContractTest extends OnlineClustererContract<SequentialKMeans> {

  @Override
  protected SequentialKMeans create(long seed) {
    return new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(4)
        .withInit(SequentialKMeans.Init.FIRST).withLearningRate(0.05).withSeed(seed));
  }
}
