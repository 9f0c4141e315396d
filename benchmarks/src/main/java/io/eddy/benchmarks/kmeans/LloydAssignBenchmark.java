package io.eddy.benchmarks.kmeans;

import io.eddy.math.BlockNearest;
import io.eddy.math.NearestCenter;
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
 * The Lloyd assignment pass (every point against every center): Eddy's direct kernel
 * {@link NearestCenter#nearest(double[], int, double[], int, int)} and the blocked kernel
 * {@link BlockNearest} that Lloyd's iterations use, beside a plain loop doing the same
 * arithmetic. Each invocation assigns {@value #N} points to {@value #K} centers; JMH reports
 * ns per point, and the results file divides by K·d to give ns per (point × center × dimension).
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
  private double[] packed;
  private double[] pointNorms;
  private double[] centerNorms;
  private int[] found;
  private double[] scratch;

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
    packed = new double[(int) BlockNearest.packedLength(N, d)];
    pointNorms = new double[N];
    BlockNearest.pack(x, N, d, packed, pointNorms);
    centerNorms = new double[K + 1];
    found = new int[BlockNearest.BLOCK];
    scratch = new double[3 * BlockNearest.BLOCK];
  }

  /** Eddy's kernel: one assignment pass, per point. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int[] eddy() {
    final int dim = d;
    for (int i = 0; i < N; i++) {
      labels[i] = NearestCenter.nearest(x, i * dim, centers, K, dim);
    }
    return labels;
  }

  /**
   * The blocked, vectorised kernel Lloyd's iterations use ({@link BlockNearest}, same answers
   * as the direct kernel), per point.
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public int[] eddyBlocked() {
    final int dim = d;
    BlockNearest.centerNorms(centers, K, dim, centerNorms);
    for (int from = 0; from < N; from += BlockNearest.BLOCK) {
      BlockNearest.nearest(x, packed, pointNorms, from, BlockNearest.BLOCK, centers, centerNorms,
          K, dim, found, scratch);
      System.arraycopy(found, 0, labels, from, BlockNearest.BLOCK);
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
