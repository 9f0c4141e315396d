package io.eddy.online;

/** The argument checks every {@link io.eddy.Mergeable} clusterer of this package makes first. */
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
      throw new IllegalArgumentException("cannot merge " + otherParams + " into " + params);
    }
    if (d != 0 && otherD != 0 && d != otherD) {
      throw new IllegalArgumentException("cannot merge dimension " + otherD + " into dimension " + d);
    }
  }
}
