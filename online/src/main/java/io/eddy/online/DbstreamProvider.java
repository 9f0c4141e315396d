package io.eddy.online;

import io.eddy.Capability;
import io.eddy.SpecProvider;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@link Dbstream} as {@code "dbstream"}. Parameters and defaults are those of
 * {@link Dbstream.Params}.
 */
public final class DbstreamProvider extends SpecProvider<Dbstream.Params> {

  /** The registry name. */
  public static final String NAME = "dbstream";

  /** For {@link java.util.ServiceLoader}. */
  public DbstreamProvider() {
    super(NAME, "DBSTREAM (Hahsler & Bolanos 2016): micro-clusters joined by shared density, with decay and noise",
        Dbstream.Params.SPEC, EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.DECAYING,
        Capability.NOISE, Capability.CENTROIDS, Capability.MERGEABLE),
        Dbstream::new, null, List.of(Dbstream.CODEC, DbstreamModel.CODEC));
  }
}
