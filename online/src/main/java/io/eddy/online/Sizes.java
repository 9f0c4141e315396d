package io.eddy.online;

import java.util.Locale;

/**
 * The check an online clusterer makes before its first allocation sized by its configuration
 * and the dimension of the first point, so that a configuration the registry accepts but this
 * heap cannot hold (k = 2^24 centers of dimension 1000, say) is an
 * {@link IllegalArgumentException} that leaves the clusterer fresh, rather than a
 * {@link NegativeArraySizeException} or an {@link OutOfMemoryError} that leaves it broken.
 */
final class Sizes {

  /** The most elements one Java array reliably holds. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private Sizes() {}

  /**
   * Throws unless {@code largest} doubles fit one array and {@code total} doubles fit the heap
   * that is free now.
   *
   * @param what what the arrays hold, for the message, e.g. "8 centers of dimension 3"
   * @param advice what to change, e.g. "lower k"
   */
  static void require(long largest, long total, String what, String advice) {
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (largest > MAX_ARRAY || largest < 0 || total < 0) {
      throw new IllegalArgumentException(what + " need " + largest + " values in one array, more than one"
          + " Java array holds (" + MAX_ARRAY + "): " + advice);
    }
    if (8 * total > free) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s need %.1f MiB, but the heap has %.1f MiB free (-Xmx): %s",
          what, 8 * total / 1048576.0, free / 1048576.0, advice));
    }
  }
}
