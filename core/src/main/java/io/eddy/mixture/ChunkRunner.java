package io.eddy.mixture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a task over fixed chunks of the data on a few threads. Each chunk writes only its own
 * partial results, and callers reduce the partials in chunk order, so the arithmetic (and
 * therefore every bit of the result) does not depend on the number of threads.
 */
final class ChunkRunner implements AutoCloseable {

  /** Points per chunk: fixed, so that partial sums never depend on the thread count. */
  static final int CHUNK = 1024;

  private final int threads;
  private final ExecutorService pool;

  ChunkRunner(int threads) {
    this.threads = Math.max(1, threads);
    if (this.threads > 1) {
      AtomicInteger id = new AtomicInteger();
      this.pool = Executors.newFixedThreadPool(this.threads - 1, r -> {
        Thread t = new Thread(r, "eddy-gmm-" + id.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    } else {
      this.pool = null;
    }
  }

  static int chunks(int n) {
    return (n + CHUNK - 1) / CHUNK;
  }

  /** Runs {@code task} once for every chunk index in {@code [0, chunks)}, and waits for all. */
  void run(int chunks, IntConsumer task) {
    if (pool == null || chunks < 2) {
      for (int c = 0; c < chunks; c++) {
        task.accept(c);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
        task.accept(c);
      }
    };
    int helpers = Math.min(threads - 1, chunks - 1);
    List<Future<?>> futures = new ArrayList<>(helpers);
    for (int t = 0; t < helpers; t++) {
      futures.add(pool.submit(worker));
    }
    RuntimeException failure = null;
    try {
      worker.run();
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
              : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (failure == null) {
          failure = new IllegalStateException("interrupted", e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
