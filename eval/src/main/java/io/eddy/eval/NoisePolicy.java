package io.eddy.eval;

import io.eddy.ClusterModel;

/**
 * How external indices ({@link ContingencyTable}, {@link ExternalIndices}) treat points a
 * clustering labels {@link ClusterModel#NOISE}. Only predicted labels are affected: in the
 * true labels, -1 is an ordinary class.
 */
public enum NoisePolicy {
  /**
   * NOISE is one more cluster. This is the default, and exactly what scikit-learn computes
   * when given the same label arrays: the noise points agree with each other and are judged
   * like any cluster (its majority class counts towards purity).
   */
  CLUSTER,
  /**
   * Each NOISE point is a cluster of its own: noise never agrees with anything. Pairs
   * involving a noise point count as "apart", so declaring many points noise costs ARI and
   * NMI; a singleton is pure, so purity does not penalise it.
   */
  SINGLETONS,
  /**
   * NOISE points are left out, and counted ({@link ContingencyTable#excluded()}): the index
   * describes only the points the clusterer committed to.
   */
  EXCLUDE
}
