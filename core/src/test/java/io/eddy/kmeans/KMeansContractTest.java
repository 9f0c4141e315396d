package io.eddy.kmeans;

import io.eddy.testkit.ClustererContract;

class KMeansContractTest extends ClustererContract<KMeans> {

  @Override
  protected KMeans create(long seed) {
    return new KMeans(KMeans.Params.DEFAULTS.withK(3).withSeed(seed));
  }

  @Override
  protected KMeans createForThreeClusters(long seed) {
    return create(seed);
  }

  @Override
  protected String providerName() {
    return "kmeans";
  }
}

class KMeansElkanParallelContractTest extends ClustererContract<KMeans> {

  @Override
  protected KMeans create(long seed) {
    return new KMeans(KMeans.Params.DEFAULTS.withK(4).withAlgorithm(KMeans.Algorithm.ELKAN)
        .withInit(KMeans.Init.RANDOM).withNInit(3).withThreads(2).withSeed(seed));
  }
}
