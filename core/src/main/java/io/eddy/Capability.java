package io.eddy;

/**
 * What a clusterer can do beyond the basic contract. Providers declare their capabilities so
 * that users can filter the registry and the contract test kit knows which checks apply.
 */
public enum Capability {
  /** Has an online clusterer ({@link ClustererProvider#newOnline}). */
  ONLINE(null),
  /** Has a batch clusterer ({@link ClustererProvider#newBatch}). */
  BATCH(null),
  /** Honours weights on points ({@link OnlineClusterer#learn(double[], double)}, {@link Clusterer#fit(double[][], double[])}). */
  WEIGHTED(null),
  /** Old data fade away; the online clusterer is a {@link DecayingClusterer}. */
  DECAYING(null),
  /** Predicts {@link ClusterModel#NOISE} for points outside every cluster. */
  NOISE(null),
  /** Models give membership probabilities ({@link SoftClusterModel}). */
  SOFT(SoftClusterModel.class),
  /** Models have centers ({@link CentroidModel}). */
  CENTROIDS(CentroidModel.class);

  private final Class<? extends ClusterModel> modelType;

  Capability(Class<? extends ClusterModel> modelType) {
    this.modelType = modelType;
  }

  /**
   * The model interface this capability promises every model of the clusterer implements
   * ({@link SoftClusterModel} for {@link #SOFT}, {@link CentroidModel} for {@link #CENTROIDS}),
   * or {@code null} for a capability that is not about models. The typed registry look-ups
   * ({@link Clusterers#online(String, java.util.Map, Class)}) rely on it, and the contract
   * kit checks it.
   */
  public Class<? extends ClusterModel> modelType() {
    return modelType;
  }
}
