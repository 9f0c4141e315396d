package io.eddy;

/**
 * What a clusterer can do beyond the basic contract. Providers declare their capabilities so
 * that users can filter the registry and the contract test kit knows which checks apply.
 */
public enum Capability {
  /** Has an online clusterer ({@link ClustererProvider#newOnline}). */
  ONLINE,
  /** Has a batch clusterer ({@link ClustererProvider#newBatch}). */
  BATCH,
  /** Honours weights on points ({@link OnlineClusterer#learn(double[], double)}, {@link Clusterer#fit(double[][], double[])}). */
  WEIGHTED,
  /** Old data fade away; the online clusterer is a {@link DecayingClusterer}. */
  DECAYING,
  /** Predicts {@link ClusterModel#NOISE} for points outside every cluster. */
  NOISE,
  /** Models give membership probabilities ({@link SoftClusterModel}). */
  SOFT,
  /** Models have centers ({@link CentroidModel}). */
  CENTROIDS,
  /** Learning states merge with each other's; the online clusterer is {@link Mergeable}. */
  MERGEABLE
}
