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
 * Registers {@link StreamKM} as {@code "streamkm"}. Parameters and defaults are those of
 * {@link StreamKM.Params}; its snapshots are {@link io.eddy.kmeans.Centroids}, whose codec core
 * registers.
 */
public final class StreamKMProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "streamkm";

  /** For {@link java.util.ServiceLoader}. */
  public StreamKMProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "StreamKM++ (Ackermann et al. 2012): merge-and-reduce coreset trees, weighted k-means++ "
        + "on the coreset";
  }

  @Override
  public List<Parameter> parameters() {
    StreamKM.Params p = StreamKM.Params.DEFAULTS;
    return List.of(
        Parameter.ofInt("k", p.k(), 1, 1 << 20, "number of clusters"),
        Parameter.ofInt("coresetSize", p.coresetSize(), 2, 1 << 24,
            "m, points per bucket and coreset; at least k (the paper suggests 200*k)"),
        Parameter.ofInt("maxLevels", p.maxLevels(), 2, 62, "most buckets kept; bounds memory"),
        Parameter.ofInt("nInit", p.nInit(), 1, 1000, "offline k-means++ runs; the best is kept"),
        Parameter.ofLong("seed", p.seed(), "seed of the coreset draws and the offline seeding"));
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.copyOf(EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.CENTROIDS));
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return new StreamKM(new StreamKM.Params(p.getInt("k"), p.getInt("coresetSize"), p.getInt("maxLevels"),
        p.getInt("nInit"), p.getLong("seed")));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(StreamKM.CODEC);
  }
}
