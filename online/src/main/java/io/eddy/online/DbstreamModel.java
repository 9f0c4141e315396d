package io.eddy.online;

import io.eddy.io.StateCodec;

/**
 * A snapshot of a {@link Dbstream} clustering: the macro clusters formed by strong
 * micro-clusters joined through shared density, with stable labels; a point belongs to the
 * macro cluster of the nearest strong micro-cluster within the radius r, else it is noise.
 * See {@link MicroClusterModel}. Immutable and thread-safe.
 */
public final class DbstreamModel extends MicroClusterModel {

  DbstreamModel(int dimension, double reach, double time, int[] labels, double[] centers,
      double[] weights, double[] microCenters, double[] microWeights, int[] microLabels) {
    super(dimension, reach, time, labels, centers, weights, microCenters, microWeights, microLabels);
  }

  /** The codec {@link io.eddy.io.ModelIO} uses for this model, named {@code "dbstream.model"}. */
  static final StateCodec<DbstreamModel> CODEC = StateCodec.of("dbstream.model", 1, DbstreamModel.class,
      (value, out) -> {
        value.writeBody(out);
      },
      (in, version) -> {
        Body b = Body.read(in);
        return new DbstreamModel(b.dimension(), b.reach(), b.time(), b.labels(), b.centers(),
            b.weights(), b.microCenters(), b.microWeights(), b.microLabels());
      });
}
