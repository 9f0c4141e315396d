package io.eddy.testkit;

import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * Forged {@link ModelIO} records, for testing a codec against a hostile file. A checksum guards
 * against corruption, not forgery: a record whose payload was rewritten on purpose (a size of
 * 2^30, a negative counter, a counter beyond 2^62, NaN where a weight belongs) arrives with a
 * correct checksum, and the codec alone stands between it and the service that loads it.
 *
 * <p>{@link #check} rewrites the payload of a valid state's record, seeded, and requires of
 * each forgery what {@link ModelIO#read} promises: a state that saves and loads again to the
 * same bytes, or {@link ModelFormatException}; never another exception or error (an {@code
 * OutOfMemoryError} included), and never a state that cannot be saved and loaded. A failure
 * names the codec, the seed and the case, so it can be replayed.
 *
 * <p>Stateless; safe to use from several threads.
 */
public final class ForgedRecords {

  /** Values forged into 4- and 8-byte fields: sizes, counters, and doubles by their bits. */
  private static final long[] EXTREMES = {0, 1, -1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 16,
      1 << 20, 1 << 30, 46_341, 65_536, (1L << 62) + 1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40,
      Double.doubleToLongBits(Double.NaN), Double.doubleToLongBits(Double.POSITIVE_INFINITY),
      Double.doubleToLongBits(Double.NEGATIVE_INFINITY), Double.doubleToLongBits(-1.0),
      Double.doubleToLongBits(1e308), Double.doubleToLongBits(-1e308), Double.doubleToLongBits(1e-320),
      Double.doubleToLongBits(-0.0)};

  private ForgedRecords() {}

  /**
   * A record of codec {@code codec}, payload version {@code version}, around {@code payload},
   * with a correct checksum: what {@link ModelIO#write} would frame. O(payload).
   */
  public static byte[] frame(String codec, int version, byte[] payload) {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(buf);
      out.write(new byte[] {'E', 'D', 'D', 'Y'});
      out.writeInt(ModelIO.FORMAT_VERSION);
      byte[] name = codec.getBytes(StandardCharsets.UTF_8);
      out.writeShort(name.length);
      out.write(name);
      out.writeInt(version);
      out.writeInt(payload.length);
      out.write(payload);
      CRC32 crc = new CRC32();
      crc.update(buf.toByteArray());
      out.writeInt((int) crc.getValue());
      return buf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /**
   * Forges {@code cases} records from {@code state}'s and reads each back (see the class
   * description). Each forgery overwrites one to three 4- or 8-byte fields at random offsets
   * with extreme or random values, or cuts or extends the payload. O(cases × read cost).
   *
   * @param state a state {@link ModelIO} can write
   * @param seed the seed of the forgeries
   * @param cases how many to try, &ge; 1
   * @throws AssertionError naming the codec, seed and case of the first forgery that broke
   *     the promise
   */
  public static void check(Object state, long seed, int cases) {
    byte[] valid = ModelIO.toBytes(state);
    String codec;
    int version;
    byte[] payload;
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(valid));
      in.skipNBytes(8); // magic and format version
      codec = new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8);
      version = in.readInt();
      payload = in.readNBytes(in.readInt());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int c = 0; c < cases; c++) {
      byte[] forged = forge(payload, random);
      String where = "codec '" + codec + "', seed " + seed + ", case " + c;
      Object value;
      try {
        value = ModelIO.fromBytes(frame(codec, version, forged), Object.class);
      } catch (ModelFormatException expected) {
        continue;
      } catch (Throwable t) {
        throw new AssertionError(where + ": reading the forged record threw " + t
            + " instead of ModelFormatException", t);
      }
      byte[] written = ModelIO.toBytes(value);
      byte[] again;
      try {
        again = ModelIO.toBytes(ModelIO.fromBytes(written, Object.class));
      } catch (Throwable t) {
        throw new AssertionError(where + ": the state it loaded saves but does not load back: " + t, t);
      }
      if (!Arrays.equals(again, written)) {
        throw new AssertionError(where + ": the state it loaded changes when saved and loaded again");
      }
    }
  }

  private static byte[] forge(byte[] payload, SplittableRandom random) {
    byte[] p = payload.clone();
    for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
      int kind = random.nextInt(10);
      if (kind == 0) {
        return Arrays.copyOf(p, random.nextInt(p.length + 16));
      }
      int width = kind < 6 ? 4 : 8;
      if (p.length < width) {
        continue;
      }
      long v = random.nextInt(4) == 0 ? random.nextLong() : EXTREMES[random.nextInt(EXTREMES.length)];
      ByteBuffer b = ByteBuffer.wrap(p);
      int at = random.nextInt(p.length - width + 1);
      if (width == 4) {
        b.putInt(at, (int) v);
      } else {
        b.putLong(at, v);
      }
    }
    return p;
  }
}
