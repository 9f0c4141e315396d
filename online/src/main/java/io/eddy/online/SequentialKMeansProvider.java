package io.eddy.online;

import io.eddy.Capability;
import io.eddy.ClustererProvider;
import io.eddy.OnlineClusterer;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import java.util.List;
import java.util.Set;

/**
 * Registers {@link SequentialKMeans} as {@code "sequential-kmeans"}; its parameters are those
 * of {@link SequentialKMeans.Params#SPEC}.
 */
public final class SequentialKMeansProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "sequential-kmeans";

  /** For the {@link java.util.ServiceLoader}. */
  public SequentialKMeansProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "MacQueen's online k-means, optionally with a constant rate that tracks drift";
  }

  @Override
  public List<Parameter> parameters() {
    return SequentialKMeans.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.ONLINE, Capability.WEIGHTED, Capability.CENTROIDS);
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return new SequentialKMeans(SequentialKMeans.Params.SPEC.from(p));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(SequentialKMeans.CODEC);
  }
}
