package io.eddy.hierarchy;

import io.eddy.Parameter;
import io.eddy.CentroidModel;
import io.eddy.Points;
import io.eddy.io.StateCodec;
import io.eddy.math.Euclid;
import java.util.Arrays;

/**
 * A cut of a hierarchical clustering: k flat clusters labelled {@code 0..k−1}, with the
 * dendrogram they were cut from and the fitted points.
 *
 * <p>{@link #predict(double[])} answers in two ways:
 * <ul>
 *   <li>a point equal (coordinate for coordinate) to a fitted point gets exactly that
 *       point's cluster in the cut; if the data held duplicates in different clusters, the
 *       first occurrence's. The look-up is a hash table, O(d), built by the first predict
 *       (O(n·d) once), so that a fit whose model only labels its data does not pay for it.</li>
 *   <li>any other point goes, for Ward, centroid and median linkage, to the cluster whose
 *       centroid (mean of its members) is nearest, O(k·d); for single, complete, average and
 *       weighted linkage to the cluster of its nearest fitted point, O(n·d). Ties go to the
 *       lowest label, respectively the lowest point index.</li>
 * </ul>
 * The centers reported by {@link #center(int)} are the clusters' means and
 * {@link #weight(int)} their sizes, for every linkage.
 *
 * <p>Immutable and thread-safe; predict allocates nothing after the first call. Memory O(n·d)
 * for the points.
 */
public final class HierarchicalModel implements CentroidModel {

  private final Linkage linkage;
  private final Dendrogram tree;
  private final int[] labels;
  private final double[] points;
  private final int d;
  private final int n;
  private final int k;
  private final double[] centers;
  private final double[] sizes;
  /** Fitted point index + 1 by hash slot, 0 for empty; null until the first look-up. */
  private volatile int[] table;

  /**
   * A model of the cut {@code labels} of {@code tree} over {@code points}.
   *
   * @param points n points of dimension d, row-major; kept, not copied (callers pass their own copy)
   * @throws IllegalArgumentException if the shapes disagree, a point is not finite or the
   *     labels are not 0..k−1 with every label used
   */
  HierarchicalModel(Linkage linkage, Dendrogram tree, int[] labels, double[] points, int d) {
    this(linkage, tree, labels, points, d, false);
  }

  /**
   * As above; {@code trusted} skips the check that every coordinate is finite, for points a
   * fit has just checked.
   */
  HierarchicalModel(Linkage linkage, Dendrogram tree, int[] labels, double[] points, int d, boolean trusted) {
    if (linkage == null) {
      throw new IllegalArgumentException("linkage is null");
    }
    if (d < 1) {
      throw new IllegalArgumentException("dimension is " + d + ", expected at least 1");
    }
    int count = tree.leafCount();
    if (labels.length != count || points.length != (long) count * d) {
      throw new IllegalArgumentException("a dendrogram of " + count + " points needs " + count
          + " labels and " + count + "*" + d + " coordinates; got " + labels.length + " and " + points.length);
    }
    for (int i = 0; !trusted && i < points.length; i++) {
      if (!Double.isFinite(points[i])) {
        throw new IllegalArgumentException("point " + (i / d) + " has " + points[i] + " at index " + (i % d));
      }
    }
    int clusters = 0;
    for (int label : labels) {
      if (label < 0 || label >= count) {
        throw new IllegalArgumentException("label " + label + " is not in [0, " + count + ")");
      }
      clusters = Math.max(clusters, label + 1);
    }
    double[] sz = new double[clusters];
    double[] c = new double[clusters * d];
    for (int i = 0; i < count; i++) {
      int l = labels[i];
      sz[l]++;
      for (int t = 0; t < d; t++) {
        c[l * d + t] += points[i * d + t];
      }
    }
    for (int l = 0; l < clusters; l++) {
      if (sz[l] == 0) {
        throw new IllegalArgumentException("label " + l + " has no point; labels must be 0.." + (clusters - 1));
      }
      for (int t = 0; t < d; t++) {
        c[l * d + t] /= sz[l];
      }
    }
    this.linkage = linkage;
    this.tree = tree;
    this.labels = labels;
    this.points = points;
    this.d = d;
    this.n = count;
    this.k = clusters;
    this.centers = c;
    this.sizes = sz;
  }

  /**
   * The hash table over the fitted points, built at the first call. Threads that race to
   * build it build the same table, and the volatile field publishes a whole one.
   */
  private int[] table() {
    int[] t = table;
    if (t == null) {
      t = buildTable();
      table = t;
    }
    return t;
  }

  private int[] buildTable() {
    int cap = Integer.highestOneBit(Math.max(2, 2 * n - 1)) << 1;
    int[] table = new int[cap];
    int mask = cap - 1;
    for (int i = 0; i < n; i++) {
      int slot = hash(points, i * d) & mask;
      while (true) {
        int e = table[slot];
        if (e == 0) {
          table[slot] = i + 1;
          break;
        }
        if (same(points, (e - 1) * d, points, i * d)) {
          break; // a duplicate: the first occurrence answers
        }
        slot = (slot + 1) & mask;
      }
    }
    return table;
  }

