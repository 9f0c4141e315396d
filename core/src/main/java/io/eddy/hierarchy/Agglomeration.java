package io.eddy.hierarchy;

import io.eddy.math.Pairwise;

/**
 * The three algorithms of Müllner, "Modern hierarchical, agglomerative clustering
 * algorithms" (arXiv:1109.2378), each producing a {@link Dendrogram} in scipy's convention.
 *
 * <ul>
 *   <li>{@link #primSingle}: single linkage as a minimum spanning tree by Prim's algorithm,
 *       O(n²) time, O(n) memory beyond the points (Müllner §3.3, MST-linkage).</li>
 *   <li>{@link #nnChain}: the nearest-neighbour chain for linkages that satisfy the
 *       reducibility property (complete, average, weighted, Ward), O(n²) time on the
 *       condensed matrix, which it overwrites (§3.2, NN-chain-linkage).</li>
 *   <li>{@link #generic}: the generic algorithm with a priority queue of nearest-neighbour
 *       candidates and lower bounds, for any linkage including the non-reducible centroid and
 *       median (§3.1, Generic-linkage). {@link VectorAgglomeration} has the forms that keep
 *       only the centers, O(n·d) memory.</li>
 * </ul>
 *
 * <p>Scans run over the live clusters in increasing index order with strict comparisons, so
 * ties go to the lowest index and a tied nearest-neighbour chain prefers its previous link,
 * as in scipy 1.10; the matrix algorithms therefore reproduce scipy's merges and not only its
 * heights. The Lance–Williams updates use scipy's formulas term for term.
 */
final class Agglomeration {

  private Agglomeration() {}

  // ---------------------------------------------------------------- single linkage (Prim)

  /**
   * Single linkage of the n points in {@code x} (dimension d, row-major); x is not modified.
   *
   * @param rooted compare Euclidean distances, as scipy does, so that ties (distinct squares
   *     with equal roots) resolve exactly as in scipy; otherwise compare squared distances and
   *     root only the n−1 heights, which is faster and gives the same heights
   */
  static Dendrogram primSingle(double[] x, int n, int d, boolean rooted) {
    // rest[0 .. count) are the points at positions 0 .. count-1 in increasing order, cols[t][p]
    // their coordinates (the layout the distance loops vectorise on), reach[p] the least
    // distance from the tree to rest[p]. A point in the tree (point 0 from the start) has
    // reach NaN, which no comparison selects, and the arrays are compacted once a sixteenth
    // is dead: cheaper than shifting them on every step, and the scan order stays increasing.
    int[] rest = new int[n];
    double[] reach = new double[n];
    double[][] cols = Pairwise.columns(x, n, d);
    double[] dist = new double[n];
    int count = n;
    for (int p = 0; p < count; p++) {
      rest[p] = p;
      reach[p] = Double.POSITIVE_INFINITY;
    }
    reach[0] = Double.NaN;
    int dead = 1;
    int[] a = new int[n - 1];
    int[] b = new int[n - 1];
    double[] h = new double[n - 1];
    int cur = 0;
    for (int k = 0; k < n - 1; k++) {
      int at = -1;
      for (int lo = 0; lo < count; lo += VectorAgglomeration.PIECE) {
        int hi = Math.min(count, lo + VectorAgglomeration.PIECE);
        Pairwise.squaredDistances(x, cur * d, d, cols, lo, hi, dist);
        at = primStep(dist, reach, lo, hi, at, rooted);
      }
      if (at < 0) {
        // Only infinite distances can leave no candidate; inputs are finite.
        throw new IllegalStateException("no finite distance to the remaining points");
      }
      int next = rest[at];
      double best = reach[at];
      reach[at] = Double.NaN;
      if (++dead * 16 > count) {
        int w = 0;
        for (int p = 0; p < count; p++) {
          double r = reach[p];
          if (r == r) {
            rest[w] = rest[p];
            reach[w] = r;
            for (int t = 0; t < d; t++) {
              cols[t][w] = cols[t][p];
            }
            w++;
          }
        }
        count = w;
        dead = 0;
      }
      a[k] = cur;
      b[k] = next;
      h[k] = rooted ? best : Math.sqrt(best);
      cur = next;
    }
    return Dendrogram.relabel(n, a, b, h);
  }

