package io.eddy.examples.plugin;

import io.eddy.Capability;
import io.eddy.ClustererProvider;
import io.eddy.OnlineClusterer;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Registers {@link LeaderClusterer} as {@code "leader"}: listed in
 * {@code META-INF/services/io.eddy.ClustererProvider}, so {@code Clusterers.online("leader", ...)}
 * finds it and {@code ModelIO} can save it.
 */
public final class LeaderProvider implements ClustererProvider {

  private static final LeaderClusterer.Params D = LeaderClusterer.Params.DEFAULTS;

  /** For the {@link java.util.ServiceLoader}. */
  public LeaderProvider() {}

  @Override
  public String name() {
    return "leader";
  }

  @Override
  public String description() {
    return "Hartigan's leader algorithm: join the nearest leader within a radius, else lead";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.ofDouble("radius", D.radius(), 0, false, Double.POSITIVE_INFINITY, false,
            "distance within which a point joins a leader"),
        Parameter.ofInt("maxLeaders", D.maxLeaders(), 1, Integer.MAX_VALUE, "most leaders kept"));
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.ONLINE, Capability.CENTROIDS);
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return new LeaderClusterer(new LeaderClusterer.Params(p.getDouble("radius"), p.getInt("maxLeaders")));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(new StateCodec<LeaderClusterer>() {
      @Override
      public String name() {
        return "leader.state";
      }

      @Override
      public int version() {
        return 1;
      }

      @Override
      public Class<LeaderClusterer> type() {
        return LeaderClusterer.class;
      }

      @Override
      public void write(LeaderClusterer c, StateOutput out) throws IOException {
        out.writeDouble(c.params().radius());
        out.writeInt(c.params().maxLeaders());
        out.writeInt(c.dimension());
        out.writeLong(c.seen());
        out.writeInt(c.leaders());
        if (c.dimension() > 0) {
          out.writeDoubles(c.rawCenters());
          out.writeDoubles(c.rawCounts());
        }
      }

      @Override
      public LeaderClusterer read(StateInput in, int version) throws IOException {
        LeaderClusterer.Params p = new LeaderClusterer.Params(in.readDouble(), in.readInt());
        int d = in.readInt();
        long seen = in.readLong();
        int leaders = in.readInt();
        double[] centers = d > 0 ? in.readDoubles() : null;
        double[] counts = d > 0 ? in.readDoubles() : null;
        return LeaderClusterer.restore(p, d, seen, leaders, centers, counts);
      }
    });
  }
}
