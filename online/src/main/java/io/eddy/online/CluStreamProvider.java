package io.eddy.online;

import io.eddy.Capability;
import io.eddy.ClustererProvider;
import io.eddy.OnlineClusterer;
import io.eddy.Parameter;
import io.eddy.Parameters;
import io.eddy.io.StateCodec;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Registers {@link CluStream} as {@code "clustream"}. Parameters and defaults are those of
 * {@link CluStream.Params#SPEC}; its snapshots are {@link io.eddy.kmeans.Centroids}, whose codec
 * core registers.
 */
public final class CluStreamProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "clustream";

  /** For {@link java.util.ServiceLoader}. */
  public CluStreamProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "CluStream (Aggarwal et al. 2003): micro-clusters with time features, pyramidal snapshots "
        + "for horizon queries, weighted k-means offline";
  }

  @Override
  public List<Parameter> parameters() {
    return CluStream.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.copyOf(EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.CENTROIDS, Capability.MERGEABLE));
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return new CluStream(CluStream.Params.SPEC.from(p));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(CluStream.CODEC);
  }
}
