package io.eddy.features;

import io.eddy.io.CodecProvider;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers the codecs of the features module with {@link io.eddy.io.ModelIO}, so fitted
 * transformers, encoders, streaming scalers and pipelines are written and read like models.
 * Found by {@link java.util.ServiceLoader}; stateless.
 */
public final class FeatureCodecs implements CodecProvider {

  private static final List<StateCodec<?>> ALL = List.of(
      StandardScaler.CODEC,
      MinMaxScaler.CODEC,
      RobustScaler.CODEC,
      MaxAbsScaler.CODEC,
      Log1pTransformer.CODEC,
      StreamingMinMaxScaler.CODEC,
      StreamingMaxAbsScaler.CODEC,
      StreamingStandardScaler.CODEC,
      OneHotEncoder.CODEC,
      OrdinalEncoder.CODEC,
      SimpleImputer.CODEC,
      KnnImputer.CODEC,
      Pca.CODEC,
      IncrementalRfm.CODEC,
      ColumnSubset.CODEC,
      Pipeline.CODEC,
      SegmentationBundle.CODEC);

  private static final Map<String, StateCodec<?>> BY_NAME = new HashMap<>();
  private static final Map<Class<?>, StateCodec<?>> BY_TYPE = new HashMap<>();

  static {
    for (StateCodec<?> c : ALL) {
      BY_NAME.put(c.name(), c);
      BY_TYPE.put(c.type(), c);
    }
  }

  /** For {@link java.util.ServiceLoader}. */
  public FeatureCodecs() {}

  @Override
  public List<StateCodec<?>> codecs() {
    return ALL;
  }

  /** Writes a part of a composite (a pipeline step) as its codec's name, version and payload. */
  static void writeNested(Object value, StateOutput out) throws IOException {
    StateCodec<?> c = BY_TYPE.get(value.getClass());
    if (c == null) {
      throw new IllegalArgumentException("no features codec for " + value.getClass().getName()
          + "; a persisted pipeline holds only the features module's own transformers");
    }
    out.writeString(c.name());
    out.writeInt(c.version());
    write(c, value, out);
  }

  @SuppressWarnings("unchecked")
  private static <T> void write(StateCodec<T> c, Object value, StateOutput out) throws IOException {
    c.write((T) value, out);
  }

  /** Reads a part written by {@link #writeNested}, checking its type. */
  static <T> T readNested(StateInput in, Class<T> type) throws IOException {
    String name = in.readString();
    StateCodec<?> c = BY_NAME.get(name);
    if (c == null) {
      throw new ModelFormatException("unknown nested codec '" + name + "'");
    }
    int version = in.readInt(1, c.version());
    Object value = c.read(in, version);
    if (!type.isInstance(value)) {
      throw new ModelFormatException("nested '" + name + "' is not a " + type.getSimpleName());
    }
    return type.cast(value);
  }
}
