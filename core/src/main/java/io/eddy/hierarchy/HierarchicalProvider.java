package io.eddy.hierarchy;

import io.eddy.Capability;
import io.eddy.Clusterer;
import io.eddy.ClustererProvider;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Registers {@link HierarchicalClustering} as {@code "hierarchical"} (batch only). Its
 * parameters are those of {@link HierarchicalClustering.Params}: {@code linkage},
 * {@code k} (0 to cut by height), {@code height} (inf to cut by k) and {@code storage}.
 */
public final class HierarchicalProvider implements ClustererProvider {

  private static final HierarchicalClustering.Params D = HierarchicalClustering.Params.DEFAULTS;

  private static final List<Parameter> PARAMETERS = List.of(
      Parameter.ofChoice("linkage", D.linkage().id(),
          List.of("single", "complete", "average", "weighted", "ward", "centroid", "median"),
          "how the distance between clusters is defined"),
      Parameter.ofInt("k", D.k(), 0, Integer.MAX_VALUE,
          "number of clusters to cut the tree into (scipy maxclust); 0 to cut by height"),
      Parameter.ofDouble("height", D.height(), 0, true, Double.POSITIVE_INFINITY, true,
          "height to cut the tree at (scipy distance criterion); inf to cut by k"),
      Parameter.ofChoice("storage", D.storage().name().toLowerCase(Locale.ROOT), List.of("auto", "matrix", "vectors"),
          "auto: the fastest exact path for the linkage; matrix: n(n-1)/2 distances;"
              + " vectors: O(n*d) memory for single, ward, centroid, median"));

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
    return PARAMETERS;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.BATCH, Capability.CENTROIDS);
  }

  @Override
  public Clusterer<?> newBatch(Parameters params) {
    return new HierarchicalClustering(new HierarchicalClustering.Params(
        Linkage.of(params.getString("linkage")),
        params.getInt("k"),
        params.getDouble("height"),
        HierarchicalClustering.Storage.valueOf(params.getString("storage").toUpperCase(Locale.ROOT))));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(HierarchicalModel.CODEC, Dendrogram.CODEC);
  }
}
