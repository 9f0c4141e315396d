package io.eddy.mixture;

import io.eddy.Capability;
import io.eddy.SpecProvider;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@link GaussianMixture} as {@code "gmm"}: a batch clusterer with sample weights,
 * soft memberships and centers (the component means). Stateless and thread-safe.
 */
public final class GaussianMixtureProvider extends SpecProvider<GaussianMixture.Params> {

  /** For {@link java.util.ServiceLoader}. */
  public GaussianMixtureProvider() {
    super("gmm", "Gaussian mixture fitted by EM with full, diagonal, spherical or tied covariances",
        GaussianMixture.Params.SPEC, EnumSet.of(Capability.BATCH, Capability.WEIGHTED, Capability.SOFT, Capability.CENTROIDS),
        null, GaussianMixture::new, List.of(GaussianMixtureModel.CODEC));
  }
}
