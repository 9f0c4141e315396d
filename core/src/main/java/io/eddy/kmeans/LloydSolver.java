package io.eddy.kmeans;

import io.eddy.math.BlockNearest;

/**
 * Lloyd's assignment step: every point against every center, O(n·k·d) per iteration. Ties go
 * to the lowest label. Points are searched a block at a time with the vectorised
 * {@link BlockNearest} kernel, whose answers are exactly those of the direct kernel; it keeps
 * a packed copy of the data (O(n·d) memory).
 */
final class LloydSolver extends Solver {

  private final double[] packed;
  private final double[] pointNorms;
  private final double[] centerNorms;

  LloydSolver(double[] x, int n, int d, double[] w, int k, Chunks chunks) {
    super(x, n, d, w, k, chunks);
    packed = new double[Math.toIntExact(BlockNearest.packedLength(n, d))];
    pointNorms = new double[n];
    centerNorms = new double[k + 1];
    BlockNearest.pack(x, n, d, packed, pointNorms);
  }

  @Override
  void reset() {}

  @Override
  void prepare() {
    BlockNearest.centerNorms(centers, k, d, centerNorms);
  }

  @Override
  void assign(int chunk, boolean update) {
    final double[] c = centers;
    final double[] scratch = new double[3 * BlockNearest.BLOCK];
    final int[] found = new int[BlockNearest.BLOCK];
    int count = 0;
    for (int from = chunks.start(chunk), end = chunks.end(chunk); from < end; from += BlockNearest.BLOCK) {
      int m = Math.min(BlockNearest.BLOCK, end - from);
      BlockNearest.nearest(x, packed, pointNorms, from, m, c, centerNorms, k, d, found, scratch);
      for (int p = 0; p < m; p++) {
        int i = from + p;
        int best = found[p];
        if (labels[i] != best) {
          count++;
          labels[i] = best;
        }
        if (update) {
          accumulate(chunk, i, best);
        }
      }
    }
    changed[chunk] = count;
  }

  @Override
  void moved(int chunk) {}
}