  /**
   * One step of Prim's algorithm on positions {@code from .. to-1}, given the squared
   * distances from the point that joined last in {@code dist}: lowers every reach[p] to that
   * distance (rooted first if {@code rooted}) and returns the first position of a reach
   * strictly below reach[at] (below +∞ if at is −1; NaN entries never count), or at. Called on
   * consecutive pieces, each continuing from the last one's answer, it gives the first
   * position of the least reach, as one pass would.
   */
  private static int primStep(double[] dist, double[] reach, int from, int to, int at, boolean rooted) {
    if (rooted) {
      for (int p = from; p < to; p++) {
        dist[p] = Math.sqrt(dist[p]);
      }
    }
    double best = at < 0 ? Double.POSITIVE_INFINITY : reach[at];
    for (int p = from; p < to; p++) {
      double s = dist[p];
      double r = reach[p];
      // "r > s", not Math.min: a NaN reach (a point in the tree) must stay NaN.
      if (r > s) {
        r = s;
        reach[p] = r;
      }
      if (r < best) {
        best = r;
        at = p;
      }
    }
    return at;
  }

  /** Single linkage on a condensed distance matrix, which is not modified. */
  static Dendrogram primSingle(double[] dist, int n) {
    boolean[] merged = new boolean[n];
    double[] reach = new double[n];
    java.util.Arrays.fill(reach, Double.POSITIVE_INFINITY);
    int[] a = new int[n - 1];
    int[] b = new int[n - 1];
    double[] h = new double[n - 1];
    int cur = 0;
    for (int k = 0; k < n - 1; k++) {
      merged[cur] = true;
      double best = Double.POSITIVE_INFINITY;
      int next = -1;
      for (int i = 0; i < n; i++) {
        if (merged[i]) {
          continue;
        }
        double v = i < cur ? dist[Pairwise.index(n, i, cur)] : dist[Pairwise.index(n, cur, i)];
        if (reach[i] > v) {
          reach[i] = v;
        }
        if (reach[i] < best) {
          best = reach[i];
          next = i;
        }
      }
      if (next < 0) {
        throw new IllegalArgumentException("distances must be finite: no finite distance joins point "
            + cur + " to the rest");
      }
      a[k] = cur;
      b[k] = next;
      h[k] = best;
      cur = next;
    }
    return Dendrogram.relabel(n, a, b, h);
  }

  // ---------------------------------------------------------------- Lance–Williams updates

  /** The distance from cluster i to the union of x and y, after scipy's formulas. */
  static double update(Linkage linkage, double dxi, double dyi, double dxy, int nx, int ny, int ni) {
    switch (linkage) {
      case SINGLE:
        return Math.min(dxi, dyi);
      case COMPLETE:
        return Math.max(dxi, dyi);
      case AVERAGE:
        return (nx * dxi + ny * dyi) / (nx + ny);
      case WEIGHTED:
        return 0.5 * (dxi + dyi);
      case WARD: {
        double wx = nx;
        double wy = ny;
        double t = 1.0 / (nx + ny + ni);
        return Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
      }
      case CENTROID:
        return Math.sqrt((((nx * dxi * dxi) + (ny * dyi * dyi)) - ((double) nx * ny) * dxy * dxy / (nx + ny))
            / (nx + ny));
      case MEDIAN:
        return Math.sqrt(0.5 * (dxi * dxi + dyi * dyi) - 0.25 * dxy * dxy);
      default:
        throw new AssertionError(linkage);
    }
  }

  /**
   * Ward's update exactly as {@link #update} computes it (scipy's order of operations), with
   * the sizes already doubles: sums of small integers are exact either way, and it spares
   * the loop three int-to-double conversions per element.
   */
  private static double ward(double dxi, double dyi, double dxy, double nx, double ny, double ni) {
    double t = 1.0 / (nx + ny + ni);
    return Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
  }

