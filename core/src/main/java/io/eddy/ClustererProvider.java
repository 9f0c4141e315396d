package io.eddy;

import io.eddy.io.StateCodec;
import java.util.List;
import java.util.Set;

/**
 * The {@link java.util.ServiceLoader} service through which clusterers, Eddy's own and
 * users', join the {@link Clusterers} registry.
 *
 * <p>To plug in a clusterer, implement this interface with a public no-argument constructor
 * and register it: in {@code META-INF/services/io.eddy.ClustererProvider} for the class path,
 * and with {@code provides io.eddy.ClustererProvider with ...} for the module path. It then
 * works everywhere a built-in one does: look-up by name, persistence through its
 * {@link #codecs()}, the contract test kit and the benchmarks.
 *
 * <p>Implementations must be stateless and thread-safe.
 */
public interface ClustererProvider {

  /** A stable, lower-case name such as {@code "sequential-kmeans"}; unique in the registry. */
  String name();

  /** One line saying what the clusterer does. */
  String description();

  /** Every parameter the factories accept, with defaults; the list is immutable. */
  List<Parameter> parameters();

  /** What the clusterer can do; includes {@link Capability#ONLINE} and/or {@link Capability#BATCH}. */
  Set<Capability> capabilities();

  /**
   * A new online clusterer.
   *
   * @param params values for {@link #parameters()}, already validated by the registry
   * @throws UnsupportedOperationException if the provider has no online clusterer
   */
  default OnlineClusterer<?> newOnline(Parameters params) {
    throw new UnsupportedOperationException("'" + name() + "' has no online clusterer");
  }

  /**
   * A new batch clusterer.
   *
   * @param params values for {@link #parameters()}, already validated by the registry
   * @throws UnsupportedOperationException if the provider has no batch clusterer
   */
  default Clusterer<?> newBatch(Parameters params) {
    throw new UnsupportedOperationException("'" + name() + "' has no batch clusterer");
  }

  /**
   * The codecs that write and read this provider's models and learning states, for
   * {@link io.eddy.io.ModelIO}. Codec names must be unique across the registry; prefix them
   * with the provider's name.
   */
  default List<StateCodec<?>> codecs() {
    return List.of();
  }
}
