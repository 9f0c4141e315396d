package io.eddy.benchmarks.canon;

import io.eddy.benchmarks.density.DensityStreams;
import io.eddy.online.Birch;
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
 * {@link Birch#learn(double[])} at d = 8 in a steady state of about 100 and 1,000 subclusters
 * (tight clusters far apart, standard deviation 0.1, threshold 0.5, B = 50: each cluster is one
 * subcluster and no point starts a new one), beside a plain loop of the arithmetic a learn does
 * on its way down the tree: on each of the tree's h levels, the nearest of B centres by full
 * squared distance (an upper bound: real nodes are not all full).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar BirchLearnBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BirchLearnBenchmark {

  private static final int N = 1 << 16;
  private static final int MASK = N - 1;
  private static final int D = 8;
  private static final int B = 50;

  /** The number of clusters, hence of subclusters in steady state. */
  @Param({"100", "1000"})
  public int clusters;

  private double[][] points;
  private Birch birch;
  private double[] centres;
  private int levels;
  private int i;

  @Setup
  public void setUp() {
    points = DensityStreams.tightClusters(1, N, D, clusters, 0.1);
    birch = new Birch(Birch.Params.DEFAULTS.withThreshold(0.5).withBranchingFactor(B).withK(0));
    for (int k = 0; k < 4; k++) {
      for (double[] p : points) {
        birch.learn(p);
      }
    }
    levels = birch.height();
    centres = new double[levels * B * D];
    for (int c = 0; c < levels * B; c++) {
      System.arraycopy(points[c % clusters], 0, centres, c * D, D);
    }
  }

  @Benchmark
  public long birchLearn() {
    birch.learn(points[i++ & MASK]);
    return birch.seen();
  }

  /** The descent's distances as a plain loop: per level, the nearest of B centres. */
  @Benchmark
  public int plainPathScan() {
    double[] x = points[i++ & MASK];
    int sum = 0;
    for (int level = 0; level < levels; level++) {
      int best = 0;
      double bestDist = Double.POSITIVE_INFINITY;
      for (int c = level * B; c < (level + 1) * B; c++) {
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
      sum += best;
    }
    return sum;
  }

  /** The subclusters and tree height of the steady state, for the report. */
  public static void main(String[] args) {
    for (int c : new int[] {100, 1000}) {
      BirchLearnBenchmark b = new BirchLearnBenchmark();
      b.clusters = c;
      b.setUp();
      System.out.println(c + " clusters: " + b.birch.subclusterCount() + " subclusters, height " + b.levels);
    }
  }
}
