package io.eddy.math;

/** Per-feature variance of a flat row-major data set, for scale-free convergence tolerances. */
public final class FeatureVariance {

  private FeatureVariance() {}

  /**
   * The mean over the d features of each feature's population variance (divisor n), computed
   * in two passes for accuracy. This is the scale scikit-learn's k-means tolerances are
   * relative to (unweighted, as in scikit-learn 1.2).
   *
   * @param x n points of dimension d, row-major; not modified
   */
  public static double mean(double[] x, int n, int d) {
    double total = 0;
    for (int t = 0; t < d; t++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += x[i * d + t];
      }
      mean /= n;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double v = x[i * d + t] - mean;
        ss += v * v;
      }
      total += ss / n;
    }
    return total / d;
  }
}
