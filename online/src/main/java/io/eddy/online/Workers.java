package io.eddy.online;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a fixed number of threads, the caller's included; the first exception
 * a task throws is rethrown, as it was thrown, by {@link #forEach}. Callers combine per-task
 * results in task order, so their outcome does not depend on the number of threads.
 */
final class Workers implements AutoCloseable {

  private final int threads;
  private final ForkJoinPool pool;

  /** @param threads at least 1; 1 runs everything on the caller's thread */
  Workers(int threads) {
    this.threads = threads;
    this.pool = threads > 1 ? new ForkJoinPool(threads - 1) : null;
  }

  /** Runs {@code task} for 0 .. tasks-1 and returns when all are done. */
  void forEach(int tasks, IntConsumer task) {
    if (pool == null || tasks < 2) {
      for (int t = 0; t < tasks; t++) {
        task.accept(t);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      int t;
      while (failure.get() == null && (t = next.getAndIncrement()) < tasks) {
        try {
          task.accept(t);
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        }
      }
    };
    int helpers = Math.min(threads - 1, tasks - 1);
    ForkJoinTask<?>[] running = new ForkJoinTask<?>[helpers];
    for (int h = 0; h < helpers; h++) {
      running[h] = pool.submit(worker);
    }
    worker.run();
    for (ForkJoinTask<?> r : running) {
      r.join();
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException) {
      throw (RuntimeException) f;
    }
    if (f instanceof Error) {
      throw (Error) f;
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
