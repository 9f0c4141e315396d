package io.eddy.benchmarks.canon;

import java.util.SplittableRandom;

/** Pre-generated streams for the stream-canon benchmarks. */
final class CanonStreams {

  private CanonStreams() {}

  /**
   * n points of dimension d from {@code clusters} Gaussian blobs of deviation {@code sd}, blob c
   * centred at {@code c·spacing} on every coordinate; blobs drawn uniformly.
   */
  static double[][] blobs(long seed, int n, int d, int clusters, double spacing, double sd) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] pts = new double[n][d];
    for (double[] p : pts) {
      int c = rng.nextInt(clusters);
      for (int j = 0; j < d; j++) {
        p[j] = c * spacing + sd * rng.nextGaussian();
      }
    }
    return pts;
  }
}
