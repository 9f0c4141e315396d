package io.eddy.features;

import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;

/**
 * Min-max scaling whose range is the running minimum and maximum of the points learned so far:
 * the streaming form of {@link MinMaxScaler}, with the same {@link MinMaxScaler.Params}.
 * After learning a batch point by point its transform equals that of {@code MinMaxScaler}
 * fitted on the batch.
 *
 * <p>Memory is O(d) whatever the stream's length. Not thread-safe: one thread at a time; use
 * {@link #snapshot()} to share. {@link #learn} and {@link #transform} cost O(d) and allocate
 * nothing.
 */
public final class StreamingMinMaxScaler implements StreamingScaler {

  private final MinMaxScaler.Params params;
  private double[] min;
  private double[] max;
  private long seen;

  /** A scaler to [0, 1] with nothing learned. */
  public StreamingMinMaxScaler() {
    this(MinMaxScaler.Params.DEFAULTS);
  }

  /** A scaler with the given target range and clipping, nothing learned. */
  public StreamingMinMaxScaler(MinMaxScaler.Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
  }

  @Override
  public void learn(double[] point) {
    Points.require(point, min == null ? 0 : min.length);
    if (min == null) {
      min = point.clone();
      max = point.clone();
    } else {
      for (int j = 0; j < min.length; j++) {
        double v = point[j];
        if (v < min[j]) {
          min[j] = v;
        }
        if (v > max[j]) {
          max[j] = v;
        }
      }
    }
    seen++;
  }

  @Override
  public void transform(double[] in, double[] out) {
    requireLearned();
    Features.requireLengths(in, min.length, out, min.length);
    double width = params.max() - params.min();
    for (int j = 0; j < min.length; j++) {
      double range = max[j] - min[j];
      double scale = width / (range < 10 * Math.ulp(1.0) ? 1 : range);
      double v = in[j] * scale + (params.min() - min[j] * scale);
      if (params.clip()) {
        v = v < params.min() ? params.min() : (v > params.max() ? params.max() : v);
      }
      out[j] = v;
    }
  }

  @Override
  public void inverseTransform(double[] in, double[] out) {
    requireLearned();
    Features.requireLengths(in, min.length, out, min.length);
    double width = params.max() - params.min();
    for (int j = 0; j < min.length; j++) {
      double range = max[j] - min[j];
      double scale = width / (range < 10 * Math.ulp(1.0) ? 1 : range);
      out[j] = (in[j] - (params.min() - min[j] * scale)) / scale;
    }
  }

  private void requireLearned() {
    if (min == null) {
      throw new IllegalStateException("no point learned yet: the range is unknown");
    }
  }

  @Override
  public long seen() {
    return seen;
  }

  /** The configuration. */
  public MinMaxScaler.Params params() {
    return params;
  }

  /** The dimension, or 0 before the first point. */
  public int dimension() {
    return min == null ? 0 : min.length;
  }

  @Override
  public MinMaxScaler snapshot() {
    requireLearned();
    return MinMaxScaler.of(params, Features.defaultNames(min.length), min, max);
  }

  /** The codec of the full state, named {@code "features.streaming-minmax-scaler"}. */
  static final StateCodec<StreamingMinMaxScaler> CODEC = StateCodec.of("features.streaming-minmax-scaler", 1, StreamingMinMaxScaler.class,
      (s, out) -> {
        out.writeDouble(s.params.min());
        out.writeDouble(s.params.max());
        out.writeBoolean(s.params.clip());
        out.writeLong(s.seen);
        if (s.seen > 0) {
          out.writeDoubles(s.min);
          out.writeDoubles(s.max);
        }
      },
      (in, version) -> {
        StreamingMinMaxScaler s = new StreamingMinMaxScaler(
            new MinMaxScaler.Params(in.readDouble(), in.readDouble(), in.readBoolean()));
        long seen = in.readLong();
        if (seen < 0) {
          throw new ModelFormatException("negative count " + seen);
        }
        if (seen > 0) {
          double[] lo = in.readDoubles();
          double[] hi = in.readDoubles(lo.length);
          MinMaxScaler.of(s.params, Features.defaultNames(lo.length), lo, hi);
          s.min = lo;
          s.max = hi;
        }
        s.seen = seen;
        return s;
      });
}
