package io.eddy;

/**
 * Validation of points, data sets and weights, with the messages every Eddy clusterer gives.
 * Plug-in clusterers should use it too, so that users meet one set of errors.
 *
 * <p>Every method is a pure check: it throws {@link IllegalArgumentException} naming what was
 * expected and what came, and otherwise does nothing.
 */
public final class Points {

  private Points() {}

  /**
   * Checks that {@code point} is non-null, of length {@code dimension} (any positive length if
   * {@code dimension} is 0) and finite.
   */
  public static void require(double[] point, int dimension) {
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
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "point has " + v + " at index " + j + ", expected a finite value");
      }
    }
  }

  /**
   * Checks every row of {@code points} as {@link #require(double[], int)} does, with the row
   * index in the message. With {@code dimension} 0 the first row fixes it.
   */
  public static void requireAll(double[][] points, int dimension) {
    if (points == null) {
      throw new IllegalArgumentException("points is null");
    }
    int d = dimension;
    for (int i = 0; i < points.length; i++) {
      try {
        require(points[i], d);
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
    if (data == null) {
      throw new IllegalArgumentException("data is null");
    }
    if (data.length == 0) {
      throw new IllegalArgumentException("data has 0 points, expected at least 1");
    }
    requireAll(data, 0);
    return data[0].length;
  }

  /** Checks that a point's weight is finite and positive. */
  public static void requireWeight(double weight) {
    if (!(weight > 0) || weight == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("weight is " + weight + ", expected a finite value > 0");
    }
  }

  /**
   * Checks sample weights for a data set of {@code n} points: one each, finite, non-negative,
   * with a positive sum.
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
      if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "weight " + i + " is " + w + ", expected a finite value >= 0");
      }
      sum += w;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("weights sum to 0, expected a positive sum");
    }
  }
}
