package io.eddy.online;

import java.lang.reflect.Method;

/**
 * Bytes allocated by the current thread while running a task, from HotSpot's per-thread
 * counter ({@code com.sun.management.ThreadMXBean}). Reached reflectively because the test
 * sources are compiled inside module {@code io.eddy.online}, which does not read
 * {@code java.management}; surefire runs on the class path, where the call is allowed.
 */
final class Allocation {

  private Allocation() {}

  /**
   * Bytes allocated by 20,000 learns of 8-D points after a warm-up of 200,000, on a stream of
   * 20 tight clusters {@code spacing} apart along the diagonal.
   */
  static long steadyStateLearn(io.eddy.OnlineClusterer<?> c, double spacing, long seed) {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    double[][] pts = new double[4096][8];
    for (double[] p : pts) {
      int k = rng.nextInt(20);
      for (int j = 0; j < 8; j++) {
        p[j] = k * spacing + 0.3 * rng.nextGaussian();
      }
    }
    for (int i = 0; i < 200_000; i++) {
      c.learn(pts[i & 4095]);
    }
    // The least of three rounds: an allocation that the code really makes shows in every round,
    // while one left by a method the JIT has not optimised yet (on a loaded machine) does not.
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 3 && least > 0; round++) {
      least = Math.min(least, measure(() -> {
        for (int i = 0; i < 20_000; i++) {
          c.learn(pts[i & 4095]);
        }
      }));
    }
    return least;
  }

  static long measure(Runnable task) {
    try {
      Object bean = Class.forName("java.lang.management.ManagementFactory")
          .getMethod("getThreadMXBean").invoke(null);
      Method counter = Class.forName("com.sun.management.ThreadMXBean")
          .getMethod("getThreadAllocatedBytes", long.class);
      long id = Thread.currentThread().getId();
      long before = (Long) counter.invoke(bean, id);
      task.run();
      long after = (Long) counter.invoke(bean, id);
      return after - before;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("per-thread allocation counter unavailable", e);
    }
  }
}
