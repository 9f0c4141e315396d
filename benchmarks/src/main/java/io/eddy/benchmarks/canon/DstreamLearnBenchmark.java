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
 * decay factor ({@code Math.pow}). The difference is the hash probe and the adjustments (every
 * gap points: 2 at d = 2, 1 at d = 4 with these data), which visit only the grids hit or due
 * and relabel only around the grids whose class changed.
 *
 * <p>{@code stream = soak} is the soak's stream instead ({@code io.eddy.benchmarks.soak.Soak}):
 * five Gaussian blobs of sd 1 in 8 dimensions whose centres drift, 65,536 points generated once
 * and replayed, so that nearly every point opens a grid, every grid is dense and gap is 1 (an
 * adjustment after every point); {@code d} is then ignored.
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

  /** {@code clusters}: three clusters in [0, 20]^d; {@code soak}: the soak's 8-D drifting blobs. */
  @Param({"clusters", "soak"})
  public String stream;

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

  /** The soak's stream: five blobs of sd 1 in 8-D, centres drifting by 1e-5 (j + 1) per point. */
  static double[][] soak(long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] centres = new double[5][8];
    for (double[] c : centres) {
      for (int j = 0; j < 8; j++) {
        c[j] = 10 * rng.nextDouble();
      }
    }
    double[][] out = new double[n][8];
    for (int i = 0; i < n; i++) {
      double[] c = centres[i % 5];
      for (int j = 0; j < 8; j++) {
        c[j] += 1e-5 * (j + 1);
        out[i][j] = c[j] + rng.nextGaussian();
      }
    }
    return out;
  }

  @Setup
  public void setUp() {
    points = stream.equals("soak") ? soak(1, N) : clusters(1, N, d);
    dstream = new Dstream(Dstream.Params.DEFAULTS);
    // the soak's stream holds its ~8,000 grids after 10,000 points, and learns slowly
    for (int k = stream.equals("soak") ? 3 : 0; k < 4; k++) {
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
