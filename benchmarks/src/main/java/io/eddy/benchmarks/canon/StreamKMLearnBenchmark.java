package io.eddy.benchmarks.canon;

import io.eddy.online.StreamKM;
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
 * {@link StreamKM#learn(double[])} at d = 8 with coreset size m (20 Gaussian clusters, sd 0.5,
 * centres 3 apart per coordinate), amortised over the carries that merge and reduce buckets,
 * beside a plain loop of the arithmetic the reductions need per point at least. A carry every m
 * points costs about two reductions amortised (a binary counter's carries halve at each level),
 * each measuring 2m points against a representative once per level of a balanced coreset tree
 * (log₂ m levels): 4·log₂ m squared distances per point.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar StreamKMLearnBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StreamKMLearnBenchmark {

  private static final int N = 1 << 16;
  private static final int MASK = N - 1;
  private static final int D = 8;
  private static final int LEVELS = 7;

  /** m, the coreset size. */
  @Param({"200", "1000"})
  public int m;

  private double[][] points;
  private StreamKM streamkm;
  private double[] flat;
  private int depth;
  private int i;

  @Setup
  public void setUp() {
    points = CanonStreams.blobs(1, N, D, 20, 3, 0.5);
    streamkm = new StreamKM(StreamKM.Params.DEFAULTS.withK(20).withCoresetSize(m).withMaxLevels(LEVELS + 1));
    for (int r = 0; r < 4; r++) {
      for (double[] p : points) {
        streamkm.learn(p);
      }
    }
    flat = new double[N * D];
    for (int p = 0; p < N; p++) {
      System.arraycopy(points[p], 0, flat, p * D, D);
    }
    depth = 32 - Integer.numberOfLeadingZeros(m - 1);
  }

  @Benchmark
  public long streamkmLearn() {
    streamkm.learn(points[i++ & MASK]);
    return streamkm.seen();
  }

  /** The plain loop: per point, 4·log₂ m squared distances between stored points. */
  @Benchmark
  public double plainReductionShare() {
    int at = i++ & MASK;
    double s = 0;
    for (int r = 0, reps = 4 * depth; r < reps; r++) {
      int a = ((at + r) & MASK) * D;
      int b = ((at + 97 * r + 1) & MASK) * D;
      double t = 0;
      for (int j = 0; j < D; j++) {
        double diff = flat[a + j] - flat[b + j];
        t += diff * diff;
      }
      s += t;
    }
    return s;
  }
}
