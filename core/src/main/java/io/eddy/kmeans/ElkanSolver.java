package io.eddy.kmeans;

import io.eddy.math.Chunks;
import io.eddy.math.Euclid;
import io.eddy.math.Columns;

/**
 * Elkan's assignment step: per point an upper bound on the distance to its center and a lower
 * bound on the distance to each of the k centers, pruned with the triangle inequality and the
 * half distances between centers. Gives Lloyd's labels with the fewest distance computations
 * of the three, at the price of O(n·k) extra memory; best in high dimension.
 *
 * <p>The bounds are initialised and updated exactly as in scikit-learn's implementation, so
 * that ties resolve alike.
 *
 * <p>Reference: C. Elkan, "Using the triangle inequality to accelerate k-means", ICML 2003.
 */
final class ElkanSolver extends Solver {

  private final double[] upper;
  private final double[] lower;
  private final double[] halfPair;
  private final double[] half;
  private boolean initialized;

  ElkanSolver(Columns columns, double[][] x, double[] w, int k, Chunks chunks) {
    super(columns, x, w, k, chunks);
    upper = new double[x.length];
    lower = new double[Math.multiplyExact(x.length, k)];
    halfPair = new double[k * k];
    half = new double[k];
  }

  /** Whether Elkan's n·k bounds fit in 128 MB, the limit up to which {@link KMeans.Algorithm#AUTO} may pick it. */
  static boolean fits(int n, int k) {
    return (long) n * k <= (1L << 24);
  }

  @Override
  void reset() {
    initialized = false;
  }

  @Override
  void prepare() {
    CenterDistances.halfPairs(centers, k, d, halfPair, half);
  }

  private double dist(double[] row, int label) {
    return Math.sqrt(Euclid.squaredDistance(row, 0, centers, label * d, d));
  }

  @Override
  void assign(int chunk, boolean update) {
    final boolean init = !initialized;
    int count = 0;
    for (int i = chunks.start(chunk), end = chunks.end(chunk); i < end; i++) {
      final double[] row = x[i];
      final int lo = i * k;
      int old = labels[i];
      int label;
      double u;
      if (init) {
        label = 0;
        u = dist(row, 0);
        lower[lo] = u;
        for (int j = 1; j < k; j++) {
          if (u > halfPair[label * k + j]) {
            double dj = dist(row, j);
            lower[lo + j] = dj;
            if (dj < u) {
              u = dj;
              label = j;
            }
          } else {
            lower[lo + j] = 0;
          }
        }
      } else {
        label = old;
        u = upper[i];
      }
      if (!(half[label] >= u)) {
        boolean tight = false;
        for (int j = 0; j < k; j++) {
          if (j != label && u > lower[lo + j] && u > halfPair[label * k + j]) {
            if (!tight) {
              u = dist(row, label);
              lower[lo + label] = u;
              tight = true;
            }
            if (u > lower[lo + j] && u > halfPair[label * k + j]) {
              double dj = dist(row, j);
              lower[lo + j] = dj;
              if (dj < u) {
                label = j;
                u = dj;
              }
            }
          }
        }
      }
      upper[i] = u;
      if (label != old) {
        count++;
        labels[i] = label;
        if (update) {
          move(chunk, i, old, label);
        }
      }
    }
    changed[chunk] = count;
  }

  @Override
  void shifted() {
    initialized = true;
  }

  @Override
  boolean movesBoundsEagerly() {
    return true;
  }

  @Override
  void moved(int chunk) {
    for (int i = chunks.start(chunk), end = chunks.end(chunk); i < end; i++) {
      upper[i] += shift[labels[i]];
      int lo = i * k;
      for (int j = 0; j < k; j++) {
        double l = lower[lo + j] - shift[j];
        lower[lo + j] = l > 0 ? l : 0;
      }
    }
  }
}
