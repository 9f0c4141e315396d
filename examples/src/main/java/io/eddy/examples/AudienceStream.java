package io.eddy.examples;

import java.util.SplittableRandom;

/**
 * A deterministic synthetic audience: web sessions drawn from a handful of planted segments
 * whose behaviour drifts over time, for demos and tests.
 *
 * <p>Each session is a vector of {@link #FEATURES}: items bought, order value in dollars,
 * unique products viewed, duration in minutes, and hour of day. Every segment has a mean and a
 * spread per feature; over the stream its mean moves linearly from {@code start} to
 * {@code end}, so that a clusterer has to follow it. The same seed gives the same sessions.
 *
 * <p>Not thread-safe. {@link #next(double[])} allocates nothing.
 */
public final class AudienceStream {

  /** The feature names, in vector order. */
  public static final String[] FEATURES = {"items", "value", "products", "minutes", "hour"};

  /** The planted segments' names, by label. */
  public static final String[] SEGMENTS = {
    "window shoppers", "bargain hunters", "big spenders", "night owls", "quick buyers"
  };

  // Per segment: start mean, end mean, spread (per feature); shares of traffic.
  private static final double[][] START = {
    {0.2, 4, 25, 18, 14},
    {4, 60, 12, 25, 12},
    {3, 420, 6, 20, 19},
    {1.5, 45, 10, 35, 1},
    {1, 35, 2, 3, 9},
  };
  private static final double[][] END = {
    {0.3, 6, 30, 22, 15},
    {5, 75, 14, 22, 11},
    {3.5, 520, 7, 18, 20},
    {2, 55, 12, 40, 2},
    {1.2, 40, 2.5, 3.5, 8},
  };
  private static final double[][] SPREAD = {
    {0.3, 3, 4, 4, 1.5},
    {1, 12, 3, 5, 1.5},
    {0.8, 50, 2, 5, 1.5},
    {0.6, 10, 3, 6, 0.8},
    {0.3, 6, 0.7, 1, 1.5},
  };
  private static final double[] SHARE = {0.35, 0.25, 0.1, 0.1, 0.2};

  private final SplittableRandom rng;
  private final long length;
  private long emitted;
  private int lastSegment = -1;

  /**
   * A stream of {@code length} sessions; the drift runs from the first to the last.
   *
   * @param seed the seed of every draw
   * @param length the number of sessions over which the segments drift, &ge; 1
   */
  public AudienceStream(long seed, long length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be >= 1, got " + length);
    }
    this.rng = new SplittableRandom(seed);
    this.length = length;
  }

  /** The number of features in each session vector. */
  public static int dimension() {
    return FEATURES.length;
  }

  /**
   * Draws the next session into {@code out}.
   *
   * @param out an array of length {@link #dimension()}; modified
   * @return the planted segment of the session
   */
  public int next(double[] out) {
    double progress = Math.min(1.0, (double) emitted / length);
    emitted++;
    double u = rng.nextDouble();
    int s = 0;
    double acc = SHARE[0];
    while (u >= acc && s < SHARE.length - 1) {
      s++;
      acc += SHARE[s];
    }
    for (int j = 0; j < out.length; j++) {
      double mean = START[s][j] + progress * (END[s][j] - START[s][j]);
      double v = mean + SPREAD[s][j] * gaussian();
      out[j] = j == 4 ? Math.min(23.99, Math.max(0, v)) : Math.max(0, v); // hour stays in [0, 24)
    }
    lastSegment = s;
    return s;
  }

  /** The planted segment of the last session drawn, or -1 before the first. */
  public int lastSegment() {
    return lastSegment;
  }

  /** The planted mean of a segment at a point of the drift, {@code progress} in [0, 1]. */
  public static double[] plantedMean(int segment, double progress) {
    double[] m = new double[FEATURES.length];
    for (int j = 0; j < m.length; j++) {
      m[j] = START[segment][j] + progress * (END[segment][j] - START[segment][j]);
    }
    return m;
  }

  private double gaussian() {
    double a = 1.0 - rng.nextDouble();
    double b = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
  }
}
