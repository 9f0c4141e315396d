package io.eddy.online;

import io.eddy.mixture.CovarianceType;
import io.eddy.testkit.OnlineClustererContract;

class OnlineGaussianMixtureContractTest extends OnlineClustererContract<OnlineGaussianMixture> {

  @Override
  protected OnlineGaussianMixture create(long seed) {
    return new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS.withSeed(seed));
  }

  @Override
  protected String providerName() {
    return OnlineGaussianMixtureProvider.NAME;
  }
}

class OnlineGaussianMixtureDiagonalContractTest extends OnlineClustererContract<OnlineGaussianMixture> {

  @Override
  protected OnlineGaussianMixture create(long seed) {
    return new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS.withK(4)
        .withCovariance(CovarianceType.DIAGONAL).withKappa(1).withWarmup(50).withSeed(seed));
  }

  @Override
  protected int memoryCheckPoints() {
    return 50_000;
  }
}

class OnlineGaussianMixtureTiedContractTest extends OnlineClustererContract<OnlineGaussianMixture> {

  @Override
  protected OnlineGaussianMixture create(long seed) {
    return new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS
        .withCovariance(CovarianceType.TIED).withSeed(seed));
  }

  @Override
  protected int memoryCheckPoints() {
    return 50_000;
  }
}

class OnlineGaussianMixtureSphericalContractTest extends OnlineClustererContract<OnlineGaussianMixture> {

  @Override
  protected OnlineGaussianMixture create(long seed) {
    return new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS
        .withCovariance(CovarianceType.SPHERICAL).withKappa(0.8).withSeed(seed));
  }

  @Override
  protected int memoryCheckPoints() {
    return 50_000;
  }
}