  private int hash(double[] a, int off) {
    long h = 0x9E3779B97F4A7C15L;
    for (int t = 0; t < d; t++) {
      double v = a[off + t];
      long bits = v == 0.0 ? 0L : Double.doubleToLongBits(v); // -0.0 equals 0.0
      h = (h ^ bits) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return (int) (h ^ (h >>> 32));
  }

  private boolean same(double[] a, int aOff, double[] b, int bOff) {
    for (int t = 0; t < d; t++) {
      if (a[aOff + t] != b[bOff + t]) {
        return false;
      }
    }
    return true;
  }

  /** The index of the first fitted point equal to {@code p}, or −1. */
  private int find(double[] p) {
    int[] table = table();
    int mask = table.length - 1;
    int slot = hash(p, 0) & mask;
    while (true) {
      int e = table[slot];
      if (e == 0) {
        return -1;
      }
      if (same(points, (e - 1) * d, p, 0)) {
        return e - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public int clusterCount() {
    return k;
  }

  @Override
  public int predict(double[] point) {
    Points.require(point, d);
    int i = find(point);
    if (i >= 0) {
      return labels[i];
    }
    if (linkage.isGeometric()) {
      return Euclid.nearest(point, centers, k);
    }
    int best = 0;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int j = 0, off = 0; j < n; j++, off += d) {
      double dist = Euclid.squaredDistance(point, 0, points, off, d);
      if (dist < bestDist) {
        bestDist = dist;
        best = j;
      }
    }
    return labels[best];
  }

  @Override
  public double[] center(int label) {
    checkLabel(label);
    return Arrays.copyOfRange(centers, label * d, (label + 1) * d);
  }

  /** The number of fitted points in the cluster. */
  @Override
  public double weight(int label) {
    checkLabel(label);
    return sizes[label];
  }

  private void checkLabel(int label) {
    if (label < 0 || label >= k) {
      throw new IllegalArgumentException("label " + label + " is not in [0, " + k + ")");
    }
  }

  /** The linkage the tree was built with. */
  public Linkage linkage() {
    return linkage;
  }

  /** The full merge tree this cut was taken from. */
  public Dendrogram dendrogram() {
    return tree;
  }

  /** The cluster of each fitted point, in the order of the data; a copy. */
  public int[] fittedLabels() {
    return labels.clone();
  }

  /** The number of fitted points. */
  public int size() {
    return n;
  }

  /** The same tree cut into at most k clusters instead ({@link Dendrogram#cutByCount(int)}). */
  public HierarchicalModel recut(int clusters) {
    if (clusters > n) {
      throw new IllegalArgumentException("k is " + clusters + " but the model has only " + n + " points");
    }
    return new HierarchicalModel(linkage, tree, tree.cutByCount(clusters), points, d, true);
  }

  /** The same tree cut at a height instead ({@link Dendrogram#cutByHeight(double)}). */
  public HierarchicalModel recutAtHeight(double height) {
    return new HierarchicalModel(linkage, tree, tree.cutByHeight(height), points, d, true);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HierarchicalModel)) {
      return false;
    }
    HierarchicalModel m = (HierarchicalModel) o;
    return m.linkage == linkage && m.d == d && m.tree.equals(tree) && Arrays.equals(m.labels, labels)
        && Arrays.equals(m.points, points);
  }

  @Override
  public int hashCode() {
    return 31 * tree.hashCode() + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return "HierarchicalModel[" + linkage.id() + ", k=" + k + ", n=" + n + ", d=" + d + "]";
  }

  /** The codec {@link io.eddy.io.ModelIO} uses for this model ("hierarchical.model"). */
  static final StateCodec<HierarchicalModel> CODEC = StateCodec.of("hierarchical.model", 1, HierarchicalModel.class,
      (m, out) -> {
        out.writeString(m.linkage.id());
        out.writeInt(m.d);
        m.tree.write(out);
        out.writeInts(m.labels);
        out.writeDoubles(m.points);
      },
      (in, version) -> {
        Linkage linkage = Parameter.Choice.of(Linkage.class, in.readString());
        int d = in.readInt(1, Integer.MAX_VALUE);
        Dendrogram tree = Dendrogram.read(in);
        int[] labels = in.readInts();
        double[] points = in.readDoubles();
        HierarchicalModel m = new HierarchicalModel(linkage, tree, labels, points, d);
        requireCut(tree, labels);
        return m;
      });

  /**
   * Checks that {@code labels} (already checked to be 0..k−1 over the tree's leaves) cut the
   * tree: each cluster is exactly the leaves of one of its nodes, as every cut by count or
   * height is. O(n).
   *
   * @throws IllegalArgumentException naming the first cluster that is not one subtree
   */
  static void requireCut(Dendrogram tree, int[] labels) {
    int n = tree.leafCount();
    int[] label = new int[2 * n - 1];
    int[] size = new int[2 * n - 1];
    int k = 0;
    for (int i = 0; i < n; i++) {
      label[i] = labels[i];
      size[i] = 1;
      k = Math.max(k, labels[i] + 1);
    }
    for (int r = 0; r < n - 1; r++) {
      int a = tree.left(r);
      int b = tree.right(r);
      label[n + r] = label[a] == label[b] ? label[a] : -1;
      size[n + r] = size[a] + size[b];
    }
    int[] members = new int[k];
    for (int l : labels) {
      members[l]++;
    }
    boolean[] whole = new boolean[k];
    for (int node = 0; node < 2 * n - 1; node++) {
      int l = label[node];
      if (l >= 0 && size[node] == members[l]) {
        whole[l] = true;
      }
    }
    for (int l = 0; l < k; l++) {
      if (!whole[l]) {
        throw new IllegalArgumentException("the fitted labels contradict the dendrogram: cluster " + l
            + " is not the leaves of one of its subtrees");
      }
    }
  }
}
