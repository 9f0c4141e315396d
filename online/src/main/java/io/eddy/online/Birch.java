package io.eddy.online;

import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import java.util.Map;

/**
 * BIRCH [1] with scikit-learn 1.2's {@code Birch} semantics [2]: each point descends a CF tree
 * to the nearest leaf subcluster and joins it if the merged subcluster's radius stays within
 * {@link Params#threshold() threshold}, otherwise it starts a new subcluster; a node holding
 * more than {@link Params#branchingFactor() B} entries is split around its farthest pair of
 * entries. {@link #learn(double[])} is scikit-learn's {@code partial_fit} of one sample, and
 * {@link BirchBatch#fit(double[][])} its {@code fit}. The global step clusters the subcluster
 * centres into {@link Params#k() k} clusters with Ward linkage, as scikit-learn's default
 * {@code AgglomerativeClustering(n_clusters=k)}; k = 0 (scikit-learn's {@code n_clusters=None})
 * skips it and each subcluster is a cluster (see {@link BirchModel}).
 *
 * <p><b>Agreement with scikit-learn.</b> The tree follows {@code sklearn/cluster/_birch.py}
 * rule for rule: the order of entries in a node, the nearest entry (first of equals), the
 * threshold test {@code r² ≤ T²} with {@code r² = Σ‖x − c‖²/n}, the split (seeded by the
 * farthest pair of entries, or by the first entry alone when all coincide, as in its fix for
 * issue 23269; each entry joins the strictly nearer seed, ties to the second), the two halves
 * replacing the old entry in the parent and the old leaf in the leaf list, the centroid
 * arithmetic ({@code (1/n)·LS} after a leaf merge, {@code LS/n} after an update), and the global
 * step with its label numbering. Golden fixtures from scikit-learn 1.2.1 check the
 * subclusters (sizes exact, centres to 1e-9), the leaves that hold them, the partition of the
 * global step, the labels of fit and the predictions, after fit and along partial-fit
 * sequences.
 *
 * <p><b>Deliberate deviations.</b> (1) Arithmetic. scikit-learn computes squared distances by
 * the squared-norm trick {@code ‖c‖² − 2·x·c (+ ‖x‖²)} and the squared radius as
 * {@code SS/n − ‖c‖²}. Both cancel catastrophically far from the origin (its issue 34436: a
 * translated data set gets another number of subclusters; r² even turns negative), and both
 * round asymmetrically: its split matrix has {@code D[i][j] ≠ D[j][i]} in the last bits, so
 * which of the farthest pair seeds the first half (and so the order of the two halves) is
 * decided by rounding, as are exact ties between two entries' distances. Here distances are
 * {@code Σ(x_j − c_j)²} and each entry keeps its centred second moment
 * {@code SSD = Σ‖x − c‖²}, combined exactly by the parallel-axis rule: the same quantities,
 * computed translation-invariantly; the first of the farthest pair (in slot order) seeds the
 * first half, and exact ties go to the first entry. Near the origin the subclusters, the
 * leaves and the partition agree with scikit-learn's; the order of the halves of a split, and
 * so of the subclusters and the numbering of labels, may differ. (2) Memory is bounded: when
 * the tree holds more than {@link Params#maxSubclusters() maxSubclusters} subclusters, the
 * threshold is raised and the tree rebuilt from its own leaf entries, as in the paper's
 * phase 1 [1, §5.1]: the new threshold is the larger of the paper's D_min (the least merged
 * radius of two entries in the most crowded leaf, reached by following the heaviest entries)
 * and {@value #REBUILD_GROWTH} times the old one, repeated until the bound holds.
 * scikit-learn has no bound; below it the two agree.
 *
 * <p><b>Merging.</b> {@link #merge(Birch)} inserts the other tree's subclusters (their CFs)
 * into this one: the total CF (n, LS, SSD) is exact; the tree's shape depends on the order.
 *
 * <p>Cost: {@link #learn(double[])} is O(B·d·h) for a tree of height h, plus O(B²·d) for each
 * split, and allocates nothing once the pools have grown to the tree's size (a rebuild reuses
 * them). {@link #snapshot()} runs the global step, O(m²) time for m subclusters (Ward on the
 * distance matrix up to {@value BirchModel#MATRIX_LIMIT} subclusters, on the vectors above; see
 * {@link BirchModel}), and is cached until the next learn. {@link #predict(double[])} costs
 * O(m·d) and, with k &ge; 1, takes a snapshot first if the tree changed. Memory is
 * O(maxSubclusters·(d + B)). Not thread-safe: use from one thread at a time; snapshots are
 * immutable.
 *
 * <p>References: [1] T. Zhang, R. Ramakrishnan, M. Livny, "BIRCH: an efficient data clustering
 * method for very large databases", SIGMOD 1996. [2] scikit-learn 1.2,
 * {@code sklearn.cluster.Birch}.
 *
 * <p><b>Threads.</b> Shared between threads without {@link ConcurrentClusterer}, concurrent
 * {@code learn} calls lose points and can corrupt the state, and a {@code predict} during a
 * {@code learn} can throw or read a half-updated state; wrap it to share it.
 */
