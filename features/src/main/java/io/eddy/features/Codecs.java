package io.eddy.features;

import io.eddy.io.ModelFormatException;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Shared pieces of the feature codecs. */
final class Codecs {

  private Codecs() {}

  static void writeNames(StateOutput out, List<String> names) throws IOException {
    out.writeInt(names.size());
    for (int i = 0; i < names.size(); i++) {
      out.writeString(names.get(i));
    }
  }

  static List<String> readNames(StateInput in) throws ModelFormatException {
    int n = in.readInt(0, 1 << 24);
    List<String> names = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      names.add(in.readString());
    }
    return names;
  }

  static <E extends Enum<E>> E readEnum(StateInput in, Class<E> type) throws ModelFormatException {
    E[] values = type.getEnumConstants();
    return values[in.readInt(0, values.length - 1)];
  }
}
