package io.eddy.math;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a fixed number of threads, the caller's included. Each task should
 * write only its own partial results, which the caller then combines in task order, so that
 * the outcome does not depend on the number of threads. The first exception a task throws is
 * rethrown by {@link #forEach} as it was thrown, after every started task has ended.
 *
 * <p>One instance serves one caller at a time; {@link #close} releases its threads.
 */
public final class Parallel implements AutoCloseable {

  private final int threads;
  private final ForkJoinPool pool;

  /** @param threads the threads to use, the caller's included; values below 2 mean the caller alone */
  public Parallel(int threads) {
    this.threads = Math.max(1, threads);
    this.pool = this.threads > 1 ? new ForkJoinPool(this.threads - 1) : null;
  }

  /** Runs {@code task} for 0 .. tasks-1 and returns when all are done. */
  public void forEach(int tasks, IntConsumer task) {
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
