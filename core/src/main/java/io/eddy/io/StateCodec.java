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
 * <p>Most codecs are built with {@link #of}. Codecs are stateless and thread-safe. Register them through
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

  /** The writing half of a codec, for {@link #of}. */
  @FunctionalInterface
  interface Writer<T> {
    /** As {@link StateCodec#write}. */
    void write(T value, StateOutput out) throws IOException;
  }

  /** The reading half of a codec, for {@link #of}. */
  @FunctionalInterface
  interface Reader<T> {
    /** As {@link StateCodec#read}. */
    T read(StateInput in, int version) throws IOException;
  }

  /**
   * A codec from its name, payload version, type and the two functions that do the work.
   *
   * @throws IllegalArgumentException if an argument is null or empty, or the version is below 1
   */
  static <T> StateCodec<T> of(String name, int version, Class<T> type, Writer<T> writer, Reader<T> reader) {
    if (name == null || name.isEmpty() || type == null || writer == null || reader == null) {
      throw new IllegalArgumentException("codec name, type, writer and reader must all be given");
    }
    if (version < 1) {
      throw new IllegalArgumentException("codec '" + name + "' version is " + version + ", expected >= 1");
    }
    return new StateCodec<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int version() {
        return version;
      }

      @Override
      public Class<T> type() {
        return type;
      }

      @Override
      public void write(T value, StateOutput out) throws IOException {
        writer.write(value, out);
      }

      @Override
      public T read(StateInput in, int v) throws IOException {
        return reader.read(in, v);
      }

      @Override
      public String toString() {
        return "StateCodec[" + name + " v" + version + "]";
      }
    };
  }
}
