package io.eddy.benchmarks.kmeans;

import io.eddy.math.Columns;
import io.eddy.math.Euclid;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Lloyd assignment pass (every point against every center) with Eddy's two kernels, beside
 * a plain loop doing the same arithmetic: {@link Columns#nearest}, the column kernel that
 * Lloyd's iterations, Hamerly's first pass and mini-batch steps use, and
 * {@code Euclid.nearest(double[], int, double[], int, int)}, the per-point kernel of
 * {@code predict}. Each invocation assigns {@value #N} points to {@value #K} centers; JMH
 * reports ns per point, and the results file divides by K·d to give ns per (point × center ×
 * dimension).
 *
 * <pre>
 * ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar LloydAssignBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class LloydAssignBenchmark {

  static final int N = 4096;
  static final int K = 16;

  @Param({"2", "8", "16", "64"})
  public int d;

  private double[] x;
  private double[] centers;
  private int[] labels;
  private Columns columns;
  private double[] distances;
  private double[] first;
  private double[] second;
  private double[][] steps;

  @Setup
  public void setup() {
    SplittableRandom rng = new SplittableRandom(42);
    x = new double[N * d];
    centers = new double[K * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextDouble(-10, 10);
    }
    for (int i = 0; i < centers.length; i++) {
      centers[i] = rng.nextDouble(-10, 10);
    }
    labels = new int[N];
    double[][] rows = new double[N][];
    for (int i = 0; i < N; i++) {
      rows[i] = java.util.Arrays.copyOfRange(x, i * d, (i + 1) * d);
    }
    columns = Columns.copyOf(rows);
    distances = new double[N];
    first = new double[N];
    second = new double[N];
    steps = Columns.scratch(K);
  }

  /** The column kernel: one assignment pass with both smallest distances, per point. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int[] columns() {
    columns.nearest(0, N, centers, K, distances, steps, labels, first, second);
    return labels;
  }

  /** The per-point kernel: one assignment pass, per point. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int[] eddy() {
    final int dim = d;
    for (int i = 0; i < N; i++) {
      labels[i] = Euclid.nearest(x, i * dim, centers, K, dim);
    }
    return labels;
  }

  /** The same arithmetic as a plain triple loop with one accumulator, per point. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int[] plainLoop() {
    final int dim = d;
    final double[] xs = x;
    final double[] cs = centers;
    for (int i = 0; i < N; i++) {
      int best = 0;
      double bestDist = Double.POSITIVE_INFINITY;
      for (int j = 0; j < K; j++) {
        double s = 0;
        for (int t = 0; t < dim; t++) {
          double diff = xs[i * dim + t] - cs[j * dim + t];
          s += diff * diff;
        }
        if (s < bestDist) {
          bestDist = s;
          best = j;
        }
      }
      labels[i] = best;
    }
    return labels;
  }
}
