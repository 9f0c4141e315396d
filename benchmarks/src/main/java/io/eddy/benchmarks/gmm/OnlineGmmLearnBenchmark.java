package io.eddy.benchmarks.gmm;

import io.eddy.Parameter;
import io.eddy.math.MixtureDensity;
import io.eddy.mixture.CovarianceType;
import io.eddy.mixture.GaussianMixtureModel;
import io.eddy.online.OnlineGaussianMixture;
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
 * One stepwise-EM step of {@link OnlineGaussianMixture#learn(double[])} at d = 8, k = 8 (data:
 * {@link EmData}, cycled), for each covariance type, beside the E-step density evaluation of
 * the same point alone ({@code densityOnly}, the {@link MixtureDensity} call that
 * {@code learn} starts with). The difference is the statistics update and the M-step (for
 * full covariances, k Cholesky factorisations and inversions per point).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OnlineGmmLearnBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OnlineGmmLearnBenchmark {

  @Param({"full", "diagonal", "spherical", "tied"})
  String covariance;

  double[][] x;
  OnlineGaussianMixture learner;
  MixtureDensity density;
  double[] logp = new double[8];
  double[] scratch = new double[8];
  int next;

  @Setup
  public void setUp() {
    x = EmData.points(50_000, 8, 8);
    learner = new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS.withK(8)
        .withCovariance(Parameter.Choice.of(CovarianceType.class, covariance)).withWarmup(2000));
    for (int i = 0; i < 5000; i++) {
      learner.learn(x[i]);
    }
    GaussianMixtureModel m = learner.snapshot();
    density = new MixtureDensity(m.covarianceType().ordinal(), 8, 8);
    double[] means = new double[64];
    for (int c = 0; c < 8; c++) {
      System.arraycopy(m.center(c), 0, means, c * 8, 8);
    }
    density.set(m.weights(), means, m.covariances(), true);
    next = 5000;
  }

  @Benchmark
  public long learn() {
    learner.learn(x[next]);
    next = next + 1 == x.length ? 0 : next + 1;
    return learner.seen();
  }

  @Benchmark
  public double densityOnly() {
    double v = density.weightedLogDensities(x[next], logp, scratch);
    next = next + 1 == x.length ? 0 : next + 1;
    return v;
  }
}
