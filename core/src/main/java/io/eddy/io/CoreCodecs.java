package io.eddy.io;

import io.eddy.kmeans.Centroids;
import java.util.List;

/** The codecs of the models that live in {@code eddy-core} itself and belong to no provider. */
final class CoreCodecs {

  private CoreCodecs() {}

  static List<StateCodec<?>> all() {
    return List.of(Centroids.CODEC);
  }
}
