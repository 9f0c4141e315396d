package io.eddy.hierarchy;

import io.eddy.Capability;
import io.eddy.Clusterer;
import io.eddy.ClustererProvider;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Registers {@link HierarchicalClustering} as {@code "hierarchical"} (batch only). Its
 * parameters are those of {@link HierarchicalClustering.Params}: {@code linkage},
 * {@code k} (0 to cut by height), {@code height} (inf to cut by k) and {@code storage}.
 */
public final class HierarchicalProvider implements ClustererProvider {

  /** For {@link java.util.ServiceLoader}. */
  public HierarchicalProvider() {}

  @Override
  public String name() {
    return "hierarchical";
  }

  @Override
  public String description() {
    return "agglomerative hierarchical clustering (single, complete, average, weighted, ward, centroid, median)"
        + " after Muellner's algorithms, cut into flat clusters";
  }

  @Override
  public List<Parameter> parameters() {
    return HierarchicalClustering.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.BATCH, Capability.CENTROIDS);
  }

  @Override
  public Clusterer<?> newBatch(Parameters params) {
    return new HierarchicalClustering(HierarchicalClustering.Params.SPEC.from(params));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(HierarchicalModel.CODEC, Dendrogram.CODEC);
  }
}
