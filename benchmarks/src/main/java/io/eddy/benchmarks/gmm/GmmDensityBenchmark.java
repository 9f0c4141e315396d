package io.eddy.benchmarks.gmm;

import io.eddy.math.MixtureDensity;
import io.eddy.mixture.GaussianMixture;
import io.eddy.mixture.GaussianMixtureModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The E-step's density evaluation for a full-covariance Gaussian mixture at n = 50,000, d = 8,
 * k = 8 (data: {@link EmData}; the mixture is 5 EM iterations from the start of
 * {@link GmmEmBenchmark}).
 *
 * <ul>
 *   <li>{@code densityKernel} is the E-step's density evaluation alone: the weighted
 *       log-densities and their log-sum-exp of every point under every component with
 *       {@link MixtureDensity} (triangular precision factor), one thread.</li>
 *   <li>{@code densityBaseline} does the same arithmetic with plain loops and the full
 *       precision matrix (d² multiply-adds per point and component instead of d(d+1)/2).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GmmDensityBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GmmDensityBenchmark {

  static final int N = 50_000;
  static final int D = 8;
  static final int K = 8;

  double[][] x;
  GaussianMixtureModel start;
  MixtureDensity density;
  double[] precision;
  double[] means;
  double[] logNorm;
  double[] logWeights;

  @Setup
  public void setUp() {
    x = EmData.points(N, D, K);
    start = EmData.start(x, K);
    // One fitted mixture, evaluated by both density loops.
    GaussianMixtureModel fitted = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(K)
        .withMaxIter(5).withTol(0)).fit(x, null, start);
    density = new MixtureDensity(MixtureDensity.FULL, K, D);
    double[] flatMeans = new double[K * D];
    for (int c = 0; c < K; c++) {
      System.arraycopy(fitted.center(c), 0, flatMeans, c * D, D);
    }
    density.set(fitted.weights(), flatMeans, fitted.covariances(), true);
    means = flatMeans;
    precision = new double[K * D * D];
    logNorm = new double[K];
    logWeights = new double[K];
    for (int c = 0; c < K; c++) {
      double[][] inv = invert(fitted.covariance(c));
      for (int i = 0; i < D; i++) {
        System.arraycopy(inv[i], 0, precision, c * D * D + i * D, D);
      }
      logNorm[c] = -0.5 * D * Math.log(2 * Math.PI) - 0.5 * Math.log(det(fitted.covariance(c)));
      logWeights[c] = Math.log(fitted.weight(c));
    }
  }

  @Benchmark
  public double densityKernel() {
    double[] logp = new double[K];
    double[] scratch = new double[D];
    double total = 0;
    for (int i = 0; i < N; i++) {
      total += density.weightedLogDensities(x[i], logp, scratch);
    }
    return total;
  }

  @Benchmark
  public double densityBaseline() {
    double[] logp = new double[K];
    double[] diff = new double[D];
    double total = 0;
    for (int i = 0; i < N; i++) {
      double[] xi = x[i];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < K; c++) {
        for (int j = 0; j < D; j++) {
          diff[j] = xi[j] - means[c * D + j];
        }
        double q = 0;
        int off = c * D * D;
        for (int r = 0; r < D; r++) {
          double s = 0;
          for (int j = 0; j < D; j++) {
            s += precision[off + r * D + j] * diff[j];
          }
          q += diff[r] * s;
        }
        double v = logWeights[c] + logNorm[c] - 0.5 * q;
        logp[c] = v;
        if (v > max) {
          max = v;
        }
      }
      double sum = 0;
      for (int c = 0; c < K; c++) {
        sum += Math.exp(logp[c] - max);
      }
      total += max + Math.log(sum);
    }
    return total;
  }

  private static double[][] invert(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n + i] = 1;
    }
    for (int p = 0; p < n; p++) {
      int best = p;
      for (int r = p + 1; r < n; r++) {
        if (Math.abs(m[r][p]) > Math.abs(m[best][p])) {
          best = r;
        }
      }
      double[] t = m[p];
      m[p] = m[best];
      m[best] = t;
      double piv = m[p][p];
      for (int j = 0; j < 2 * n; j++) {
        m[p][j] /= piv;
      }
      for (int r = 0; r < n; r++) {
        if (r != p) {
          double f = m[r][p];
          for (int j = 0; j < 2 * n; j++) {
            m[r][j] -= f * m[p][j];
          }
        }
      }
    }
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], n, out[i], 0, n);
    }
    return out;
  }

  private static double det(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    double det = 1;
    for (int p = 0; p < n; p++) {
      int best = p;
      for (int r = p + 1; r < n; r++) {
        if (Math.abs(m[r][p]) > Math.abs(m[best][p])) {
          best = r;
        }
      }
      if (best != p) {
        double[] t = m[p];
        m[p] = m[best];
        m[best] = t;
        det = -det;
      }
      det *= m[p][p];
      for (int r = p + 1; r < n; r++) {
        double f = m[r][p] / m[p][p];
        for (int j = p; j < n; j++) {
          m[r][j] -= f * m[p][j];
        }
      }
    }
    return det;
  }
}
