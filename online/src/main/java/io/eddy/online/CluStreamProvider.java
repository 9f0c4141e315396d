package io.eddy.online;

import io.eddy.Capability;
import io.eddy.SpecProvider;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@link CluStream} as {@code "clustream"}. Parameters and defaults are those of
 * {@link CluStream.Params#SPEC}; its snapshots are {@link io.eddy.kmeans.Centroids}, whose codec
 * core registers.
 */
public final class CluStreamProvider extends SpecProvider<CluStream.Params> {

  /** The registry name. */
  public static final String NAME = "clustream";

  /** For {@link java.util.ServiceLoader}. */
  public CluStreamProvider() {
    super(NAME, "CluStream (Aggarwal et al. 2003): micro-clusters with time features, pyramidal snapshots "
        + "for horizon queries, weighted k-means offline",
        CluStream.Params.SPEC, EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.CENTROIDS, Capability.MERGEABLE),
        CluStream::new, null, List.of(CluStream.CODEC));
  }
}
