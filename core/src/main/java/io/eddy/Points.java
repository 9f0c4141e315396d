package io.eddy;

/**
 * Validation of points, data sets and weights, with the messages every Eddy clusterer gives.
 * Plug-in clusterers should use it too, so that users meet one set of errors.
 *
 * <p>Every method is a pure check: it throws {@link IllegalArgumentException} naming what was
 * expected and what came, and otherwise does nothing.
 *
 * <p><b>The range Eddy accepts.</b> Coordinates must lie within &plusmn;{@link #MAX_ABS}
 * (1e100) and weights within (0, {@link #MAX_WEIGHT}] (1e50). Inside these limits every
 * quantity the clusterers keep (squared distances times weights, summed over any realistic
 * stream, covariances, decayed sums) stays a finite double, so no valid input can drive a
 * state to infinity or NaN, and every state can be saved and loaded. Data beyond them are not
 * measurements on any physical scale; rescale them before they reach Eddy (the feature
 * transformers' fits accept the same range, so a scaler cannot be fitted on them either). The
 * evaluation indices, which are scale-invariant, rescale internally instead and accept any
 * finite value.
 */
public final class Points {

  /** The largest absolute coordinate a clusterer accepts: 1e100. */
  public static final double MAX_ABS = 1e100;

  /** The largest weight of one point a clusterer accepts: 1e50. */
  public static final double MAX_WEIGHT = 1e50;

  /** The largest batch sample weight, see {@link #requireWeights}. */
  private static final double MAX_SAMPLE_WEIGHT = 1e100;

  private Points() {}

  /**
   * Checks that {@code point} is non-null, of length {@code dimension} (any positive length if
   * {@code dimension} is 0) and finite within &plusmn;{@link #MAX_ABS}.
   */
  public static void require(double[] point, int dimension) {
    require(point, dimension, MAX_ABS);
  }

  private static void require(double[] point, int dimension, double limit) {
    if (point == null) {
      throw new IllegalArgumentException("point is null");
    }
    if (dimension > 0 && point.length != dimension) {
      throw new IllegalArgumentException(
          "point has dimension " + point.length + ", expected " + dimension);
    }
    if (point.length == 0) {
      throw new IllegalArgumentException("point has dimension 0, expected at least 1");
    }
    for (int j = 0; j < point.length; j++) {
      double v = point[j];
      if (!(Math.abs(v) <= limit)) {
        throw new IllegalArgumentException("point has " + v + " at index " + j
            + (Double.isFinite(v) ? ", beyond the supported magnitude " + MAX_ABS
                + " (Points.MAX_ABS): rescale the data" : ", expected a finite value"));
      }
    }
  }

  /**
   * Checks every row of {@code points} as {@link #require(double[], int)} does, with the row
   * index in the message. With {@code dimension} 0 the first row fixes it.
   */
  public static void requireAll(double[][] points, int dimension) {
    requireAll(points, dimension, MAX_ABS);
  }

  private static void requireAll(double[][] points, int dimension, double limit) {
    if (points == null) {
      throw new IllegalArgumentException("points is null");
    }
    int d = dimension;
    for (int i = 0; i < points.length; i++) {
      try {
        require(points[i], d, limit);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("row " + i + ": " + e.getMessage(), e);
      }
      d = points[i].length;
    }
  }

  /**
   * Checks a batch data set: at least one row, all of one dimension, all finite.
   *
   * @return the dimension
   */
  public static int requireData(double[][] data) {
    return requireData(data, MAX_ABS);
  }

  /**
   * As {@link #requireData}, but accepting any finite value: for computations that are
   * scale-invariant or rescale internally, such as the evaluation indices.
   *
   * @return the dimension
   */
  public static int requireFiniteData(double[][] data) {
    return requireData(data, Double.MAX_VALUE);
  }

  private static int requireData(double[][] data, double limit) {
    if (data == null) {
      throw new IllegalArgumentException("data is null");
    }
    if (data.length == 0) {
      throw new IllegalArgumentException("data has 0 points, expected at least 1");
    }
    requireAll(data, 0, limit);
    return data[0].length;
  }

  /** Checks that a point's weight is positive and at most {@link #MAX_WEIGHT}. */
  public static void requireWeight(double weight) {
    if (!(weight > 0 && weight <= MAX_WEIGHT)) {
      throw new IllegalArgumentException("weight is " + weight + ", expected a value in (0, "
          + MAX_WEIGHT + "] (Points.MAX_WEIGHT)");
    }
  }

  /**
   * Checks sample weights for a data set of {@code n} points: one each, in [0, 1e100], with a
   * positive sum. The bound is wider than {@link #MAX_WEIGHT} because batch weights are often
   * aggregates, such as the weights of micro-clusters that online clusterers summarise.
   */
  public static void requireWeights(double[] weights, int n) {
    if (weights == null) {
      throw new IllegalArgumentException("weights is null");
    }
    if (weights.length != n) {
      throw new IllegalArgumentException(
          "weights has length " + weights.length + ", expected one per point (" + n + ")");
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double w = weights[i];
      if (!(w >= 0 && w <= MAX_SAMPLE_WEIGHT)) {
        throw new IllegalArgumentException(
            "weight " + i + " is " + w + ", expected a value in [0, " + MAX_SAMPLE_WEIGHT + "]");
      }
      sum += w;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("weights sum to 0, expected a positive sum");
    }
  }
}
