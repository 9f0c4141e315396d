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
    return LeaderClusterer.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.ONLINE, Capability.CENTROIDS);
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return new LeaderClusterer(LeaderClusterer.Params.SPEC.from(p));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(LeaderClusterer.CODEC);
  }
}
