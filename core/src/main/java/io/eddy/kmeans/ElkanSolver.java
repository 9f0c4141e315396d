package io.eddy.kmeans;

import io.eddy.math.Euclid;

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

  ElkanSolver(double[] x, int n, int d, double[] w, int k, Chunks chunks) {
    super(x, n, d, w, k, chunks);
    upper = new double[n];
    lower = new double[Math.multiplyExact(n, k)];
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

  private double dist(int xo, int label) {
    return Math.sqrt(Euclid.squaredDistance(x, xo, centers, label * d, d));
  }

  @Override
  void assign(int chunk, boolean update) {
    final boolean init = !initialized;
    int count = 0;
    for (int i = chunks.start(chunk), end = chunks.end(chunk); i < end; i++) {
      final int xo = i * d;
      final int lo = i * k;
      int old = labels[i];
      int label;
      double u;
      if (init) {
        label = 0;
        u = dist(xo, 0);
        lower[lo] = u;
        for (int j = 1; j < k; j++) {
          if (u > halfPair[label * k + j]) {
            double dj = dist(xo, j);
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
              u = dist(xo, label);
              lower[lo + label] = u;
              tight = true;
            }
            if (u > lower[lo + j] && u > halfPair[label * k + j]) {
              double dj = dist(xo, j);
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
      }
      if (update) {
        accumulate(chunk, i, label);
      }
    }
    changed[chunk] = count;
  }

  @Override
  void shifted() {
    initialized = true;
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
