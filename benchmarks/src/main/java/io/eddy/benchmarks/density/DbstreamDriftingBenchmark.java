package io.eddy.benchmarks.density;

import io.eddy.online.Dbstream;
import io.eddy.online.DbstreamModel;
import io.eddy.testkit.DriftingMixture;
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
 * {@link Dbstream#learn(double[])} on the realistic drifting stream ({@link DriftingMixture}:
 * d = 8, twelve moving Gaussian clusters with per-dimension sd 0.015-0.035, born and vanishing,
 * 5 % uniform noise), where micro-clusters overlap: several hundred of them, a point within r of
 * several. Beside it, the plain loop of the scan a learn without an index makes: the full
 * squared distance from the point to every micro-cluster centre, compared with r².
 *
 * <p>262,144 points are drawn once (seed 1); the clusterer learns the first 100,000 before
 * measuring and then continues through the array, wrapping around (a wrap makes the clusters
 * jump: a few thousand points of births and deaths, as at a turnover). The plain loop scans the
 * centres of the micro-clusters held after the warm-up.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar DbstreamDriftingBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DbstreamDriftingBenchmark {

  private static final int N = 1 << 18;
  private static final int MASK = N - 1;
  private static final int D = 8;
  private static final int WARM = 100_000;

  /** The radius: a user's choice from the data's scale, or {@code auto}. */
  @Param({"0.05", "0.08", "0.12", "auto"})
  public String r;

  private double[][] points;
  private Dbstream dbstream;
  private double[] centres;
  private double radiusSquared;
  private int m;
  private int i;

  @Setup
  public void setUp() {
    DriftingMixture stream = new DriftingMixture(1);
    points = new double[N][D];
    for (double[] p : points) {
      stream.next(p);
    }
    dbstream = new Dbstream(Dbstream.Params.SPEC.from(java.util.Map.of("r", r)));
    for (i = 0; i < WARM; i++) {
      dbstream.learn(points[i]);
    }
    DbstreamModel model = dbstream.snapshot();
    m = model.microClusterCount();
    centres = new double[m * D];
    for (int c = 0; c < m; c++) {
      System.arraycopy(model.microCenter(c), 0, centres, c * D, D);
    }
    radiusSquared = dbstream.radius() * dbstream.radius();
  }

  @Benchmark
  public long learn() {
    dbstream.learn(points[i++ & MASK]);
    return dbstream.seen();
  }

  /** The neighbour scan alone as a plain loop over the micro-clusters held after the warm-up. */
  @Benchmark
  public int plainNeighbourScan() {
    double[] x = points[i++ & MASK];
    int found = 0;
    for (int c = 0; c < m; c++) {
      double s = 0;
      for (int t = 0; t < D; t++) {
        double diff = x[t] - centres[c * D + t];
        s += diff * diff;
      }
      if (s <= radiusSquared) {
        found++;
      }
    }
    return found;
  }
}
