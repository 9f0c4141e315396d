package io.eddy;

import java.util.ArrayList;
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

  /**
   * A new online clusterer whose snapshots are the model type asked for, so that no cast is
   * needed:
   *
   * <pre>{@code
   * OnlineClusterer<? extends CentroidModel> c =
   *     Clusterers.online("sequential-kmeans", Map.of("k", 5), CentroidModel.class);
   * double[][] centers = c.snapshot().centers();
   * }</pre>
   *
   * <p>The type is checked against what the provider promises before anything is built:
   * {@link ClusterModel} always, and the {@link Capability#modelType() model type} of each
   * capability it declares ({@link CentroidModel} for {@link Capability#CENTROIDS},
   * {@link SoftClusterModel} for {@link Capability#SOFT}). A concrete model class is the
   * clusterer's own business: construct the clusterer directly for it.
   *
   * @param <M> the model type
   * @param name a registered name
   * @param params parameter values by name; missing ones take their defaults
   * @param modelType the model type the caller needs
   * @throws IllegalArgumentException as {@link #online(String, Map)}, or if the provider does
   *     not promise {@code modelType}; the message lists the types it does promise
   */
  public static <M extends ClusterModel> OnlineClusterer<? extends M> online(String name, Map<String, ?> params,
      Class<M> modelType) {
    requirePromised(provider(name), modelType);
    // Safe: the provider's capabilities promise that every model it makes is an M, and the
    // contract kit checks that promise on real snapshots.
    @SuppressWarnings("unchecked")
    OnlineClusterer<? extends M> typed = (OnlineClusterer<? extends M>) online(name, params);
    return typed;
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

  /**
   * A new batch clusterer whose models are the type asked for; the type is checked as in
   * {@link #online(String, Map, Class)}.
   *
   * @param <M> the model type
   * @param name a registered name
   * @param params parameter values by name; missing ones take their defaults
   * @param modelType the model type the caller needs
   * @throws IllegalArgumentException as {@link #batch(String, Map)}, or if the provider does
   *     not promise {@code modelType}; the message lists the types it does promise
   */
  public static <M extends ClusterModel> Clusterer<? extends M> batch(String name, Map<String, ?> params,
      Class<M> modelType) {
    requirePromised(provider(name), modelType);
    @SuppressWarnings("unchecked") // promised by the capabilities, as in online(name, params, type)
    Clusterer<? extends M> typed = (Clusterer<? extends M>) batch(name, params);
    return typed;
  }

  /** The model types a provider's capabilities promise, {@link ClusterModel} first. */
  static List<Class<? extends ClusterModel>> promisedModelTypes(ClustererProvider p) {
    List<Class<? extends ClusterModel>> types = new ArrayList<>();
    types.add(ClusterModel.class);
    for (Capability c : Capability.values()) {
      if (c.modelType() != null && p.capabilities().contains(c)) {
        types.add(c.modelType());
      }
    }
    return types;
  }

  private static void requirePromised(ClustererProvider p, Class<? extends ClusterModel> modelType) {
    if (modelType == null) {
      throw new IllegalArgumentException("modelType is null");
    }
    List<Class<? extends ClusterModel>> promised = promisedModelTypes(p);
    for (Class<? extends ClusterModel> t : promised) {
      if (modelType.isAssignableFrom(t)) {
        return;
      }
    }
    List<String> names = new ArrayList<>();
    for (Class<? extends ClusterModel> t : promised) {
      names.add(t.getSimpleName());
    }
    throw new IllegalArgumentException("clusterer '" + p.name() + "' does not promise "
        + modelType.getName() + " models; it promises " + names + " (capabilities "
        + p.capabilities() + ")");
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