public final class Birch implements OnlineClusterer<BirchModel>, Mergeable<Birch> {

  /** The factor by which a rebuild raises the threshold at least. */
  static final double REBUILD_GROWTH = 1.1;

  /**
   * The configuration of {@link Birch} and {@link BirchBatch}. Immutable; validated on
   * construction.
   *
   * @param threshold the largest radius of a leaf subcluster, in data units, &gt; 0
   *     (default 0.5)
   * @param branchingFactor B, the most entries of a node, &ge; 2 (default 50)
   * @param k the number of clusters of the global step (scikit-learn's {@code n_clusters}),
   *     or 0 for none: each subcluster is a cluster (default 3)
   * @param maxSubclusters the most subclusters the tree holds before it is rebuilt with a
   *     larger threshold, &ge; 1 (default 4096)
   */
  public record Params(double threshold, int branchingFactor, int k, int maxSubclusters) {

    static final Parameter THRESHOLD = Parameter.ofDouble("threshold", 0.5, 0, false,
        Double.POSITIVE_INFINITY, false, "largest radius of a leaf subcluster, in data units; raised by rebuilds");
    static final Parameter BRANCHING_FACTOR = Parameter.ofInt("branchingFactor", 50, 2, 1 << 16,
        "most entries of a CF-tree node");
    static final Parameter K = Parameter.ofInt("k", 3, 0, 1 << 24,
        "clusters of the global Ward step over the subclusters; 0: each subcluster is a cluster");
    static final Parameter MAX_SUBCLUSTERS = Parameter.ofInt("maxSubclusters", 4096, 1, 1 << 24,
        "most subclusters before the tree is rebuilt with a larger threshold");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, THRESHOLD, BRANCHING_FACTOR, K,
        MAX_SUBCLUSTERS);

    /** The defaults: threshold 0.5, B = 50, k = 3, at most 4096 subclusters. */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates every field. */
    public Params {
      THRESHOLD.check(threshold);
      BRANCHING_FACTOR.check(branchingFactor);
      K.check(k);
      MAX_SUBCLUSTERS.check(maxSubclusters);
    }

    /** A copy with another threshold. */
    public Params withThreshold(double v) {
      return SPEC.with(this, THRESHOLD, v);
    }

    /** A copy with another branching factor. */
    public Params withBranchingFactor(int v) {
      return SPEC.with(this, BRANCHING_FACTOR, v);
    }

    /** A copy with another k. */
    public Params withK(int v) {
      return SPEC.with(this, K, v);
    }

