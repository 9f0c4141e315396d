package io.eddy.benchmarks.gmm;

import io.eddy.mixture.CovarianceType;
import io.eddy.mixture.GaussianMixture;
import io.eddy.mixture.GaussianMixtureModel;
import io.eddy.online.OnlineGaussianMixture;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How close stepwise EM ({@link OnlineGaussianMixture}) gets to batch EM's mean
 * log-likelihood on a stationary stream: a data set of n points is streamed in shuffled
 * passes, and after 10, 100 and 1,000 passes' worth of points the online snapshot's mean
 * log-likelihood on the data set is compared with that of batch EM on the same data (best of
 * 5 k-means initialisations, tol 1e-8). Not a JMH benchmark: it measures quality, not time.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.gmm.OnlineGmmConvergence}
 */
public final class OnlineGmmConvergence {

  private OnlineGmmConvergence() {}

  /** Prints one line per covariance type and kappa. */
  public static void main(String[] args) {
    int n = 1000;
    int d = 4;
    int k = 4;
    double[][] x = EmData.points(n, d, k);
    System.out.println("n=" + n + " d=" + d + " k=" + k + " (EmData), gap = batch - online mean log-likelihood");
    for (CovarianceType type : CovarianceType.values()) {
      GaussianMixtureModel batch = new GaussianMixture(GaussianMixture.Params.DEFAULTS.withK(k)
          .withCovariance(type).withNInit(5).withTol(1e-8).withMaxIter(1000).withSeed(1)).fit(x);
      double best = batch.score(x);
      for (double kappa : new double[] {0.6, 0.8, 1.0}) {
        OnlineGaussianMixture g = new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS
            .withK(k).withCovariance(type).withKappa(kappa).withSeed(5));
        SplittableRandom rng = new SplittableRandom(9);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
            "%-9s kappa=%.1f batch=%.6f", type.id(), kappa, best));
        int passes = 0;
        for (int target : new int[] {10, 100, 1000}) {
          for (; passes < target; passes++) {
            for (int i = n - 1; i > 0; i--) {
              int j = rng.nextInt(i + 1);
              int t = order[i];
              order[i] = order[j];
              order[j] = t;
            }
            for (int i : order) {
              g.learn(x[i]);
            }
          }
          double gap = best - g.snapshot().score(x);
          line.append(String.format(Locale.ROOT, "  %d passes: gap %.2e", target, gap));
        }
        System.out.println(line);
      }
    }
  }
}
