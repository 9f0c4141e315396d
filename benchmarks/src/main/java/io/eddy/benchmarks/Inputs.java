package io.eddy.benchmarks;

import java.util.SplittableRandom;

/** Pre-generated benchmark inputs, so that no benchmark measures its own data generation. */
public final class Inputs {

  private Inputs() {}

  /** {@code n} points (n a power of two) of dimension d, uniform in [-1, 1), for index masking. */
  public static double[][] points(long seed, int n, int d) {
    if (Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("n must be a power of two, got " + n);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] p = new double[n][d];
    for (double[] row : p) {
      for (int j = 0; j < d; j++) {
        row[j] = rng.nextDouble(-1, 1);
      }
    }
    return p;
  }

  /** k centers of dimension d, row-major in one array. */
  public static double[] flat(long seed, int k, int d) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] c = new double[k * d];
    for (int i = 0; i < c.length; i++) {
      c[i] = rng.nextDouble(-1, 1);
    }
    return c;
  }
}
