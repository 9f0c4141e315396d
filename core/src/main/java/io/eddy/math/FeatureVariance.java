package io.eddy.math;

/** Per-feature variance of a data set, for scale-free convergence tolerances. */
public final class FeatureVariance {

  private FeatureVariance() {}

  /**
   * The mean over the d features of each feature's population variance (divisor n), computed
   * in two passes for accuracy. This is the scale scikit-learn's k-means tolerances are
   * relative to (unweighted, as in scikit-learn 1.2).
   *
   * @param rows n &ge; 1 points of dimension d; not modified
   */
  public static double mean(double[][] rows, int d) {
    int n = rows.length;
    // Row by row, one running sum per feature: each feature's sums are added in the same
    // order as a column-by-column pass would, but the data are read sequentially, once per pass.
    double[] mean = new double[d];
    for (double[] row : rows) {
      for (int t = 0; t < d; t++) {
        mean[t] += row[t];
      }
    }
    for (int t = 0; t < d; t++) {
      mean[t] /= n;
    }
    double[] ss = new double[d];
    for (double[] row : rows) {
      for (int t = 0; t < d; t++) {
        double v = row[t] - mean[t];
        ss[t] += v * v;
      }
    }
    double total = 0;
    for (int t = 0; t < d; t++) {
      total += ss[t] / n;
    }
    return total / d;
  }
}
