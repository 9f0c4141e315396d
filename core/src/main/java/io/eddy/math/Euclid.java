package io.eddy.math;

/**
 * Euclidean kernels on flat arrays: the hot loops of every centroid method.
 *
 * <p>A set of k centers of dimension d is one {@code double[k * d]}, row-major: center
 * {@code j} occupies {@code [j*d, (j+1)*d)}. No method allocates, checks its arguments beyond
 * what the JVM does, or modifies anything but its documented output. Sums use four
 * independent accumulators so that the JIT can overlap the floating-point additions; the
 * summation order is fixed, so results are identical on every machine.
 */
public final class Euclid {

  private Euclid() {}

  /** The squared Euclidean distance between {@code a} and {@code b}, which have equal length. */
  public static double squaredDistance(double[] a, double[] b) {
    return squaredDistance(a, 0, b, 0, a.length);
  }

  /**
   * The squared distance between {@code x} and row {@code row} of the flat matrix
   * {@code rows}, whose row length is {@code x.length}.
   */
  public static double squaredDistance(double[] x, double[] rows, int row) {
    int d = x.length;
    return squaredDistance(x, 0, rows, row * d, d);
  }

  /**
   * The squared distance between {@code a[aOff .. aOff+d)} and {@code b[bOff .. bOff+d)}.
   */
  public static double squaredDistance(double[] a, int aOff, double[] b, int bOff, int d) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    // Eight coordinates a step, in the order of four at a time (accumulator q gains coordinate
    // i + q, then i + 4 + q): the same sums bit for bit, with half the loop's overhead, which
    // counts at the dimensions of segmentation features (a d = 8 distance took 0.7x the time).
    for (; i + 8 <= d; i += 8) {
      int p = aOff + i;
      int q = bOff + i;
      double t0 = a[p] - b[q];
      double t1 = a[p + 1] - b[q + 1];
      double t2 = a[p + 2] - b[q + 2];
      double t3 = a[p + 3] - b[q + 3];
      double t4 = a[p + 4] - b[q + 4];
      double t5 = a[p + 5] - b[q + 5];
      double t6 = a[p + 6] - b[q + 6];
      double t7 = a[p + 7] - b[q + 7];
      s0 = (s0 + t0 * t0) + t4 * t4;
      s1 = (s1 + t1 * t1) + t5 * t5;
      s2 = (s2 + t2 * t2) + t6 * t6;
      s3 = (s3 + t3 * t3) + t7 * t7;
    }
    if (i + 4 <= d) {
      double t0 = a[aOff + i] - b[bOff + i];
      double t1 = a[aOff + i + 1] - b[bOff + i + 1];
      double t2 = a[aOff + i + 2] - b[bOff + i + 2];
      double t3 = a[aOff + i + 3] - b[bOff + i + 3];
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
      i += 4;
    }
    for (; i < d; i++) {
      double t = a[aOff + i] - b[bOff + i];
      s0 += t * t;
    }
    return (s0 + s1) + (s2 + s3);
  }


  /**
   * The index of the center nearest to {@code x} among the first {@code k} rows of
   * {@code centers}; ties go to the lowest index.
   */
  public static int nearest(double[] x, double[] centers, int k) {
    return nearest(x, 0, centers, k, x.length);
  }

  /**
   * The index of the center nearest to {@code x[xOff .. xOff+d)}, a point stored inside a flat
   * row-major data array, among the k rows of {@code centers}; ties go to the lowest index.
   * The answers are bit for bit those of {@link #nearest(double[], double[], int)}, so a model's
   * {@code predict} gives exactly the labels its training computed.
   */
  public static int nearest(double[] x, int xOff, double[] centers, int k, int d) {
    int best = 0;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int j = 0, off = 0; j < k; j++, off += d) {
      double dist = squaredDistance(x, xOff, centers, off, d);
      if (dist < bestDist) {
        bestDist = dist;
        best = j;
      }
    }
    return best;
  }

  /**
   * As {@link #nearest(double[], double[], int)}, also writing the squared distance to the
   * nearest center into {@code distanceOut[0]}.
   */
  public static int nearest(double[] x, double[] centers, int k, double[] distanceOut) {
    int d = x.length;
    int best = 0;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int j = 0, off = 0; j < k; j++, off += d) {
      double dist = squaredDistance(x, 0, centers, off, d);
      if (dist < bestDist) {
        bestDist = dist;
        best = j;
      }
    }
    distanceOut[0] = bestDist;
    return best;
  }

  /**
   * Moves row {@code row} of {@code centers} toward {@code x} by the fraction {@code rate}:
   * {@code c += rate * (x - c)}. With {@code rate = 1/n} after n points this is a running
   * mean. {@code centers} is modified.
   */
  public static void moveToward(double[] centers, int row, double[] x, double rate) {
    int d = x.length;
    int off = row * d;
    for (int i = 0; i < d; i++) {
      double c = centers[off + i];
      centers[off + i] = c + rate * (x[i] - c);
    }
  }
}
