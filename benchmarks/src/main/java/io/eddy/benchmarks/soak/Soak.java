package io.eddy.benchmarks.soak;

import io.eddy.Capability;
import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.online.Dstream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Soak run: streams a drifting 8-D stream through every registered online clusterer with default
 * parameters and samples the used heap after full collections, to show whether a clusterer's
 * memory stays bounded on a long stream. Not a test and not a JMH benchmark: one pass, wall-clock
 * throughput including the stream generator.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.soak.Soak
 * [points=10000000] [checkpoints=10] [names...]}. Heap figures are taken after
 * {@code System.gc()} (repeated until the used heap stops falling), so run with a collector that
 * honours it (the default G1 does).
 */
public final class Soak {

  private static final int DIM = 8;
  private static final int BLOBS = 5;

  private Soak() {}

  public static void main(String[] args) {
    long points = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int checkpoints = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<String> names = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      names.add(args[i]);
    }
    if (names.isEmpty()) {
      names.addAll(Clusterers.withCapability(Capability.ONLINE));
    }
    System.out.printf(Locale.ROOT, "%-20s %12s %12s %12s %12s %10s%n",
        "clusterer", "points/s", "heap@start", "heap@1M", "heap@end", "1M->end");
    for (String name : names) {
      run(name, points, checkpoints);
    }
  }

  private static void run(String name, long points, int checkpoints) {
    OnlineClusterer<?> c = Clusterers.online(name);
    long base = usedAfterGc();
    long step = Math.max(1, points / checkpoints);
    long firstMillion = Math.min(1_000_000L, points);
    long atMillion = -1;
    double[] p = new double[DIM];
    double[][] centres = new double[BLOBS][DIM];
    SplittableRandom rnd = new SplittableRandom(name.hashCode());
    for (int b = 0; b < BLOBS; b++) {
      for (int d = 0; d < DIM; d++) {
        centres[b][d] = 10 * rnd.nextDouble();
      }
    }
    long learnNanos = 0;
    StringBuilder trace = new StringBuilder();
    for (long i = 1; i <= points; i++) {
      // The centres drift slowly, so a clusterer that never forgets keeps growing.
      int b = (int) (i % BLOBS);
      double[] centre = centres[b];
      for (int d = 0; d < DIM; d++) {
        centre[d] += 1e-5 * (d + 1);
        p[d] = centre[d] + rnd.nextGaussian();
      }
      long t0 = System.nanoTime();
      c.learn(p);
      learnNanos += System.nanoTime() - t0;
      if (i == firstMillion || i % step == 0 || i == points) {
        long used = usedAfterGc();
        if (i == firstMillion) {
          atMillion = used;
        }
        trace.append(String.format(Locale.ROOT, " %d:%.1f", i / 1000, used / 1048576.0));
        // progress as it goes, so a slow clusterer's partial figures survive an interrupted run
        System.err.printf(Locale.ROOT, "  %s: %d points, %.0f points/s so far, heap %.1f MB%s%n",
            name, i, i / (learnNanos / 1e9), used / 1048576.0, held(c));
      }
    }
    long end = usedAfterGc();
    // Keep the clusterer reachable until the last sample.
    if (c.snapshot() == null) {
      throw new IllegalStateException();
    }
    double rate = points / (learnNanos / 1e9);
    System.out.printf(Locale.ROOT, "%-20s %12.0f %10.1fMB %10.1fMB %10.1fMB %+8.1fMB%n",
        name, rate, base / 1048576.0, atMillion / 1048576.0, end / 1048576.0,
        (end - atMillion) / 1048576.0);
    System.out.println("  heap MB by thousand points:" + trace);
  }

  /** What a grid clusterer holds, whose count the heap should follow; empty for the others. */
  private static String held(OnlineClusterer<?> c) {
    return c instanceof Dstream g
        ? String.format(Locale.ROOT, ", %d grids, %d deletion records", g.gridCount(), g.deletedCount())
        : "";
  }

  private static long usedAfterGc() {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      long used = mem.getHeapMemoryUsage().getUsed();
      if (used >= last) {
        return Math.min(used, last);
      }
      last = used;
    }
    return last;
  }
}
