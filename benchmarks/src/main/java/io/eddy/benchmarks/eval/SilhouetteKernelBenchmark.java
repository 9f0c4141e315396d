package io.eddy.benchmarks.eval;

import io.eddy.math.DistanceSums;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pairwise block kernel of the exact silhouette ({@link DistanceSums#clusterSums}) beside
 * a plain loop doing the same arithmetic: for each of 64 rows (one work block), the sum of
 * its Euclidean distances to every point of each cluster, over n points of dimension d in
 * 6 clusters. The plain loop reads row-major {@code double[][]} points and scatters each
 * root into the sum of the other point's label, as a textbook silhouette would.
 *
 * <p>Each operation evaluates 64·n distances; divide the time by that for the cost per pair.
 *
 * <pre>
 * ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SilhouetteKernelBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SilhouetteKernelBenchmark {

  private static final int ROWS = 64;
  private static final int K = 6;

  @Param({"20000"})
  int n;

  @Param({"8"})
  int d;

  // Kernel layout: cluster-major, one array per feature.
  double[][] cols;
  int[] start;
  int[] rows;
  double[] xs;
  double[] buf;
  double[] sums;

  // Plain layout: rows in arbitrary order with a label each.
  double[][] points;
  int[] labels;
  double[] plainSums;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(42);
    points = new double[n][d];
    labels = new int[n];
    int[] sizes = new int[K];
    for (int i = 0; i < n; i++) {
      labels[i] = rng.nextInt(K);
      sizes[labels[i]]++;
      for (int f = 0; f < d; f++) {
        points[i][f] = labels[i] * 3 + rng.nextDouble();
      }
    }
    start = new int[K + 1];
    for (int c = 0; c < K; c++) {
      start[c + 1] = start[c] + sizes[c];
    }
    int[] next = start.clone();
    cols = new double[d][n];
    for (int i = 0; i < n; i++) {
      int p = next[labels[i]]++;
      for (int f = 0; f < d; f++) {
        cols[f][p] = points[i][f];
      }
    }
    rows = new int[ROWS];
    for (int r = 0; r < ROWS; r++) {
      rows[r] = r * (n / ROWS);
    }
    xs = new double[ROWS * d];
    buf = new double[n];
    sums = new double[ROWS * K];
    plainSums = new double[K];
  }

  @Benchmark
  public double[] kernel() {
    DistanceSums.clusterSums(cols, rows, 0, ROWS, start, K, xs, buf, sums);
    return sums;
  }

  @Benchmark
  public void plainLoop(Blackhole bh) {
    double[] acc = plainSums;
    for (int r = 0; r < ROWS; r++) {
      double[] a = points[rows[r]];
      java.util.Arrays.fill(acc, 0);
      for (int j = 0; j < n; j++) {
        double[] b = points[j];
        double s = 0;
        for (int f = 0; f < d; f++) {
          double t = a[f] - b[f];
          s += t * t;
        }
        acc[labels[j]] += Math.sqrt(s);
      }
      bh.consume(acc[0] + acc[K - 1]);
    }
  }
}
