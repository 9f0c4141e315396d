package io.eddy.benchmarks.kmeans;

import io.eddy.kmeans.KMeans;
import io.eddy.kmeans.KMeansModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Eddy's k-means++ inertia (and iteration count) over many seeds on the comparison data, beside
 * {@code benchmarks/compare/kmeans/inertia_spread.py}: both sides run the same greedy k-means++
 * and iterations with their own random numbers, so only the spread over seeds compares.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.kmeans.InertiaSpread /tmp/eddy-kmeans-compare 51
 * </pre>
 */
public final class InertiaSpread {

  private InertiaSpread() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/eddy-kmeans-compare");
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 51;
    double[][] data = SklearnComparison.read(dir.resolve("data.f64"), 16);
    double[] inertia = new double[seeds];
    double[] iterations = new double[seeds];
    for (int r = 0; r < seeds; r++) {
      KMeansModel m = new KMeans(KMeans.Params.DEFAULTS.withK(16).withSeed(r)).fit(data);
      inertia[r] = m.inertia();
      iterations[r] = m.iterations();
    }
    Arrays.sort(iterations);
    double mean = Arrays.stream(inertia).average().orElse(Double.NaN);
    Arrays.sort(inertia);
    System.out.printf(Locale.ROOT,
        "Eddy, %d seeds: quartiles %.6e %.6e %.6e, mean %.6e, min %.6e; iterations quartiles %.0f %.0f %.0f%n",
        seeds, quantile(inertia, 0.25), quantile(inertia, 0.5), quantile(inertia, 0.75), mean, inertia[0],
        quantile(iterations, 0.25), quantile(iterations, 0.5), quantile(iterations, 0.75));
  }

  /** numpy's default (linear) quantile of sorted values. */
  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
