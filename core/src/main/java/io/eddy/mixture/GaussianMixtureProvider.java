package io.eddy.mixture;

import io.eddy.Capability;
import io.eddy.Clusterer;
import io.eddy.ClustererProvider;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Registers {@link GaussianMixture} as {@code "gmm"}: a batch clusterer with sample weights,
 * soft memberships and centers (the component means). Stateless and thread-safe.
 */
public final class GaussianMixtureProvider implements ClustererProvider {

  /** For {@link java.util.ServiceLoader}. */
  public GaussianMixtureProvider() {}

  @Override
  public String name() {
    return "gmm";
  }

  @Override
  public String description() {
    return "Gaussian mixture fitted by EM with full, diagonal, spherical or tied covariances";
  }

  @Override
  public List<Parameter> parameters() {
    return GaussianMixture.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.BATCH, Capability.WEIGHTED, Capability.SOFT, Capability.CENTROIDS);
  }

  @Override
  public Clusterer<?> newBatch(Parameters p) {
    return new GaussianMixture(GaussianMixture.Params.SPEC.from(p));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(GaussianMixtureModel.CODEC);
  }
}
