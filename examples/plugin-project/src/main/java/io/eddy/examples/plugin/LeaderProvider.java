package io.eddy.examples.plugin;

import io.eddy.Capability;
import io.eddy.ClustererProvider;
import io.eddy.OnlineClusterer;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
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
    return List.of(StateCodec.of("leader.state", 1, LeaderClusterer.class,
        (c, out) -> {
          out.writeDouble(c.params().radius());
          out.writeInt(c.params().maxLeaders());
          out.writeInt(c.dimension());
          out.writeLong(c.seen());
          out.writeInt(c.leaders());
          if (c.dimension() > 0) {
            out.writeDoubles(c.rawCenters());
            out.writeDoubles(c.rawCounts());
          }
        },
        (in, version) -> {
          LeaderClusterer.Params p = new LeaderClusterer.Params(in.readDouble(), in.readInt());
          int d = in.readInt();
          long seen = in.readLong();
          int leaders = in.readInt();
          double[] centers = d > 0 ? in.readDoubles() : null;
          double[] counts = d > 0 ? in.readDoubles() : null;
          return LeaderClusterer.restore(p, d, seen, leaders, centers, counts);
        }));
  }
}
