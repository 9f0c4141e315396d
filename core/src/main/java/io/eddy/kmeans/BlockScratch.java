package io.eddy.kmeans;

import io.eddy.math.Columns;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The step buffers of {@link Columns#nearest} ({@link Columns#scratch}), lent
 * to one chunk at a time: a run creates at most one per thread, then only reuses them.
 */
final class BlockScratch {

  private final ConcurrentLinkedQueue<double[][]> free = new ConcurrentLinkedQueue<>();
  private final int k;

  BlockScratch(int k) {
    this.k = k;
  }

  /** A buffer for the caller's exclusive use until {@link #release}. */
  double[][] acquire() {
    double[][] s = free.poll();
    return s != null ? s : Columns.scratch(k);
  }

  void release(double[][] s) {
    free.add(s);
  }
}
