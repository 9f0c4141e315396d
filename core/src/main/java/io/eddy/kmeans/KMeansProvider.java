package io.eddy.kmeans;

import io.eddy.Capability;
import io.eddy.Clusterer;
import io.eddy.ClustererProvider;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Registers batch {@link KMeans} as {@code "kmeans"}. */
public final class KMeansProvider implements ClustererProvider {

  /** The provider; found by {@link java.util.ServiceLoader}. */
  public KMeansProvider() {}

  @Override
  public String name() {
    return "kmeans";
  }

  @Override
  public String description() {
    return "batch k-means (Lloyd, Hamerly or Elkan) with k-means++ seeding, as scikit-learn's KMeans";
  }

  @Override
  public List<Parameter> parameters() {
    return KMeans.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.BATCH, Capability.WEIGHTED, Capability.CENTROIDS);
  }

  @Override
  public Clusterer<?> newBatch(Parameters params) {
    return new KMeans(KMeans.Params.SPEC.from(params));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(KMeansModel.CODEC, Centroids.CODEC);
  }
}
