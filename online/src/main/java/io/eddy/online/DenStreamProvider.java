package io.eddy.online;

import io.eddy.Capability;
import io.eddy.SpecProvider;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@link DenStream} as {@code "denstream"}. Parameters and defaults are those of
 * {@link DenStream.Params}.
 */
public final class DenStreamProvider extends SpecProvider<DenStream.Params> {

  /** The registry name. */
  public static final String NAME = "denstream";

  /** For {@link java.util.ServiceLoader}. */
  public DenStreamProvider() {
    super(NAME, "DenStream (Cao et al. 2006): potential and outlier micro-clusters with decay, DBSCAN macro clusters, noise",
        DenStream.Params.SPEC, EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.DECAYING,
        Capability.NOISE, Capability.CENTROIDS, Capability.MERGEABLE),
        DenStream::new, null, List.of(DenStream.CODEC, DenStreamModel.CODEC));
  }
}
