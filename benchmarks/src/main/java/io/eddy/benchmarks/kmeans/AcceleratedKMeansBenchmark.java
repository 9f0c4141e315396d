package io.eddy.benchmarks.kmeans;

import io.eddy.kmeans.KMeans;
import io.eddy.kmeans.KMeansModel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A whole single-threaded k-means fit (n = 20,000, k = 16, from fixed initial centers, so
 * every algorithm runs the same iterations to the same result) with Lloyd's, Hamerly's and
 * Elkan's assignment steps at low and high dimension. Lloyd is the baseline: the speed-up of
 * Hamerly or Elkan is Lloyd's time divided by theirs. The data are 16 overlapping Gaussian
 * blobs, so a fit takes tens of iterations.
 *
 * <pre>
 * ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar AcceleratedKMeansBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class AcceleratedKMeansBenchmark {

  static final int N = 20_000;
  static final int K = 16;

  @Param({"2", "8", "64"})
  public int d;

  @Param({"LLOYD", "HAMERLY", "ELKAN"})
  public KMeans.Algorithm algorithm;

  private double[][] data;
  private double[][] init;
  private KMeans kmeans;

  @Setup
  public void setup() {
    SplittableRandom rng = new SplittableRandom(7);
    double[][] blobs = new double[K][d];
    for (double[] c : blobs) {
      for (int t = 0; t < d; t++) {
        c[t] = rng.nextDouble(-10, 10);
      }
    }
    data = new double[N][d];
    for (int i = 0; i < N; i++) {
      for (int t = 0; t < d; t++) {
        data[i][t] = blobs[i % K][t] + 3.0 * gaussian(rng);
      }
    }
    init = new double[K][];
    for (int j = 0; j < K; j++) {
      init[j] = data[rng.nextInt(N)].clone();
    }
    kmeans = new KMeans(KMeans.Params.DEFAULTS.withK(K).withAlgorithm(algorithm).withThreads(1));
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }

  @Benchmark
  public KMeansModel fit() {
    return kmeans.fit(data, null, init);
  }
}
