package io.eddy.benchmarks.hier;

import io.eddy.hierarchy.Dendrogram;
import io.eddy.hierarchy.HierarchicalClustering;
import io.eddy.hierarchy.HierarchicalClustering.Params;
import io.eddy.hierarchy.HierarchicalClustering.Storage;
import io.eddy.hierarchy.Linkage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * The Java half of the side-by-side with fastcluster: the same protocol as
 * {@code benchmarks/compare/hier/fastcluster_compare.py} (one warm-up, then the best wall
 * time of 5 fits from the points) on the same {@link HierData} points, printing one JSON
 * line per case with the bytes the fit allocated and the peak heap in use during the runs.
 *
 * <pre>
 * ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.hier.HierCompare 5000 single,average,complete,ward matrix
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.hier.HierCompare 100000 single,ward vectors 1
 * </pre>
 * Arguments: n, linkages, storage, and optionally the number of timed runs (default 5).
 */
public final class HierCompare {

  private HierCompare() {}

  /** Runs the cases given on the command line. */
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    String[] linkages = args[1].split(",");
    Storage storage = Storage.valueOf(args[2].toUpperCase(Locale.ROOT));
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    double[][] x = HierData.points(n, 8, 42);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (String name : linkages) {
      HierarchicalClustering c = new HierarchicalClustering(Params.DEFAULTS.withLinkage(Linkage.of(name))
          .withStorage(storage));
      if (runs > 1) {
        c.dendrogram(x); // warm-up, as on the Python side
      }
      System.gc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      long baseline = usedHeap();
      long best = Long.MAX_VALUE;
      long bestCpu = Long.MAX_VALUE;
      long allocated = 0;
      Dendrogram d = null;
      for (int r = 0; r < runs; r++) {
        long a0 = threads.getCurrentThreadAllocatedBytes();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        d = c.dendrogram(x);
        best = Math.min(best, System.nanoTime() - t0);
        bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - c0);
        allocated = threads.getCurrentThreadAllocatedBytes() - a0;
      }
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf(Locale.ROOT,
          "{\"n\": %d, \"method\": \"%s\", \"storage\": \"%s\", \"best_s\": %.4f, \"best_cpu_s\": %.4f,"
              + " \"allocated_mib\": %.1f, \"peak_heap_growth_mib\": %.1f, \"top\": %s}%n",
          n, name, storage.name().toLowerCase(Locale.ROOT), best / 1e9, bestCpu / 1e9,
          allocated / 1048576.0, (peak - baseline) / 1048576.0, d.height(n - 2));
    }
  }

  private static long usedHeap() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getUsage().getUsed();
      }
    }
    return used;
  }
}
