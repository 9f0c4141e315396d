package io.eddy.math;

/**
 * Neighbour searches over centers stored row-major in one flat array: the scans at the heart
 * of DBSTREAM's and DenStream's updates.
 *
 * <p>Both scans abandon a center as soon as the partial squared distance over the first
 * coordinates, summed in blocks of four, exceeds the bound (the radius, or the best distance so
 * far): with micro-clusters spread over the space most centers are rejected after one block.
 * The partial sums are exact prefixes of the full sum, so the answer is the same as a full
 * scan's. No method allocates or checks its arguments beyond what the JVM does.
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
    int end4 = d & ~3;
    int n = 0;
    for (int j = 0, off = 0; j < k; j++, off += d) {
      double s = 0;
      int i = 0;
      for (; i < end4; i += 4) {
        double t0 = x[i] - centers[off + i];
        double t1 = x[i + 1] - centers[off + i + 1];
        double t2 = x[i + 2] - centers[off + i + 2];
        double t3 = x[i + 3] - centers[off + i + 3];
        s += (t0 * t0 + t1 * t1) + (t2 * t2 + t3 * t3);
        if (s > radiusSquared) {
          break;
        }
      }
      if (s > radiusSquared) {
        continue;
      }
      for (; i < d; i++) {
        double t = x[i] - centers[off + i];
        s += t * t;
      }
      if (s <= radiusSquared) {
        out[n] = j;
        distances[n] = s;
        n++;
      }
    }
    return n;
  }

  /**
   * The index of the center nearest to {@code x} among the first {@code k} rows of
   * {@code centers} (ties to the lowest index), with its squared distance written into
   * {@code distanceOut[0]}; -1 if {@code k} is 0.
   */
  public static int nearest(double[] x, double[] centers, int k, double[] distanceOut) {
    int d = x.length;
    int end4 = d & ~3;
    int best = -1;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int j = 0, off = 0; j < k; j++, off += d) {
      double s = 0;
      int i = 0;
      for (; i < end4; i += 4) {
        double t0 = x[i] - centers[off + i];
        double t1 = x[i + 1] - centers[off + i + 1];
        double t2 = x[i + 2] - centers[off + i + 2];
        double t3 = x[i + 3] - centers[off + i + 3];
        s += (t0 * t0 + t1 * t1) + (t2 * t2 + t3 * t3);
        if (s >= bestDist) {
          break;
        }
      }
      if (s >= bestDist) {
        continue;
      }
      for (; i < d; i++) {
        double t = x[i] - centers[off + i];
        s += t * t;
      }
      if (s < bestDist) {
        bestDist = s;
        best = j;
      }
    }
    distanceOut[0] = bestDist;
    return best;
  }
}
