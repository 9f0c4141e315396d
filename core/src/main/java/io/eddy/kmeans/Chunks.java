package io.eddy.kmeans;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed partition of n points into contiguous chunks, and a way to run a task over every
 * chunk on one or several threads.
 *
 * <p>The partition depends only on n and on the size of the per-chunk partial results, never
 * on the number of threads. Every reduction over chunks is done by the caller in chunk order,
 * so a multi-threaded run produces exactly the bits of the single-threaded one.
 */
final class Chunks implements AutoCloseable {

  /** Work done on one chunk; it must touch only that chunk's slice and partial results. */
  @FunctionalInterface
  interface Task {
    void run(int chunk);
  }

  /** The smallest chunk: below it the bookkeeping would cost more than the work. */
  static final int MIN_CHUNK = 256;

  /** At most this many chunks, which bounds the partial results' memory. */
  static final int MAX_CHUNKS = 64;

  /** Budget of doubles for all chunks' partial results together. */
  private static final long PARTIAL_BUDGET = 1L << 22;

  final int n;
  final int size;
  final int count;
  private final int threads;
  private final ForkJoinPool pool;

  /**
   * @param n the number of points
   * @param partialSize doubles of partial result each chunk keeps (k·d + k for center sums)
   * @param parallelism threads to use, at least 1
   */
  Chunks(int n, long partialSize, int parallelism) {
    long byMemory = Math.max(1, PARTIAL_BUDGET / Math.max(1, partialSize));
    int maxChunks = (int) Math.min(MAX_CHUNKS, byMemory);
    int sz = Math.max(MIN_CHUNK, (int) ((n + (long) maxChunks - 1) / maxChunks));
    this.n = n;
    this.size = sz;
    this.count = Math.max(1, (n + sz - 1) / sz);
    this.threads = Math.min(parallelism, count);
    this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
  }

  int start(int chunk) {
    return chunk * size;
  }

  int end(int chunk) {
    return Math.min(n, (chunk + 1) * size);
  }

  /** Runs {@code task} once for every chunk and returns when all are done. */
  void forEach(Task task) {
    if (pool == null) {
      for (int c = 0; c < count; c++) {
        task.run(c);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      int c;
      while ((c = next.getAndIncrement()) < count) {
        task.run(c);
      }
    };
    ForkJoinTask<?>[] helpers = new ForkJoinTask<?>[threads - 1];
    for (int t = 0; t < helpers.length; t++) {
      helpers[t] = pool.submit(worker);
    }
    worker.run();
    for (ForkJoinTask<?> h : helpers) {
      h.join();
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
