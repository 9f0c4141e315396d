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

/** Registers {@link MiniBatchKMeans} as {@code "minibatch-kmeans"}, online and batch. */
public final class MiniBatchKMeansProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "minibatch-kmeans";

  private static final MiniBatchKMeans.Params D = MiniBatchKMeans.Params.DEFAULTS;

  private static final List<Parameter> PARAMETERS = List.of(
      Parameter.ofInt("k", D.k(), 1, Integer.MAX_VALUE, "number of clusters"),
      Parameter.ofInt("batchSize", D.batchSize(), 1, Integer.MAX_VALUE, "points per mini-batch step"),
      Parameter.ofInt("maxIter", D.maxIter(), 1, Integer.MAX_VALUE, "most passes over the data in fit (epochs)"),
      Parameter.ofInt("initSize", D.initSize(), 0, Integer.MAX_VALUE,
          "points for the k-means++ initialisation; 0 means 3 x batchSize"),
      Parameter.ofDouble("reassignmentRatio", D.reassignmentRatio(), 0, true, 1, true,
          "reassign centers whose count is below this fraction of the largest; 0 = never"),
      Parameter.ofInt("maxNoImprovement", D.maxNoImprovement(), 0, Integer.MAX_VALUE,
          "fit stops after this many steps without a better smoothed inertia; 0 = off"),
      Parameter.ofDouble("tol", D.tol(), 0, true, Double.POSITIVE_INFINITY, false,
          "fit stops when a step moves the centers by at most tol x mean feature variance; 0 = off"),
      Parameter.ofLong("seed", D.seed(), "seed of all randomness"),
      Parameter.ofInt("parallelism", D.parallelism(), 0, Integer.MAX_VALUE,
          "threads with which fit checks and labels the data and its batches; 0 = all processors"));

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
    return PARAMETERS;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.ONLINE, Capability.BATCH, Capability.WEIGHTED, Capability.CENTROIDS,
        Capability.MERGEABLE);
  }

  private static MiniBatchKMeans create(Parameters p) {
    return new MiniBatchKMeans(new MiniBatchKMeans.Params(
        p.getInt("k"),
        p.getInt("batchSize"),
        p.getInt("maxIter"),
        p.getInt("initSize"),
        p.getDouble("reassignmentRatio"),
        p.getInt("maxNoImprovement"),
        p.getDouble("tol"),
        p.getLong("seed"),
        p.getInt("parallelism")));
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return create(p);
  }

  @Override
  public Clusterer<?> newBatch(Parameters p) {
    return create(p);
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(STATE_CODEC);
  }

  /**
   * The full online learning state: configuration, centers, counts, buffer and RNG. Version 2
   * adds {@code parallelism} after the seed; version 1 payloads read with parallelism 0.
   */
  static final StateCodec<MiniBatchKMeans> STATE_CODEC = StateCodec.of("minibatch-kmeans.state", 2, MiniBatchKMeans.class,
      (c, out) -> {
        MiniBatchKMeans.Params p = c.params();
        out.writeInt(p.k());
        out.writeInt(p.batchSize());
        out.writeInt(p.maxIter());
        out.writeInt(p.initSize());
        out.writeDouble(p.reassignmentRatio());
        out.writeInt(p.maxNoImprovement());
        out.writeDouble(p.tol());
        out.writeLong(p.seed());
        out.writeInt(p.parallelism());
        out.writeInt(c.dimension());
        out.writeLong(c.seen());
        out.writeLong(c.stateRng());
        out.writeLong(c.stateSinceReassign());
        out.writeLong(c.stateSteps());
        double[] centers = c.stateCenters();
        out.writeBoolean(centers != null);
        if (centers != null) {
          out.writeDoubles(centers);
          out.writeDoubles(c.stateCounts());
        }
        double[] buffer = c.stateBuffer();
        out.writeBoolean(buffer != null);
        if (buffer != null) {
          out.writeDoubles(buffer);
          out.writeDoubles(c.stateBufferWeights());
        }
      },
      (in, version) -> {
        MiniBatchKMeans.Params p = new MiniBatchKMeans.Params(in.readInt(), in.readInt(),
            in.readInt(), in.readInt(), in.readDouble(), in.readInt(), in.readDouble(), in.readLong(),
            version >= 2 ? in.readInt() : 0);
        int d = in.readInt(0, Integer.MAX_VALUE);
        long seen = in.readLong();
        long rng = in.readLong();
        long since = in.readLong();
        long steps = in.readLong();
        double[] centers = null;
        double[] counts = null;
        if (in.readBoolean()) {
          centers = in.readDoubles();
          counts = in.readDoubles();
        }
        double[] buffer = null;
        double[] bufferWeights = null;
        if (in.readBoolean()) {
          buffer = in.readDoubles();
          bufferWeights = in.readDoubles();
        }
        return MiniBatchKMeans.restore(p, d, seen, centers, counts, rng, since, steps, buffer,
            bufferWeights);
      });
}
