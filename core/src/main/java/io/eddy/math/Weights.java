package io.eddy.math;

/**
 * Sample weights brought to a scale the fits can use. K-means and EM depend on weights only
 * through their ratios, but not in floating point: weights that sum to far below 1 (1e-320
 * each, say) make subnormal masses, whose centroids divide to infinity, and sit below the
 * fixed floor that keeps a mixture component's mass positive (10 ulp(1)), so the data are
 * ignored. Scaling by a power of two is exact and changes no ratio.
 */
public final class Weights {

  private Weights() {}

  /**
   * The power of two that brings the sum of {@code weights} into [1, 2) when it is below 1,
   * else 0 (also for null). The weights must be valid: finite, non-negative, with a positive
   * sum. O(n).
   */
  public static int unitSumShift(double[] weights) {
    if (weights == null) {
      return 0;
    }
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    if (sum >= 1) {
      return 0;
    }
    // getExponent reports every subnormal as -1023; scaling up first gives the true exponent.
    return -(sum < Double.MIN_NORMAL ? Math.getExponent(sum * 0x1p54) - 54 : Math.getExponent(sum));
  }

  /** {@code values} times 2^{@code shift}: itself (or null) for 0, else a new array. Exact. */
  public static double[] scaled(double[] values, int shift) {
    if (shift == 0 || values == null) {
      return values;
    }
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.scalb(values[i], shift);
    }
    return out;
  }
}
