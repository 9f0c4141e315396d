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
    Dbstream.Params p = Dbstream.Params.DEFAULTS;
    double inf = Double.POSITIVE_INFINITY;
    return List.of(
        Parameter.ofDouble("r", p.r(), 0, false, inf, false, "micro-cluster radius"),
        Parameter.ofDouble("lambda", p.lambda(), 0, false, inf, false,
            "decay rate per time unit; weights fade as 2^(-lambda*dt)"),
        Parameter.ofDouble("tGap", p.tGap(), 0, false, inf, false, "time between cleanups"),
        Parameter.ofDouble("wMin", p.wMin(), 0, false, inf, false,
            "faded weight from which a micro-cluster is strong (not noise)"),
        Parameter.ofDouble("alpha", p.alpha(), 0, false, 1, true,
            "shared density relative to mean weight that connects two micro-clusters"),
        Parameter.ofLong("seed", p.seed(), "seed (DBSTREAM is deterministic and does not use it)"));
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.copyOf(EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.DECAYING,
        Capability.NOISE, Capability.CENTROIDS, Capability.MERGEABLE));
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters params) {
    return new Dbstream(new Dbstream.Params(params.getDouble("r"), params.getDouble("lambda"),
        params.getDouble("tGap"), params.getDouble("wMin"), params.getDouble("alpha"),
        params.getLong("seed")));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(Dbstream.CODEC, DbstreamModel.CODEC);
  }
}
