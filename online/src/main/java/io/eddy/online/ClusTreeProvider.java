package io.eddy.online;

import io.eddy.Capability;
import io.eddy.SpecProvider;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@link ClusTree} as {@code "clustree"}. Parameters and defaults are those of
 * {@link ClusTree.Params}.
 */
public final class ClusTreeProvider extends SpecProvider<ClusTree.Params> {

  /** The registry name. */
  public static final String NAME = "clustree";

  /** For {@link java.util.ServiceLoader}. */
  public ClusTreeProvider() {
    super(NAME, "ClusTree (Kranen et al. 2011): anytime tree of decaying micro-clusters, weighted k-means on its leaves",
        ClusTree.Params.SPEC, EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.DECAYING,
        Capability.CENTROIDS, Capability.MERGEABLE),
        ClusTree::new, null, List.of(ClusTree.CODEC));
  }
}
