package io.eddy.online;

import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateInput;

/**
 * The bounds a codec checks on the values of a saved state beyond their finiteness: what no
 * learned state exceeds, so that a forged record (with a valid checksum) holding a weight of
 * 1e300 or a centre of 1e200 is a {@link ModelFormatException} rather than a state whose
 * snapshot throws or whose next step overflows.
 */
final class StateLimits {

  /**
   * The largest total weight a learned state holds: {@link StateInput#MAX_COUNT} points of
   * {@link Points#MAX_WEIGHT} each (2^62·1e50, about 4.6e68).
   */
  static final double MAX_TOTAL_WEIGHT = StateInput.MAX_COUNT * Points.MAX_WEIGHT;

  /** Slack on the mean of a saved sum: the sum and its weight were both rounded. */
  private static final double SLACK = 1 + 0x1p-40;

  private StateLimits() {}

  /** Throws unless {@code w} is in [0, {@link #MAX_TOTAL_WEIGHT}]. */
  static void requireWeight(String what, double w) throws ModelFormatException {
    if (!(w >= 0 && w <= MAX_TOTAL_WEIGHT)) {
      throw new ModelFormatException(what + " has weight " + w + ", expected a value in [0, "
          + MAX_TOTAL_WEIGHT + "]");
    }
  }

  /**
   * Throws unless the weight {@code n} is in [0, {@link #MAX_TOTAL_WEIGHT}] and each of the
   * {@code d} sums is at most {@code n·}{@link Points#MAX_ABS} in magnitude (up to rounding), as
   * the sums of points within that range are: then their means lie within it. A weight that
   * faded below the normal doubles has lost digits, so its sums are bounded by those of
   * {@link Double#MIN_NORMAL} instead.
   */
  static void requireFeature(String what, double n, double[] sums, int off, int d) throws ModelFormatException {
    requireWeight(what, n);
    double bound = SLACK * Points.MAX_ABS * Math.max(n, Double.MIN_NORMAL);
    for (int i = 0; i < d; i++) {
      double v = sums[off + i];
      if (!(Math.abs(v) <= bound)) {
        throw new ModelFormatException(what + " has a mean of " + v / n + ", beyond Points.MAX_ABS");
      }
    }
  }

  /**
   * Throws unless each of {@code len} values from {@code off} lies within
   * &plusmn;{@link Points#MAX_ABS}, up to the rounding of a mean of values there.
   */
  static void requireCoordinates(String what, double[] v, int off, int len) throws ModelFormatException {
    for (int i = off; i < off + len; i++) {
      if (!(Math.abs(v[i]) <= SLACK * Points.MAX_ABS)) {
        throw new ModelFormatException(what + " has the coordinate " + v[i] + ", beyond Points.MAX_ABS");
      }
    }
  }
}