    /** A copy with another bound on the subclusters. */
    public Params withMaxSubclusters(int v) {
      return SPEC.with(this, MAX_SUBCLUSTERS, v);
    }
  }

  private final Params params;
  private BirchTree tree;
  private long seen;
  private int rebuilds;
  private BirchModel cached;
  // the leaf entries copied out during a rebuild; grown once to maxSubclusters + 1 rows
  private double[] spareN;
  private double[] spareLs;
  private double[] spareCen;
  private double[] spareSsd;

  /** A clusterer with the given configuration. */
  public Birch(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  @Override
  public Map<String, Object> configuration() {
    return Birch.Params.SPEC.toMap(params);
  }

  @Override
  public void learn(double[] point) {
    Points.require(point, dimension());
    if (tree == null) {
      tree = new BirchTree(point.length, params.branchingFactor(), params.threshold());
    }
    seen++;
    cached = null;
    tree.insertPoint(point);
    enforceBound();
  }

  private void enforceBound() {
    while (tree.subclusters > params.maxSubclusters()) {
      rebuild(Math.max(tree.crowdedLeafMinMergeRadius(), REBUILD_GROWTH * tree.threshold));
    }
  }

  /** Re-inserts the leaf entries, in leaf order, into an emptied tree with a new threshold. */
  private void rebuild(double threshold) {
    int m = tree.subclusters;
    int d = tree.d;
    if (spareN == null || spareN.length < m) {
      int rows = Math.max(m, params.maxSubclusters() + 1);
      spareN = new double[rows];
      spareSsd = new double[rows];
      spareLs = new double[rows * d];
      spareCen = new double[rows * d];
    }
    int row = 0;
    for (int v = tree.head; v != BirchTree.NONE; v = tree.next[v]) {
      for (int i = 0; i < tree.size[v]; i++) {
        int e = tree.slots[v * tree.slotsPerNode + i];
        spareN[row] = tree.n[e];
        spareSsd[row] = tree.ssd[e];
        System.arraycopy(tree.ls, e * d, spareLs, row * d, d);
        System.arraycopy(tree.cen, e * d, spareCen, row * d, d);
        row++;
      }
    }
    tree.clear();
    tree.threshold = threshold;
    for (int i = 0; i < m; i++) {
      tree.insertFeature(spareN[i], spareLs, spareCen, i, spareSsd[i]);
    }
    rebuilds++;
  }

  // ---- merging (Mergeable) ----

  /**
   * Merges another BIRCH summary into this one; the other is not changed. The subclusters of
   * both sides are taken out, put in a canonical order (by centroid, then weight, SSD and linear
   * sum) and inserted as cluster features into the emptied tree, whose threshold becomes the
   * larger of the two; the bound is enforced as after learning. {@link #seen()} and the rebuild
   * count become the sums. So merge(a, b) and merge(b, a) build the same tree, and the total
   * CF is exact. An empty summary is an identity on both sides: merging it changes nothing, and
   * merging into it copies the other's tree. Grouping is not associative: inserting CFs may merge
   * subclusters that (a + b) + c and a + (b + c), or points learned in another order, would
   * keep apart, within the tolerance the tests state.
   *
   * <p>This is {@link Mergeable}'s merge, of kind TOTALS: the totals are exact and the merge
   * commutative, the subclusters approximate those of learning the union. It allocates.
   *
   * @throws IllegalArgumentException if other is null or this, has another dimension or
   *     another configuration; this clusterer is then unchanged
   */
  @Override
  public void merge(Birch other) {
    if (other == null || other == this) {
      throw new IllegalArgumentException("cannot merge " + (other == null ? "null" : "a clusterer with itself"));
    }
    if (other.tree == null) {
      return;
    }
    if (tree != null && tree.d != other.tree.d) {
      throw new IllegalArgumentException("cannot merge a clusterer of dimension " + other.tree.d
          + " into one of dimension " + tree.d);
    }
    if (!other.params.equals(params)) {
      throw new IllegalArgumentException("cannot merge a clusterer of configuration " + other.params
          + " into one of " + params);
    }
    cached = null;
    seen += other.seen;
    rebuilds += other.rebuilds;
    if (tree == null) {
      // an empty summary is the identity: take the other's tree as it is
      tree = other.tree.copy();
      tree.threshold = Math.max(tree.threshold, params.threshold());
      enforceBound();
      return;
    }
    int d = tree.d;
    int[] mine = tree.subclusterIds();
    int[] theirs = other.tree.subclusterIds();
    int m = mine.length + theirs.length;
    double[] n = new double[m];
    double[] ssd = new double[m];
    double[] ls = new double[m * d];
    double[] cen = new double[m * d];
    Integer[] order = new Integer[m];
    for (int r = 0; r < m; r++) {
      BirchTree t = r < mine.length ? tree : other.tree;
      int e = r < mine.length ? mine[r] : theirs[r - mine.length];
      n[r] = t.n[e];
      ssd[r] = t.ssd[e];
      System.arraycopy(t.ls, e * d, ls, r * d, d);
      System.arraycopy(t.cen, e * d, cen, r * d, d);
      order[r] = r;
    }
    java.util.Arrays.sort(order, (a, b) -> {
      int c = java.util.Arrays.compare(cen, a * d, a * d + d, cen, b * d, b * d + d);
      if (c == 0) {
        c = Double.compare(n[a], n[b]);
      }
      if (c == 0) {
        c = Double.compare(ssd[a], ssd[b]);
      }
      return c != 0 ? c : java.util.Arrays.compare(ls, a * d, a * d + d, ls, b * d, b * d + d);
    });
    double threshold = Math.max(tree.threshold, other.tree.threshold);
    tree.clear();
    tree.threshold = threshold;
    for (int r : order) {
      tree.insertFeature(n[r], ls, cen, r, ssd[r]);
      enforceBound();
    }
  }

  /**
   * Becomes part {@code part} of {@code parts} of {@code merged} (see
   * {@link Mergeable#takePart}): a copy of the merged tree with every clustering feature, of
   * the leaves and of the inner entries that sum them, scaled by {@code 1 / parts} (count,
   * linear sum and squared deviations), so that centroids and radii, hence the tree's shape,
   * the threshold test and the clustering, stay the merged ones while the parts' features add
   * back to the merged totals; {@code seen()} and the rebuild count are split as integers
   * ({@link MergeChecks#share}). Returns false, changing nothing, while {@code merged} has
   * learned nothing. O(entries·d).
   */
  @Override
  public boolean takePart(Birch merged, int part, int parts) {
    Mergeable.super.takePart(merged, part, parts);
    if (!merged.params.equals(params)) {
      throw new IllegalArgumentException("cannot take a part of a clusterer of configuration " + merged.params
          + " into one of " + params);
    }
    if (merged.tree == null) {
      return false;
    }
    if (tree != null && tree.d != merged.tree.d) {
      throw new IllegalArgumentException("cannot take a part of a clusterer of dimension " + merged.tree.d
          + " into one of dimension " + tree.d);
    }
    BirchTree t = merged.tree.copy();
    double share = 1.0 / parts;
    for (int e = 0; e < t.n.length; e++) {
      t.n[e] *= share;
      t.ssd[e] *= share;
    }
    for (int e = 0; e < t.ls.length; e++) {
      t.ls[e] *= share;
    }
    tree = t;
    seen = MergeChecks.share(merged.seen, part, parts);
    rebuilds = (int) MergeChecks.share(merged.rebuilds, part, parts);
    cached = null;
    return true;
  }

  /** {@link Mergeable.Kind#TOTALS}: see {@link #merge(Birch)}. */
  @Override
  public Mergeable.Kind mergeKind() {
    return Mergeable.Kind.TOTALS;
  }

  // ---- reading ----

  @Override
  public int predict(double[] point) {
    Points.require(point, dimension());
    requireTree();
    if (params.k() == 0) {
      return tree.nearestSubcluster(point);
    }
    return snapshot().predict(point);
  }

  @Override
  public BirchModel snapshot() {
    requireTree();
    if (cached == null) {
      int[] ids = tree.subclusterIds();
      int d = tree.d;
      double[] centres = new double[ids.length * d];
      double[] weights = new double[ids.length];
      for (int i = 0; i < ids.length; i++) {
        for (int j = 0; j < d; j++) {
          // A centroid of points at the range's edge can round a few ulps beyond it; the true
          // mean cannot lie there, and the global step accepts only points within the range.
          double v = tree.cen[ids[i] * d + j];
          centres[i * d + j] = Math.max(-Points.MAX_ABS, Math.min(Points.MAX_ABS, v));
        }
        weights[i] = tree.n[ids[i]];
      }
      cached = BirchModel.of(d, params.k(), tree.threshold, centres, weights);
    }
    return cached;
  }

  private void requireTree() {
    if (tree == null) {
      throw new IllegalStateException("birch has learned no point yet");
    }
  }

  /** The number of subclusters (leaf entries) now, at most {@link Params#maxSubclusters()}. */
  public int subclusterCount() {
    return tree == null ? 0 : tree.subclusters;
  }

  /**
   * The height of the CF tree: 1 while the root is a leaf, 0 before the first point. A learn
   * scans at most {@link Params#branchingFactor()} entries on each level.
   */
  public int height() {
    if (tree == null) {
      return 0;
    }
    int h = 1;
    for (int v = tree.root; !tree.leaf[v]; v = tree.child[tree.slots[v * tree.slotsPerNode]]) {
      h++;
    }
    return h;
  }

  /** The threshold in effect: {@link Params#threshold()} until a rebuild raised it. */
  public double threshold() {
    return tree == null ? params.threshold() : tree.threshold;
  }

  /** How many times the tree was rebuilt to keep within {@link Params#maxSubclusters()}. */
  public int rebuildCount() {
    return rebuilds;
  }

  /**
   * The total cluster feature of everything learned: {@code {n, LS_1..LS_d, SSD}}, the weight,
   * linear sum and centred sum of squares; a new array. Exact under merging and rebuilding up
   * to rounding.
   */
  public double[] totalFeature() {
    if (tree == null) {
      return new double[0];
    }
    int d = tree.d;
    double[] out = new double[d + 2];
    double n = 0;
    double ssd = 0;
    double[] mean = new double[d];
    for (int v = tree.root, i = 0; i < tree.size[v]; i++) {
      int e = tree.slots[v * tree.slotsPerNode + i];
      double total = n + tree.n[e];
      double gap = 0;
      for (int j = 0; j < d; j++) {
        double delta = tree.cen[e * d + j] - mean[j];
        gap += delta * delta;
      }
      ssd += tree.ssd[e] + (n == 0 ? 0 : n * tree.n[e] / total * gap);
      for (int j = 0; j < d; j++) {
        out[1 + j] += tree.ls[e * d + j];
        mean[j] = out[1 + j] / total;
      }
      n = total;
    }
    out[0] = n;
    out[d + 1] = ssd;
    return out;
  }

  /** The tree, for tests in this package; null before the first point. */
  BirchTree tree() {
    return tree;
  }

  @Override
  public long seen() {
    return seen;
  }

  @Override
  public int dimension() {
    return tree == null ? 0 : tree.d;
  }

  @Override
  public String toString() {
    return "Birch[" + params + ", seen=" + seen + ", subclusters=" + subclusterCount() + "]";
  }

  // ---- persistence ----

  /**
   * Writes the configuration and the tree: nodes in preorder, each with its entries' CFs and
   * centroids (internal entries also name their child's preorder index), then the leaf order.
   */
  static final StateCodec<Birch> CODEC = StateCodec.of("birch.state", 1, Birch.class,
      (c, out) -> {
        Params.SPEC.write(c.params, out);
        out.writeLong(c.seen);
        out.writeInt(c.rebuilds);
        out.writeInt(c.dimension());
        if (c.tree != null) {
          c.tree.write(out);
        }
      },
      (in, version) -> {
        Params p = Params.SPEC.read(in);
        Birch c = new Birch(p);
        long seen = in.readCount();
        int rebuilds = in.readInt(0, Integer.MAX_VALUE);
        int d = in.readInt(0, Integer.MAX_VALUE);
        if ((d == 0) != (seen == 0)) {
          throw new ModelFormatException("birch state has seen = " + seen + " and dimension " + d);
        }
        c.seen = seen;
        c.rebuilds = rebuilds;
        if (d > 0) {
          c.tree = BirchTree.read(in, d, p.branchingFactor(), p.threshold(), p.maxSubclusters());
        }
        return c;
      });
}
