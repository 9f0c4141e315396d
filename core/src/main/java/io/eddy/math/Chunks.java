package io.eddy.math;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Eddy's one parallel loop: a fixed partition of n points into contiguous chunks, and a run of a
 * task over every chunk on up to a given number of threads, the caller's included.
 *
 * <p><b>Determinism.</b> The partition depends only on n and the sizing rule, never on the
 * number of threads. A task writes only its own chunk's slice and partial results, and the
 * caller reduces the partials in chunk order, so a run on any number of threads produces
 * exactly the bits of the single-threaded one.
 *
 * <p>The first exception a task throws is rethrown by {@link #forEach} as it was thrown, once
 * every started task has ended. One instance serves one caller at a time; {@link #close}
 * releases its threads. The partition's fields are final and O(1) to read.
 */
public final class Chunks implements AutoCloseable {

  /** The points partitioned. */
  public final int n;
  /** Points per chunk (the last may have fewer). */
  public final int size;
  /** The number of chunks, at least 1. */
  public final int count;
  private final int threads;
  private final ForkJoinPool pool;

  private Chunks(int n, int size, int threads) {
    if (n < 0 || size < 1) {
      throw new IllegalArgumentException("n = " + n + " and chunk size = " + size + ", expected n >= 0 and size >= 1");
    }
    this.n = n;
    this.size = size;
    this.count = Math.max(1, (int) ((n + (long) size - 1) / size));
    this.threads = Math.max(1, Math.min(threads, count));
    this.pool = this.threads > 1 ? new ForkJoinPool(this.threads - 1) : null;
  }

  /**
   * Chunks of {@code size} points.
   *
   * @param threads threads to use, the caller's included; values below 2 mean the caller alone
   */
  public static Chunks ofSize(int n, int size, int threads) {
    return new Chunks(n, size, threads);
  }

  /** The smallest chunk {@link #forPartials} makes: below it the bookkeeping costs more than the work. */
  public static final int MIN_CHUNK = 256;

  /** The most chunks {@link #forPartials} makes, which bounds the partial results' memory. */
  public static final int MAX_CHUNKS = 64;

  /** The budget of doubles for all chunks' partial results together in {@link #forPartials}. */
  private static final long PARTIAL_BUDGET = 1L << 22;

  /**
   * Chunks for a loop that keeps {@code partialSize} doubles of partial results per chunk (k·d +
   * k for center sums): at most {@link #MAX_CHUNKS}, at least {@link #MIN_CHUNK} points each,
   * and no more than 2^22 doubles of partial results in all.
   */
  public static Chunks forPartials(int n, long partialSize, int threads) {
    long byMemory = Math.max(1, PARTIAL_BUDGET / Math.max(1, partialSize));
    int maxChunks = (int) Math.min(MAX_CHUNKS, byMemory);
    return new Chunks(n, Math.max(MIN_CHUNK, (int) ((n + (long) maxChunks - 1) / maxChunks)), threads);
  }

  /** A configured thread count with 0 meaning every available processor. */
  public static int threads(int configured) {
    return configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
  }

  /** The first point of {@code chunk}. */
  public int start(int chunk) {
    return chunk * size;
  }

  /** One past the last point of {@code chunk}. */
  public int end(int chunk) {
    return Math.min(n, (chunk + 1) * size);
  }

  /**
   * Runs {@code task} once for every chunk index in {@code [0, count)} and returns when all
   * are done; a task must touch only its chunk's slice and partial results.
   */
  public void forEach(IntConsumer task) {
    if (pool == null) {
      for (int c = 0; c < count; c++) {
        task.accept(c);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      int c;
      while (failure.get() == null && (c = next.getAndIncrement()) < count) {
        try {
          task.accept(c);
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        }
      }
    };
    ForkJoinTask<?>[] running = new ForkJoinTask<?>[threads - 1];
    for (int h = 0; h < running.length; h++) {
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
