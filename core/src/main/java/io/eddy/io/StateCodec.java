package io.eddy.io;

import java.io.IOException;

/**
 * Writes and reads one type of model or learning state for {@link ModelIO}.
 *
 * <p>A codec writes the configuration first and then the state, using only the primitives of
 * {@link StateOutput}; it reads them back in the same order and rebuilds the object through its
 * normal, validating constructors, so that a decoded object is always a valid one. A reader
 * may throw any {@link RuntimeException} on data it does not accept: {@link ModelIO} turns it
 * into a {@link ModelFormatException}.
 *
 * <p>Codecs are stateless and thread-safe. Register them through
 * {@link io.eddy.ClustererProvider#codecs()}.
 *
 * @param <T> the type it writes
 */
public interface StateCodec<T> {

  /** A name unique across the registry, such as {@code "sequential-kmeans.state"}. */
  String name();

  /** The version of this codec's payload layout, written with every payload; starts at 1. */
  int version();

  /** The exact class of the objects it writes. */
  Class<T> type();

  /** Writes {@code value}'s configuration and state. */
  void write(T value, StateOutput out) throws IOException;

  /**
   * Reads an object written by {@link #write} of the given payload version.
   *
   * @throws ModelFormatException or any runtime exception if the payload is not valid
   */
  T read(StateInput in, int version) throws IOException;
}
