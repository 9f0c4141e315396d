package io.eddy.online;

import io.eddy.Capability;
import io.eddy.Clusterer;
import io.eddy.ClustererProvider;
import io.eddy.OnlineClusterer;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import java.util.List;
import java.util.Set;

/**
 * Registers {@link Birch} (online) and {@link BirchBatch} (batch) as {@code "birch"}; its
 * parameters are those of {@link Birch.Params#SPEC}.
 */
public final class BirchProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "birch";

  /** For the {@link java.util.ServiceLoader}. */
  public BirchProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "BIRCH CF tree (Zhang et al. 1996) with scikit-learn's Birch semantics, bounded and mergeable";
  }

  @Override
  public List<Parameter> parameters() {
    return Birch.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.ONLINE, Capability.BATCH, Capability.CENTROIDS);
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return new Birch(Birch.Params.SPEC.from(p));
  }

  @Override
  public Clusterer<?> newBatch(Parameters p) {
    return new BirchBatch(Birch.Params.SPEC.from(p));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(Birch.CODEC, BirchModel.CODEC);
  }
}
