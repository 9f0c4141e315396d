package io.eddy.online;

import io.eddy.Capability;
import io.eddy.Clusterer;
import io.eddy.ClustererProvider;
import io.eddy.OnlineClusterer;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import java.util.List;
import java.util.Set;

/** Registers {@link Birch} (online) and {@link BirchBatch} (batch) as {@code "birch"}. */
public final class BirchProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "birch";

  private static final Birch.Params D = Birch.Params.DEFAULTS;

  private static final List<Parameter> PARAMETERS = List.of(
      Parameter.ofDouble("threshold", D.threshold(), 0, false, Double.POSITIVE_INFINITY, false,
          "largest radius of a leaf subcluster, in data units; raised when the tree is rebuilt"),
      Parameter.ofInt("branchingFactor", D.branchingFactor(), 2, 1 << 16, "most entries of a CF-tree node"),
      Parameter.ofInt("k", D.k(), 0, Integer.MAX_VALUE,
          "clusters of the global Ward step over the subclusters; 0: each subcluster is a cluster"),
      Parameter.ofInt("maxSubclusters", D.maxSubclusters(), 1, Integer.MAX_VALUE,
          "most subclusters before the tree is rebuilt with a larger threshold"));

  /** For the {@link java.util.ServiceLoader}. */
  public BirchProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "BIRCH CF tree (Zhang et al. 1996) with scikit-learn's Birch semantics, bounded and mergeable";
  }

  @Override
  public List<Parameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.ONLINE, Capability.BATCH, Capability.CENTROIDS);
  }

  private static Birch.Params params(Parameters p) {
    return new Birch.Params(p.getDouble("threshold"), p.getInt("branchingFactor"), p.getInt("k"),
        p.getInt("maxSubclusters"));
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return new Birch(params(p));
  }

  @Override
  public Clusterer<?> newBatch(Parameters p) {
    return new BirchBatch(params(p));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(Birch.CODEC, BirchModel.CODEC);
  }
}
