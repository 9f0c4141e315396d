package io.eddy.benchmarks.canon;

import io.eddy.online.Dstream;
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
 * {@link Dstream#learn(double[])} in steady state on three Gaussian clusters (sd 0.6) in
 * [0, 20]^d with 5% uniform noise, grids of width 1, the paper's defaults, beside a plain loop of
 * the per-point arithmetic D-Stream cannot avoid: the grid coordinates, a hash of them and one
 * decay factor ({@code Math.pow}). The difference is the hash probe and the adjustments, which
 * cost O(G·d) every gap points for G grids held (gap shrinks as the space grows: 2 at d = 2,
 * 1 at d = 4 with these data).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar DstreamLearnBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DstreamLearnBenchmark {

  private static final int N = 1 << 16;
  private static final int MASK = N - 1;

  /** The dimension. */
  @Param({"2", "4"})
  public int d;

  private double[][] points;
  private Dstream dstream;
  private int i;

  /** Three Gaussian clusters in [0, 20]^d plus 5% uniform noise, as in the MOA cross-check. */
  static double[][] clusters(long seed, int n, int d) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] centres = new double[3][d];
    for (double[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = rng.nextDouble(3, 17);
      }
    }
    double[][] out = new double[n][d];
    for (double[] p : out) {
      boolean noise = rng.nextDouble() < 0.05;
      double[] c = centres[rng.nextInt(3)];
      for (int j = 0; j < d; j++) {
        p[j] = noise ? rng.nextDouble(0, 20) : c[j] + 0.6 * rng.nextGaussian();
      }
    }
    return out;
  }

  @Setup
  public void setUp() {
    points = clusters(1, N, d);
    dstream = new Dstream(Dstream.Params.DEFAULTS);
    for (int k = 0; k < 4; k++) {
      for (double[] p : points) {
        dstream.learn(p);
      }
    }
  }

  @Benchmark
  public long dstreamLearn() {
    dstream.learn(points[i++ & MASK]);
    return dstream.seen();
  }

  /** The grid coordinates, their hash and one decay factor, as a plain loop. */
  @Benchmark
  public double plainGridHash() {
    double[] x = points[i++ & MASK];
    long h = 0;
    for (int j = 0; j < x.length; j++) {
      h = (h + (long) Math.floor(x[j] / 1.0)) * 0x9E3779B97F4A7C15L;
    }
    return Math.pow(0.998, (double) (h & 7)) + h;
  }
}
