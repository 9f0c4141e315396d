package io.eddy.benchmarks.kmeans;

import io.eddy.online.MiniBatchKMeans;
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
 * Mini-batch k-means per point (k = 16, batch 1024): {@code learn(double[])}, which buffers
 * and runs a step every 1024 points, and {@code learn(double[][])} on a whole batch, beside a
 * plain loop doing a step's arithmetic (nearest center, weighted sums, center update). Run
 * with {@code -prof gc}: {@code learnPoint} must allocate nothing in steady state.
 *
 * <pre>
 * ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar MiniBatchStepBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class MiniBatchStepBenchmark {

  static final int K = 16;
  static final int BATCH = 1024;
  static final int STREAM = 1 << 14;
  static final int MASK = STREAM - 1;

  @Param({"2", "16"})
  public int d;

  private double[][] stream;
  private double[][] batch;
  private MiniBatchKMeans clusterer;
  private int next;

  private double[] flat;
  private double[] centers;
  private double[] counts;
  private double[] sums;
  private double[] sumWeights;

  @Setup
  public void setup() {
    SplittableRandom rng = new SplittableRandom(3);
    stream = new double[STREAM][d];
    for (int i = 0; i < STREAM; i++) {
      int c = i % K;
      for (int t = 0; t < d; t++) {
        stream[i][t] = c * 3 + (t % 2 == 0 ? 1 : -1) * c + rng.nextDouble(-1, 1);
      }
    }
    batch = java.util.Arrays.copyOf(stream, BATCH);
    clusterer = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(K).withBatchSize(BATCH).withSeed(1));
    for (int i = 0; i < 4 * BATCH; i++) {
      clusterer.learn(stream[i]);
    }
    flat = new double[BATCH * d];
    for (int i = 0; i < BATCH; i++) {
      System.arraycopy(stream[i], 0, flat, i * d, d);
    }
    centers = clusterer.snapshot().flatCenters();
    counts = new double[K];
    java.util.Arrays.fill(counts, 1000);
    sums = new double[K * d];
    sumWeights = new double[K];
  }

  /** One point through {@code learn(double[])}: buffered, a full step every 1024 points. */
  @Benchmark
  public long learnPoint() {
    clusterer.learn(stream[next++ & MASK]);
    return clusterer.seen();
  }

  /** One step on a 1024-point batch through {@code learn(double[][])}, per point. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long learnBatch() {
    clusterer.learn(batch);
    return clusterer.seen();
  }

  /** A step's arithmetic as a plain loop on a flat batch, per point. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double[] plainLoopStep() {
    final int dim = d;
    java.util.Arrays.fill(sums, 0.0);
    java.util.Arrays.fill(sumWeights, 0.0);
    for (int i = 0; i < BATCH; i++) {
      int best = 0;
      double bestDist = Double.POSITIVE_INFINITY;
      for (int j = 0; j < K; j++) {
        double s = 0;
        for (int t = 0; t < dim; t++) {
          double diff = flat[i * dim + t] - centers[j * dim + t];
          s += diff * diff;
        }
        if (s < bestDist) {
          bestDist = s;
          best = j;
        }
      }
      for (int t = 0; t < dim; t++) {
        sums[best * dim + t] += flat[i * dim + t];
      }
      sumWeights[best] += 1;
    }
    for (int j = 0; j < K; j++) {
      if (sumWeights[j] > 0) {
        double total = counts[j] + sumWeights[j];
        for (int t = 0; t < dim; t++) {
          centers[j * dim + t] = (centers[j * dim + t] * counts[j] + sums[j * dim + t]) / total;
        }
        counts[j] = total;
      }
    }
    return centers;
  }
}
