package io.eddy.io;

import io.eddy.ClustererProvider;
import io.eddy.Clusterers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * Writes and reads models and online clusterers' learning states: the single entry point of
 * Eddy's persistence.
 *
 * <p>The format is versioned and self-describing. A record is:
 * <pre>
 *   magic        4 bytes  "EDDY"
 *   format       int      {@value #FORMAT_VERSION}
 *   codec        UTF      the {@link StateCodec#name()}, e.g. "sequential-kmeans.state"
 *   version      int      the codec's payload version
 *   length       int      payload bytes
 *   payload      bytes    the codec's configuration and state
 *   crc32        int      over everything above
 * </pre>
 * Numbers are big-endian. Doubles keep their exact bits, so a restored online clusterer
 * continues bit for bit as if it had never stopped. Several records may follow each other in
 * one stream; {@link #read(InputStream)} reads exactly one. No Java serialization is involved.
 *
 * <p>Corrupt or truncated input always ends in a {@link ModelFormatException}, never in
 * another exception or a half-built object. All methods are thread-safe.
 */
public final class ModelIO {

  /** The version of the container format written by this release. */
  public static final int FORMAT_VERSION = 1;

  private static final byte[] MAGIC = {'E', 'D', 'D', 'Y'};

  private ModelIO() {}

  private static final class Registry {
    static final Map<String, StateCodec<?>> BY_NAME;
    static final Map<Class<?>, StateCodec<?>> BY_TYPE;

    static {
      Map<String, StateCodec<?>> byName = new HashMap<>();
      Map<Class<?>, StateCodec<?>> byType = new HashMap<>();
      List<StateCodec<?>> all = new ArrayList<>();
      for (ClustererProvider p : Clusterers.providers()) {
        all.addAll(p.codecs());
      }
      for (CodecProvider p : ServiceLoader.load(CodecProvider.class, ModelIO.class.getClassLoader())) {
        all.addAll(p.codecs());
      }
      for (StateCodec<?> c : all) {
        StateCodec<?> clash = byName.putIfAbsent(c.name(), c);
        if (clash != null && clash.getClass() != c.getClass()) {
          throw new IllegalStateException("two codecs are named '" + c.name() + "': "
              + clash.getClass().getName() + " and " + c.getClass().getName());
        }
        byType.putIfAbsent(c.type(), c);
      }
      BY_NAME = Collections.unmodifiableMap(byName);
      BY_TYPE = Collections.unmodifiableMap(byType);
    }
  }

  /**
   * Writes {@code value} as one record.
   *
   * @param value a model or online clusterer that has a registered codec; not modified
   * @param out where to write; not closed
   * @throws IllegalArgumentException if no codec is registered for the value's class
   * @throws IOException if writing fails
   */
  public static void write(Object value, OutputStream out) throws IOException {
    StateCodec<?> codec = codecFor(value);
    StateOutput payload = new StateOutput();
    writeWith(codec, value, payload);
    byte[] body = payload.toByteArray();

    ByteArrayOutputStream header = new ByteArrayOutputStream(64);
    DataOutputStream h = new DataOutputStream(header);
    h.write(MAGIC);
    h.writeInt(FORMAT_VERSION);
    h.writeUTF(codec.name());
    h.writeInt(codec.version());
    h.writeInt(body.length);
    byte[] head = header.toByteArray();

    CRC32 crc = new CRC32();
    crc.update(head);
    crc.update(body);
    DataOutputStream o = new DataOutputStream(out);
    o.write(head);
    o.write(body);
    o.writeInt((int) crc.getValue());
    o.flush();
  }

  @SuppressWarnings("unchecked")
  private static <T> void writeWith(StateCodec<T> codec, Object value, StateOutput out) throws IOException {
    codec.write((T) value, out);
  }

  /** {@link #write(Object, OutputStream)} into a new byte array. */
  public static byte[] toBytes(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(value, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** {@link #write(Object, OutputStream)} to a file, replacing it. */
  public static void write(Object value, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(value, out);
    }
  }

  /**
   * Reads one record.
   *
   * @param in where to read; not closed; left just after the record
   * @return the model or clusterer, fully built
   * @throws ModelFormatException if the input is not a valid record: bad magic, unsupported
   *     format version, unknown codec, truncated, checksum mismatch, or invalid payload
   * @throws IOException if reading fails
   */
  public static Object read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    CRC32 crc = new CRC32();
    try {
      byte[] magic = data.readNBytes(MAGIC.length);
      if (magic.length < MAGIC.length) {
        throw new ModelFormatException("input ends before the magic bytes (" + magic.length + " of 4 bytes)");
      }
      for (int i = 0; i < MAGIC.length; i++) {
        if (magic[i] != MAGIC[i]) {
          throw new ModelFormatException("not an Eddy record: bad magic bytes");
        }
      }
      crc.update(magic);
      byte[] headerRest = new byte[4];
      data.readFully(headerRest);
      crc.update(headerRest);
      int format = ((headerRest[0] & 0xff) << 24) | ((headerRest[1] & 0xff) << 16)
          | ((headerRest[2] & 0xff) << 8) | (headerRest[3] & 0xff);
      if (format != FORMAT_VERSION) {
        throw new ModelFormatException("unsupported format version " + format
            + "; this release reads version " + FORMAT_VERSION);
      }
      int nameLength = data.readUnsignedShort();
      byte[] nameBytes = new byte[nameLength];
      data.readFully(nameBytes);
      crc.update(new byte[] {(byte) (nameLength >>> 8), (byte) nameLength});
      crc.update(nameBytes);
      String name = new String(nameBytes, java.nio.charset.StandardCharsets.UTF_8);
      int version = data.readInt();
      int length = data.readInt();
      crc.update(intBytes(version));
      crc.update(intBytes(length));
      if (length < 0) {
        throw new ModelFormatException("negative payload length " + length);
      }
      byte[] payload = data.readNBytes(length);
      if (payload.length < length) {
        throw new ModelFormatException("truncated: payload has " + payload.length + " of " + length + " bytes");
      }
      crc.update(payload);
      int expected = data.readInt();
      if (expected != (int) crc.getValue()) {
        throw new ModelFormatException("checksum mismatch: the record is corrupt");
      }
      StateCodec<?> codec = Registry.BY_NAME.get(name);
      if (codec == null) {
        throw new ModelFormatException("no codec named '" + name + "' is registered; known: "
            + new TreeSet<>(Registry.BY_NAME.keySet()));
      }
      if (version < 1 || version > codec.version()) {
        throw new ModelFormatException("codec '" + name + "' payload version " + version
            + " is not supported; this release reads versions 1 to " + codec.version());
      }
      StateInput state = new StateInput(payload);
      Object value;
      try {
        value = codec.read(state, version);
      } catch (ModelFormatException e) {
        throw new ModelFormatException("invalid '" + name + "' payload: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new ModelFormatException("invalid '" + name + "' payload: " + e, e);
      }
      if (value == null) {
        throw new ModelFormatException("codec '" + name + "' produced no object");
      }
      if (state.remaining() != 0) {
        throw new ModelFormatException("invalid '" + name + "' payload: " + state.remaining() + " bytes left unread");
      }
      return value;
    } catch (EOFException e) {
      throw new ModelFormatException("truncated record", e);
    }
  }

  private static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  /**
   * Reads one record and checks its type.
   *
   * @throws ModelFormatException if the input is invalid or holds another type
   */
  public static <T> T read(InputStream in, Class<T> type) throws IOException {
    Object value = read(in);
    if (!type.isInstance(value)) {
      throw new ModelFormatException("record holds a " + value.getClass().getName()
          + ", expected a " + type.getName());
    }
    return type.cast(value);
  }

  /** {@link #read(InputStream, Class)} from a byte array; trailing bytes are an error. */
  public static <T> T fromBytes(byte[] bytes, Class<T> type) throws ModelFormatException {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    T value;
    try {
      value = read(in, type);
    } catch (ModelFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new ModelFormatException("unreadable record", e);
    }
    if (in.available() != 0) {
      throw new ModelFormatException(in.available() + " bytes follow the record");
    }
    return value;
  }

  /** {@link #read(InputStream, Class)} from a file. */
  public static <T> T read(Path file, Class<T> type) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, type);
    }
  }

  /** Whether {@link #write} can write objects of this class. */
  public static boolean canWrite(Class<?> type) {
    return Registry.BY_TYPE.containsKey(type);
  }

  private static StateCodec<?> codecFor(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("value is null");
    }
    StateCodec<?> c = Registry.BY_TYPE.get(value.getClass());
    if (c == null) {
      throw new IllegalArgumentException("no codec is registered for " + value.getClass().getName()
          + "; a plug-in registers codecs through ClustererProvider.codecs()");
    }
    return c;
  }
}
