package io.eddy.benchmarks.canon;

import io.eddy.online.Birch;
import io.eddy.online.BirchBatch;
import io.eddy.online.BirchModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The Java side of {@code benchmarks/compare/canon/birch_sklearn.py}: fits {@link BirchBatch}
 * to a CSV of points with the given threshold and k, unbounded (as scikit-learn), and prints the
 * first fit's time in this fresh JVM, the best of five more, and the subcluster and cluster
 * counts; then the same for the tree alone (k = 0, no global step).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.canon.BirchFitComparison data.csv 1.5 20}
 */
public final class BirchFitComparison {

  private BirchFitComparison() {}

  /** Arguments: the CSV file, the threshold, k. */
  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    double[][] x = new double[lines.size()][];
    for (int i = 0; i < x.length; i++) {
      String[] parts = lines.get(i).split(",");
      x[i] = new double[parts.length];
      for (int j = 0; j < parts.length; j++) {
        x[i][j] = Double.parseDouble(parts[j]);
      }
    }
    Birch.Params p = Birch.Params.DEFAULTS.withThreshold(Double.parseDouble(args[1]))
        .withK(Integer.parseInt(args[2])).withMaxSubclusters(1 << 24);
    report("eddy", new BirchBatch(p), x);
    report("eddy, tree only (k = 0)", new BirchBatch(p.withK(0)), x);
  }

  private static void report(String what, BirchBatch fit, double[][] x) {
    long t0 = System.nanoTime();
    BirchModel m = fit.fit(x);
    double first = (System.nanoTime() - t0) / 1e9;
    double best = Double.POSITIVE_INFINITY;
    for (int r = 0; r < 5; r++) {
      long t = System.nanoTime();
      m = fit.fit(x);
      best = Math.min(best, (System.nanoTime() - t) / 1e9);
    }
    System.out.println(String.format(Locale.ROOT, "%s: first %.3f s, best %.3f s, %d subclusters, %d clusters",
        what, first, best, m.subclusterCount(), m.clusterCount()));
  }
}
