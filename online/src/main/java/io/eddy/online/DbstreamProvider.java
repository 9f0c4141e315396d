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
 * Registers {@link Dbstream} as {@code "dbstream"}. Parameters and defaults are those of
 * {@link Dbstream.Params}.
 */
public final class DbstreamProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "dbstream";

  /** For {@link java.util.ServiceLoader}. */
  public DbstreamProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "DBSTREAM (Hahsler & Bolanos 2016): micro-clusters joined by shared density, with decay and noise";
  }

  @Override
  public List<Parameter> parameters() {
    return Dbstream.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.copyOf(EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.DECAYING,
        Capability.NOISE, Capability.CENTROIDS));
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters params) {
    return new Dbstream(Dbstream.Params.SPEC.from(params));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(Dbstream.CODEC, DbstreamModel.CODEC);
  }
}
