package io.eddy.io;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The primitives a {@link StateCodec} reads with, mirroring {@link StateOutput}. Every read is
 * bounds-checked against the payload, so a corrupt length can neither run past the end nor
 * allocate more than the payload could hold; such input throws {@link ModelFormatException}.
 */
public final class StateInput {

  private final ByteBuffer in;

  StateInput(byte[] payload) {
    this.in = ByteBuffer.wrap(payload);
  }

  int remaining() {
    return in.remaining();
  }

  private void need(long bytes) throws ModelFormatException {
    if (bytes < 0 || bytes > in.remaining()) {
      throw new ModelFormatException("payload ends early: needs " + bytes + " more bytes, has " + in.remaining());
    }
  }

  /**
   * Checks that at least {@code bytes} remain, before a reader allocates for sizes it has read:
   * a forged size then fails here instead of allocating more than the payload could describe.
   *
   * @throws ModelFormatException naming what the sizes need and what the payload holds
   */
  public void requireRemaining(long bytes, String what) throws ModelFormatException {
    if (bytes < 0 || bytes > in.remaining()) {
      throw new ModelFormatException(what + " needs at least " + bytes + " more bytes, the payload has "
          + in.remaining());
    }
  }

  /** Reads an int. */
  public int readInt() throws ModelFormatException {
    need(4);
    return in.getInt();
  }

  /** Reads an int and checks that it lies in {@code [min, max]}. */
  public int readInt(int min, int max) throws ModelFormatException {
    int v = readInt();
    if (v < min || v > max) {
      throw new ModelFormatException("value " + v + " out of range [" + min + ", " + max + "]");
    }
    return v;
  }

  /** Reads a long. */
  public long readLong() throws ModelFormatException {
    need(8);
    return in.getLong();
  }

  /** The largest count {@link #readCount} accepts: 2^62 − 1, so that the sum of two stays a long. */
  public static final long MAX_COUNT = (1L << 62) - 1;

  /**
   * Reads a count of points or ticks and checks that it lies in [0, {@link #MAX_COUNT}]: no
   * stream reaches 2^62 points, and a merge adds two counts.
   */
  public long readCount() throws ModelFormatException {
    long v = readLong();
    if (v < 0 || v > MAX_COUNT) {
      throw new ModelFormatException("count " + v + " out of range [0, 2^62 - 1]");
    }
    return v;
  }

  /** Reads a double. */
  public double readDouble() throws ModelFormatException {
    need(8);
    return in.getDouble();
  }

  /** Reads a boolean, rejecting any byte but 0 and 1. */
  public boolean readBoolean() throws ModelFormatException {
    need(1);
    byte b = in.get();
    if (b != 0 && b != 1) {
      throw new ModelFormatException("invalid boolean byte " + b);
    }
    return b == 1;
  }

  /** Reads a string. */
  public String readString() throws ModelFormatException {
    int n = length(1);
    byte[] b = new byte[n];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Reads an array of doubles. */
  public double[] readDoubles() throws ModelFormatException {
    int n = length(8);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.getDouble();
    }
    return a;
  }

  /** Reads an array of doubles that must have the given length. */
  public double[] readDoubles(int expectedLength) throws ModelFormatException {
    double[] a = readDoubles();
    if (a.length != expectedLength) {
      throw new ModelFormatException("array has length " + a.length + ", expected " + expectedLength);
    }
    return a;
  }

  /** Reads an array of the given length whose every value is finite. */
  public double[] readFiniteDoubles(int expectedLength) throws ModelFormatException {
    double[] a = readDoubles(expectedLength);
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i])) {
        throw new ModelFormatException("value " + a[i] + " at index " + i + " is not finite");
      }
    }
    return a;
  }

  /** Reads an array of the given length whose every value is a finite weight &ge; 0. */
  public double[] readWeights(int expectedLength) throws ModelFormatException {
    double[] a = readDoubles(expectedLength);
    for (int i = 0; i < a.length; i++) {
      if (!(a[i] >= 0 && a[i] < Double.POSITIVE_INFINITY)) {
        throw new ModelFormatException("weight " + a[i] + " at index " + i + " is not finite and >= 0");
      }
    }
    return a;
  }

  /** Reads an array of ints. */
  public int[] readInts() throws ModelFormatException {
    int n = length(4);
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.getInt();
    }
    return a;
  }

  /** Reads an array of longs. */
  public long[] readLongs() throws ModelFormatException {
    int n = length(8);
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.getLong();
    }
    return a;
  }

  /** Reads a matrix written by {@link StateOutput#writeMatrix}. */
  public double[][] readMatrix() throws ModelFormatException {
    int n = length(4);
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = readDoubles();
    }
    return m;
  }

  private int length(int elementBytes) throws ModelFormatException {
    int n = readInt();
    if (n < 0) {
      throw new ModelFormatException("negative length " + n);
    }
    need((long) n * elementBytes);
    return n;
  }
}
