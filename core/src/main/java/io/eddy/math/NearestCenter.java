package io.eddy.math;

/**
 * The assignment kernel of the k-means family: the nearest of k centers to a point stored
 * inside a flat row-major data array, by squared Euclidean distance. Ties go to the lowest
 * index. No method allocates or checks its arguments beyond what the JVM does.
 *
 * <p>Distances are computed by {@link Euclid#squaredDistance(double[], int, double[], int, int)},
 * so answers are bit-for-bit those of {@link Euclid#nearest(double[], double[], int)}: a
 * model's {@code predict} gives exactly the labels its training computed.
 */
public final class NearestCenter {

  private NearestCenter() {}

  /**
   * The index of the center nearest to {@code x[xOff .. xOff+d)} among the k rows of
   * {@code centers}.
   */
  public static int nearest(double[] x, int xOff, double[] centers, int k, int d) {
    int best = 0;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int j = 0, co = 0; j < k; j++, co += d) {
      double dist = Euclid.squaredDistance(x, xOff, centers, co, d);
      if (dist < bestDist) {
        bestDist = dist;
        best = j;
      }
    }
    return best;
  }

  /**
   * As {@link #nearest(double[], int, double[], int, int)}, also writing the squared distance
   * to the nearest center into {@code distanceOut[0]}.
   */
  public static int nearest(double[] x, int xOff, double[] centers, int k, int d, double[] distanceOut) {
    int best = nearest(x, xOff, centers, k, d);
    distanceOut[0] = Euclid.squaredDistance(x, xOff, centers, best * d, d);
    return best;
  }
}
