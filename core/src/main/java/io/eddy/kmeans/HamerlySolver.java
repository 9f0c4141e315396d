package io.eddy.kmeans;

import io.eddy.math.AllDistances;
import io.eddy.math.Euclid;

/**
 * Hamerly's assignment step: one upper bound on the distance to the assigned center and one
 * lower bound on the distance to every other center per point. A point whose upper bound is
 * below both its lower bound and half the distance from its center to the nearest other center
 * keeps its label without any distance computation. Gives Lloyd's labels with far fewer
 * distance computations in low and moderate dimension; O(n) extra memory.
 *
 * <p>Reference: G. Hamerly, "Making k-means even faster", SDM 2010.
 */
final class HamerlySolver extends Solver {

  private final double[] upper;
  private final double[] lower;
  /** Half the distance from each center to its nearest other center. */
  private final double[] half;
  private boolean initialized;
  private double maxShift;
  private double secondShift;
  private int maxShiftLabel;
  /** The centers transposed, for the all-centers distance pass. */
  private final double[][] columns;
  /** Per chunk: the distances of one point to every center. */
  private final double[][] scratch;

  HamerlySolver(double[] x, int n, int d, double[] w, int k, Chunks chunks) {
    super(x, n, d, w, k, chunks);
    upper = new double[n];
    lower = new double[n];
    half = new double[k];
    columns = new double[d][k];
    scratch = new double[chunks.count][k];
  }

  @Override
  void reset() {
    initialized = false;
  }

  @Override
  void prepare() {
    CenterDistances.halfToNearest(centers, k, d, half);
    AllDistances.transpose(centers, k, d, columns);
  }

  @Override
  void assign(int chunk, boolean update) {
    final double[] c = centers;
    final boolean full = !initialized;
    int count = 0;
    for (int i = chunks.start(chunk), end = chunks.end(chunk); i < end; i++) {
      int xo = i * d;
      int label = labels[i];
      if (!full) {
        double u = upper[i];
        double m = Math.max(half[label], lower[i]);
        if (u <= m) {
          if (update) {
            accumulate(chunk, i, label);
          }
          continue;
        }
        u = Math.sqrt(Euclid.squaredDistance(x, xo, c, label * d, d));
        upper[i] = u;
        if (u <= m) {
          if (update) {
            accumulate(chunk, i, label);
          }
          continue;
        }
      }
      int best = 0;
      double d1 = Double.POSITIVE_INFINITY;
      double d2 = Double.POSITIVE_INFINITY;
      double[] all = scratch[chunk];
      AllDistances.squared(x, xo, columns, k, d, all);
      for (int j = 0; j < k; j++) {
        double dist = all[j];
        if (dist < d1) {
          d2 = d1;
          d1 = dist;
          best = j;
        } else if (dist < d2) {
          d2 = dist;
        }
      }
      upper[i] = Math.sqrt(d1);
      lower[i] = Math.sqrt(d2);
      if (label != best) {
        count++;
        labels[i] = best;
      }
      if (update) {
        accumulate(chunk, i, best);
      }
    }
    changed[chunk] = count;
  }

  @Override
  void shifted() {
    double m1 = 0;
    double m2 = 0;
    int arg = -1;
    for (int j = 0; j < k; j++) {
      double s = shift[j];
      if (s > m1) {
        m2 = m1;
        m1 = s;
        arg = j;
      } else if (s > m2) {
        m2 = s;
      }
    }
    maxShift = m1;
    secondShift = m2;
    maxShiftLabel = arg;
    initialized = true;
  }

  @Override
  void moved(int chunk) {
    final double m1 = maxShift;
    final double m2 = secondShift;
    final int arg = maxShiftLabel;
    for (int i = chunks.start(chunk), end = chunks.end(chunk); i < end; i++) {
      int label = labels[i];
      upper[i] += shift[label];
      lower[i] -= label == arg ? m2 : m1;
    }
  }
}
