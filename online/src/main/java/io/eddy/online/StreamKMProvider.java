package io.eddy.online;

import io.eddy.Capability;
import io.eddy.SpecProvider;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@link StreamKM} as {@code "streamkm"}. Parameters and defaults are those of
 * {@link StreamKM.Params#SPEC}; its snapshots are {@link io.eddy.kmeans.Centroids}, whose codec core
 * registers.
 */
public final class StreamKMProvider extends SpecProvider<StreamKM.Params> {

  /** The registry name. */
  public static final String NAME = "streamkm";

  /** For {@link java.util.ServiceLoader}. */
  public StreamKMProvider() {
    super(NAME, "StreamKM++ (Ackermann et al. 2012): merge-and-reduce coreset trees, weighted k-means++ "
        + "on the coreset",
        StreamKM.Params.SPEC, EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.CENTROIDS, Capability.MERGEABLE),
        StreamKM::new, null, List.of(StreamKM.CODEC));
  }
}
