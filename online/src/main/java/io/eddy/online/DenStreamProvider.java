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
    DenStream.Params p = DenStream.Params.DEFAULTS;
    double inf = Double.POSITIVE_INFINITY;
    return List.of(
        Parameter.ofDouble("epsilon", p.epsilon(), 0, false, inf, false, "maximal micro-cluster radius"),
        Parameter.ofDouble("mu", p.mu(), 0, false, inf, false, "weight of a core micro-cluster"),
        Parameter.ofDouble("beta", p.beta(), 0, false, 1, true,
            "potential factor: p-micro-clusters weigh at least beta*mu (beta*mu must exceed 1)"),
        Parameter.ofDouble("lambda", p.lambda(), 0, false, inf, false,
            "decay rate per time unit; weights fade as 2^(-lambda*dt)"),
        Parameter.ofInt("initPoints", p.initPoints(), 0, Integer.MAX_VALUE,
            "points buffered and clustered to seed the potential micro-clusters"),
        Parameter.ofDouble("offlineFactor", p.offlineFactor(), 0, false, inf, false,
            "offline DBSCAN neighbourhood, in units of epsilon"),
        Parameter.ofLong("seed", p.seed(), "seed (DenStream is deterministic and does not use it)"));
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.copyOf(EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.DECAYING,
        Capability.NOISE, Capability.CENTROIDS, Capability.MERGEABLE));
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters params) {
    return new DenStream(new DenStream.Params(params.getDouble("epsilon"), params.getDouble("mu"),
        params.getDouble("beta"), params.getDouble("lambda"), params.getInt("initPoints"),
        params.getDouble("offlineFactor"), params.getLong("seed")));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(DenStream.CODEC, DenStreamModel.CODEC);
  }
}
