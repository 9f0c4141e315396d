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
 * Registers {@link MiniBatchKMeans} as {@code "minibatch-kmeans"}, online and batch; its
 * parameters are those of {@link MiniBatchKMeans.Params#SPEC}.
 */
public final class MiniBatchKMeansProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "minibatch-kmeans";

  /** For the {@link java.util.ServiceLoader}. */
  public MiniBatchKMeansProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "mini-batch k-means (Sculley 2010) with scikit-learn's MiniBatchKMeans semantics";
  }

  @Override
  public List<Parameter> parameters() {
    return MiniBatchKMeans.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.ONLINE, Capability.BATCH, Capability.WEIGHTED, Capability.CENTROIDS);
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return new MiniBatchKMeans(MiniBatchKMeans.Params.SPEC.from(p));
  }

  @Override
  public Clusterer<?> newBatch(Parameters p) {
    return new MiniBatchKMeans(MiniBatchKMeans.Params.SPEC.from(p));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(MiniBatchKMeans.CODEC);
  }
}
