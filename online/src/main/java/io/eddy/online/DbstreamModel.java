package io.eddy.online;

import io.eddy.io.StateCodec;

/**
 * A snapshot of a {@link Dbstream} clustering: the macro clusters formed by strong
 * micro-clusters joined through shared density, with stable labels; a point belongs to the
 * macro cluster of the nearest strong micro-cluster within 2r ({@link #reach()}: the point's
 * r-ball meets the micro-cluster's), else it is noise. See {@link MicroClusterModel}.
 * Immutable and thread-safe.
 */
public final class DbstreamModel extends MicroClusterModel {

  DbstreamModel(int dimension, double reach, double time, int[] labels, double[] centers,
      double[] weights, double[] microCenters, double[] microWeights, int[] microLabels) {
    super(dimension, reach, time, labels, centers, weights, microCenters, microWeights, microLabels);
  }

  /**
   * The micro-cluster radius r of the clusterer at the snapshot (its estimate, with r = auto),
   * half the reach. A snapshot taken while r = auto is still buffering reports the provisional
   * estimate it was made with (1 before the first point).
   */
  public double radius() {
    return reach() / Dbstream.REACH;
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
