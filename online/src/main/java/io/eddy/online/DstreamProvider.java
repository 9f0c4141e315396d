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
    Dstream.Params p = Dstream.Params.DEFAULTS;
    double inf = Double.POSITIVE_INFINITY;
    return List.of(
        Parameter.ofDouble("gridSize", p.gridSize(), 0, false, inf, false,
            "width of a grid in every dimension, in data units"),
        Parameter.ofDouble("lambda", p.lambda(), 0, false, 1, false,
            "decay factor per time unit; densities fade as lambda^dt"),
        Parameter.ofDouble("cm", p.cm(), 1, false, inf, false, "dense-grid factor C_m"),
        Parameter.ofDouble("cl", p.cl(), 0, false, 1, false, "sparse-grid factor C_l"),
        Parameter.ofDouble("beta", p.beta(), 0, false, inf, false,
            "protection factor of deleted grids (sporadic rule S2)"),
        Parameter.ofInt("maxDeleted", p.maxDeleted(), 0, Integer.MAX_VALUE,
            "most deleted-grid records kept"),
        Parameter.ofLong("seed", p.seed(), "seed (D-Stream is deterministic and does not use it)"));
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.copyOf(EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.DECAYING,
        Capability.NOISE, Capability.CENTROIDS));
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters params) {
    return new Dstream(new Dstream.Params(params.getDouble("gridSize"),
        params.getDouble("lambda"), params.getDouble("cm"), params.getDouble("cl"),
        params.getDouble("beta"), params.getInt("maxDeleted"), params.getLong("seed")));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(Dstream.CODEC, DstreamModel.CODEC);
  }
}
