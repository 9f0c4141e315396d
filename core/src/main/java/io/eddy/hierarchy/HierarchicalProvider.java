package io.eddy.hierarchy;

import io.eddy.Capability;
import io.eddy.SpecProvider;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@link HierarchicalClustering} as {@code "hierarchical"} (batch only). Its
 * parameters are those of {@link HierarchicalClustering.Params}: {@code linkage},
 * {@code k} (0 to cut by height), {@code height} (inf to cut by k) and {@code storage}.
 */
public final class HierarchicalProvider extends SpecProvider<HierarchicalClustering.Params> {

  /** For {@link java.util.ServiceLoader}. */
  public HierarchicalProvider() {
    super("hierarchical", "agglomerative hierarchical clustering (single, complete, average, weighted, ward, centroid, median)"
        + " after Muellner's algorithms, cut into flat clusters",
        HierarchicalClustering.Params.SPEC, EnumSet.of(Capability.BATCH, Capability.CENTROIDS),
        null, HierarchicalClustering::new, List.of(HierarchicalModel.CODEC, Dendrogram.CODEC));
  }
}
