package io.eddy.online;

import io.eddy.Capability;
import io.eddy.ClustererProvider;
import io.eddy.OnlineClusterer;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import java.util.List;
import java.util.Set;

/** Registers {@link SequentialKMeans} as {@code "sequential-kmeans"}. */
public final class SequentialKMeansProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "sequential-kmeans";

  private static final SequentialKMeans.Params D = SequentialKMeans.Params.DEFAULTS;

  private static final List<Parameter> PARAMETERS = List.of(
      Parameter.ofInt("k", D.k(), 1, Integer.MAX_VALUE, "number of clusters"),
      Parameter.ofChoice("init", D.init().id(), List.of("first", "kmeans++"),
          "initial centers: the first k distinct points, or k-means++ over a warm-up buffer"),
      Parameter.ofInt("warmup", D.warmup(), 0, Integer.MAX_VALUE,
          "k-means++ warm-up buffer size in points; 0 means 10*k"),
      Parameter.ofText("learningRate", D.learningRateText(), "'macqueen' or a number in (0, 1]",
          SequentialKMeansProvider::validRate,
          "center step: MacQueen's 1/n, or a constant rate that forgets old points"),
      Parameter.ofLong("seed", D.seed(), "seed of the k-means++ draws"));

  /** For the {@link java.util.ServiceLoader}. */
  public SequentialKMeansProvider() {}

  private static boolean validRate(String text) {
    try {
      double r = SequentialKMeans.Params.parseLearningRate(text);
      return r == SequentialKMeans.Params.MACQUEEN || (r > 0 && r <= 1);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "MacQueen's online k-means, optionally with a constant rate that tracks drift";
  }

  @Override
  public List<Parameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.ONLINE, Capability.WEIGHTED, Capability.CENTROIDS, Capability.MERGEABLE);
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return new SequentialKMeans(new SequentialKMeans.Params(
        p.getInt("k"),
        SequentialKMeans.Init.of(p.getString("init")),
        p.getInt("warmup"),
        SequentialKMeans.Params.parseLearningRate(p.getString("learningRate")),
        p.getLong("seed")));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(STATE_CODEC);
  }

  /** Writes a {@link SequentialKMeans}'s configuration and full learning state. */
  static final StateCodec<SequentialKMeans> STATE_CODEC = StateCodec.of(NAME + ".state", 1, SequentialKMeans.class,
      (s, out) -> {
        SequentialKMeans.Params p = s.params();
        out.writeInt(p.k());
        out.writeInt(p.init().ordinal());
        out.writeInt(p.warmup());
        out.writeDouble(p.learningRate());
        out.writeLong(p.seed());
        out.writeInt(s.dimension());
        out.writeLong(s.seen());
        if (s.dimension() == 0) {
          return;
        }
        out.writeInt(s.stateCenterCount());
        out.writeDoubles(s.stateCenters());
        out.writeDoubles(s.stateWeights());
        boolean buffering = s.stateBuffer() != null;
        out.writeBoolean(buffering);
        if (buffering) {
          out.writeInt(s.stateBuffered());
          out.writeDoubles(s.stateBuffer());
          out.writeDoubles(s.stateBufferWeights());
        }
      },
      (in, version) -> {
        SequentialKMeans.Params p = new SequentialKMeans.Params(
            in.readInt(),
            SequentialKMeans.Init.values()[in.readInt(0, SequentialKMeans.Init.values().length - 1)],
            in.readInt(),
            in.readDouble(),
            in.readLong());
        int d = in.readInt(0, Integer.MAX_VALUE);
        long seen = in.readLong();
        if (d == 0) {
          return SequentialKMeans.restore(p, 0, seen, 0, null, null, null, null, 0);
        }
        int centerCount = in.readInt();
        double[] centers = in.readDoubles();
        double[] weights = in.readDoubles();
        double[] buffer = null;
        double[] bufferWeights = null;
        int buffered = 0;
        if (in.readBoolean()) {
          buffered = in.readInt();
          buffer = in.readDoubles();
          bufferWeights = in.readDoubles();
        }
        return SequentialKMeans.restore(p, d, seen, centerCount, centers, weights, buffer, bufferWeights, buffered);
      });
}
