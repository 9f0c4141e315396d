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

  /**
   * DenStream's stated merge tolerance. Each part sees half the points per time unit, so its
   * o-micro-clusters grow half as fast and more of them are pruned before promotion: weight the
   * union keeps as potential micro-clusters is lost in the parts, and some border points turn
   * to noise. On the kit's three blobs the merge agrees with the union at ARI 0.87.
   */
  @Override
  protected double mergeAgreement() {
    return 0.85;
  }
}
