package io.eddy.online;

import io.eddy.io.StateCodec;

/**
 * A snapshot of a {@link DenStream} clustering: the macro clusters found by the offline
 * DBSCAN over potential micro-clusters, with stable labels. A point belongs to the macro
 * cluster of the clustered potential micro-cluster nearest in units of its radius (the
 * root-mean-square distance of its points to its centre, floored), if it lies within
 * {@link DenStream#NOISE_THRESHOLD} radii of it; else it is noise (see
 * {@link MicroClusterModel}). {@link #reach()} is the clusterer's epsilon. Immutable and
 * thread-safe.
 */
public final class DenStreamModel extends MicroClusterModel {

  DenStreamModel(int dimension, double epsilon, double threshold, double time, int[] labels,
      double[] centers, double[] weights, double[] microCenters, double[] microWeights,
      double[] microRadii, int[] microLabels) {
    super(dimension, epsilon, threshold, time, labels, centers, weights, microCenters,
        microWeights, microRadii, microLabels);
  }

  /**
   * The codec {@link io.eddy.io.ModelIO} uses for this model, named {@code "denstream.model"}.
   * Version 2 adds the noise threshold and the micro-cluster radii; a version 1 model reads
   * back with every radius equal to epsilon and the threshold 1, the rule it was saved with.
   */
  static final StateCodec<DenStreamModel> CODEC = StateCodec.of("denstream.model", 2, DenStreamModel.class,
      (value, out) -> {
        value.writeBody(out);
        value.writeRadii(out);
      },
      (in, version) -> {
        Body b = Body.read(in);
        double threshold = 1.0;
        double[] radii = null;
        if (version >= 2) {
          threshold = in.readDouble();
          radii = in.readDoubles();
          if (radii.length == 0) {
            radii = null;
          }
        }
        return new DenStreamModel(b.dimension(), b.reach(), threshold, b.time(), b.labels(),
            b.centers(), b.weights(), b.microCenters(), b.microWeights(), radii, b.microLabels());
      });
}
