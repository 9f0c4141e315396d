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
 * Registers {@link Dstream} as {@code "dstream"}. Parameters and defaults are those of
 * {@link Dstream.Params}.
 */
public final class DstreamProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "dstream";

  /** For {@link java.util.ServiceLoader}. */
  public DstreamProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "D-Stream (Chen & Tu 2007): density grids with decay, sporadic-grid removal and noise";
  }

  @Override
  public List<Parameter> parameters() {
    return Dstream.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.copyOf(EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.DECAYING,
        Capability.NOISE, Capability.CENTROIDS));
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters params) {
    return new Dstream(Dstream.Params.SPEC.from(params));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(Dstream.CODEC, DstreamModel.CODEC);
  }
}
