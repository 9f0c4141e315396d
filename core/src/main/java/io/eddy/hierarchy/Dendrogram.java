package io.eddy.hierarchy;

import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import io.eddy.math.Pairwise;
import java.io.IOException;
import java.util.Arrays;

/**
 * The full merge tree of an agglomerative clustering of n points, in scipy's linkage-matrix
 * convention, so it can be compared with and plotted like scipy's.
 *
 * <p>Row {@code r} (0 &le; r &lt; n−1) merges clusters {@link #left(int) a} and
 * {@link #right(int) b} at {@link #height(int) height} into a new cluster of
 * {@link #size(int) size} points, numbered {@code n + r}; clusters {@code 0..n−1} are the
 * points themselves. As in scipy, {@code a < b} in every row. Rows are in merge order:
 * for single, complete, average, weighted and Ward linkage heights never decrease (rows
 * with equal heights keep the order in which they were found, as scipy's stable sort does);
 * centroid and median linkage may have inversions, where a later merge is lower
 * ({@link #isMonotonic()}).
 *
 * <p>Cuts follow scipy's {@code fcluster}: {@link #cutByCount(int)} is the {@code maxclust}
 * criterion and {@link #cutByHeight(double)} the {@code distance} criterion, with the same
 * labels (scipy's labels minus one). {@link #leafOrder()} is scipy's {@code leaves_list}, and
 * {@link #copheneticDistance(int, int)} the height at which two points first share a cluster.
 *
 * <p>Immutable and thread-safe; O(n) memory.
 */
public final class Dendrogram {

  private final int n;
  private final int[] left;
  private final int[] right;
  private final double[] height;
  private final int[] size;

  Dendrogram(int n, int[] left, int[] right, double[] height, int[] size) {
    this.n = n;
    this.left = left;
    this.right = right;
    this.height = height;
    this.size = size;
  }

  /**
   * A dendrogram from its rows, checked to be a valid binary tree over n leaves.
   *
   * @param leafCount n &ge; 1
   * @param left cluster a of each of the n−1 rows; copied
   * @param right cluster b of each row, greater than a; copied
   * @param height the height of each row, finite and &ge; 0; copied
   * @throws IllegalArgumentException naming the first row that breaks the convention
   */
  public static Dendrogram of(int leafCount, int[] left, int[] right, double[] height) {
    if (leafCount < 1) {
      throw new IllegalArgumentException("leafCount is " + leafCount + ", expected at least 1");
    }
    int m = leafCount - 1;
    if (left.length != m || right.length != m || height.length != m) {
      throw new IllegalArgumentException("a dendrogram of " + leafCount + " leaves has " + m
          + " rows; got " + left.length + ", " + right.length + " and " + height.length + " values");
    }
    boolean[] used = new boolean[leafCount + m];
    int[] sizes = new int[m];
    for (int r = 0; r < m; r++) {
      int a = left[r];
      int b = right[r];
      if (a < 0 || b >= leafCount + r || a >= b) {
        throw new IllegalArgumentException("row " + r + " merges " + a + " and " + b
            + ", expected 0 <= a < b < " + (leafCount + r));
      }
      if (used[a] || used[b]) {
        throw new IllegalArgumentException("row " + r + " merges cluster " + (used[a] ? a : b)
            + " which an earlier row already merged");
      }
      double hr = height[r];
      if (!(hr >= 0) || hr == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("row " + r + " has height " + hr + ", expected a finite value >= 0");
      }
      used[a] = true;
      used[b] = true;
      sizes[r] = (a < leafCount ? 1 : sizes[a - leafCount]) + (b < leafCount ? 1 : sizes[b - leafCount]);
    }
    return new Dendrogram(leafCount, left.clone(), right.clone(), height.clone(), sizes);
  }

