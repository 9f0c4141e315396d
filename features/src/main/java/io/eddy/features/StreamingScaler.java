package io.eddy.features;

/**
 * A scaler that learns its statistics one point at a time, for streams with no batch to fit
 * on: {@link StreamingMinMaxScaler} (running minimum and maximum), {@link
 * StreamingMaxAbsScaler} (running maximum absolute value); {@link StreamingStandardScaler}
 * keeps Welford's running mean and variance.
 *
 * <p>The dimension is fixed by the first learned point. Learning and transforming allocate
 * nothing. Implementations are used by one thread at a time; {@link #snapshot()} freezes the
 * current statistics into an immutable batch transformer that any thread may use.
 */
public interface StreamingScaler {

  /**
   * Updates the statistics with one point. O(d), allocation-free.
   *
   * @param point finite values, of the dimension fixed by the first point; not modified, not
   *     retained
   * @throws IllegalArgumentException if the point is invalid; the state is then unchanged
   */
  void learn(double[] point);

  /**
   * Scales one point with the statistics as they stand.
   *
   * @param in a point of the learned dimension; not modified
   * @param out its scaled version; modified; may be {@code in}
   * @throws IllegalStateException if nothing was learned yet
   */
  void transform(double[] in, double[] out);

  /** Maps a scaled point back, as {@link #transform} in reverse. */
  void inverseTransform(double[] in, double[] out);

  /** The number of points learned. */
  long seen();

  /** The current statistics as an immutable transformer with names {@code x0, x1, ...}. */
  InvertibleTransformer snapshot();
}
