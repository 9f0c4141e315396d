package io.eddy.benchmarks.core;

import io.eddy.benchmarks.Inputs;
import io.eddy.online.SequentialKMeans;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link SequentialKMeans#learn(double[])} in steady state against a plain loop doing the
 * same arithmetic (nearest center, count update, MacQueen step) without validation.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar SequentialKMeansBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SequentialKMeansBenchmark {

  private static final int N = 4096;
  private static final int MASK = N - 1;

  /** "d:k". */
  @Param({"8:8", "32:16"})
  public String shape;

  private int d;
  private int k;
  private double[][] points;
  private SequentialKMeans kmeans;
  private double[] centers;
  private double[] counts;
  private int i;

  @Setup
  public void setUp() {
    String[] parts = shape.split(":");
    d = Integer.parseInt(parts[0]);
    k = Integer.parseInt(parts[1]);
    points = Inputs.points(1, N, d);
    kmeans = new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(k).withSeed(1));
    for (double[] p : points) {
      kmeans.learn(p); // past the warm-up: the benchmark measures the steady state
    }
    centers = Inputs.flat(2, k, d);
    counts = new double[k];
  }

  @Benchmark
  public long learn() {
    kmeans.learn(points[i++ & MASK]);
    return kmeans.seen();
  }

  @Benchmark
  public double plainLoop() {
    double[] x = points[i++ & MASK];
    int best = 0;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double s = 0;
      for (int t = 0; t < d; t++) {
        double diff = x[t] - centers[c * d + t];
        s += diff * diff;
      }
      if (s < bestDist) {
        bestDist = s;
        best = c;
      }
    }
    double n = ++counts[best];
    double rate = 1.0 / n;
    for (int t = 0; t < d; t++) {
      centers[best * d + t] += rate * (x[t] - centers[best * d + t]);
    }
    return centers[best * d];
  }
}
