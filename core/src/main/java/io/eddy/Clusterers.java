package io.eddy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry of every clusterer on the class path or module path, built-in or plugged in
 * through {@link ClustererProvider}.
 *
 * <pre>{@code
 * OnlineClusterer<?> c = Clusterers.online("sequential-kmeans", Map.of("k", 5, "seed", 42L));
 * }</pre>
 *
 * <p>Providers are discovered once, on first use, with {@link ServiceLoader}. The registry is
 * thread-safe.
 */
public final class Clusterers {

  private Clusterers() {}

  private static final class Holder {
    static final Map<String, ClustererProvider> PROVIDERS = load();
  }

  private static Map<String, ClustererProvider> load() {
    TreeMap<String, ClustererProvider> byName = new TreeMap<>();
    ClassLoader loader = Clusterers.class.getClassLoader();
    for (ClustererProvider p : ServiceLoader.load(ClustererProvider.class, loader)) {
      ClustererProvider previous = byName.putIfAbsent(p.name(), p);
      if (previous != null && previous.getClass() != p.getClass()) {
        throw new IllegalStateException("two clusterer providers are named '" + p.name() + "': "
            + previous.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  /** The names of every registered clusterer, sorted. */
  public static SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(Holder.PROVIDERS.keySet()));
  }

  /** Every registered provider, sorted by name. */
  public static List<ClustererProvider> providers() {
    return List.copyOf(Holder.PROVIDERS.values());
  }

  /**
   * The provider with the given name.
   *
   * @throws IllegalArgumentException if there is none; the message lists the valid names
   */
  public static ClustererProvider provider(String name) {
    ClustererProvider p = name == null ? null : Holder.PROVIDERS.get(name);
    if (p == null) {
      throw new IllegalArgumentException("unknown clusterer '" + name + "'; valid names: " + names());
    }
    return p;
  }

  /**
   * A new online clusterer.
   *
   * @param name a registered name, such as {@code "sequential-kmeans"}
   * @param params parameter values by name; missing ones take their defaults
   * @throws IllegalArgumentException for an unknown name, an unknown parameter or an invalid
   *     value, or if the clusterer has no online form; the message lists what is valid
   */
  public static OnlineClusterer<?> online(String name, Map<String, ?> params) {
    ClustererProvider p = provider(name);
    if (!p.capabilities().contains(Capability.ONLINE)) {
      throw new IllegalArgumentException("clusterer '" + name + "' has no online form; online clusterers: "
          + withCapability(Capability.ONLINE));
    }
    return p.newOnline(Parameters.resolve(p, params));
  }

  /** {@link #online(String, Map)} with every parameter at its default. */
  public static OnlineClusterer<?> online(String name) {
    return online(name, Map.of());
  }

  /**
   * A new batch clusterer.
   *
   * @param name a registered name, such as {@code "kmeans"}
   * @param params parameter values by name; missing ones take their defaults
   * @throws IllegalArgumentException for an unknown name, an unknown parameter or an invalid
   *     value, or if the clusterer has no batch form; the message lists what is valid
   */
  public static Clusterer<?> batch(String name, Map<String, ?> params) {
    ClustererProvider p = provider(name);
    if (!p.capabilities().contains(Capability.BATCH)) {
      throw new IllegalArgumentException("clusterer '" + name + "' has no batch form; batch clusterers: "
          + withCapability(Capability.BATCH));
    }
    return p.newBatch(Parameters.resolve(p, params));
  }

  /** {@link #batch(String, Map)} with every parameter at its default. */
  public static Clusterer<?> batch(String name) {
    return batch(name, Map.of());
  }

  /** The names of the registered clusterers that have the given capability, sorted. */
  public static SortedSet<String> withCapability(Capability capability) {
    TreeSet<String> out = new TreeSet<>();
    for (ClustererProvider p : Holder.PROVIDERS.values()) {
      if (p.capabilities().contains(capability)) {
        out.add(p.name());
      }
    }
    return Collections.unmodifiableSortedSet(out);
  }
}
