package io.eddy.benchmarks.density;

import io.eddy.online.DenStream;
import io.eddy.online.Dbstream;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The bounded-memory soak: streams points of five 8-D blobs with 10% uniform noise through
 * DBSTREAM or DenStream and reports, every million points, the micro-cluster count (current
 * and maximum so far), DBSTREAM's shared-density entries, the macro cluster count, the heap in
 * use after a full collection, and the throughput. Memory is bounded if the counts and the heap
 * stop growing.
 *
 * <p>Run (after {@code ./mvnw -q -B -o -pl benchmarks -am package -DskipTests}):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.density.DensitySoak dbstream 10000000
 * java -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.density.DensitySoak denstream 10000000
 * </pre>
 * Settings: DBSTREAM r = 3, lambda = 0.001, tGap = 1000, wMin = 3, alpha = 0.1; DenStream
 * epsilon = 1.5, mu = 10, beta = 0.2, lambda = 0.001, initPoints = 1000.
 */
public final class DensitySoak {

  private DensitySoak() {}

  /** Arguments: {@code dbstream|denstream [points] [noise]}. */
  public static void main(String[] args) {
    String algo = args.length > 0 ? args[0] : "dbstream";
    long n = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    double noise = args.length > 2 ? Double.parseDouble(args[2]) : 0.1;
    int d = 8;
    Dbstream db = null;
    DenStream den = null;
    if (algo.equals("dbstream")) {
      db = new Dbstream(Dbstream.Params.DEFAULTS.withR(3).withLambda(0.001).withTGap(1000).withWMin(3).withAlpha(0.1));
    } else if (algo.equals("denstream")) {
      den = new DenStream(DenStream.Params.SPEC.from(Map.of("epsilon", 1.5, "mu", 10, "beta", 0.2, "lambda", 0.001, "initPoints", 1000, "offlineFactor", 2)));
    } else {
      throw new IllegalArgumentException("algorithm must be dbstream or denstream, got " + algo);
    }
    SplittableRandom rng = new SplittableRandom(2026);
    double[] x = new double[d];
    int max = 0;
    long start = System.nanoTime();
    long lastReport = start;
    System.out.println("points,micro_clusters,max_micro_clusters,shared_density_entries,macro_clusters,heap_used_mb,points_per_s");
    for (long i = 1; i <= n; i++) {
      DensityStreams.soakPoint(rng, noise, x);
      int m;
      if (db != null) {
        db.learn(x);
        m = db.microClusterCount();
      } else {
        den.learn(x);
        m = den.potentialCount() + den.outlierCount();
      }
      if (m > max) {
        max = m;
      }
      if (i % 1_000_000 == 0 || i == n) {
        long now = System.nanoTime();
        double rate = 1_000_000 / ((now - lastReport) / 1e9);
        int macro = db != null ? db.snapshot().clusterCount() : den.snapshot().clusterCount();
        int shared = db != null ? db.sharedDensityCount() : 0;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        double heap = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        System.out.println(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%.1f,%.0f", i, m, max, shared, macro,
            heap, rate));
        lastReport = System.nanoTime();
      }
    }
    System.out.println(String.format(Locale.ROOT, "total %.1f s", (System.nanoTime() - start) / 1e9));
  }
}
