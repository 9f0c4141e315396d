package io.eddy.benchmarks.gmm;

import io.eddy.mixture.GaussianMixture;
import io.eddy.mixture.GaussianMixtureModel;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times single EM iterations the way {@code benchmarks/compare/gmm/sklearn_em.py} times
 * scikit-learn's, for the side-by-side comparison: one fit of 1 + {@code repeat} iterations
 * from the start of {@link GmmEmBenchmark} (same data, same start), with the time between
 * consecutive iteration-listener calls (each E-step's end) as one M-step plus one E-step; the
 * first iteration is left out as warm-up. Prints the minimum and the median. Not a JMH
 * benchmark (the JMH figures are {@link GmmEmBenchmark}'s); it exists so that both libraries
 * can be measured alternately under the same machine load.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.gmm.EmIterationTiming <threads> [repeat]}
 */
public final class EmIterationTiming {

  private EmIterationTiming() {}

  /** Arguments: thread count, then the number of timed iterations (default 20). */
  public static void main(String[] args) {
    int threads = Integer.parseInt(args[0]);
    int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    double[][] x = EmData.points(GmmEmBenchmark.N, GmmEmBenchmark.D, GmmEmBenchmark.K);
    GaussianMixtureModel start = EmData.start(x, GmmEmBenchmark.K);
    GaussianMixture.Params p = GaussianMixture.Params.DEFAULTS.withK(GmmEmBenchmark.K).withTol(0)
        .withThreads(threads);
    // JIT warm-up: a few short fits.
    for (int i = 0; i < 3; i++) {
      new GaussianMixture(p.withMaxIter(5)).fit(x, null, start);
    }
    long[] stamps = new long[repeat + 2];
    int[] count = {0};
    new GaussianMixture(p.withMaxIter(repeat + 2), (run, it, ll) -> stamps[count[0]++] = System.nanoTime())
        .fit(x, null, start);
    double[] ms = new double[repeat];
    for (int i = 0; i < repeat; i++) {
      ms[i] = (stamps[i + 2] - stamps[i + 1]) / 1e6;
    }
    Arrays.sort(ms);
    System.out.println(String.format(Locale.ROOT,
        "eddy threads=%d one EM iteration (M + E step): min %.2f ms, median %.2f ms over %d",
        threads, ms[0], ms[repeat / 2], repeat));
  }
}
