package io.eddy.features;

import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;

/**
 * Standardises a stream of vectors to zero mean and unit variance with statistics learned
 * from the stream itself, one point at a time.
 *
 * <p>Means and variances are updated with Welford's algorithm (B. P. Welford, Technometrics
 * 4(3), 1962), which stays accurate where the naive sum-of-squares formula cancels
 * catastrophically. The variance is the population variance (divided by n), as scikit-learn's
 * {@code StandardScaler} uses; a feature with zero variance so far is centred but not scaled
 * (scale 1), again as scikit-learn does.
 *
 * <p>{@link #learn(double[])}, {@link #transform(double[], double[])} and
 * {@link #inverseTransform(double[], double[])} take O(d) time and allocate nothing. Memory is
 * O(d). Not thread-safe: use from one thread at a time.
 */
public final class StreamingStandardScaler implements StreamingScaler {

  private int d;
  private long n;
  private double[] mean;
  private double[] m2;

  /** An empty scaler; the first learned point fixes the dimension. */
  public StreamingStandardScaler() {}

  /**
   * Updates the statistics with one point.
   *
   * @param point a finite vector of the scaler's dimension; not modified
   * @throws IllegalArgumentException if the point has the wrong length or is not finite
   */
  @Override
  public void learn(double[] point) {
    Points.require(point, d);
    if (d == 0) {
      d = point.length;
      mean = new double[d];
      m2 = new double[d];
    }
    n++;
    double inv = 1.0 / n;
    for (int j = 0; j < d; j++) {
      double delta = point[j] - mean[j];
      mean[j] += delta * inv;
      m2[j] += delta * (point[j] - mean[j]);
    }
  }

  /**
   * Writes the standardised {@code point} into {@code out}: {@code (x - mean) / std}.
   *
   * @param point the vector to scale; not modified
   * @param out an array of the scaler's dimension; modified (may be {@code point} itself)
   * @throws IllegalStateException if nothing has been learned yet
   */
  @Override
  public void transform(double[] point, double[] out) {
    requireFitted();
    Points.require(point, d);
    requireOut(out);
    for (int j = 0; j < d; j++) {
      out[j] = (point[j] - mean[j]) / scale(j);
    }
  }

  /** As {@link #transform(double[], double[])}, into a new array. */
  public double[] transform(double[] point) {
    double[] out = new double[point == null ? 0 : point.length];
    transform(point, out);
    return out;
  }

  /**
   * Writes the original-units vector of a standardised one into {@code out}:
   * {@code z * std + mean}.
   *
   * @param scaled a vector in standardised units; not modified
   * @param out an array of the scaler's dimension; modified (may be {@code scaled} itself)
   * @throws IllegalStateException if nothing has been learned yet
   */
  @Override
  public void inverseTransform(double[] scaled, double[] out) {
    requireFitted();
    Points.require(scaled, d);
    requireOut(out);
    for (int j = 0; j < d; j++) {
      out[j] = scaled[j] * scale(j) + mean[j];
    }
  }

  /** As {@link #inverseTransform(double[], double[])}, into a new array. */
  public double[] inverseTransform(double[] scaled) {
    double[] out = new double[scaled == null ? 0 : scaled.length];
    inverseTransform(scaled, out);
    return out;
  }

  private double scale(int j) {
    double var = m2[j] / n;
    return var > 0 ? Math.sqrt(var) : 1.0;
  }

  private void requireFitted() {
    if (n == 0) {
      throw new IllegalStateException("the scaler has learned no point yet");
    }
  }

  private void requireOut(double[] out) {
    if (out == null || out.length != d) {
      throw new IllegalArgumentException("out has length " + (out == null ? "null" : out.length)
          + ", expected " + d);
    }
  }

  /** The running mean of each feature, a new array. */
  public double[] mean() {
    requireFitted();
    return mean.clone();
  }

  /** The running population standard deviation of each feature, a new array. */
  public double[] std() {
    requireFitted();
    double[] s = new double[d];
    for (int j = 0; j < d; j++) {
      s[j] = Math.sqrt(m2[j] / n);
    }
    return s;
  }

  /** The number of points learned. */
  public long count() {
    return n;
  }

  /** The dimension, or 0 before the first point. */
  public int dimension() {
    return d;
  }

  /** The number of points learned; the same as {@link #count()}. */
  @Override
  public long seen() {
    return n;
  }

  /**
   * The current mean and scale as an immutable {@link StandardScaler} with names
   * {@code x0, x1, ...}; it transforms exactly as this scaler does now.
   *
   * @throws IllegalStateException if nothing has been learned yet
   */
  @Override
  public StandardScaler snapshot() {
    requireFitted();
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      scale[j] = scale(j);
    }
    return StandardScaler.of(StandardScaler.Params.DEFAULTS, Features.defaultNames(d), mean, scale);
  }

  /**
   * The codec of the full learning state (count, means and sums of squared deviations, bit for
   * bit), named {@code "features.streaming-standard-scaler"}: a restored scaler continues
   * exactly as the original would.
   */
  static final StateCodec<StreamingStandardScaler> CODEC = StateCodec.of("features.streaming-standard-scaler", 1, StreamingStandardScaler.class,
      (s, out) -> {
        out.writeLong(s.n);
        if (s.n > 0) {
          out.writeDoubles(s.mean);
          out.writeDoubles(s.m2);
        }
      },
      (in, version) -> {
        StreamingStandardScaler s = new StreamingStandardScaler();
        long count = in.readLong();
        if (count < 0) {
          throw new ModelFormatException("negative count " + count);
        }
        if (count > 0) {
          double[] mean = in.readDoubles();
          double[] m2 = in.readDoubles(mean.length);
          if (mean.length == 0) {
            throw new ModelFormatException("empty state for a non-empty scaler");
          }
          for (int j = 0; j < mean.length; j++) {
            if (!Double.isFinite(mean[j]) || !(m2[j] >= 0) || m2[j] == Double.POSITIVE_INFINITY) {
              throw new ModelFormatException("invalid statistics at index " + j + ": mean " + mean[j] + ", m2 " + m2[j]);
            }
          }
          s.d = mean.length;
          s.mean = mean;
          s.m2 = m2;
        }
        s.n = count;
        return s;
      });
}
