package io.eddy.testkit;

import java.util.SplittableRandom;

/**
 * Planted Gaussian blobs with known labels, deterministic for a seed: the data the contract
 * kit feeds clusterers, and a convenient source for quality tests.
 *
 * @param points n points of dimension d
 * @param labels the planted cluster of each point, {@code 0..k-1}
 * @param centers the k planted centers
 */
public record Blobs(double[][] points, int[] labels, double[][] centers) {

  /**
   * Draws n points from k spherical Gaussian blobs of standard deviation {@code sd} whose
   * centers are uniform in {@code [-10, 10]^d} but at least {@code 8·sd} apart, in random
   * order.
   */
  public static Blobs generate(long seed, int n, int d, int k, double sd) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] centers = new double[k][d];
    for (int c = 0; c < k; c++) {
      for (int attempt = 0; ; attempt++) {
        for (int j = 0; j < d; j++) {
          centers[c][j] = rng.nextDouble(-10, 10);
        }
        if (farFromOthers(centers, c, 8 * sd) || attempt > 1000) {
          break;
        }
      }
    }
    double[][] points = new double[n][d];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(k);
      labels[i] = c;
      for (int j = 0; j < d; j++) {
        points[i][j] = centers[c][j] + sd * gaussian(rng);
      }
    }
    return new Blobs(points, labels, centers);
  }

  private static boolean farFromOthers(double[][] centers, int c, double minDistance) {
    for (int o = 0; o < c; o++) {
      double s = 0;
      for (int j = 0; j < centers[c].length; j++) {
        double t = centers[c][j] - centers[o][j];
        s += t * t;
      }
      if (s < minDistance * minDistance) {
        return false;
      }
    }
    return true;
  }

  /** A standard normal draw (Box–Muller), deterministic for the generator's state. */
  public static double gaussian(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A deep copy of the points. */
  public double[][] copyOfPoints() {
    double[][] out = new double[points.length][];
    for (int i = 0; i < points.length; i++) {
      out[i] = points[i].clone();
    }
    return out;
  }
}
