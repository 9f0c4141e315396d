package io.eddy.online;

import io.eddy.Capability;
import io.eddy.ClustererProvider;
import io.eddy.OnlineClusterer;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import java.util.List;
import java.util.Set;

/** Registers {@link OnlineGaussianMixture} as {@code "online-gmm"}. Stateless and thread-safe. */
public final class OnlineGaussianMixtureProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "online-gmm";

  /** For the {@link java.util.ServiceLoader}. */
  public OnlineGaussianMixtureProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Gaussian mixture learned online by stepwise EM after a batch EM warm-up";
  }

  @Override
  public List<Parameter> parameters() {
    return OnlineGaussianMixture.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.ONLINE, Capability.SOFT, Capability.CENTROIDS);
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return new OnlineGaussianMixture(OnlineGaussianMixture.Params.SPEC.from(p));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(OnlineGaussianMixture.CODEC);
  }
}
