package io.eddy.online;

import io.eddy.Capability;
import io.eddy.SpecProvider;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@link SequentialKMeans} as {@code "sequential-kmeans"}; its parameters are those
 * of {@link SequentialKMeans.Params#SPEC}.
 */
public final class SequentialKMeansProvider extends SpecProvider<SequentialKMeans.Params> {

  /** The registry name. */
  public static final String NAME = "sequential-kmeans";

  /** For {@link java.util.ServiceLoader}. */
  public SequentialKMeansProvider() {
    super(NAME, "MacQueen's online k-means, optionally with a constant rate that tracks drift",
        SequentialKMeans.Params.SPEC, EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.CENTROIDS, Capability.MERGEABLE),
        SequentialKMeans::new, null, List.of(SequentialKMeans.CODEC));
  }
}
