package io.eddy.eval;

import java.util.Arrays;

/**
 * The assignment problem: match rows to columns one-to-one at the least total cost, by the
 * Hungarian method (Kuhn 1955; Munkres 1957) in its shortest-augmenting-path form with dual
 * potentials, O(r²·c) time for r &le; c (O(n³) for a square matrix) and O(r + c) extra memory.
 *
 * <p>Stateless and thread-safe.
 */
public final class Hungarian {

  private Hungarian() {}

  /**
   * A minimum-cost assignment for a rectangular cost matrix. Every row is matched if there
   * are no more rows than columns, every column otherwise.
   *
   * @param cost r &times; c finite costs, r, c &ge; 1; not modified
   * @return for each row, its column, or -1 if it is left unmatched (only when r &gt; c)
   * @throws IllegalArgumentException if the matrix is empty, ragged or not finite
   */
  public static int[] assign(double[][] cost) {
    if (cost == null || cost.length == 0 || cost[0] == null || cost[0].length == 0) {
      throw new IllegalArgumentException("cost matrix is empty, expected at least 1 x 1");
    }
    int r = cost.length;
    int c = cost[0].length;
    for (int i = 0; i < r; i++) {
      if (cost[i] == null || cost[i].length != c) {
        throw new IllegalArgumentException("cost row " + i + " has length "
            + (cost[i] == null ? 0 : cost[i].length) + ", expected " + c);
      }
      for (int j = 0; j < c; j++) {
        if (!Double.isFinite(cost[i][j])) {
          throw new IllegalArgumentException("cost (" + i + ", " + j + ") is " + cost[i][j] + ", expected a finite value");
        }
      }
    }
    boolean transpose = r > c;
    int n = transpose ? c : r;
    int m = transpose ? r : c;
    double[] flat = new double[n * m];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        if (transpose) {
          flat[j * m + i] = cost[i][j];
        } else {
          flat[i * m + j] = cost[i][j];
        }
      }
    }
    int[] rowToCol = solve(flat, n, m);
    if (!transpose) {
      return rowToCol;
    }
    int[] out = new int[r];
    Arrays.fill(out, -1);
    for (int i = 0; i < n; i++) {
      out[rowToCol[i]] = i;
    }
    return out;
  }

  /** Rows n &le; columns m; returns each row's column. Indices 1-based inside, 0 is a sentinel. */
  private static int[] solve(double[] cost, int n, int m) {
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] rowOf = new int[m + 1];
    int[] way = new int[m + 1];
    double[] minv = new double[m + 1];
    boolean[] used = new boolean[m + 1];
    for (int i = 1; i <= n; i++) {
      rowOf[0] = i;
      int j0 = 0;
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      Arrays.fill(used, false);
      do {
        used[j0] = true;
        int i0 = rowOf[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        int base = (i0 - 1) * m - 1;
        for (int j = 1; j <= m; j++) {
          if (!used[j]) {
            double reduced = cost[base + j] - u[i0] - v[j];
            if (reduced < minv[j]) {
              minv[j] = reduced;
              way[j] = j0;
            }
            if (minv[j] < delta) {
              delta = minv[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[rowOf[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (rowOf[j0] != 0);
      do {
        int j1 = way[j0];
        rowOf[j0] = rowOf[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] rowToCol = new int[n];
    for (int j = 1; j <= m; j++) {
      if (rowOf[j] != 0) {
        rowToCol[rowOf[j] - 1] = j - 1;
      }
    }
    return rowToCol;
  }
}
