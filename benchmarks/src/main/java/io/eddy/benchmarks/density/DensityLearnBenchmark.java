package io.eddy.benchmarks.density;

import io.eddy.math.Neighbours;
import io.eddy.online.DenStream;
import io.eddy.online.Dbstream;
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
 * {@link Dbstream#learn(double[])} and {@link DenStream#learn(double[])} at d = 8 in a steady
 * state of about 100 and 1,000 micro-clusters (tight clusters far apart, see
 * {@link DensityStreams#tightClusters}), beside a plain loop of the neighbour scan that
 * dominates both: the squared distance to every centre, compared with r², and the
 * early-abandoning kernel {@link Neighbours#withinRadius} that replaces it.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar DensityLearnBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DensityLearnBenchmark {

  private static final int N = 1 << 16;
  private static final int MASK = N - 1;
  private static final int D = 8;

  /** The number of clusters, hence of micro-clusters in steady state. */
  @Param({"100", "1000"})
  public int clusters;

  private double[][] points;
  private Dbstream dbstream;
  private DenStream denstream;
  private double[] centres;
  private int m;
  private int[] found;
  private double[] foundDist;
  private int i;

  @Setup
  public void setUp() {
    points = DensityStreams.tightClusters(1, N, D, clusters, 0.1);
    dbstream = new Dbstream(Dbstream.Params.DEFAULTS.withR(1).withLambda(1e-4).withTGap(1000));
    denstream = new DenStream(DenStream.Params.DEFAULTS.withEpsilon(1).withLambda(1e-4)
        .withInitPoints(0));
    for (int k = 0; k < 4; k++) {
      for (double[] p : points) {
        dbstream.learn(p);
        denstream.learn(p);
      }
    }
    m = dbstream.microClusterCount();
    centres = new double[m * D];
    found = new int[m];
    foundDist = new double[m];
    for (int c = 0; c < m; c++) {
      System.arraycopy(points[c], 0, centres, c * D, D);
    }
  }

  @Benchmark
  public long dbstreamLearn() {
    dbstream.learn(points[i++ & MASK]);
    return dbstream.seen();
  }

  @Benchmark
  public long denstreamLearn() {
    denstream.learn(points[i++ & MASK]);
    return denstream.seen();
  }

  /** The early-abandoning kernel DBSTREAM uses, {@link Neighbours#withinRadius}, alone. */
  @Benchmark
  public int kernelNeighbourScan() {
    return Neighbours.withinRadius(points[i++ & MASK], centres, m, 1.0, found, foundDist);
  }

  /** The neighbour scan alone as a plain loop: every full squared distance, compared with r² = 1. */
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
      if (s <= 1.0) {
        found++;
      }
    }
    return found;
  }
}
