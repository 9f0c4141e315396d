package io.eddy.eval;

/**
 * The Kneedle knee/elbow detector of Satopää, Albrecht, Irwin and Raghavan, "Finding a
 * 'Kneedle' in a Haystack: Detecting Knee Points in System Behavior" (ICDCS Workshops 2011),
 * in its offline form: the first knee found.
 *
 * <p>The curve is scaled to the unit square and turned, according to its {@link Shape}, into
 * a concave increasing one; the difference curve {@code y_d = y - x} then peaks at the knee.
 * Each local maximum of {@code y_d} sets a threshold {@code y_d(max) - S · mean(Δx)}; the
 * maximum is declared a knee when the difference curve falls below that threshold before the
 * next local maximum (a local minimum resets the threshold to 0). The sensitivity {@code S}
 * trades early detection (small S) for conservatism (large S); the paper recommends 1.
 *
 * <p>Stateless; O(m) time for m points.
 */
public final class Kneedle {

  private Kneedle() {}

  /** The shape of the curve around its knee. */
  public enum Shape {
    /** Falling fast then flattening: WCSS or inertia against k (the "elbow"). */
    CONVEX_DECREASING,
    /** Rising fast then flattening: explained variance against k. */
    CONCAVE_INCREASING,
    /** Flat then rising fast. */
    CONVEX_INCREASING,
    /** Flat then falling fast. */
    CONCAVE_DECREASING
  }

  /**
   * The index of the knee of the curve {@code (x[i], y[i])}, or -1 if there is none.
   *
   * @param x strictly increasing, finite; not modified
   * @param y finite, one per x; not modified
   * @param shape the curve's shape
   * @param sensitivity S &ge; 0
   * @throws IllegalArgumentException if the arrays or the shape are null, of different lengths, shorter
   *     than 3, not finite, or x is not strictly increasing
   */
  public static int knee(double[] x, double[] y, Shape shape, double sensitivity) {
    if (x == null || y == null || shape == null) {
      throw new IllegalArgumentException((x == null ? "x" : y == null ? "y" : "shape") + " is null");
    }
    if (x.length != y.length) {
      throw new IllegalArgumentException("y has length " + y.length + ", expected " + x.length);
    }
    if (x.length < 3) {
      throw new IllegalArgumentException("curve has " + x.length + " points, expected at least 3");
    }
    if (!(sensitivity >= 0) || Double.isInfinite(sensitivity)) {
      throw new IllegalArgumentException("sensitivity is " + sensitivity + ", expected a finite value >= 0");
    }
    int m = x.length;
    for (int i = 0; i < m; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException("point " + i + " is (" + x[i] + ", " + y[i] + "), expected finite values");
      }
      if (i > 0 && !(x[i] > x[i - 1])) {
        throw new IllegalArgumentException("x is not strictly increasing at index " + i);
      }
    }
    double yMin = y[0];
    double yMax = y[0];
    for (double v : y) {
      yMin = Math.min(yMin, v);
      yMax = Math.max(yMax, v);
    }
    if (yMax == yMin) {
      return -1;
    }
    // Spans of finite values can overflow (x from -1e308 to 1e308); halving every value is
    // exact at such magnitudes and leaves the normalised curve as it is.
    double xHalf = Double.isFinite(x[m - 1] - x[0]) ? 1 : 0.5;
    double yHalf = Double.isFinite(yMax - yMin) ? 1 : 0.5;
    // Curves that rise or fall late are mirrored in x, then handled as the early kind.
    boolean flip = shape == Shape.CONVEX_INCREASING || shape == Shape.CONCAVE_DECREASING;
    double[] xn = new double[m];
    double[] yn = new double[m];
    double xSpan = xHalf * x[m - 1] - xHalf * x[0];
    double ySpan = yHalf * yMax - yHalf * yMin;
    for (int i = 0; i < m; i++) {
      int src = flip ? m - 1 - i : i;
      xn[i] = (flip ? xHalf * x[m - 1] - xHalf * x[src] : xHalf * x[src] - xHalf * x[0]) / xSpan;
      double v = (yHalf * y[src] - yHalf * yMin) / ySpan;
      yn[i] = shape == Shape.CONVEX_DECREASING || shape == Shape.CONVEX_INCREASING ? 1 - v : v;
    }
    double[] diff = new double[m];
    for (int i = 0; i < m; i++) {
      diff[i] = yn[i] - xn[i];
    }
    double step = sensitivity / (m - 1);
    double threshold = 0;
    int candidate = -1;
    for (int i = 0; i < m - 1; i++) {
      double left = diff[Math.max(0, i - 1)];
      double right = diff[i + 1];
      if (diff[i] >= left && diff[i] >= right) {
        candidate = i;
        threshold = diff[i] - step;
      }
      if (candidate >= 0 && diff[i] <= left && diff[i] <= right && i != candidate) {
        threshold = 0;
      }
      if (candidate >= 0 && diff[i + 1] < threshold) {
        return flip ? m - 1 - candidate : candidate;
      }
    }
    return -1;
  }
}
