package io.eddy.math;

/**
 * Fixed-radius neighbour search over centers stored row-major in one flat array: the scan at
 * the heart of DBSTREAM's update.
 *
 * <p>No method allocates or checks its arguments beyond what the JVM does.
 */
public final class Neighbours {

  private Neighbours() {}

  /**
   * Writes into {@code out} the indices of the centers among the first {@code k} rows of
   * {@code centers} whose squared distance to {@code x} is at most {@code radiusSquared}
   * (inclusive), in increasing order, and their squared distances into {@code distances}.
   *
   * @param x the query, of length d (the row length)
   * @param out at least {@code k} long; modified
   * @param distances at least {@code k} long; modified
   * @return the number of neighbours written
   */
  public static int withinRadius(double[] x, double[] centers, int k, double radiusSquared,
      int[] out, double[] distances) {
    int d = x.length;
    int n = 0;
    for (int j = 0, off = 0; j < k; j++, off += d) {
      double dist = Euclid.squaredDistance(x, 0, centers, off, d);
      if (dist <= radiusSquared) {
        out[n] = j;
        distances[n] = dist;
        n++;
      }
    }
    return n;
  }
}
