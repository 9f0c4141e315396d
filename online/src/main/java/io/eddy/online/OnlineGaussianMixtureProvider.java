package io.eddy.online;

import io.eddy.Capability;
import io.eddy.SpecProvider;
import java.util.EnumSet;
import java.util.List;

/** Registers {@link OnlineGaussianMixture} as {@code "online-gmm"}. Stateless and thread-safe. */
public final class OnlineGaussianMixtureProvider extends SpecProvider<OnlineGaussianMixture.Params> {

  /** The registry name. */
  public static final String NAME = "online-gmm";

  /** For {@link java.util.ServiceLoader}. */
  public OnlineGaussianMixtureProvider() {
    super(NAME, "Gaussian mixture learned online by stepwise EM after a batch EM warm-up",
        OnlineGaussianMixture.Params.SPEC, EnumSet.of(Capability.ONLINE, Capability.SOFT, Capability.CENTROIDS, Capability.MERGEABLE),
        OnlineGaussianMixture::new, null, List.of(OnlineGaussianMixture.CODEC));
  }
}
