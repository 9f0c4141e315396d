package io.eddy.io;

import java.util.List;

/**
 * A {@link java.util.ServiceLoader} service for codecs of things that are not clusterers (for
 * example feature pipelines), so that {@link ModelIO} can write and read them too. Clusterers
 * declare their codecs through {@link io.eddy.ClustererProvider#codecs()} instead.
 *
 * <p>Register an implementation in {@code META-INF/services/io.eddy.io.CodecProvider} and with
 * {@code provides io.eddy.io.CodecProvider with ...}. Implementations are stateless.
 */
public interface CodecProvider {

  /** The codecs; names unique across the registry. */
  List<StateCodec<?>> codecs();
}
