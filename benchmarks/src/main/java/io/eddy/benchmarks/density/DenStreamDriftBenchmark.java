package io.eddy.benchmarks.density;

import io.eddy.online.DenStream;
import io.eddy.online.DenStreamModel;
import io.eddy.testkit.DriftingMixture;
import java.util.Map;
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
 * {@link DenStream#learn(double[])} on the realistic drifting stream {@link DriftingMixture}
 * (d = 8, twelve moving Gaussian clusters with sd 0.015–0.035 that are born and vanish, 5 %
 * uniform noise), where each cluster is covered by several micro-clusters, beside a plain loop
 * of the nearest-micro-cluster search every point needs: the full squared distance to each of
 * the clusterer's micro-clusters (potential and outlier), keeping the least.
 *
 * <p>The stream's first 2^18 points are drawn once and replayed in a loop (the clock goes on, so
 * clusters from the start come back as if born again); the clusterer first learns them twice.
 * Epsilon "auto" estimates about 0.08 here (60–90 potential micro-clusters), 0.1 gives 30–50.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar DenStreamDriftBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DenStreamDriftBenchmark {

  private static final int N = 1 << 18;
  private static final int MASK = N - 1;
  private static final int D = 8;

  /** The micro-cluster radius bound. */
  @Param({"auto", "0.1"})
  public String epsilon;

  /** The decay rate per point. */
  @Param({"0.001"})
  public double lambda;

  private double[][] points;
  private DenStream denstream;
  private double[] centres;
  private int m;
  private int i;

  @Setup
  public void setUp() {
    DriftingMixture stream = new DriftingMixture(1);
    points = new double[N][D];
    for (double[] p : points) {
      stream.next(p);
    }
    denstream = new DenStream(DenStream.Params.SPEC.from(Map.of("epsilon", epsilon, "lambda", lambda)));
    for (int pass = 0; pass < 2; pass++) {
      for (double[] p : points) {
        denstream.learn(p);
      }
    }
    DenStreamModel model = denstream.snapshot();
    int p = model.microClusterCount();
    m = p + denstream.outlierCount();
    centres = new double[m * D];
    for (int c = 0; c < p; c++) {
      System.arraycopy(model.microCenter(c), 0, centres, c * D, D);
    }
    for (int c = p; c < m; c++) {
      System.arraycopy(points[c], 0, centres, c * D, D);
    }
    System.out.printf("%n[epsilon %s in effect %.4f: %d potential + %d outlier micro-clusters]%n",
        epsilon, denstream.epsilon(), p, m - p);
  }

  @Benchmark
  public long learn() {
    denstream.learn(points[i++ & MASK]);
    return denstream.seen();
  }

  /** The nearest-micro-cluster search alone as a plain loop over all m micro-clusters. */
  @Benchmark
  public int plainNearestScan() {
    double[] x = points[i++ & MASK];
    int best = -1;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int c = 0; c < m; c++) {
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
    return best;
  }
}
