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

  private static final List<Parameter> PARAMETERS;

  static {
    KMeans.Params p = KMeans.Params.DEFAULTS;
    PARAMETERS = List.of(
        Parameter.ofInt("k", p.k(), 1, Integer.MAX_VALUE, "number of clusters"),
        Parameter.ofChoice("init", p.init().id(), List.of(KMeans.Init.KMEANS_PLUS_PLUS.id(),
            KMeans.Init.RANDOM.id()), "initial centers: greedy k-means++ or random data points"),
        Parameter.ofInt("nInit", p.nInit(), 1, Integer.MAX_VALUE,
            "runs from different initial centers; the one of least inertia is kept"),
        Parameter.ofInt("maxIter", p.maxIter(), 1, Integer.MAX_VALUE, "most iterations per run"),
        Parameter.ofDouble("tol", p.tol(), 0, true, Double.POSITIVE_INFINITY, false,
            "stop when the squared center shift is at most tol x mean feature variance"),
        Parameter.ofChoice("algorithm", p.algorithm().id(), List.of(KMeans.Algorithm.AUTO.id(),
            KMeans.Algorithm.LLOYD.id(), KMeans.Algorithm.HAMERLY.id(), KMeans.Algorithm.ELKAN.id()),
            "assignment step; all give the same result"),
        Parameter.ofInt("parallelism", p.parallelism(), 0, Integer.MAX_VALUE,
            "threads, 0 = available processors; results do not depend on it"),
        Parameter.ofLong("seed", p.seed(), "seed of all randomness"));
  }

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
    return PARAMETERS;
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.BATCH, Capability.WEIGHTED, Capability.CENTROIDS);
  }

  @Override
  public Clusterer<?> newBatch(Parameters params) {
    return new KMeans(new KMeans.Params(
        params.getInt("k"),
        KMeans.Init.of(params.getString("init")),
        params.getInt("nInit"),
        params.getInt("maxIter"),
        params.getDouble("tol"),
        KMeans.Algorithm.of(params.getString("algorithm")),
        params.getInt("parallelism"),
        params.getLong("seed")));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(KMeansModel.CODEC);
  }
}
