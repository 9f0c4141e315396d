package io.eddy.mixture;

import io.eddy.math.Parallel;
import java.util.function.IntConsumer;

/**
 * Runs a task over fixed chunks of the data on a few threads. Each chunk writes only its own
 * partial results, and callers reduce the partials in chunk order, so the arithmetic (and
 * therefore every bit of the result) does not depend on the number of threads.
 */
final class ChunkRunner implements AutoCloseable {

  /** Points per chunk: fixed, so that partial sums never depend on the thread count. */
  static final int CHUNK = 1024;

  private final Parallel parallel;

  ChunkRunner(int threads) {
    this.parallel = new Parallel(threads);
  }

  static int chunks(int n) {
    return (n + CHUNK - 1) / CHUNK;
  }

  /** Runs {@code task} once for every chunk index in {@code [0, chunks)}, and waits for all. */
  void run(int chunks, IntConsumer task) {
    parallel.forEach(chunks, task);
  }

  @Override
  public void close() {
    parallel.close();
  }
}
