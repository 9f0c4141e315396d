package io.eddy.dashboard;

/**
 * The most recent points offered to the dashboard, in original units, in a fixed ring: what the
 * scatter draws and what the quality indices are measured on. Thread-safe (one lock; an offer
 * copies one row).
 */
final class Sample {

  private final double[][] ring;
  private final int dimension;
  private long offered;

  Sample(int capacity, int dimension) {
    this.ring = new double[capacity][];
    this.dimension = dimension;
  }

  /**
   * Keeps a copy of {@code raw}, replacing the oldest point when full.
   *
   * @throws IllegalArgumentException if the point has the wrong length or is not finite
   */
  void offer(double[] raw) {
    if (raw == null || raw.length != dimension) {
      throw new IllegalArgumentException("the point has " + (raw == null ? "no" : Integer.toString(raw.length))
          + " values, expected " + dimension);
    }
    for (int j = 0; j < raw.length; j++) {
      if (!Double.isFinite(raw[j])) {
        throw new IllegalArgumentException("value " + (j + 1) + " of the point is " + raw[j] + ", expected a finite number");
      }
    }
    if (ring.length == 0) {
      return;
    }
    double[] copy = raw.clone();
    synchronized (this) {
      ring[(int) (offered % ring.length)] = copy;
      offered++;
    }
  }

  /** How many points have been offered so far; it changes whenever the sample does. */
  synchronized long version() {
    return offered;
  }

  /** The points held, oldest first (the rows themselves, which are never modified). */
  synchronized double[][] points() {
    int n = (int) Math.min(offered, ring.length);
    double[][] out = new double[n][];
    long first = offered - n;
    for (int i = 0; i < n; i++) {
      out[i] = ring[(int) ((first + i) % ring.length)];
    }
    return out;
  }
}
