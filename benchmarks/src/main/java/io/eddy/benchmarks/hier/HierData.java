package io.eddy.benchmarks.hier;

/**
 * The benchmark points, from a SplitMix64 stream that
 * {@code benchmarks/compare/hier/fastcluster_compare.py} reproduces exactly, so that Eddy
 * and fastcluster cluster the same doubles: ten blobs with centres drawn uniformly in
 * [0, 20)^d and uniform noise in [−1, 1) per coordinate; point i belongs to blob i mod 10.
 */
public final class HierData {

  private HierData() {}

  /** n points of dimension d from the stream seeded with {@code seed}. */
  public static double[][] points(int n, int d, long seed) {
    long[] state = {seed};
    double[][] centres = new double[10][d];
    for (double[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = unit(state) * 20.0;
      }
    }
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      double[] c = centres[i % 10];
      for (int j = 0; j < d; j++) {
        x[i][j] = c[j] + (unit(state) * 2.0 - 1.0);
      }
    }
    return x;
  }

  private static double unit(long[] state) {
    long z = (state[0] += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