  /**
   * A dendrogram from a scipy linkage matrix: n−1 rows of (a, b, height, size).
   *
   * @throws IllegalArgumentException if the matrix is not a valid linkage or a size is wrong
   */
  public static Dendrogram fromLinkageMatrix(double[][] z) {
    int m = z.length;
    int[] a = new int[m];
    int[] b = new int[m];
    double[] h = new double[m];
    for (int r = 0; r < m; r++) {
      if (z[r] == null || z[r].length != 4) {
        throw new IllegalArgumentException("row " + r + " must have 4 columns (a, b, height, size)");
      }
      double x = Math.min(z[r][0], z[r][1]);
      double y = Math.max(z[r][0], z[r][1]);
      if (x != Math.rint(x) || y != Math.rint(y) || y > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("row " + r + " has non-integer cluster ids " + z[r][0] + ", " + z[r][1]);
      }
      a[r] = (int) x;
      b[r] = (int) y;
      h[r] = z[r][2];
    }
    Dendrogram d = of(m + 1, a, b, h);
    for (int r = 0; r < m; r++) {
      if (z[r][3] != d.size[r]) {
        throw new IllegalArgumentException("row " + r + " has size " + z[r][3] + ", expected " + d.size[r]);
      }
    }
    return d;
  }

  /**
   * Rows in discovery order, whose a and b are any members of the clusters they join, turned
   * into scipy's convention: a stable sort by height, then cluster ids by union–find, a &lt; b.
   */
  static Dendrogram relabel(int n, int[] a, int[] b, double[] h) {
    int m = n - 1;
    int[] order = stableOrder(h);
    int[] parent = new int[2 * n - 1];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    int[] left = new int[m];
    int[] right = new int[m];
    double[] height = new double[m];
    int[] size = new int[m];
    for (int r = 0; r < m; r++) {
      int src = order[r];
      int x = find(parent, a[src]);
      int y = find(parent, b[src]);
      left[r] = Math.min(x, y);
      right[r] = Math.max(x, y);
      height[r] = h[src];
      size[r] = (x < n ? 1 : size[x - n]) + (y < n ? 1 : size[y - n]);
      parent[x] = n + r;
      parent[y] = n + r;
    }
    return new Dendrogram(n, left, right, height, size);
  }

  private static int find(int[] parent, int x) {
    int root = x;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[x] != root) {
      int next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  }

  /** The indices 0..len-1 sorted by key, equal keys in index order (a merge sort). */
  private static int[] stableOrder(double[] key) {
    int len = key.length;
    int[] a = new int[len];
    int[] tmp = new int[len];
    for (int i = 0; i < len; i++) {
      a[i] = i;
    }
    for (int width = 1; width < len; width *= 2) {
      for (int lo = 0; lo < len - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, len);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          tmp[k++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
          tmp[k++] = a[i++];
        }
        while (j < hi) {
          tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
      }
    }
    return a;
  }

  /** The number of points n. */
  public int leafCount() {
    return n;
  }

  /** The number of merges, n−1. */
  public int mergeCount() {
    return n - 1;
  }

  /** Cluster a of row r: the smaller id of the two clusters merged. */
  public int left(int row) {
    return left[checkRow(row)];
  }

  /** Cluster b of row r: the larger id of the two clusters merged. */
  public int right(int row) {
    return right[checkRow(row)];
  }

  /** The height (linkage distance) of row r, in the units of the data. */
  public double height(int row) {
    return height[checkRow(row)];
  }

  /** The number of points in the cluster formed by row r (cluster id n + r). */
  public int size(int row) {
    return size[checkRow(row)];
  }

  /** The heights of all rows, a copy. */
  public double[] heights() {
    return height.clone();
  }

  private int checkRow(int row) {
    if (row < 0 || row >= n - 1) {
      throw new IllegalArgumentException("row " + row + " is not in [0, " + (n - 1) + ")");
    }
    return row;
  }

  /** The n−1 × 4 linkage matrix (a, b, height, size) as scipy returns it; a new array. */
  public double[][] toLinkageMatrix() {
    double[][] z = new double[n - 1][];
    for (int r = 0; r < n - 1; r++) {
      z[r] = new double[] {left[r], right[r], height[r], size[r]};
    }
    return z;
  }

