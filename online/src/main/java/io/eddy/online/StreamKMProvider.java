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
 * Registers {@link StreamKM} as {@code "streamkm"}. Parameters and defaults are those of
 * {@link StreamKM.Params#SPEC}; its snapshots are {@link io.eddy.kmeans.Centroids}, whose codec core
 * registers.
 */
public final class StreamKMProvider implements ClustererProvider {

  /** The registry name. */
  public static final String NAME = "streamkm";

  /** For {@link java.util.ServiceLoader}. */
  public StreamKMProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "StreamKM++ (Ackermann et al. 2012): merge-and-reduce coreset trees, weighted k-means++ "
        + "on the coreset";
  }

  @Override
  public List<Parameter> parameters() {
    return StreamKM.Params.SPEC.parameters();
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.copyOf(EnumSet.of(Capability.ONLINE, Capability.WEIGHTED, Capability.CENTROIDS, Capability.MERGEABLE));
  }

  @Override
  public OnlineClusterer<?> newOnline(Parameters p) {
    return new StreamKM(StreamKM.Params.SPEC.from(p));
  }

  @Override
  public List<StateCodec<?>> codecs() {
    return List.of(StreamKM.CODEC);
  }
}
