package io.eddy.online;

import io.eddy.math.Euclid;
import java.util.Arrays;
import java.util.Locale;

/**
 * What DBSTREAM's {@code r} and DenStream's {@code epsilon} share as radii that may be
 * {@code "auto"}: their text form (0 stands for auto) and the neighbour distances both
 * estimates start from.
 */
final class AutoRadius {

  private AutoRadius() {}

  /** "auto" (any case, trimmed) as 0, else a number in [1e-100, 1e100]. */
  static double parse(String text) {
    if ("auto".equals(text.trim().toLowerCase(Locale.ROOT))) {
      return 0;
    }
    double r;
    try {
      r = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: " + text, e);
    }
    if (!(r == 0 || (r >= 1e-100 && r <= 1e100))) {
      throw new IllegalArgumentException("out of range: " + text);
    }
    return r;
  }

  /** The text of a radius: "auto" for 0. */
  static String format(Object radius) {
    double r = (Double) radius;
    return r == 0 ? "auto" : Double.toString(r);
  }

  /**
   * Writes into {@code out[i]} the squared distance from row i of the first n rows of
   * {@code points} to its k-th nearest other row, 1 &lt;= k &lt; n. Keeps the k + 1 least
   * distances of a row (its own 0 among them) by insertion: O(n²·d) distances and at worst
   * O(n²·k) moves, about O(n²) in practice.
   */
  static void kthNearestSquared(double[] points, int n, int d, int k, double[] out) {
    kthNearestSquared(points, n, d, k, n, out);
  }

  /**
   * As {@link #kthNearestSquared(double[], int, int, int, double[])} for q rows evenly spaced
   * among the n, row {@code floor(r·n/q)} into {@code out[r]} for r &lt; q, each against all n
   * rows: O(q·n·d). With q = n, every row.
   */
  static void kthNearestSquared(double[] points, int n, int d, int k, int q, double[] out) {
    double[] least = new double[k + 1];
    for (int r = 0; r < q; r++) {
      int i = (int) ((long) r * n / q);
      Arrays.fill(least, Double.POSITIVE_INFINITY);
      for (int j = 0; j < n; j++) {
        double dist = Euclid.squaredDistance(points, i * d, points, j * d, d);
        if (dist < least[k]) {
          int at = k;
          while (at > 0 && least[at - 1] > dist) {
            least[at] = least[at - 1];
            at--;
          }
          least[at] = dist;
        }
      }
      out[r] = least[k];
    }
  }
}
