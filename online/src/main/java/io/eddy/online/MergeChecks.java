package io.eddy.online;

/**
 * What every {@link io.eddy.Mergeable} clusterer of this package shares: the argument checks
 * it makes first, and the private copy a merge into a fresh clusterer adopts.
 */
final class MergeChecks {

  private MergeChecks() {
  }

  /**
   * Rejects a null or identical other, another configuration and another dimension (0 means
   * none yet and fits any).
   *
   * @throws IllegalArgumentException naming what does not match
   */
  static void require(Object self, Object other, Object params, Object otherParams, int d, int otherD) {
    if (other == null || other == self) {
      throw new IllegalArgumentException("cannot merge with " + (other == null ? "null" : "itself"));
    }
    if (!params.equals(otherParams)) {
      throw new IllegalArgumentException("cannot merge configuration " + otherParams + " into " + params);
    }
    if (d != 0 && otherD != 0 && d != otherD) {
      throw new IllegalArgumentException("cannot merge dimension " + otherD + " into dimension " + d);
    }
  }

  /**
   * Part {@code part}'s share of an integer total split into {@code parts}: the quotient, plus
   * one for the first {@code total mod parts} parts, so that the shares add up to the total.
   */
  static long share(long total, int part, int parts) {
    return total / parts + (part < total % parts ? 1 : 0);
  }

  /**
   * Whether a {@code 1 / parts} share of {@code weight} would fall below the normal doubles,
   * where the share loses its precision (and its quotients with the scaled sums lose theirs),
   * or to 0: a split should then be refused.
   */
  static boolean shareUnderflows(double weight, int parts) {
    return weight > 0 && weight / parts < Double.MIN_NORMAL;
  }

  /** A private deep copy through the clusterer's own codec. */
  static <T> T copyOf(T c, Class<T> type) {
    try {
      return io.eddy.io.ModelIO.fromBytes(io.eddy.io.ModelIO.toBytes(c), type);
    } catch (io.eddy.io.ModelFormatException e) {
      throw new IllegalStateException("a state did not read back its own record", e);
    }
  }
}