  /** Whether no merge is lower than an earlier one (always so but for centroid and median). */
  public boolean isMonotonic() {
    for (int r = 1; r < n - 1; r++) {
      if (height[r] < height[r - 1]) {
        return false;
      }
    }
    return true;
  }

  /** For each row, the largest height in its subtree (scipy's {@code maxdists}). */
  private double[] maxDists() {
    double[] md = new double[n - 1];
    for (int r = 0; r < n - 1; r++) {
      double v = height[r];
      if (left[r] >= n && md[left[r] - n] > v) {
        v = md[left[r] - n];
      }
      if (right[r] >= n && md[right[r] - n] > v) {
        v = md[right[r] - n];
      }
      md[r] = v;
    }
    return md;
  }

  /**
   * Flat clusters by height: points are together when they are joined below or at
   * {@code threshold} — every subtree whose highest merge is &le; threshold is one cluster
   * (scipy's {@code fcluster(Z, threshold, 'distance')}).
   *
   * @param threshold a height, &ge; 0
   * @return one label per point, {@code 0..c−1}, numbered as scipy numbers them (minus one)
   */
  public int[] cutByHeight(double threshold) {
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException("threshold is " + threshold + ", expected a value >= 0");
    }
    return cut(maxDists(), threshold);
  }

  /**
   * At most {@code k} flat clusters: the cut at the lowest height (among the subtrees'
   * highest merges) that leaves no more than k clusters, as scipy's
   * {@code fcluster(Z, k, 'maxclust')}, whose bisection this follows exactly. Fewer than k
   * clusters come out when merges tie at the cut height, and, as in scipy, when k is at
   * least n−1 and the two lowest merges differ.
   *
   * @param k the largest number of clusters wanted, &ge; 1
   * @return one label per point, {@code 0..c−1} with c &le; k, numbered as scipy (minus one)
   */
  public int[] cutByCount(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k is " + k + ", expected at least 1");
    }
    if (n == 1) {
      return new int[1];
    }
    double[] md = maxDists();
    // Max-dists grow towards the root, so the rows at or under a threshold form whole
    // subtrees and each of them removes one cluster: c(t) = n - #{rows with md <= t}.
    int lower = 0;
    int upper = n - 1;
    while (upper - lower > 1) {
      int i = (lower + upper) >>> 1;
      double t = md[i];
      int merged = 0;
      for (int r = 0; r < n - 1; r++) {
        if (md[r] <= t) {
          merged++;
        }
      }
      if (n - merged > k) {
        lower = i;
      } else {
        upper = i;
      }
    }
    return cut(md, md[upper]);
  }

  /** scipy's monocrit labelling: depth first from the root, left before right, leaves last. */
  private int[] cut(double[] md, double cutoff) {
    int[] labels = new int[n];
    if (n == 1) {
      return labels;
    }
    int[] stack = new int[n];
    boolean[] visited = new boolean[2 * n - 1];
    int top = 0;
    stack[0] = n - 2;
    int clusters = 0;
    int leader = -1;
    while (top >= 0) {
      int r = stack[top];
      int a = left[r];
      int b = right[r];
      if (leader == -1 && md[r] <= cutoff) {
        leader = r;
        clusters++;
      }
      if (a >= n && !visited[a]) {
        visited[a] = true;
        stack[++top] = a - n;
        continue;
      }
      if (b >= n && !visited[b]) {
        visited[b] = true;
        stack[++top] = b - n;
        continue;
      }
      if (a < n) {
        if (leader == -1) {
          clusters++;
        }
        labels[a] = clusters - 1;
      }
      if (b < n) {
        if (leader == -1) {
          clusters++;
        }
        labels[b] = clusters - 1;
      }
      if (leader == r) {
        leader = -1;
      }
      top--;
    }
    return labels;
  }

  /**
   * The points in the order a dendrogram plot shows them, left to right: each merge's a
   * subtree before its b subtree (scipy's {@code leaves_list}).
   */
  public int[] leafOrder() {
    int[] order = new int[n];
    if (n == 1) {
      return order;
    }
    int[] stack = new int[n];
    int top = 0;
    stack[0] = 2 * n - 2;
    int k = 0;
    while (top >= 0) {
      int node = stack[top--];
      if (node < n) {
        order[k++] = node;
      } else {
        stack[++top] = right[node - n];
        stack[++top] = left[node - n];
      }
    }
    return order;
  }

  /**
   * The cophenetic distance between points i and j: the height of the merge that first puts
   * them in one cluster (0 when i == j). O(depth of the tree); allocates only on the first call.
   */
  public double copheneticDistance(int i, int j) {
    if (i < 0 || i >= n || j < 0 || j >= n) {
      throw new IllegalArgumentException("points " + i + ", " + j + " are not both in [0, " + n + ")");
    }
    if (i == j) {
      return 0.0;
    }
    int[] parent = parents();
    int a = i;
    int b = j;
    // Every parent has a larger id than its children, so climbing the smaller id meets the
    // lowest common ancestor.
    while (a != b) {
      if (a < b) {
        a = parent[a];
      } else {
        b = parent[b];
      }
    }
    return height[a - n];
  }

  private int[] parents() {
    int[] p = parentCache;
    if (p == null) {
      p = new int[2 * n - 1];
      p[2 * n - 2] = -1;
      for (int r = 0; r < n - 1; r++) {
        p[left[r]] = n + r;
        p[right[r]] = n + r;
      }
      parentCache = p;
    }
    return p;
  }

  // Derived, so a benign race: every thread computes the same array.
  private volatile int[] parentCache;

  /**
   * All cophenetic distances as a condensed matrix (scipy's {@code cophenet(Z)}), n(n−1)/2
   * doubles in {@link Pairwise#index} order; O(n²) time and memory.
   *
   * @throws IllegalStateException if the matrix does not fit the free heap, saying how much it needs
   */
  public double[] copheneticDistances() {
    MemoryCheck.requireCondensed(n, "cophenetic distances");
    double[] out = new double[(int) Pairwise.pairs(n)];
    if (n == 1) {
      return out;
    }
    int[] order = leafOrder();
    int[] start = new int[2 * n - 1];
    for (int r = n - 2; r >= 0; r--) {
      int node = n + r;
      int a = left[r];
      start[a] = start[node];
      start[right[r]] = start[node] + (a < n ? 1 : size[a - n]);
    }
    for (int r = 0; r < n - 1; r++) {
      int a = left[r];
      int b = right[r];
      int as = start[a];
      int ae = as + (a < n ? 1 : size[a - n]);
      int bs = start[b];
      int be = bs + (b < n ? 1 : size[b - n]);
      double h = height[r];
      for (int p = as; p < ae; p++) {
        int u = order[p];
        for (int q = bs; q < be; q++) {
          int v = order[q];
          out[u < v ? Pairwise.index(n, u, v) : Pairwise.index(n, v, u)] = h;
        }
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Dendrogram)) {
      return false;
    }
    Dendrogram other = (Dendrogram) o;
    return other.n == n && Arrays.equals(other.left, left) && Arrays.equals(other.right, right)
        && Arrays.equals(other.height, height);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(left) + Arrays.hashCode(right)) + Arrays.hashCode(height);
  }

  @Override
  public String toString() {
    return "Dendrogram[n=" + n + (n > 1 ? ", top height=" + height[n - 2] : "") + "]";
  }

  void write(StateOutput out) throws IOException {
    out.writeInt(n);
    out.writeInts(left);
    out.writeInts(right);
    out.writeDoubles(height);
  }

  static Dendrogram read(StateInput in) throws ModelFormatException {
    int count = in.readInt(1, Integer.MAX_VALUE);
    int[] a = in.readInts();
    int[] b = in.readInts();
    double[] h = in.readDoubles();
    return of(count, a, b, h);
  }

  /** The codec {@link io.eddy.io.ModelIO} uses for dendrograms ("hierarchical.dendrogram"). */
  static final StateCodec<Dendrogram> CODEC = StateCodec.of("hierarchical.dendrogram", 1, Dendrogram.class,
      (value, out) -> {
        value.write(out);
      },
      (in, version) -> {
        return Dendrogram.read(in);
      });
}
