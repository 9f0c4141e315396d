package io.eddy.kmeans;

import io.eddy.math.Parallel;
import java.util.function.IntConsumer;

/**
 * A fixed partition of n points into contiguous chunks, and a way to run a task over every
 * chunk on one or several threads.
 *
 * <p>The partition depends only on n and on the size of the per-chunk partial results, never
 * on the number of threads. Every reduction over chunks is done by the caller in chunk order,
 * so a multi-threaded run produces exactly the bits of the single-threaded one.
 */
final class Chunks implements AutoCloseable {

  /** The smallest chunk: below it the bookkeeping would cost more than the work. */
  static final int MIN_CHUNK = 256;

  /** At most this many chunks, which bounds the partial results' memory. */
  static final int MAX_CHUNKS = 64;

  /** Budget of doubles for all chunks' partial results together. */
  private static final long PARTIAL_BUDGET = 1L << 22;

  final int n;
  final int size;
  final int count;
  private final Parallel parallel;

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
    this.parallel = new Parallel(Math.min(parallelism, count));
  }

  int start(int chunk) {
    return chunk * size;
  }

  int end(int chunk) {
    return Math.min(n, (chunk + 1) * size);
  }

  /**
   * Runs {@code task} once for every chunk and returns when all are done; a task must touch
   * only its chunk's slice and partial results.
   */
  void forEach(IntConsumer task) {
    parallel.forEach(count, task);
  }

  @Override
  public void close() {
    parallel.close();
  }
}
