package io.eddy.benchmarks.canon;

import io.eddy.online.CluStream;
import java.util.SplittableRandom;
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
 * {@link CluStream#learn(double[])} at d = 8 with q micro-clusters in steady state (20 Gaussian
 * clusters, sd 0.5, centres 3 apart per coordinate; a snapshot every 100 points), beside a plain
 * loop of what an absorbed point costs at least: the squared distance to all q centres and an
 * update of one row of 2d + 3 sums.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar CluStreamLearnBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CluStreamLearnBenchmark {

  private static final int N = 1 << 16;
  private static final int MASK = N - 1;
  private static final int D = 8;

  /** q, the number of micro-clusters. */
  @Param({"100", "400"})
  public int q;

  private double[][] points;
  private CluStream clustream;
  private double[] centres;
  private double[] sums;
  private int i;

  @Setup
  public void setUp() {
    points = CanonStreams.blobs(1, N, D, 20, 3, 0.5);
    clustream = new CluStream(CluStream.Params.DEFAULTS.withK(20).withMaxMicroClusters(q));
    for (int r = 0; r < 4; r++) {
      for (double[] p : points) {
        clustream.learn(p);
      }
    }
    centres = new double[q * D];
    SplittableRandom rng = new SplittableRandom(2);
    for (int c = 0; c < q; c++) {
      System.arraycopy(points[rng.nextInt(N)], 0, centres, c * D, D);
    }
    sums = new double[q * (2 * D + 3)];
  }

  @Benchmark
  public long clustreamLearn() {
    clustream.learn(points[i++ & MASK]);
    return clustream.seen();
  }

  /** The plain loop: nearest of q centres, then the absorbed point's sums and centre. */
  @Benchmark
  public int plainNearestAndAbsorb() {
    double[] x = points[i++ & MASK];
    int best = 0;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int c = 0; c < q; c++) {
      double s = 0;
      for (int t = 0; t < D; t++) {
        double diff = x[t] - centres[c * D + t];
        s += diff * diff;
      }
      if (s < bestDist) {
        bestDist = s;
        best = c;
      }
    }
    int off = best * (2 * D + 3);
    sums[off] += 1;
    sums[off + 1] += i;
    sums[off + 2] += (double) i * i;
    double n = sums[off];
    for (int t = 0; t < D; t++) {
      sums[off + 3 + t] += x[t];
      sums[off + 3 + D + t] += x[t] * x[t];
      centres[best * D + t] = sums[off + 3 + t] / n;
    }
    return best;
  }
}
