package io.eddy.online;

import io.eddy.Capability;
import io.eddy.SpecProvider;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers {@link Birch} (online) and {@link BirchBatch} (batch) as {@code "birch"}; its
 * parameters are those of {@link Birch.Params#SPEC}.
 */
public final class BirchProvider extends SpecProvider<Birch.Params> {

  /** The registry name. */
  public static final String NAME = "birch";

  /** For {@link java.util.ServiceLoader}. */
  public BirchProvider() {
    super(NAME, "BIRCH CF tree (Zhang et al. 1996) with scikit-learn's Birch semantics, bounded and mergeable",
        Birch.Params.SPEC, EnumSet.of(Capability.ONLINE, Capability.BATCH, Capability.CENTROIDS, Capability.MERGEABLE),
        Birch::new, BirchBatch::new, List.of(Birch.CODEC, BirchModel.CODEC));
  }
}
