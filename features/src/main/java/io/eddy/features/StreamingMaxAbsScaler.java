package io.eddy.features;

import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;

/**
 * Max-abs scaling whose scale is the running maximum absolute value of each feature: the
 * streaming form of {@link MaxAbsScaler}. Each feature is divided by the largest magnitude
 * seen so far, so values land in [-1, 1] and zeros stay zeros (sparsity is kept); a feature
 * seen only as 0, or with magnitudes below {@code 10 * ulp(1)} (about 2.2e-15), is left as it
 * is, as in {@link MaxAbsScaler}. After learning a batch point by point its transform equals
 * that of {@code MaxAbsScaler} fitted on the batch.
 *
 * <p>Memory is O(d) whatever the stream's length. Not thread-safe: one thread at a time; use
 * {@link #snapshot()} to share. {@link #learn} and {@link #transform} cost O(d) and allocate
 * nothing.
 */
public final class StreamingMaxAbsScaler implements StreamingScaler {

  private double[] maxAbs;
  private long seen;

  /** A scaler with nothing learned; the first point fixes the dimension. */
  public StreamingMaxAbsScaler() {}

  @Override
  public void learn(double[] point) {
    Points.require(point, maxAbs == null ? 0 : maxAbs.length);
    if (maxAbs == null) {
      maxAbs = new double[point.length];
    }
    for (int j = 0; j < maxAbs.length; j++) {
      double v = Math.abs(point[j]);
      if (v > maxAbs[j]) {
        maxAbs[j] = v;
      }
    }
    seen++;
  }

  @Override
  public void transform(double[] in, double[] out) {
    requireLearned();
    Features.requireLengths(in, maxAbs.length, out, maxAbs.length);
    for (int j = 0; j < maxAbs.length; j++) {
      out[j] = in[j] / MaxAbsScaler.scaleOf(maxAbs[j]);
    }
  }

  @Override
  public void inverseTransform(double[] in, double[] out) {
    requireLearned();
    Features.requireLengths(in, maxAbs.length, out, maxAbs.length);
    for (int j = 0; j < maxAbs.length; j++) {
      out[j] = in[j] * MaxAbsScaler.scaleOf(maxAbs[j]);
    }
  }

  private void requireLearned() {
    if (maxAbs == null) {
      throw new IllegalStateException("no point learned yet: the scale is unknown");
    }
  }

  @Override
  public long seen() {
    return seen;
  }

  /** The dimension, or 0 before the first point. */
  public int dimension() {
    return maxAbs == null ? 0 : maxAbs.length;
  }

  @Override
  public MaxAbsScaler snapshot() {
    requireLearned();
    return MaxAbsScaler.of(Features.defaultNames(maxAbs.length), maxAbs);
  }

  /** The codec of the full state, named {@code "features.streaming-maxabs-scaler"}. */
  static final StateCodec<StreamingMaxAbsScaler> CODEC = StateCodec.of("features.streaming-maxabs-scaler", 1, StreamingMaxAbsScaler.class,
      (s, out) -> {
        out.writeLong(s.seen);
        if (s.seen > 0) {
          out.writeDoubles(s.maxAbs);
        }
      },
      (in, version) -> {
        StreamingMaxAbsScaler s = new StreamingMaxAbsScaler();
        long seen = in.readLong();
        if (seen < 0) {
          throw new ModelFormatException("negative count " + seen);
        }
        if (seen > 0) {
          double[] m = in.readDoubles();
          MaxAbsScaler.of(Features.defaultNames(m.length), m); // validates: finite, >= 0
          s.maxAbs = m;
        }
        s.seen = seen;
        return s;
      });
}
