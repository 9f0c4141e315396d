package io.eddy.kmeans;

import io.eddy.math.Euclid;

/**
 * Lloyd's assignment step: every point against every center, O(n·k·d) per iteration and no
 * memory beyond the labels. Ties go to the lowest label.
 */
final class LloydSolver extends Solver {

  LloydSolver(double[] x, int n, int d, double[] w, int k, Chunks chunks) {
    super(x, n, d, w, k, chunks);
  }

  @Override
  void reset() {}

  @Override
  void prepare() {}

  @Override
  void assign(int chunk, boolean update) {
    final double[] c = centers;
    final int kd = k * d;
    int count = 0;
    for (int i = chunks.start(chunk), end = chunks.end(chunk); i < end; i++) {
      int xo = i * d;
      int best = 0;
      double bestDist = Double.POSITIVE_INFINITY;
      for (int j = 0, co = 0; co < kd; j++, co += d) {
        double dist = Euclid.squaredDistance(x, xo, c, co, d);
        if (dist < bestDist) {
          bestDist = dist;
          best = j;
        }
      }
      if (labels[i] != best) {
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
  void moved(int chunk) {}
}
