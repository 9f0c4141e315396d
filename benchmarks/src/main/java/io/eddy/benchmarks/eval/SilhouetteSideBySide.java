package io.eddy.benchmarks.eval;

import io.eddy.eval.Silhouette;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The Java half of {@code benchmarks/compare/eval/silhouette_vs_sklearn.py}: reads the CSV
 * the script wrote (features, then an integer label, per line), computes the exact
 * silhouette {@code runs} times after {@code warmups} untimed runs, and prints one line per
 * timed run: {@code java <threads> <wall seconds> <process CPU seconds> <score>} with the
 * score as Java's shortest round-trip decimal. CPU time is reported because on a shared
 * machine wall-clock time mostly measures the neighbours.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.eval.SilhouetteSideBySide data.csv 2 3 5
 * </pre>
 * (arguments: file, threads, warm-up runs, timed runs).
 */
public final class SilhouetteSideBySide {

  private SilhouetteSideBySide() {}

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    int warmups = Integer.parseInt(args[2]);
    int runs = Integer.parseInt(args[3]);
    List<String> lines = Files.readAllLines(file);
    int n = lines.size();
    int d = lines.get(0).split(",").length - 1;
    double[][] x = new double[n][d];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i).split(",");
      for (int j = 0; j < d; j++) {
        x[i][j] = Double.parseDouble(f[j]);
      }
      labels[i] = (int) Double.parseDouble(f[d]);
    }
    for (int w = 0; w < warmups; w++) {
      Silhouette.exact(x, labels, threads);
    }
    for (int r = 0; r < runs; r++) {
      long c0 = cpuNanos();
      long t0 = System.nanoTime();
      double score = Silhouette.exact(x, labels, threads).score();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpu = (cpuNanos() - c0) / 1e9;
      System.out.println(String.format(Locale.ROOT, "java %d %.4f %.4f %s", threads, seconds, cpu,
          Double.toString(score)));
    }
  }
}
