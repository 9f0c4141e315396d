package io.eddy.kmeans;

import io.eddy.Capability;
import io.eddy.SpecProvider;
import java.util.EnumSet;
import java.util.List;

/** Registers batch {@link KMeans} as {@code "kmeans"}. */
public final class KMeansProvider extends SpecProvider<KMeans.Params> {

  /** For {@link java.util.ServiceLoader}. */
  public KMeansProvider() {
    super("kmeans", "batch k-means (Lloyd, Hamerly or Elkan) with k-means++ seeding, as scikit-learn's KMeans",
        KMeans.Params.SPEC, EnumSet.of(Capability.BATCH, Capability.WEIGHTED, Capability.CENTROIDS),
        null, KMeans::new, List.of(KMeansModel.CODEC, Centroids.CODEC));
  }
}
