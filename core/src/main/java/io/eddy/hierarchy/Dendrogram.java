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
 * points themselves. The trees Eddy builds list the smaller id first ({@code a < b}), as
 * scipy's {@code linkage} does; a tree read from a linkage matrix keeps each row's order as
 * given, since the order of a and b is the plotting order ({@link #leafOrder()}) and scipy's
 * {@code optimal_leaf_ordering} writes rows with the larger id first. Rows are in merge order:
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
   * @param right cluster b of each row, other than a; copied (a is plotted left of b)
   * @param height the height of each row, finite and &ge; 0; copied
   * @throws IllegalArgumentException naming the first row that breaks the convention
   */
  public static Dendrogram of(int leafCount, int[] left, int[] right, double[] height) {
    if (leafCount < 1) {
      throw new IllegalArgumentException("leafCount is " + leafCount + ", expected at least 1");
    }
    int m = leafCount - 1;
    if (left == null || right == null || height == null) {
      throw new IllegalArgumentException("left, right and height must all be given");
    }
    if (left.length != m || right.length != m || height.length != m) {
      throw new IllegalArgumentException("a dendrogram of " + leafCount + " leaves has " + m
          + " rows; got " + left.length + ", " + right.length + " and " + height.length + " values");
    }
    boolean[] used = new boolean[leafCount + m];
    int[] sizes = new int[m];
    for (int r = 0; r < m; r++) {
      int a = left[r];
      int b = right[r];
      if (a < 0 || b < 0 || a >= leafCount + r || b >= leafCount + r || a == b) {
        throw new IllegalArgumentException("row " + r + " merges " + a + " and " + b
            + ", expected two different clusters in [0, " + (leafCount + r) + ")");
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
   * A dendrogram from a scipy linkage matrix: n−1 rows of (a, b, height, size). Each row
   * keeps its order of a and b, so that {@link #leafOrder()} equals scipy's
   * {@code leaves_list} of the same matrix.
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
      double x = z[r][0];
      double y = z[r][1];
      if (x != Math.rint(x) || y != Math.rint(y) || Math.max(x, y) > Integer.MAX_VALUE) {
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

  /** Cluster a of row r: the one plotted left (the smaller id, unless read so from a linkage matrix). */
  public int left(int row) {
    return left[checkRow(row)];
  }

  /** Cluster b of row r: the one plotted right. */
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

  // ---------------------------------------------------------------- cut_tree

  /**
   * Every cut of the tree at once (scipy's {@code cut_tree(Z)}): row {@code j} holds the
   * labels of the n points in n − j clusters, j = 0 .. n−1, so row 0 is every point alone and
   * row n−1 one cluster. O(n²) time and memory.
   *
   * <p>Labels follow scipy: the merges are applied in the order of their heights (equal
   * heights in reverse breadth-first order from the root, as scipy's insertion sort leaves
   * them) and each merge gives its points the smaller of its two labels, the labels above the
   * larger moving down by one. This is not {@link #cutByCount}'s numbering, and with
   * inversions (centroid, median) the clusters need not be those of a cut at one height.
   */
  public int[][] cutTree() {
    int[] counts = new int[n];
    for (int j = 0; j < n; j++) {
      counts[j] = n - j;
    }
    return cutTree(counts);
  }

  /**
   * The cuts into the given numbers of clusters (scipy's {@code cut_tree(Z, n_clusters)}),
   * labelled as {@link #cutTree()}: one row of n labels per count, in the order given.
   *
   * @param clusterCounts each in [1, n]
   */
  public int[][] cutTree(int... clusterCounts) {
    int[] steps = new int[clusterCounts.length];
    for (int c = 0; c < steps.length; c++) {
      int k = clusterCounts[c];
      if (k < 1 || k > n) {
        throw new IllegalArgumentException("cluster count " + k + " is not in [1, " + n + "]");
      }
      steps[c] = n - k;
    }
    return cutSteps(steps, mergeOrder());
  }

  /**
   * The cuts at the given heights (scipy's {@code cut_tree(Z, height=...)}): at height t the
   * merges strictly below t are applied, in the order of {@link #cutTree()}, with its labels.
   *
   * @param heights each a height &ge; 0
   */
  public int[][] cutTreeAtHeights(double... heights) {
    int[] order = mergeOrder();
    int[] steps = new int[heights.length];
    for (int c = 0; c < steps.length; c++) {
      double t = heights[c];
      if (!(t >= 0)) {
        throw new IllegalArgumentException("height " + t + " is not a value >= 0");
      }
      // scipy's searchsorted(left) on the heights in merge order: the first position whose
      // height is >= t (binary search, which assumes the order sorted, as scipy's does).
      int lo = 0;
      int hi = order.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (height[order[mid]] < t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      steps[c] = lo;
    }
    return cutSteps(steps, order);
  }

  /**
   * The rows in the order cut_tree applies them: breadth first from the root (right child
   * queued before left), then a stable sort by height of the reversed sequence, which is the
   * order repeated left insertion into a sorted list produces.
   */
  private int[] mergeOrder() {
    int m = n - 1;
    int[] bfs = new int[m];
    if (m == 0) {
      return bfs;
    }
    int head = 0;
    int tail = 0;
    bfs[tail++] = m - 1;
    while (head < tail) {
      int r = bfs[head++];
      if (right[r] >= n) {
        bfs[tail++] = right[r] - n;
      }
      if (left[r] >= n) {
        bfs[tail++] = left[r] - n;
      }
    }
    double[] key = new double[m];
    for (int i = 0; i < m; i++) {
      key[i] = height[bfs[m - 1 - i]];
    }
    int[] sorted = stableOrder(key);
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = bfs[m - 1 - sorted[i]];
    }
    return order;
  }

  /** The labels after the first steps[c] merges of {@code order}, for each c. */
  private int[][] cutSteps(int[] steps, int[] order) {
    int[][] out = new int[steps.length][];
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = i;
    }
    int[] leaves = leafOrder();
    int[] start = leafStarts();
    int maxStep = 0;
    for (int s : steps) {
      maxStep = Math.max(maxStep, s);
    }
    for (int step = 0; ; step++) {
      for (int c = 0; c < steps.length; c++) {
        if (steps[c] == step) {
          out[c] = group.clone();
        }
      }
      if (step == maxStep) {
        return out;
      }
      int r = order[step];
      int from = start[n + r];
      int to = from + size[r];
      int lo = Integer.MAX_VALUE;
      int hi = Integer.MIN_VALUE;
      for (int p = from; p < to; p++) {
        int g = group[leaves[p]];
        lo = Math.min(lo, g);
        hi = Math.max(hi, g);
      }
      for (int p = from; p < to; p++) {
        group[leaves[p]] = lo;
      }
      for (int i = 0; i < n; i++) {
        if (group[i] > hi) {
          group[i]--;
        }
      }
    }
  }

  /** For each cluster id, the position of its first point in {@link #leafOrder()}. */
  private int[] leafStarts() {
    int[] start = new int[2 * n - 1];
    for (int r = n - 2; r >= 0; r--) {
      int node = n + r;
      int a = left[r];
      start[a] = start[node];
      start[right[r]] = start[node] + (a < n ? 1 : size[a - n]);
    }
    return start;
  }

  // ---------------------------------------------------------------- inconsistent

  /**
   * The inconsistency statistics of every merge (scipy's {@code inconsistent(Z, d)}): for
   * row r, over the merges of its subtree at most {@code depth} levels down (r included),
   * {@code [mean height, standard deviation (n−1 denominator), number of merges,
   * inconsistency coefficient (height(r) − mean) / deviation]}, the last two 0 when the
   * deviation is 0. O(n·2<sup>depth</sup>) time at most, O(n) besides the result.
   *
   * @param depth the number of levels, &ge; 0 (0 and 1 both mean the merge alone, as in scipy)
   * @return n−1 rows of 4 values
   */
  public double[][] inconsistency(int depth) {
    if (depth < 0) {
      throw new IllegalArgumentException("depth is " + depth + ", expected a value >= 0");
    }
    double[][] out = new double[n - 1][];
    int levels = Math.max(depth, 1);
    int[] stack = new int[levels];
    int[] state = new int[levels];
    for (int r = 0; r < n - 1; r++) {
      int top = 0;
      stack[0] = r;
      state[0] = 0;
      int count = 0;
      double sum = 0;
      double sumSq = 0;
      // Depth first, a before b, each merge counted after its subtree (scipy's order of the sums).
      while (top >= 0) {
        int node = stack[top];
        if (top < levels - 1 && state[top] < 2) {
          int child = state[top] == 0 ? left[node] : right[node];
          state[top]++;
          if (child >= n) {
            top++;
            stack[top] = child - n;
            state[top] = 0;
          }
          continue;
        }
        double h = height[node];
        count++;
        sum += h;
        sumSq += h * h;
        top--;
      }
      double mean = sum / count;
      double var = count < 2 ? (sumSq - sum * sum) / count : (sumSq - sum * sum / count) / (count - 1);
      double[] row = new double[4];
      row[0] = mean;
      row[2] = count;
      if (var > 0) {
        double sd = Math.sqrt(var);
        row[1] = sd;
        row[3] = (height[r] - mean) / sd;
      }
      out[r] = row;
    }
    return out;
  }

  // ---------------------------------------------------------------- optimal leaf ordering

  /**
   * The same tree with the children of merges swapped so that the sum of the distances
   * between neighbouring leaves in {@link #leafOrder()} is least (scipy's
   * {@code optimal_leaf_ordering(Z, y)}; Bar-Joseph, Gifford and Jaakkola, "Fast optimal leaf
   * ordering for hierarchical clustering", Bioinformatics 2001). Follows scipy's procedure,
   * its single-precision sums and its tie-breaking, so that the rows equal scipy's. Rows come
   * out with a and b in plotting order, so the larger id may be first.
   *
   * <p>O(n²) memory (about 20·n² bytes, checked before allocating) and O(n³) to O(n⁴) time:
   * meant for the few thousand points a plot can show.
   *
   * @param condensed the n(n−1)/2 distances between the leaves in {@link Pairwise#index}
   *     order, finite; not modified
   * @throws IllegalArgumentException if the length is not n(n−1)/2, a distance is not finite,
   *     or the working memory does not fit the free heap
   */
  public Dendrogram optimalLeafOrdering(double[] condensed) {
    if (condensed.length != Pairwise.pairs(n)) {
      throw new IllegalArgumentException("condensed has length " + condensed.length
          + ", expected n(n-1)/2 = " + Pairwise.pairs(n) + " for n = " + n);
    }
    for (int i = 0; i < condensed.length; i++) {
      double v = condensed[i];
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("distance " + i + " is " + v + ", expected a finite value");
      }
    }
    if (n < 3) {
      return this;
    }
    boolean[] swap = LeafOrdering.swaps(this, condensed);
    int[] a = left.clone();
    int[] b = right.clone();
    for (int r = 0; r < n - 1; r++) {
      if (swap[r]) {
        a[r] = right[r];
        b[r] = left[r];
      }
    }
    return new Dendrogram(n, a, b, height.clone(), size.clone());
  }

  /**
   * {@link #optimalLeafOrdering(double[])} with the Euclidean distances between the given
   * points (scipy's {@code optimal_leaf_ordering(Z, X)}).
   *
   * @param points the n points the tree was built from, of one dimension; not modified
   */
  public Dendrogram optimalLeafOrdering(double[][] points) {
    int d = io.eddy.Points.requireData(points);
    if (points.length != n) {
      throw new IllegalArgumentException("got " + points.length + " points for a tree of " + n + " leaves");
    }
    MemoryCheck.requireCondensed(n, "optimal leaf ordering");
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(points[i], 0, x, i * d, d);
    }
    double[] y = new double[(int) Pairwise.pairs(n)];
    Pairwise.condensed(x, n, d, y);
    return optimalLeafOrdering(y);
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
   * @throws IllegalArgumentException if the matrix does not fit the free heap, saying how much it needs
   */
  public double[] copheneticDistances() {
    MemoryCheck.requireCondensed(n, "cophenetic distances");
    double[] out = new double[(int) Pairwise.pairs(n)];
    if (n == 1) {
      return out;
    }
    int[] order = leafOrder();
    int[] start = leafStarts();
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
