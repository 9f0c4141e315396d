package io.eddy.online;

import java.util.SplittableRandom;

/**
 * A synthetic evolving stream with ground truth, in the spirit of MOA's
 * {@code RandomRBFGeneratorEvents}: Gaussian clusters in {@code [-10, 10]^d} that move, appear,
 * vanish and merge, plus a fraction of points drawn uniformly from the whole domain, whose
 * truth is {@link #NOISE}. Deterministic for a seed.
 *
 * <p>The script, for a stream of n points (dimensions beyond the second stay at 0 for the
 * centres):
 * <ul>
 *   <li>cluster 0 drifts from (-7, -7) to (-7, 1) over the whole stream;
 *   <li>cluster 1 sits at (6, 6) and vanishes at 0.6n;
 *   <li>cluster 2 appears at (7, -6) at 0.3n;
 *   <li>cluster 3 sits at (0, -1); cluster 4 starts at (6, -1) and moves onto cluster 3, which
 *       it reaches at 0.7n; from then on its points are cluster 3's (the truth merges).
 * </ul>
 */
final class EvolvingStream {

  /** The truth of a noise point. */
  static final int NOISE = -1;

  private static final double[][] FROM = {{-7, -7}, {6, 6}, {7, -6}, {0, -1}, {6, -1}};
  private static final double[][] TO = {{-7, 1}, {6, 6}, {7, -6}, {0, -1}, {0, -1}};
  private static final double[] START = {0, 0, 0.3, 0, 0};
  private static final double[] END = {1, 0.6, 1, 1, 1};
  private static final double[] ARRIVAL = {1, 1, 1, 1, 0.7};
  private static final double MERGE = 0.7;

  final double[][] points;
  final int[] truth;
  private final int n;

  /**
   * @param seed the seed
   * @param n the number of points
   * @param d the dimension, at least 2
   * @param sd the standard deviation of every cluster
   * @param noise the fraction of uniform noise points
   */
  EvolvingStream(long seed, int n, int d, double sd, double noise) {
    this.n = n;
    SplittableRandom rng = new SplittableRandom(seed);
    points = new double[n][d];
    truth = new int[n];
    double[] c = new double[d];
    int[] active = new int[FROM.length];
    for (int i = 0; i < n; i++) {
      double[] p = points[i];
      if (rng.nextDouble() < noise) {
        for (int j = 0; j < d; j++) {
          p[j] = rng.nextDouble(-10, 10);
        }
        truth[i] = NOISE;
        continue;
      }
      double s = (double) i / n;
      int count = 0;
      for (int k = 0; k < FROM.length; k++) {
        if (s >= START[k] && s < END[k]) {
          active[count++] = k;
        }
      }
      int k = active[rng.nextInt(count)];
      centre(k, s, c);
      for (int j = 0; j < d; j++) {
        p[j] = c[j] + sd * rng.nextGaussian();
      }
      truth[i] = k == 4 && s >= MERGE ? 3 : k;
    }
  }

  /** The centre of cluster k at stream fraction s. */
  static void centre(int k, double s, double[] out) {
    double u = Math.min(1, (s - START[k]) / (ARRIVAL[k] - START[k]));
    java.util.Arrays.fill(out, 0);
    for (int j = 0; j < 2; j++) {
      out[j] = FROM[k][j] + u * (TO[k][j] - FROM[k][j]);
    }
  }

  /**
   * The smallest distance between the centres of two clusters with different truth that are
   * both active somewhere in the points {@code [from, to)}; infinite if fewer than two.
   */
  double separation(int from, int to) {
    double min = Double.POSITIVE_INFINITY;
    double[] a = new double[2];
    double[] b = new double[2];
    for (int i = from; i < to; i += Math.max(1, (to - from) / 50)) {
      double s = (double) i / n;
      for (int k = 0; k < FROM.length; k++) {
        for (int l = k + 1; l < FROM.length; l++) {
          boolean bothActive = s >= START[k] && s < END[k] && s >= START[l] && s < END[l];
          boolean merged = k == 3 && l == 4 && s >= MERGE;
          if (!bothActive || merged) {
            continue;
          }
          centre(k, s, a);
          centre(l, s, b);
          min = Math.min(min, Math.hypot(a[0] - b[0], a[1] - b[1]));
        }
      }
    }
    return min;
  }
}
