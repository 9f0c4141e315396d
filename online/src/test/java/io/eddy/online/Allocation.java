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
