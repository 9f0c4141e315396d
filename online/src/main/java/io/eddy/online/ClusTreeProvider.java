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
 * Registers {@link ClusTree} as {@code "clustree"}. Parameters and defaults are those of
 * {@link ClusTree.Params}.
 */
public final class ClusTreeProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "clustree";

  /** For {@link java.util.ServiceLoader}. */
  public ClusTreeProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "ClusTree (Kranen et al. 2011): anytime tree of decaying micro-clusters, weighted k-means on its leaves";
  }

  @Override
  public List<Parameter> parameters() {
    return ClusTree.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.copyOf(EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.DECAYING,
        Capability.CENTROIDS));
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters params) {
    return new ClusTree(ClusTree.Params.SPEC.from(params));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(ClusTree.CODEC);
  }
}
