package io.eddy.online;

import io.eddy.io.StateCodec;

/**
 * A snapshot of a {@link DenStream} clustering: the macro clusters found by the offline
 * DBSCAN over potential micro-clusters, with stable labels; a point belongs to the macro
 * cluster of the nearest clustered potential micro-cluster within epsilon, else it is noise.
 * See {@link MicroClusterModel}. Immutable and thread-safe.
 */
public final class DenStreamModel extends MicroClusterModel {

  DenStreamModel(int dimension, double reach, double time, int[] labels, double[] centers,
      double[] weights, double[] microCenters, double[] microWeights, int[] microLabels) {
    super(dimension, reach, time, labels, centers, weights, microCenters, microWeights, microLabels);
  }

  /** The codec {@link io.eddy.io.ModelIO} uses for this model, named {@code "denstream.model"}. */
  static final StateCodec<DenStreamModel> CODEC = StateCodec.of("denstream.model", 1, DenStreamModel.class,
      (value, out) -> {
        value.writeBody(out);
      },
      (in, version) -> {
        Body b = Body.read(in);
        return new DenStreamModel(b.dimension(), b.reach(), b.time(), b.labels(), b.centers(),
            b.weights(), b.microCenters(), b.microWeights(), b.microLabels());
      });
}
