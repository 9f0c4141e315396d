package io.eddy.online;

import io.eddy.Capability;
import io.eddy.ClustererProvider;
import io.eddy.OnlineClusterer;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Registers {@link DenStream} as {@code "denstream"}. Parameters and defaults are those of
 * {@link DenStream.Params}.
 */
public final class DenStreamProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "denstream";

  /** For {@link java.util.ServiceLoader}. */
  public DenStreamProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "DenStream (Cao et al. 2006): potential and outlier micro-clusters with decay, DBSCAN macro clusters, noise";
  }

  @Override
  public List<Parameter> parameters() {
    return DenStream.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.copyOf(EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.DECAYING,
        Capability.NOISE, Capability.CENTROIDS));
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters params) {
    return new DenStream(DenStream.Params.SPEC.from(params));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(DenStream.CODEC, DenStreamModel.CODEC);
  }
}