  /** rowBase[i] + j is the condensed index of (i, j) for i &lt; j. */
  private static int[] rowBases(int n) {
    int[] base = new int[n];
    for (int i = 0; i < n; i++) {
      base[i] = Pairwise.index(n, i, i + 1) - (i + 1);
    }
    return base;
  }

  // ---------------------------------------------------------------- NN-chain

  /**
   * Complete, average, weighted or Ward linkage by the nearest-neighbour chain.
   *
   * @param dist the condensed matrix of n points; overwritten with cluster distances
   */
  static Dendrogram nnChain(double[] dist, int n, Linkage linkage) {
    int[] base = rowBases(n);
    int[] size = new int[n];
    double[] weight = new double[n];
    // The live clusters in increasing order, compacted after each merge. Plain indexed scans
    // let the processor overlap the cache misses of the strided column reads, which a linked
    // list of live clusters would serialise.
    int[] live = new int[n];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      weight[i] = 1.0;
      live[i] = i;
    }
    int count = n;
    int[] chain = new int[n];
    int len = 0;
    int[] a = new int[n - 1];
    int[] b = new int[n - 1];
    double[] h = new double[n - 1];
    double[] best = new double[1];
    for (int k = 0; k < n - 1; k++) {
      if (len == 0) {
        chain[0] = live[0];
        len = 1;
      }
      int x;
      int y;
      double min;
      while (true) {
        x = chain[len - 1];
        if (len > 1) {
          y = chain[len - 2];
          min = y < x ? dist[base[y] + x] : dist[base[x] + y];
        } else {
          y = -1;
          min = Double.POSITIVE_INFINITY;
        }
        y = nearest(dist, base, live, count, x, y, min, best);
        min = best[0];
        if (len > 1 && y == chain[len - 2]) {
          break;
        }
        chain[len++] = y;
      }
      len -= 2;
      if (x > y) {
        int t = x;
        x = y;
        y = t;
      }
      int nx = size[x];
      int ny = size[y];
      a[k] = x;
      b[k] = y;
      h[k] = min;
      size[x] = 0;
      size[y] = nx + ny;
      weight[x] = 0;
      weight[y] = nx + ny;
      count = removeLive(live, count, x);
      updateChain(linkage, dist, base, live, count, size, weight, x, y, min, nx, ny);
    }
    return Dendrogram.relabel(n, a, b, h);
  }

  /** Removes x from the increasing live[0 .. count) and returns the new count. */
  private static int removeLive(int[] live, int count, int x) {
    int p = java.util.Arrays.binarySearch(live, 0, count, x);
    System.arraycopy(live, p + 1, live, p, count - p - 1);
    return count - 1;
  }

  /**
   * The live cluster nearest to x, starting from candidate y at distance min (kept on ties);
   * its distance in {@code best[0]}. A method of its own, called once per chain step, so that
   * a fresh JVM compiles it fully after a few thousand calls instead of running the long
   * chain loop in a partly compiled state.
   */
  private static int nearest(double[] dist, int[] base, int[] live, int count, int x, int y, double min,
      double[] best) {
    int p = 0;
    for (; p < count; p++) {
      int i = live[p];
      if (i >= x) {
        break;
      }
      double v = dist[base[i] + x];
      if (v < min) {
        min = v;
        y = i;
      }
    }
    int bx = base[x];
    for (p++; p < count; p++) {
      int i = live[p];
      double v = dist[bx + i];
      if (v < min) {
        min = v;
        y = i;
      }
    }
    best[0] = min;
    return y;
  }

  /**
   * d(i, x∪y) into slot (i, y) for every live i ≠ y, in three runs (i &lt; x, x &lt; i &lt; y,
   * y &lt; i) so that the condensed index needs no branch, with the linkage chosen once per
   * merge. {@code live} no longer holds x.
   */
  private static void updateChain(Linkage linkage, double[] dist, int[] base, int[] live, int count,
      int[] size, double[] weight, int x, int y, double dxy, int nx, int ny) {
    // One method per linkage, so that each is compiled with a profile of its own: a shared
    // loop first compiled for one linkage ran markedly slower when another came along.
    switch (linkage) {
      case COMPLETE:
        updateComplete(dist, base, live, count, x, y);
        return;
      case AVERAGE:
        updateAverage(dist, base, live, count, x, y, nx, ny);
        return;
      case WEIGHTED:
        updateWeighted(dist, base, live, count, x, y);
        return;
      case WARD:
        updateWard(dist, base, live, count, weight, x, y, dxy, nx, ny);
        return;
      default:
        updateGeneric(linkage, dist, base, live, count, size, x, y, dxy, nx, ny);
    }
  }

  private static void updateComplete(double[] dist, int[] base, int[] live, int count, int x, int y) {
    int bx = base[x];
    int by = base[y];
    int p = 0;
    int i;
    for (; p < count && (i = live[p]) < x; p++) {
      int bi = base[i];
      dist[bi + y] = Math.max(dist[bi + x], dist[bi + y]);
    }
    for (; p < count && (i = live[p]) < y; p++) {
      int iy = base[i] + y;
      dist[iy] = Math.max(dist[bx + i], dist[iy]);
    }
    for (p++; p < count; p++) {
      i = live[p];
      dist[by + i] = Math.max(dist[bx + i], dist[by + i]);
    }
  }

  private static void updateAverage(double[] dist, int[] base, int[] live, int count, int x, int y,
      int nx, int ny) {
    int bx = base[x];
    int by = base[y];
    double wx = nx;
    double wy = ny;
    double s = nx + ny;
    int p = 0;
    int i;
    for (; p < count && (i = live[p]) < x; p++) {
      int bi = base[i];
      dist[bi + y] = (wx * dist[bi + x] + wy * dist[bi + y]) / s;
    }
    for (; p < count && (i = live[p]) < y; p++) {
      int iy = base[i] + y;
      dist[iy] = (wx * dist[bx + i] + wy * dist[iy]) / s;
    }
    for (p++; p < count; p++) {
      i = live[p];
      dist[by + i] = (wx * dist[bx + i] + wy * dist[by + i]) / s;
    }
  }

  private static void updateWeighted(double[] dist, int[] base, int[] live, int count, int x, int y) {
    int bx = base[x];
    int by = base[y];
    int p = 0;
    int i;
    for (; p < count && (i = live[p]) < x; p++) {
      int bi = base[i];
      dist[bi + y] = 0.5 * (dist[bi + x] + dist[bi + y]);
    }
    for (; p < count && (i = live[p]) < y; p++) {
      int iy = base[i] + y;
      dist[iy] = 0.5 * (dist[bx + i] + dist[iy]);
    }
    for (p++; p < count; p++) {
      i = live[p];
      dist[by + i] = 0.5 * (dist[bx + i] + dist[by + i]);
    }
  }

  private static void updateWard(double[] dist, int[] base, int[] live, int count, double[] weight,
      int x, int y, double dxy, int nx, int ny) {
    int bx = base[x];
    int by = base[y];
    double wx = nx;
    double wy = ny;
    int p = 0;
    int i;
    for (; p < count && (i = live[p]) < x; p++) {
      int bi = base[i];
      dist[bi + y] = ward(dist[bi + x], dist[bi + y], dxy, wx, wy, weight[i]);
    }
    for (; p < count && (i = live[p]) < y; p++) {
      int iy = base[i] + y;
      dist[iy] = ward(dist[bx + i], dist[iy], dxy, wx, wy, weight[i]);
    }
    for (p++; p < count; p++) {
      i = live[p];
      dist[by + i] = ward(dist[bx + i], dist[by + i], dxy, wx, wy, weight[i]);
    }
  }

  private static void updateGeneric(Linkage linkage, double[] dist, int[] base, int[] live, int count,
      int[] size, int x, int y, double dxy, int nx, int ny) {
    int bx = base[x];
    int by = base[y];
    int p = 0;
    int i;
    for (; p < count && (i = live[p]) < x; p++) {
      int bi = base[i];
      dist[bi + y] = update(linkage, dist[bi + x], dist[bi + y], dxy, nx, ny, size[i]);
    }
    for (; p < count && (i = live[p]) < y; p++) {
      int iy = base[i] + y;
      dist[iy] = update(linkage, dist[bx + i], dist[iy], dxy, nx, ny, size[i]);
    }
    for (p++; p < count; p++) {
      i = live[p];
      dist[by + i] = update(linkage, dist[bx + i], dist[by + i], dxy, nx, ny, size[i]);
    }
  }

  // ---------------------------------------------------------------- generic (matrix)

  /**
   * Any linkage by the generic algorithm; scipy uses it for centroid and median.
   *
   * @param dist the condensed matrix of n points; overwritten with cluster distances
   */
  static Dendrogram generic(double[] dist, int n, Linkage linkage) {
    int[] base = rowBases(n);
    int[] size = new int[n];
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      id[i] = i;
    }
    int[] neighbor = new int[Math.max(n - 1, 1)];
    double[] minDist = new double[Math.max(n - 1, 1)];
    for (int x = 0; x < n - 1; x++) {
      int y = -1;
      double m = Double.POSITIVE_INFINITY;
      for (int i = x + 1; i < n; i++) {
        double v = dist[base[x] + i];
        if (v < m) {
          m = v;
          y = i;
        }
      }
      neighbor[x] = y;
      minDist[x] = m;
    }
    IndexedHeap heap = new IndexedHeap(minDist, n - 1);
    int[] left = new int[n - 1];
    int[] right = new int[n - 1];
    double[] h = new double[n - 1];
    int[] sz = new int[n - 1];
    for (int k = 0; k < n - 1; k++) {
      int x = 0;
      int y = 0;
      double m = 0;
      for (int attempt = 0; attempt < n - k; attempt++) {
        x = heap.minKey();
        m = heap.minValue();
        y = neighbor[x];
        if (y >= 0 && m == dist[base[x] + y]) {
          break;
        }
        y = -1;
        m = Double.POSITIVE_INFINITY;
        for (int i = x + 1; i < n; i++) {
          if (size[i] == 0) {
            continue;
          }
          double v = dist[base[x] + i];
          if (v < m) {
            m = v;
            y = i;
          }
        }
        neighbor[x] = y;
        minDist[x] = m;
        heap.change(x, m);
      }
      heap.removeMin();
      int idx = id[x];
      int idy = id[y];
      int nx = size[x];
      int ny = size[y];
      left[k] = Math.min(idx, idy);
      right[k] = Math.max(idx, idy);
      h[k] = m;
      sz[k] = nx + ny;
      size[x] = 0;
      size[y] = nx + ny;
      id[y] = n + k;
      for (int z = 0; z < n; z++) {
        int nz = size[z];
        if (nz == 0 || z == y) {
          continue;
        }
        int zx = z < x ? base[z] + x : base[x] + z;
        int zy = z < y ? base[z] + y : base[y] + z;
        dist[zy] = update(linkage, dist[zx], dist[zy], m, nx, ny, nz);
      }
      for (int z = 0; z < x; z++) {
        if (size[z] > 0 && neighbor[z] == x) {
          neighbor[z] = y;
        }
      }
      for (int z = 0; z < y; z++) {
        if (size[z] == 0) {
          continue;
        }
        double v = dist[base[z] + y];
        if (v < minDist[z]) {
          neighbor[z] = y;
          minDist[z] = v;
          heap.change(z, v);
        }
      }
      if (y < n - 1) {
        int best = -1;
        double bm = Double.POSITIVE_INFINITY;
        for (int i = y + 1; i < n; i++) {
          if (size[i] == 0) {
            continue;
          }
          double v = dist[base[y] + i];
          if (v < bm) {
            bm = v;
            best = i;
          }
        }
        if (best != -1) {
          neighbor[y] = best;
          minDist[y] = bm;
          heap.change(y, bm);
        }
      }
    }
    return new Dendrogram(n, left, right, h, sz);
  }
}
