package io.eddy.benchmarks.gmm;

import io.eddy.mixture.GaussianMixture;
import io.eddy.mixture.GaussianMixtureModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * EM for a full-covariance Gaussian mixture at n = 50,000, d = 8, k = 8 (data: {@link EmData}).
 *
 * <ul>
 *   <li>{@code fit} runs {@code iterations} EM iterations (E-step and M-step) from fixed start
 *       parameters through the public API ({@link GaussianMixture#fit(double[][], double[],
 *       GaussianMixtureModel)} with {@code tol = 0}), on {@code threads} threads. The cost of
 *       one iteration is the difference between 10 and 1 iterations divided by 9, which
 *       cancels the per-fit input validation and allocation.</li>
 * </ul>
 * The density evaluation alone, beside its plain-loop baseline, is {@link GmmDensityBenchmark}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GmmEmBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GmmEmBenchmark {

  static final int N = 50_000;
  static final int D = 8;
  static final int K = 8;

  @Param({"1", "2"})
  int threads;

  @Param({"1", "10"})
  int iterations;

  double[][] x;
  GaussianMixtureModel start;
  GaussianMixture em;

  @Setup
  public void setUp() {
    x = EmData.points(N, D, K);
    start = EmData.start(x, K);
    em = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(K).withMaxIter(iterations)
        .withTol(0).withThreads(threads));
  }

  @Benchmark
  public GaussianMixtureModel fit() {
    return em.fit(x, null, start);
  }
}
