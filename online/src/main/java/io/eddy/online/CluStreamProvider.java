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
 * Registers {@link CluStream} as {@code "clustream"}. Parameters and defaults are those of
 * {@link CluStream.Params}; its snapshots are {@link io.eddy.kmeans.Centroids}, whose codec
 * core registers.
 */
public final class CluStreamProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "clustream";

  /** For {@link java.util.ServiceLoader}. */
  public CluStreamProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "CluStream (Aggarwal et al. 2003): micro-clusters with time features, pyramidal snapshots "
        + "for horizon queries, weighted k-means offline";
  }

  @Override
  public List<Parameter> parameters() {
    CluStream.Params p = CluStream.Params.DEFAULTS;
    return List.of(
        Parameter.ofInt("k", p.k(), 1, 1 << 20, "number of macro-clusters (segments)"),
        Parameter.ofInt("maxMicroClusters", p.maxMicroClusters(), 2, 1 << 20,
            "q, micro-clusters kept; at least k"),
        Parameter.ofDouble("boundaryFactor", p.boundaryFactor(), 0, false, Double.POSITIVE_INFINITY, false,
            "t, a micro-cluster's maximum boundary in RMS deviations"),
        Parameter.ofLong("relevanceThreshold", p.relevanceThreshold(),
            "delta, in points: a micro-cluster whose relevance stamp is older may be deleted (>= 1)"),
        Parameter.ofInt("relevanceCount", p.relevanceCount(), 1, Integer.MAX_VALUE,
            "m, the last points whose mean time stamp is the relevance stamp"),
        Parameter.ofInt("snapshotInterval", p.snapshotInterval(), 1, Integer.MAX_VALUE,
            "points per clock tick of the pyramidal time frame"),
        Parameter.ofInt("alpha", p.alpha(), 2, 1024, "base of the snapshot orders"),
        Parameter.ofInt("l", p.l(), 1, 10, "each order keeps alpha^l + 1 snapshots (alpha^l <= 1024)"),
        Parameter.ofInt("snapshotOrders", p.snapshotOrders(), 1, 64, "snapshot orders kept"),
        Parameter.ofInt("nInit", p.nInit(), 1, 1000, "offline k-means runs; the best is kept"),
        Parameter.ofLong("seed", p.seed(), "seed of the offline k-means++ seeding"));
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.copyOf(EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.CENTROIDS));
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return new CluStream(new CluStream.Params(p.getInt("k"), p.getInt("maxMicroClusters"),
        p.getDouble("boundaryFactor"), p.getLong("relevanceThreshold"), p.getInt("relevanceCount"),
        p.getInt("snapshotInterval"), p.getInt("alpha"), p.getInt("l"), p.getInt("snapshotOrders"),
        p.getInt("nInit"), p.getLong("seed")));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(CluStream.CODEC);
  }
}
