package io.eddy.benchmarks.hier;

import io.eddy.Parameter;
import io.eddy.hierarchy.HierarchicalClustering;
import io.eddy.hierarchy.HierarchicalClustering.Params;
import io.eddy.hierarchy.HierarchicalClustering.Storage;
import io.eddy.hierarchy.HierarchicalModel;
import io.eddy.hierarchy.Linkage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The Java half of the side-by-side with fastcluster
 * ({@code benchmarks/compare/hier/fastcluster_compare.py}), on the same {@link HierData}
 * points: the whole tree, then the cut into k = 10 clusters
 * ({@link HierarchicalClustering#fit}). Prints one JSON line per linkage: the first fit in
 * this JVM ({@code cold_s}, JIT warm-up included) and the best of the following runs
 * ({@code warm_s}), wall time in seconds, and the CPU time of the whole process over the same
 * fits ({@code cold_cpu_s}, {@code warm_cpu_s}: compiler and collector threads included), and
 * the CPU time of the calling thread alone over the first fit ({@code cold_main_cpu_s}: the
 * fit's own work, interpreted and compiled, without the compiler threads; with threads = 1
 * the whole fit).
 *
 * <pre>
 * ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.hier.HierCompare 5000 ward auto 5 0
 * </pre>
 * Arguments: n, linkages (comma-separated), storage (auto, matrix or vectors), warm runs
 * (default 5), threads (default 0: all available processors). For a cold figure, give one
 * linkage per JVM.
 */
public final class HierCompare {

  private HierCompare() {}

  /** Runs the cases given on the command line. */
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    String[] linkages = args[1].split(",");
    Storage storage = Storage.valueOf(args[2].toUpperCase(Locale.ROOT));
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    double[][] x = HierData.points(n, 8, 42);
    ThreadMXBean main = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (String name : linkages) {
      HierarchicalClustering c = new HierarchicalClustering(Params.DEFAULTS
          .withLinkage(Parameter.Choice.of(Linkage.class, name)).withStorage(storage).withK(10).withThreads(threads));
      long c0 = os.getProcessCpuTime();
      long m0 = main.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      HierarchicalModel m = c.fit(x);
      long cold = System.nanoTime() - t0;
      long coldCpu = os.getProcessCpuTime() - c0;
      long coldMain = main.getCurrentThreadCpuTime() - m0;
      long warm = Long.MAX_VALUE;
      long warmCpu = Long.MAX_VALUE;
      for (int r = 0; r < runs; r++) {
        long cpu = os.getProcessCpuTime();
        long t = System.nanoTime();
        m = c.fit(x);
        warm = Math.min(warm, System.nanoTime() - t);
        warmCpu = Math.min(warmCpu, os.getProcessCpuTime() - cpu);
      }
      System.out.printf(Locale.ROOT,
          "{\"n\": %d, \"method\": \"%s\", \"storage\": \"%s\", \"threads\": %d, \"cold_s\": %.4f,"
              + " \"warm_s\": %.4f, \"cold_cpu_s\": %.4f, \"warm_cpu_s\": %.4f, \"cold_main_cpu_s\": %.4f,"
              + " \"top\": %s}%n",
          n, name, storage.name().toLowerCase(Locale.ROOT), threads, cold / 1e9, warm / 1e9,
          coldCpu / 1e9, warmCpu / 1e9, coldMain / 1e9,
          m.dendrogram().height(n - 2));
    }
  }
}
