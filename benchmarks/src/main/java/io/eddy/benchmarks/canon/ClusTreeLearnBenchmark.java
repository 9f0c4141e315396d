package io.eddy.benchmarks.canon;

import io.eddy.online.ClusTree;
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
 * {@link ClusTree#learn(double[])} in steady state (a full tree of MOA's shape: 3 entries per
 * node, 8 levels) on three Gaussian clusters with 5% noise in d = 2 and 8 (as
 * {@link DstreamLearnBenchmark}), unbudgeted and with a budget of 2 levels, beside a plain loop
 * of the descent's arithmetic: at each of the 7 inner levels, the distance from the point to 3
 * entry means and the addition of the point to the nearest entry's CF, on a flat array.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar ClusTreeLearnBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClusTreeLearnBenchmark {

  private static final int N = 1 << 16;
  private static final int MASK = N - 1;
  private static final int LEVELS = 7;
  private static final int FAN = 3;

  /** The dimension. */
  @Param({"2", "8"})
  public int d;

  private double[][] points;
  private ClusTree full;
  private ClusTree budgeted;
  private double[] ls;
  private double[] n;
  private int i;

  @Setup
  public void setUp() {
    points = DstreamLearnBenchmark.clusters(1, N, d);
    full = new ClusTree(ClusTree.Params.DEFAULTS);
    budgeted = new ClusTree(ClusTree.Params.DEFAULTS.withBudget(2));
    for (int k = 0; k < 4; k++) {
      for (double[] p : points) {
        full.learn(p);
        budgeted.learn(p);
      }
    }
    ls = new double[LEVELS * FAN * d];
    n = new double[LEVELS * FAN];
    for (int e = 0; e < LEVELS * FAN; e++) {
      n[e] = 1;
      System.arraycopy(points[e], 0, ls, e * d, d);
    }
  }

  @Benchmark
  public long clustreeLearn() {
    full.learn(points[i++ & MASK]);
    return full.seen();
  }

  @Benchmark
  public long clustreeLearnBudget2() {
    budgeted.learn(points[i++ & MASK]);
    return budgeted.seen();
  }

  /** Seven levels of: squared distance to three entry means, then add to the nearest. */
  @Benchmark
  public double plainDescent() {
    double[] x = points[i++ & MASK];
    double total = 0;
    for (int level = 0; level < LEVELS; level++) {
      int best = 0;
      double bestDist = Double.POSITIVE_INFINITY;
      for (int s = 0; s < FAN; s++) {
        int e = level * FAN + s;
        double dist = 0;
        for (int j = 0; j < d; j++) {
          double diff = x[j] - ls[e * d + j] / n[e];
          dist += diff * diff;
        }
        if (dist < bestDist) {
          bestDist = dist;
          best = s;
        }
      }
      int e = level * FAN + best;
      n[e] = n[e] * 0.999 + 1;
      for (int j = 0; j < d; j++) {
        ls[e * d + j] = ls[e * d + j] * 0.999 + x[j];
      }
      total += bestDist;
    }
    return total;
  }
}
