package io.eddy.benchmarks.density;

import java.util.SplittableRandom;

/** Streams for the density benchmarks: tight, far-apart clusters and uniform noise. */
public final class DensityStreams {

  private DensityStreams() {}

  /**
   * {@code n} points (a power of two) of dimension d around {@code clusters} centres drawn
   * uniformly in {@code [-50, 50]^d}, with standard deviation {@code sd}: with a radius of 1 and
   * sd 0.1, each centre holds one micro-cluster and no point reaches two, so the steady state
   * has about {@code clusters} micro-clusters.
   */
  public static double[][] tightClusters(long seed, int n, int d, int clusters, double sd) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] centres = new double[clusters][d];
    for (double[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = rng.nextDouble(-50, 50);
      }
    }
    double[][] p = new double[n][d];
    for (int i = 0; i < n; i++) {
      double[] c = centres[i % clusters];
      for (int j = 0; j < d; j++) {
        p[i][j] = c[j] + sd * rng.nextGaussian();
      }
    }
    return p;
  }

  /**
   * The next point of the soak stream into {@code out}: with probability {@code noise} uniform
   * in {@code [-10, 10]^d}, else from one of five blobs of standard deviation 0.5 centred at
   * 6·e_k - 6·e_(k+1).
   */
  static void soakPoint(SplittableRandom rng, double noise, double[] out) {
    int d = out.length;
    if (rng.nextDouble() < noise) {
      for (int j = 0; j < d; j++) {
        out[j] = rng.nextDouble(-10, 10);
      }
      return;
    }
    int k = rng.nextInt(5);
    for (int j = 0; j < d; j++) {
      out[j] = (j == k ? 6 : 0) + (j == k + 1 ? -6 : 0) + 0.5 * rng.nextGaussian();
    }
  }
}
