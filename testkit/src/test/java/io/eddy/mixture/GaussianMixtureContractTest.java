package io.eddy.mixture;

import io.eddy.testkit.ClustererContract;

class GaussianMixtureContractTest extends ClustererContract<GaussianMixture> {

  @Override
  protected GaussianMixture create(long seed) {
    return new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(3).withSeed(seed));
  }

  @Override
  protected String providerName() {
    return "gmm";
  }

  @Override
  protected GaussianMixture createForThreeClusters(long seed) {
    return create(seed);
  }
}
