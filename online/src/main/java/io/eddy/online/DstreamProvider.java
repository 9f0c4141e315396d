package io.eddy.online;

import io.eddy.Capability;
import io.eddy.SpecProvider;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@link Dstream} as {@code "dstream"}. Parameters and defaults are those of
 * {@link Dstream.Params}.
 */
public final class DstreamProvider extends SpecProvider<Dstream.Params> {

  /** The registry name. */
  public static final String NAME = "dstream";

  /** For {@link java.util.ServiceLoader}. */
  public DstreamProvider() {
    super(NAME, "D-Stream (Chen & Tu 2007): density grids with decay, sporadic-grid removal and noise",
        Dstream.Params.SPEC, EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.DECAYING,
        Capability.NOISE, Capability.CENTROIDS, Capability.MERGEABLE),
        Dstream::new, null, List.of(Dstream.CODEC, DstreamModel.CODEC));
  }
}
