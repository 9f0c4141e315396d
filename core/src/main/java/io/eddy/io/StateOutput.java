package io.eddy.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The primitives a {@link StateCodec} writes with: big-endian numbers, length-prefixed arrays
 * and strings. Arrays are written whole; every double keeps its exact bits.
 */
public final class StateOutput {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
  private final DataOutputStream out = new DataOutputStream(bytes);

  StateOutput() {}

  byte[] toByteArray() {
    return bytes.toByteArray();
  }

  /** Writes an int. */
  public void writeInt(int v) throws IOException {
    out.writeInt(v);
  }

  /** Writes a long. */
  public void writeLong(long v) throws IOException {
    out.writeLong(v);
  }

  /** Writes a double, bit for bit. */
  public void writeDouble(double v) throws IOException {
    out.writeDouble(v);
  }

  /** Writes a boolean. */
  public void writeBoolean(boolean v) throws IOException {
    out.writeBoolean(v);
  }

  /** Writes a string (UTF-8, length-prefixed); may be any length. */
  public void writeString(String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** Writes an array of doubles with its length. */
  public void writeDoubles(double[] a) throws IOException {
    out.writeInt(a.length);
    for (double v : a) {
      out.writeDouble(v);
    }
  }

  /** Writes an array of ints with its length. */
  public void writeInts(int[] a) throws IOException {
    out.writeInt(a.length);
    for (int v : a) {
      out.writeInt(v);
    }
  }

  /** Writes an array of longs with its length. */
  public void writeLongs(long[] a) throws IOException {
    out.writeInt(a.length);
    for (long v : a) {
      out.writeLong(v);
    }
  }

  /** Writes a rectangular or ragged matrix of doubles, row by row. */
  public void writeMatrix(double[][] m) throws IOException {
    out.writeInt(m.length);
    for (double[] row : m) {
      writeDoubles(row);
    }
  }
}
