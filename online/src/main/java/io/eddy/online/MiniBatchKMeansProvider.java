package io.eddy.online;

import io.eddy.Capability;
import io.eddy.SpecProvider;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@link MiniBatchKMeans} as {@code "minibatch-kmeans"}, online and batch; its
 * parameters are those of {@link MiniBatchKMeans.Params#SPEC}.
 */
public final class MiniBatchKMeansProvider extends SpecProvider<MiniBatchKMeans.Params> {

  /** The registry name. */
  public static final String NAME = "minibatch-kmeans";

  /** For {@link java.util.ServiceLoader}. */
  public MiniBatchKMeansProvider() {
    super(NAME, "mini-batch k-means (Sculley 2010) with scikit-learn's MiniBatchKMeans semantics",
        MiniBatchKMeans.Params.SPEC, EnumSet.of(Capability.ONLINE, Capability.BATCH, Capability.WEIGHTED, Capability.CENTROIDS,
        Capability.MERGEABLE),
        MiniBatchKMeans::new, MiniBatchKMeans::new, List.of(MiniBatchKMeans.CODEC));
  }
}
