package io.eddy.benchmarks.kmeans;

import io.eddy.kmeans.KMeans;
import io.eddy.kmeans.KMeansModel;
import io.eddy.kmeans.KMeansPlusPlus;
import io.eddy.online.MiniBatchKMeans;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Eddy's side of the side-by-side comparison with scikit-learn 1.2 (the other side is
 * {@code benchmarks/compare/kmeans/sklearn_side.py}, which writes the data first).
 *
 * <pre>
 * ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
 * /usr/bin/python3 benchmarks/compare/kmeans/sklearn_side.py /tmp/eddy-kmeans-compare
 * java -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.kmeans.SklearnComparison /tmp/eddy-kmeans-compare 5 [parts] [tries]
 * </pre>
 *
 * <p>{@code parts} (default {@code seeding,fit,centers,minibatch}) picks what to time, as in the
 * Python side ({@code fit1} and {@code centers1}: the default algorithm only); with
 * {@code tries} (default 1) above 1, each seed is fitted that many times and its fastest time
 * counts.
 *
 * <p>Each configuration runs three times untimed (JIT warm-up: a service fits many times in one
 * JVM), then {@code repeats} timed runs with seeds 0 .. repeats-1; the median and minimum
 * wall-clock times are printed with the median inertia and the iteration counts, then the mean
 * time, the mean iteration count and a least-squares split of the time into a fixed part and a
 * part per iteration. All runs use every available processor ({@code threads = 0}) unless
 * the system property {@code eddy.parallelism} says otherwise (mini-batch k-means uses them to
 * check and label the data and to label each batch in two halves).
 */
public final class SklearnComparison {

  private SklearnComparison() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/eddy-kmeans-compare");
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int d = 16;
    int k = 16;
    double[][] data = read(dir.resolve("data.f64"), d);
    double[][] init = read(dir.resolve("init.f64"), d);
    List<String> parts =
        List.of((args.length > 2 ? args[2] : "seeding,fit,centers,minibatch").split(","));
    int tries = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    int threads = Integer.getInteger("eddy.parallelism", 0);
    System.out.printf(Locale.ROOT, "Eddy, n = %d, d = %d, k = %d, threads = %d (0 = all %d processors)%n",
        data.length, d, k, threads, Runtime.getRuntime().availableProcessors());
    if (parts.contains("seeding")) {
      timeSeeding(data, k, repeats);
    }
    for (KMeans.Algorithm a : KMeans.Algorithm.values()) {
      if (parts.contains("fit") || (parts.contains("fit1") && a == KMeans.Algorithm.AUTO)) {
        time("kmeans++ fit, " + a.id(), repeats, tries,
            r -> new KMeans(KMeans.Params.DEFAULTS.withK(k).withAlgorithm(a).withThreads(threads).withSeed(r)).fit(data));
      }
    }
    for (KMeans.Algorithm a : KMeans.Algorithm.values()) {
      if (parts.contains("centers") || (parts.contains("centers1") && a == KMeans.Algorithm.AUTO)) {
        time("from given centers, " + a.id(), repeats, tries,
            r -> new KMeans(KMeans.Params.DEFAULTS.withK(k).withAlgorithm(a).withThreads(threads)).fit(data, null, init));
      }
    }
    if (!parts.contains("minibatch")) {
      return;
    }
    time("minibatch fit, batch 1024", repeats, tries,
        r -> new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(k).withBatchSize(1024).withSeed(r)
            .withParallelism(threads)).fit(data));
  }

  private static void time(String label, int repeats, int tries, IntFunction<KMeansModel> fit) {
    for (int w = 0; w < 3; w++) {
      fit.apply(1000 + w);
    }
    double[] t = new double[repeats];
    double[] inertia = new double[repeats];
    int[] iterations = new int[repeats];
    for (int r = 0; r < repeats; r++) {
      KMeansModel m = null;
      t[r] = Double.POSITIVE_INFINITY;
      for (int a = 0; a < tries; a++) {
        long t0 = System.nanoTime();
        m = fit.apply(r);
        t[r] = Math.min(t[r], (System.nanoTime() - t0) / 1e9);
      }
      inertia[r] = m.inertia();
      iterations[r] = m.iterations();
    }
    // Seeds differ in how many iterations they need, so the mean time, the mean iteration count
    // and a least-squares split into a fixed part and a per-iteration part compare more robustly
    // than a median over a few seeds (sklearn_side.py prints the same line).
    double meanT = Arrays.stream(t).average().orElse(Double.NaN);
    double meanI = Arrays.stream(iterations).average().orElse(Double.NaN);
    double sxy = 0;
    double sxx = 0;
    for (int r = 0; r < repeats; r++) {
      sxy += (iterations[r] - meanI) * (t[r] - meanT);
      sxx += (iterations[r] - meanI) * (iterations[r] - meanI);
    }
    double slope = sxx > 0 ? sxy / sxx : 0;
    double[] sorted = t.clone();
    Arrays.sort(sorted);
    Arrays.sort(inertia);
    System.out.printf(Locale.ROOT, "%-36s median %.3f s  (min %.3f)  median inertia %.6e  n_iter %s%n",
        label, sorted[repeats / 2], sorted[0], inertia[repeats / 2], Arrays.toString(iterations));
    System.out.printf(Locale.ROOT, "%-36s mean %.4f s  mean n_iter %.2f  time = %.4f s + %.5f s per iteration%n",
        "", meanT, meanI, meanT - slope * meanI, slope);
  }

  private static void timeSeeding(double[][] data, int k, int repeats) {
    for (int w = 0; w < 3; w++) {
      KMeansPlusPlus.centers(data, null, k, new SplittableRandom(1000 + w));
    }
    double[] t = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      long t0 = System.nanoTime();
      KMeansPlusPlus.centers(data, null, k, new SplittableRandom(r));
      t[r] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(t);
    System.out.printf(Locale.ROOT, "%-36s median %.3f s  (min %.3f)%n", "kmeans++ seeding only (1 thread)",
        t[repeats / 2], t[0]);
  }

  static double[][] read(Path file, int d) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int n = b.remaining() / 8 / d;
    double[][] out = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < d; t++) {
        out[i][t] = b.getDouble();
      }
    }
    return out;
  }
}
