package io.eddy;

import io.eddy.io.StateCodec;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link ClustererProvider} whose parameters are those of one {@link ParamSpec} record: it
 * maps the registry's values to the record by name and builds the clusterer from it, so a
 * provider states only what is its own.
 *
 * <pre>{@code
 * public final class LeaderProvider extends SpecProvider<LeaderClusterer.Params> {
 *   public LeaderProvider() {
 *     super("leader", "Hartigan's leader algorithm", LeaderClusterer.Params.SPEC,
 *         EnumSet.of(Capability.ONLINE, Capability.CENTROIDS), LeaderClusterer::new, null,
 *         List.of(LeaderClusterer.CODEC));
 *   }
 * }
 * }</pre>
 *
 * <p>Subclasses keep the public no-argument constructor {@link java.util.ServiceLoader} needs.
 * Immutable and thread-safe.
 *
 * @param <R> the configuration record
 */
public abstract class SpecProvider<R extends Record> implements ClustererProvider {

  private final String name;
  private final String description;
  private final ParamSpec<R> spec;
  private final Set<Capability> capabilities;
  private final Function<R, ? extends OnlineClusterer<?>> online;
  private final Function<R, ? extends Clusterer<?>> batch;
  private final List<StateCodec<?>> codecs;

  /**
   * @param online builds the online clusterer from the record, or null if there is none
   * @param batch builds the batch clusterer from the record, or null if there is none
   * @throws IllegalArgumentException if an argument is missing, or a factory's presence
   *     disagrees with the {@link Capability#ONLINE} or {@link Capability#BATCH} capability
   */
  protected SpecProvider(String name, String description, ParamSpec<R> spec, Set<Capability> capabilities,
      Function<R, ? extends OnlineClusterer<?>> online, Function<R, ? extends Clusterer<?>> batch,
      List<StateCodec<?>> codecs) {
    if (name == null || description == null || spec == null || capabilities == null || codecs == null) {
      throw new IllegalArgumentException("name, description, spec, capabilities and codecs must be given");
    }
    if ((online != null) != capabilities.contains(Capability.ONLINE)
        || (batch != null) != capabilities.contains(Capability.BATCH)) {
      throw new IllegalArgumentException(name + ": the factories given must match the ONLINE and BATCH capabilities");
    }
    this.name = name;
    this.description = description;
    this.spec = spec;
    this.capabilities = Set.copyOf(capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : capabilities);
    this.online = online;
    this.batch = batch;
    this.codecs = List.copyOf(codecs);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final List<Parameter> parameters() {
    return spec.parameters();
  }

  @Override
  public final Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public final OnlineClusterer<?> newOnline(Parameters params) {
    if (online == null) {
      return ClustererProvider.super.newOnline(params);
    }
    return online.apply(spec.from(Objects.requireNonNull(params, "params")));
  }

  @Override
  public final Clusterer<?> newBatch(Parameters params) {
    if (batch == null) {
      return ClustererProvider.super.newBatch(params);
    }
    return batch.apply(spec.from(Objects.requireNonNull(params, "params")));
  }

  @Override
  public final List<StateCodec<?>> codecs() {
    return codecs;
  }

  @Override
  public String toString() {
    return name + " " + capabilities;
  }
}
