package io.eddy.kmeans;

import io.eddy.math.Chunks;
import io.eddy.math.Columns;

/**
 * Lloyd's assignment step: every point against every center, O(n·k·d) per iteration and O(n)
 * memory beyond the labels (the new labels and distances). The distances are computed for a
 * chunk of points at a time by {@link Columns#nearest}. Ties go to the lowest label.
 */
final class LloydSolver extends Solver {

  private final BlockScratch scratch;
  private final int[] nearest;
  private final double[] distances;
  private final double[] first;

  LloydSolver(Columns columns, double[][] x, double[] w, int k, Chunks chunks) {
    super(columns, x, w, k, chunks);
    scratch = new BlockScratch(k);
    nearest = new int[n];
    distances = new double[n];
    first = new double[n];
  }

  @Override
  void reset() {}

  @Override
  void prepare() {}

  @Override
  void assign(int chunk, boolean update) {
    int from = chunks.start(chunk);
    int to = chunks.end(chunk);
    double[][] steps = scratch.acquire();
    columns.nearest(from, to, centers, k, distances, steps, nearest, first, null);
    scratch.release(steps);
    changed[chunk] = relabel(chunk, from, to, nearest, update);
  }
}
