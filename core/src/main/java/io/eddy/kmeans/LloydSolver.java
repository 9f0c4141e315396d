package io.eddy.kmeans;

import io.eddy.math.NearestCenter;

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
    int count = 0;
    for (int i = chunks.start(chunk), end = chunks.end(chunk); i < end; i++) {
      int best = NearestCenter.nearest(x, i * d, c, k, d);
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
