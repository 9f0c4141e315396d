package io.eddy.flink;

import io.eddy.OnlineClusterer;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer for a learner's clusterer: the bytes are a {@link ModelIO} record
 * (length-prefixed), so checkpoints hold Eddy's own versioned, checksummed format and never
 * Kryo or Java serialization. Works for any registered clusterer, whose codec the record names.
 *
 * <p>With the heap state backend the live clusterer stays on the heap between events and is
 * written only at checkpoints ({@link #copy(OnlineClusterer)}, a {@code ModelIO} round trip,
 * serves copy-on-write during asynchronous snapshots); other backends serialise on every
 * access.
 */
public final class ClustererSerializer extends TypeSerializer<OnlineClusterer<?>> {

  private static final long serialVersionUID = 1L;

  /** The one instance; the serializer is stateless. */
  public static final ClustererSerializer INSTANCE = new ClustererSerializer();

  private ClustererSerializer() {
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<OnlineClusterer<?>> duplicate() {
    return this;
  }

  @Override
  public OnlineClusterer<?> createInstance() {
    return null;
  }

  @Override
  public OnlineClusterer<?> copy(OnlineClusterer<?> from) {
    try {
      return ModelIO.fromBytes(ModelIO.toBytes(from), OnlineClusterer.class);
    } catch (ModelFormatException e) {
      throw new UncheckedIOException("a clusterer did not read back its own record", e);
    }
  }

  @Override
  public OnlineClusterer<?> copy(OnlineClusterer<?> from, OnlineClusterer<?> reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(OnlineClusterer<?> record, DataOutputView target) throws IOException {
    byte[] bytes = ModelIO.toBytes(record);
    target.writeInt(bytes.length);
    target.write(bytes);
  }

  @Override
  public OnlineClusterer<?> deserialize(DataInputView source) throws IOException {
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    return ModelIO.fromBytes(bytes, OnlineClusterer.class);
  }

  @Override
  public OnlineClusterer<?> deserialize(OnlineClusterer<?> reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof ClustererSerializer;
  }

  @Override
  public int hashCode() {
    return ClustererSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<OnlineClusterer<?>> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The serializer has no configuration: the records describe themselves. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<OnlineClusterer<?>> {
    /** For Flink's snapshot reader. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
