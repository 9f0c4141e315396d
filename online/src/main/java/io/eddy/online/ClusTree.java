package io.eddy.online;

import io.eddy.Mergeable;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.kmeans.KMeans;
import io.eddy.kmeans.KMeansModel;
import io.eddy.math.Decay;
import java.util.Arrays;

/**
 * ClusTree: an index of micro-clusters for anytime stream clustering [1], with k macro
 * clusters found offline by weighted k-means on its leaves.
 *
 * <p><b>The tree.</b> A balanced tree, like an R-tree, whose nodes hold at most
 * {@code maxEntries} entries. An entry is a cluster feature CF = (n, LS, SS) summarising every
 * point below it, a buffer CF of points parked there, a pointer to its child node (none in a
 * leaf) and the time its CFs were last faded. Weights fade as {@code 2^(-lambda·dt)} with
 * {@code lambda = log2(1/threshold) / horizon}, so a point's weight falls to {@code threshold}
 * after {@code horizon} time units (MOA's parametrisation); CFs are faded lazily, when their
 * node is visited.
 *
 * <p><b>Anytime insertion</b> (section 4 of [1]). A point descends from the root, at each inner
 * node into the entry whose mean is nearest, and is added to that entry's CF on the way. The
 * paper interrupts an insertion when the next point arrives; here the interruption is a
 * deterministic budget of {@code budget} inner levels per point (never the wall clock, so
 * results are reproducible): a point that used its budget is parked in the buffer of the entry
 * it reached. The next insertion that descends through that entry takes the buffer along as a
 * hitchhiker; where the hitchhiker's nearest entry differs from the point's, it is added to
 * and parked at that entry instead, and a hitchhiker that reaches a leaf becomes a leaf entry
 * (or, in a full leaf, joins the nearest one). Points reach the leaves only while the tree has
 * at most {@code budget} inner levels, so a budget below {@code maxHeight - 1} also caps the
 * height at {@code budget + 1}: deeper levels would never be reached, as in the paper when the
 * stream is faster than the descent.
 *
 * <p><b>Leaves.</b> A point reaching a leaf takes a free slot, else replaces an entry whose
 * faded weight fell below {@code threshold} (an irrelevant entry), else, below
 * {@code maxHeight}, splits the leaf: the {@code maxEntries + 1} entries are divided into two
 * halves minimising the sum of the distances between the means within each half (MOA's rule,
 * generalised from 3 entries to any count), and the split propagates upward as in an R-tree,
 * the root split adding a level. At {@code maxHeight} the point instead joins its nearest entry,
 * or, when the two closest entries of the leaf are closer to each other than the point is to
 * its nearest entry, those two merge and the point takes the freed slot. Memory is therefore
 * bounded by {@code maxEntries^maxHeight} leaf entries.
 *
 * <p><b>Macro clusters.</b> {@link #snapshot()} runs weighted k-means (k-means++, seeded) on the
 * means of the relevant leaf entries and non-empty buffers, weighted by their faded weights, and
 * returns the {@link KMeansModel}: labels {@code 0..k-1}, nearest centre, never noise. With fewer
 * micro-clusters than k it has as many clusters as micro-clusters; when a micro-cluster weighs
 * more than 1e50 all weights are scaled down together, and when the heaviest has faded below
 * 1e-100 all are scaled up, the heaviest to 1 (all weigh 1 if every weight has faded to 0): the
 * clustering does not change, the model's weights are then relative. Micro-clusters that share
 * a centre count once towards k: fewer distinct centres give fewer clusters. The snapshot is
 * cached until the next {@code learn}.
 *
 * <p><b>Differences from MOA 2024.07</b> ({@code moa.clusterers.clustree.ClusTree}), where MOA
 * deviates from the paper or has bugs: MOA's search for the two closest entries never lowers
 * its running minimum, so it always returns the last pair of the node (here: the closest
 * pair); MOA's per-point budget ({@code SimpleBudget(1000)}) is never charged, so its insertion
 * is never interrupted and buffers are never used (here: a budget of levels that interrupts);
 * MOA recomputes an inner entry from its children only, dropping the points parked in its
 * buffer from its CF (here: children plus buffer); MOA returns no macro clustering
 * ({@code getClusteringResult()} is null; here: weighted k-means on the leaves); MOA fixes
 * {@code maxEntries} at 3. The committed cross-check ({@code benchmarks/compare/canon/clustree})
 * compares the micro-clusters' total weight and the quality of k-means on both sets of leaves.
 *
 * <p>Not thread-safe: use from one thread at a time; snapshots are immutable. {@code learn}
 * costs O(h·maxEntries·d) for a tree of height h (a split costs
 * O(2^maxEntries·maxEntries²) more) and allocates nothing in steady state (arrays grow only when
 * the tree reaches a new size).
 *
 * <p>[1] P. Kranen, I. Assent, C. Baldauf, T. Seidl, "The ClusTree: indexing micro-clusters for
 * anytime stream mining", Knowledge and Information Systems 29(2):249-272, 2011.
 *
 * <p><b>Threads.</b> Shared between threads without {@link ConcurrentClusterer}, concurrent
 * {@code learn} calls lose points and can corrupt the state, and a {@code predict} during a
 * {@code learn} can throw or read a half-updated state; wrap it to share it.
 */
public final class ClusTree extends DensityClusterer<KMeansModel> implements Mergeable<ClusTree> {

  /**
   * The configuration.
   *
   * @param maxEntries the most entries of a node, M; in [2, 12] (default 3, MOA's)
   * @param maxHeight the most levels of the tree; in [1, 30] (default 8, MOA's)
   * @param budget the inner levels a point may descend before it is parked in a buffer; &gt;= 1
   *     (default {@code Integer.MAX_VALUE}: never interrupted)
   * @param horizon the age, in time units, at which a point's weight has faded to
   *     {@code threshold}; &gt; 0 (default 1000, MOA's)
   * @param threshold the weight below which an entry is irrelevant and may be replaced; in
   *     (0, 1) (default 0.05, MOA's)
   * @param k the number of macro clusters; &gt;= 1 (default 5)
   * @param seed the seed of the offline k-means++
   */
  public record Params(int maxEntries, int maxHeight, int budget, double horizon, double threshold,
      int k, long seed) {

    static final Parameter MAX_ENTRIES = Parameter.ofInt("maxEntries", 3, 2, 12,
        "most entries of a node");
    static final Parameter MAX_HEIGHT = Parameter.ofInt("maxHeight", 8, 1, 30,
        "most levels of the tree");
    static final Parameter BUDGET = Parameter.ofInt("budget", Integer.MAX_VALUE, 1,
        Integer.MAX_VALUE, "inner levels a point descends before it is parked in a buffer");
    static final Parameter HORIZON = Parameter.ofPositive("horizon", 1000,
        "time units after which a point's weight has faded to threshold");
    static final Parameter THRESHOLD = Parameter.ofDouble("threshold", 0.05, 0, false, 1, false,
        "weight below which an entry is irrelevant and may be replaced");
    static final Parameter K = Parameter.ofInt("k", 5, 1, 1 << 20, "number of macro clusters");
    static final Parameter SEED = Parameter.ofSeed("seed of the offline k-means++");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, MAX_ENTRIES,
        MAX_HEIGHT, BUDGET, HORIZON, THRESHOLD, K, SEED);

    /** The defaults: MOA's tree, never interrupted, five macro clusters. */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates every field. */
    public Params {
      MAX_ENTRIES.check(maxEntries);
      MAX_HEIGHT.check(maxHeight);
      BUDGET.check(budget);
      HORIZON.check(horizon);
      THRESHOLD.check(threshold);
      K.check(k);
      SEED.check(seed);
    }

    /** A copy with another node capacity. */
    public Params withMaxEntries(int v) {
      return SPEC.with(this, MAX_ENTRIES, v);
    }

    /** A copy with another height limit. */
    public Params withMaxHeight(int v) {
      return SPEC.with(this, MAX_HEIGHT, v);
    }

    /** A copy with another budget of levels per point. */
    public Params withBudget(int v) {
      return SPEC.with(this, BUDGET, v);
    }

    /** A copy with another horizon. */
    public Params withHorizon(double v) {
      return SPEC.with(this, HORIZON, v);
    }

    /** A copy with another irrelevance threshold. */
    public Params withThreshold(double v) {
      return SPEC.with(this, THRESHOLD, v);
    }

    /** A copy with another number of macro clusters. */
    public Params withK(int v) {
      return SPEC.with(this, K, v);
    }

    /** A copy with another seed. */
    public Params withSeed(long v) {
      return SPEC.with(this, SEED, v);
    }
  }

  /** Scratch feature slots: the point, the carried hitchhikers, a new entry, split candidates. */
  private static final int X = 0;
  private static final int CARRY = 1;
  private static final int NEW = 2;
  private static final int CAND = 3;
  /** The largest weight handed to k-means: heavier micro-clusters are scaled down together. */
  private static final double MAX_FIT_WEIGHT = 1e50;
  /** Below this heaviest weight all weights are scaled up together, the heaviest to 1. */
  private static final double MIN_FIT_WEIGHT = 1e-100;

  private final Params params;
  private final int fan;
  private final double lambda;

  /** Entry e = node * fan + slot. */
  private ClusTreeFeatures data;
  private ClusTreeFeatures buf;
  private int[] child = new int[0];
  private double[] stamp = new double[0];
  private int[] used = new int[0];
  private boolean[] leaf = new boolean[0];
  private int nodes;
  private int[] free = new int[0];
  private int freeCount;
  private int root;
  private int height;

  private ClusTreeFeatures tmp;
  private int[] pathNode;
  private int[] pathEntry;
  private int[] candChild;
  private double[] pair;
  private int[] stack = new int[0];

  /** A clusterer with the given configuration. */
  public ClusTree(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
    this.fan = params.maxEntries();
    this.lambda = Math.log(1 / params.threshold()) / Math.log(2) / params.horizon();
  }

  /** A clusterer with {@link Params#DEFAULTS}. */
  public ClusTree() {
    this(Params.DEFAULTS);
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  /**
   * The parameters by name, as the registry takes them ({@code Params.SPEC.toMap(params)});
   * overrides {@code OnlineClusterer.configuration()} where the interface declares it.
   */
  public java.util.Map<String, Object> configuration() {
    return Params.SPEC.toMap(params);
  }

  @Override
  void maintain() {
    // Fading is lazy and irrelevant entries are replaced on insertion: nothing periodic.
  }

  private void start(int dim) {
    // the scratch features and the first nodes' entries, two (n, LS, SS) stores each
    long entries = CAND + 2L * (fan + 1) + 16L * fan;
    Sizes.require(entries * dim, 3 * entries * (2L * dim + 1), "cluster features of dimension " + dim,
        "lower the dimension");
    d = dim;
    data = new ClusTreeFeatures(d, 0);
    buf = new ClusTreeFeatures(d, 0);
    tmp = new ClusTreeFeatures(d, CAND + 2 * (fan + 1));
    pathNode = new int[params.maxHeight()];
    pathEntry = new int[params.maxHeight()];
    candChild = new int[fan + 1];
    pair = new double[(fan + 1) * (fan + 1)];
    root = allocate(true);
    height = 1;
  }

  @Override
  void ingest(double[] x, double w, double t) {
    if (d == 0) {
      start(x.length);
    }
    tmp.setPoint(X, x, w);
    insert(t, params.budget());
  }

  /** Inserts the feature in scratch slot X at time t. */
  private void insert(double t, int budget) {
    tmp.clear(CARRY);
    int node = root;
    int depth = 0;
    int levels = 0;
    while (true) {
      pathNode[depth] = node;
      fade(node, t);
      if (leaf[node]) {
        break;
      }
      int e = nearest(node, X);
      data.add(e, tmp, X);
      boolean carrying = !tmp.isEmpty(CARRY);
      int eb = -1;
      if (carrying) {
        eb = nearest(node, CARRY);
        data.add(eb, tmp, CARRY);
      }
      if (++levels >= budget) {
        buf.add(e, tmp, X);
        if (carrying) {
          buf.add(eb, tmp, CARRY);
        }
        return;
      }
      if (carrying && eb != e) {
        buf.add(eb, tmp, CARRY);
        tmp.clear(CARRY);
      }
      if (!buf.isEmpty(e)) {
        tmp.add(CARRY, buf, e);
        buf.clear(e);
      }
      pathEntry[depth] = e;
      node = child[e];
      depth++;
    }
    if (!tmp.isEmpty(CARRY)) {
      placeHitchhiker(node, t);
    }
    int sibling = insertLeaf(node, t);
    for (int level = depth - 1; level >= 0; level--) {
      int e = pathEntry[level];
      recompute(e);
      if (sibling >= 0) {
        sum(sibling, NEW);
        sibling = insertInner(pathNode[level], e, sibling, t);
      }
    }
    if (sibling >= 0) {
      int old = root;
      root = allocate(false);
      sum(old, NEW);
      place(root, NEW, old, t);
      sum(sibling, NEW);
      place(root, NEW, sibling, t);
      height++;
    }
  }

  /** Fades every entry of a node to time t. */
  private void fade(int node, double t) {
    for (int s = 0, e = node * fan; s < used[node]; s++, e++) {
      double f = Decay.factor(lambda, t - stamp[e]);
      data.scale(e, f);
      buf.scale(e, f);
      stamp[e] = t;
    }
  }

  /** The entry of the node whose mean is nearest to scratch feature i; ties to the first. */
  private int nearest(int node, int i) {
    int best = node * fan;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int s = 0, e = node * fan; s < used[node]; s++, e++) {
      double dist = data.meanDistance(e, tmp, i);
      if (dist < bestDist) {
        bestDist = dist;
        best = e;
      }
    }
    return best;
  }

  /** The first entry of the node whose weight fell below the threshold, other than skip; or -1. */
  private int irrelevant(int node, int skip) {
    for (int s = 0, e = node * fan; s < used[node]; s++, e++) {
      if (e != skip && data.n[e] < params.threshold()) {
        return e;
      }
    }
    return -1;
  }

  /** Appends scratch feature i as an entry with an empty buffer. */
  private void place(int node, int i, int childNode, double t) {
    set(node * fan + used[node]++, i, childNode, t);
  }

  private void set(int e, int i, int childNode, double t) {
    data.copy(e, tmp, i);
    buf.clear(e);
    child[e] = childNode;
    stamp[e] = t;
  }

  /** A hitchhiker that reached a leaf: a free slot, else an irrelevant one, else its nearest entry. */
  private void placeHitchhiker(int node, double t) {
    int r = irrelevant(node, -1);
    if (used[node] < fan) {
      place(node, CARRY, -1, t);
    } else if (r >= 0) {
      set(r, CARRY, -1, t);
    } else {
      data.add(nearest(node, CARRY), tmp, CARRY);
    }
  }

  /**
   * Inserts the point (slot X) into a leaf.
   *
   * @return the new sibling if the leaf was split, else -1
   */
  private int insertLeaf(int node, double t) {
    if (used[node] < fan) {
      place(node, X, -1, t);
      return -1;
    }
    int r = irrelevant(node, -1);
    if (r >= 0) {
      set(r, X, -1, t);
      return -1;
    }
    if (height < params.maxHeight()) {
      return split(node, X, -1, t);
    }
    int near = nearest(node, X);
    double toNearest = data.meanDistance(near, tmp, X);
    int a = -1;
    int b = -1;
    double closest = Double.POSITIVE_INFINITY;
    for (int s = 0; s < used[node]; s++) {
      for (int q = s + 1; q < used[node]; q++) {
        double dist = data.meanDistance(node * fan + s, data, node * fan + q);
        if (dist < closest) {
          closest = dist;
          a = node * fan + s;
          b = node * fan + q;
        }
      }
    }
    if (toNearest < closest) {
      data.add(near, tmp, X);
    } else {
      data.add(a, data, b);
      buf.add(a, buf, b);
      remove(node, b);
      place(node, X, -1, t);
    }
    return -1;
  }

  /** Removes entry e of the node, moving the last entry into its slot. */
  private void remove(int node, int e) {
    int last = node * fan + --used[node];
    if (e != last) {
      data.copy(e, data, last);
      buf.copy(e, buf, last);
      child[e] = child[last];
      stamp[e] = stamp[last];
    }
    data.clear(last);
    buf.clear(last);
    child[last] = -1;
  }

  /**
   * Adds an entry (slot NEW, pointing to childNode) to an inner node whose entry {@code keep} is
   * on the insertion path.
   *
   * @return the new sibling if the node was split, else -1
   */
  private int insertInner(int node, int keep, int childNode, double t) {
    if (used[node] < fan) {
      place(node, NEW, childNode, t);
      return -1;
    }
    int r = irrelevant(node, keep);
    if (r >= 0) {
      release(child[r]);
      set(r, NEW, childNode, t);
      return -1;
    }
    return split(node, NEW, childNode, t);
  }

  /** Entry e's CF becomes the sum of its child's entries plus its own buffer. */
  private void recompute(int e) {
    int c = child[e];
    data.copy(e, buf, e);
    for (int s = 0, q = c * fan; s < used[c]; s++, q++) {
      data.add(e, data, q);
    }
  }

  /** Scratch slot i becomes the sum of the node's entries and their buffers. */
  private void sum(int node, int i) {
    tmp.clear(i);
    for (int s = 0, q = node * fan; s < used[node]; s++, q++) {
      tmp.add(i, data, q);
    }
  }

  /**
   * Splits a full node that must take one more entry (scratch slot i, child childNode) into
   * two halves minimising the sum of within-half distances between means.
   *
   * @return the new sibling
   */
  private int split(int node, int i, int childNode, double t) {
    int c = fan + 1;
    for (int s = 0, e = node * fan; s < fan; s++, e++) {
      tmp.copy(CAND + s, data, e);
      tmp.copy(CAND + c + s, buf, e);
      candChild[s] = child[e];
    }
    tmp.copy(CAND + fan, tmp, i);
    tmp.clear(CAND + c + fan);
    candChild[fan] = childNode;
    for (int a = 0; a < c; a++) {
      for (int b = a + 1; b < c; b++) {
        pair[a * c + b] = Math.sqrt(tmp.meanDistance(CAND + a, tmp, CAND + b));
      }
    }
    int half = (c + 1) / 2;
    int bestMask = 0;
    double best = Double.POSITIVE_INFINITY;
    for (int mask = 1; mask < (1 << c); mask += 2) {
      if (Integer.bitCount(mask) != half) {
        continue;
      }
      double cost = 0;
      for (int a = 0; a < c; a++) {
        for (int b = a + 1; b < c; b++) {
          if (((mask >>> a) & 1) == ((mask >>> b) & 1)) {
            cost += pair[a * c + b];
          }
        }
      }
      if (cost < best || bestMask == 0) {
        best = cost;
        bestMask = mask;
      }
    }
    int sibling = allocate(leaf[node]);
    used[node] = 0;
    for (int a = 0; a < c; a++) {
      int target = ((bestMask >>> a) & 1) != 0 ? node : sibling;
      int e = target * fan + used[target]++;
      data.copy(e, tmp, CAND + a);
      buf.copy(e, tmp, CAND + c + a);
      child[e] = candChild[a];
      stamp[e] = t;
    }
    for (int s = used[node], e = node * fan + s; s < fan; s++, e++) {
      data.clear(e);
      buf.clear(e);
      child[e] = -1;
    }
    return sibling;
  }

  private int allocate(boolean isLeaf) {
    int node;
    if (freeCount > 0) {
      node = free[--freeCount];
    } else {
      if (nodes == used.length) {
        int cap = Math.max(8, 2 * nodes);
        data.grow(cap * fan);
        buf.grow(cap * fan);
        int old = child.length;
        child = Arrays.copyOf(child, cap * fan);
        Arrays.fill(child, old, child.length, -1);
        stamp = Arrays.copyOf(stamp, cap * fan);
        used = Arrays.copyOf(used, cap);
        leaf = Arrays.copyOf(leaf, cap);
        free = Arrays.copyOf(free, cap);
        stack = new int[cap];
      }
      node = nodes++;
    }
    used[node] = 0;
    leaf[node] = isLeaf;
    return node;
  }

  /** Returns a subtree's nodes to the free list. */
  private void release(int top) {
    int sp = 0;
    stack[sp++] = top;
    while (sp > 0) {
      int node = stack[--sp];
      for (int s = 0, e = node * fan; s < used[node]; s++, e++) {
        if (child[e] >= 0) {
          stack[sp++] = child[e];
        }
        data.clear(e);
        buf.clear(e);
        child[e] = -1;
      }
      used[node] = 0;
      free[freeCount++] = node;
    }
  }

  /**
   * Merges another ClusTree's learning state into this one: each of its micro-clusters (leaf
   * entries and buffers), faded to the later of the two clocks, is inserted into this tree as
   * one weighted cluster feature, without a budget. The clock becomes the later one and
   * {@code seen()} the sum.
   *
   * <p>Tolerance: the total weight, linear sum and squared sum of all micro-clusters add
   * exactly (up to rounding), except for entries that fell below {@code threshold} and were
   * replaced, each lighter than {@code threshold}; how the tree groups them is an approximation
   * of learning the union (the other side's micro-clusters arrive as aggregates), and depends
   * on the order of merging: the tree that receives keeps its shape, the other's micro-clusters
   * are inserted one by one, so merge(a, b) and merge(b, a) group them into different trees
   * whose offline clusterings agree closely but not always exactly (the contract's stream gives
   * an adjusted Rand index of 0.998). This is {@link Mergeable.Kind#APPROXIMATE}. A fresh
   * clusterer is the identity on both sides: merged into, it takes a copy of the other's whole
   * state. Merging changes the other clusterer in nothing and keeps no reference to it; it
   * allocates.
   *
   * @param other a clusterer with the same configuration and dimension (or that has learned
   *     nothing); not this clusterer
   * @throws IllegalArgumentException if {@code other} is null, this clusterer, of another
   *     configuration or of another dimension; this clusterer is then unchanged
   */
  @Override
  public void merge(ClusTree other) {
    requireMergeable(other, params, other == null ? null : other.params);
    if (other.d == 0) {
      return;
    }
    invalidateSnapshot();
    if (d == 0) {
      adopt(MergeChecks.copyOf(other, ClusTree.class));
      return;
    }
    double t = Math.max(now, other.now);
    int[] pending = new int[other.nodes];
    int sp = 0;
    pending[sp++] = other.root;
    while (sp > 0) {
      int node = pending[--sp];
      for (int s = 0, e = node * fan; s < other.used[node]; s++, e++) {
        ClusTreeFeatures from = other.leaf[node] ? other.data : other.buf;
        if (!other.leaf[node]) {
          pending[sp++] = other.child[e];
        }
        if (from.n[e] > 0) {
          tmp.copy(X, from, e);
          tmp.scale(X, Decay.factor(lambda, t - other.stamp[e]));
          insert(t, Integer.MAX_VALUE);
        }
      }
    }
    seen += other.seen;
    now = t;
  }

  /**
   * Becomes part {@code part} of {@code parts} of {@code merged} (see
   * {@link Mergeable#takePart}): a copy of the merged tree at the same clock, every cluster
   * feature (n, LS, SS) of its entries and of its buffers scaled by {@code 1 / parts}, so that
   * the means, the tree's shape and the time stamps stay the merged ones and the parts' features
   * add back to the merged totals; {@code seen()} is split as an integer
   * ({@link MergeChecks#share}). The snapshot's relevance test compares a faded weight with
   * {@code threshold}, an absolute weight, so a part would drop from its clustering an entry
   * whose merged weight lies in {@code [threshold, threshold · parts)} and predict otherwise
   * than the merged state: then nothing is split and false is returned (a caller falls back on
   * the identity), as while {@code merged} has learned nothing; nothing changes then.
   * O(entries·d).
   */
  @Override
  public boolean takePart(ClusTree merged, int part, int parts) {
    if (!requirePart(merged, params, merged == null ? null : merged.params, part, parts)) {
      return false;
    }
    int[] pending = new int[merged.nodes];
    int sp = 0;
    pending[sp++] = merged.root;
    while (sp > 0) {
      int node = pending[--sp];
      ClusTreeFeatures f = merged.leaf[node] ? merged.data : merged.buf;
      for (int s = 0, e = node * fan; s < merged.used[node]; s++, e++) {
        if (!merged.leaf[node]) {
          pending[sp++] = merged.child[e];
        }
        double w = f.n[e] * Decay.factor(lambda, merged.now - merged.stamp[e]);
        if (w >= params.threshold() && w / parts < params.threshold()) {
          return false; // a relevant entry would not be relevant in a part
        }
      }
    }
    ClusTree c = MergeChecks.copyOf(merged, ClusTree.class);
    double share = 1.0 / parts;
    for (ClusTreeFeatures f : new ClusTreeFeatures[] {c.data, c.buf}) {
      for (int e = 0; e < f.n.length; e++) {
        f.n[e] *= share;
      }
      for (int e = 0; e < f.ls.length; e++) {
        f.ls[e] *= share;
        f.ss[e] *= share;
      }
    }
    c.seen = MergeChecks.share(merged.seen, part, parts);
    invalidateSnapshot();
    adopt(c);
    return true;
  }

  /** {@link Mergeable.Kind#APPROXIMATE}: see {@link #merge(ClusTree)}. */
  @Override
  public Mergeable.Kind mergeKind() {
    return Mergeable.Kind.APPROXIMATE;
  }

  /** Takes over the whole state of {@code c}, a private copy; its scratch space too. */
  private void adopt(ClusTree c) {
    d = c.d;
    now = c.now;
    seen = c.seen;
    nextId = c.nextId;
    data = c.data;
    buf = c.buf;
    child = c.child;
    stamp = c.stamp;
    used = c.used;
    leaf = c.leaf;
    nodes = c.nodes;
    free = c.free;
    freeCount = c.freeCount;
    root = c.root;
    height = c.height;
    tmp = c.tmp;
    pathNode = c.pathNode;
    pathEntry = c.pathEntry;
    candChild = c.candChild;
    pair = c.pair;
    stack = c.stack;
  }


  /**
   * Counts the micro-clusters (each leaf entry and each non-empty buffer of an inner entry,
   * depth first from the root) with a faded weight above 0, or with relevantOnly at least the
   * threshold; with non-null arrays also writes their faded weights and means. With
   * {@code unfaded}, every micro-cluster of positive stored weight counts, with weight 1: the
   * fallback when every faded weight has underflowed to 0.
   */
  private int collect(double[] weights, double[] means, boolean relevantOnly, boolean unfaded) {
    int count = 0;
    int sp = 0;
    stack[sp++] = root;
    while (sp > 0) {
      int node = stack[--sp];
      for (int s = used[node] - 1; s >= 0; s--) {
        int e = node * fan + s;
        double f = Decay.factor(lambda, now - stamp[e]);
        ClusTreeFeatures from = leaf[node] ? data : buf;
        if (!leaf[node]) {
          stack[sp++] = child[e];
        }
        double w = unfaded ? (from.n[e] > 0 ? 1 : 0) : from.n[e] * f;
        if (w > 0 && (!relevantOnly || w >= params.threshold())) {
          if (weights != null) {
            weights[count] = w;
            from.mean(e, means, count * d);
          }
          count++;
        }
      }
    }
    return count;
  }

  /** Weighted k-means on the micro-clusters; see the class documentation. */
  @Override
  KMeansModel build() {
    if (d == 0) {
      throw new IllegalStateException("ClusTree has learned nothing yet, so it has no clustering");
    }
    boolean relevant = collect(null, null, true, false) > 0;
    boolean unfaded = !relevant && collect(null, null, false, false) == 0;
    int m = collect(null, null, relevant, unfaded);
    double[] weights = new double[m];
    double[] flat = new double[m * d];
    collect(weights, flat, relevant, unfaded);
    double[][] points = new double[m][];
    double heaviest = 0;
    for (int i = 0; i < m; i++) {
      points[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
      heaviest = Math.max(heaviest, weights[i]);
    }
    if (heaviest > MAX_FIT_WEIGHT) {
      // k-means does not change under a common scale of the weights; keep them in its range.
      for (int i = 0; i < m; i++) {
        weights[i] *= MAX_FIT_WEIGHT / heaviest;
      }
    } else if (heaviest < MIN_FIT_WEIGHT) {
      // faded to near 0: relative weights, else the fit's sums lose their digits
      for (int i = 0; i < m; i++) {
        weights[i] /= heaviest;
      }
    }
    // micro-clusters can share a centre (a point repeated, a split of coinciding points)
    int k = StreamSummaries.distinct(points, weights, Math.min(params.k(), m));
    KMeans kmeans = new KMeans(KMeans.Params.DEFAULTS.withK(k)
        .withSeed(params.seed()).withThreads(1));
    return kmeans.fit(points, weights);
  }

  /** The number of micro-clusters: leaf entries and non-empty buffers. */
  public int microClusterCount() {
    return d == 0 ? 0 : collect(null, null, false, false);
  }

  /**
   * The sum of all micro-clusters' features faded to the current time, for tests: the weight,
   * then the linear sum, then the squared sum ({@code 1 + 2d} values).
   */
  double[] totals() {
    double[] out = new double[1 + 2 * d];
    int sp = 0;
    if (d > 0) {
      stack[sp++] = root;
    }
    while (sp > 0) {
      int node = stack[--sp];
      for (int s = 0, e = node * fan; s < used[node]; s++, e++) {
        ClusTreeFeatures from = leaf[node] ? data : buf;
        if (!leaf[node]) {
          stack[sp++] = child[e];
        }
        double f = Decay.factor(lambda, now - stamp[e]);
        out[0] += from.n[e] * f;
        for (int j = 0; j < d; j++) {
          out[1 + j] += from.ls[e * d + j] * f;
          out[1 + d + j] += from.ss[e * d + j] * f;
        }
      }
    }
    return out;
  }

  /** The number of levels of the tree (1 while the root is a leaf), 0 before any point. */
  public int height() {
    return height;
  }

  /** The decay rate lambda derived from horizon and threshold. */
  public double lambda() {
    return lambda;
  }

  /** Writes the configuration, the clock and the tree, node by node. */
  static final StateCodec<ClusTree> CODEC = StateCodec.of("clustree.state", 1, ClusTree.class,
      (c, out) -> {
        Params.SPEC.write(c.params, out);
        out.writeInt(c.d);
        out.writeDouble(c.now);
        out.writeLong(c.seen);
        if (c.d == 0) {
          return;
        }
        out.writeInt(c.nodes);
        out.writeInt(c.root);
        out.writeInt(c.height);
        out.writeInts(Arrays.copyOf(c.free, c.freeCount));
        for (int node = 0; node < c.nodes; node++) {
          out.writeBoolean(c.leaf[node]);
          out.writeInt(c.used[node]);
          for (int s = 0, e = node * c.fan; s < c.used[node]; s++, e++) {
            out.writeInt(c.child[e]);
            out.writeDouble(c.stamp[e]);
            out.writeDouble(c.data.n[e]);
            out.writeDoubles(Arrays.copyOfRange(c.data.ls, e * c.d, (e + 1) * c.d));
            out.writeDoubles(Arrays.copyOfRange(c.data.ss, e * c.d, (e + 1) * c.d));
            out.writeDouble(c.buf.n[e]);
            out.writeDoubles(Arrays.copyOfRange(c.buf.ls, e * c.d, (e + 1) * c.d));
            out.writeDoubles(Arrays.copyOfRange(c.buf.ss, e * c.d, (e + 1) * c.d));
          }
        }
      },
      (in, version) -> {
        ClusTree c = new ClusTree(Params.SPEC.read(in));
        int d = in.readInt(0, Integer.MAX_VALUE);
        c.now = in.readDouble();
        c.seen = in.readCount();
        if (!Double.isFinite(c.now) || (d == 0) != (c.seen == 0)) {
          throw new ModelFormatException("invalid clock: time " + c.now + ", seen " + c.seen);
        }
        if (d == 0) {
          return c;
        }
        int nodes = in.readInt(1, Integer.MAX_VALUE / 16 / c.fan);
        int root = in.readInt(0, nodes - 1);
        int height = in.readInt(1, c.params.maxHeight());
        int[] free = in.readInts();
        if (free.length >= nodes) {
          throw new ModelFormatException(free.length + " free nodes of " + nodes);
        }
        // a node in use holds one entry at least: child, stamp and two features of 2d + 1 values
        long entryBytes = 4 + 8 + 2 * (8 + 2 * (4 + 8L * d));
        in.requireRemaining(entryBytes, "a tree of dimension " + d);
        in.requireRemaining(5L * nodes + (nodes - free.length) * entryBytes,
            "a tree of " + nodes + " nodes of dimension " + d);
        // the stores grow to twice the node count, fan entries a node, two features an entry
        Sizes.require(2L * nodes * c.fan * d, 2L * nodes * c.fan * (4L * d + 4),
            nodes + " nodes of " + c.fan + " entries of dimension " + d, "the record is too large for this heap");
        c.start(d);
        while (c.nodes < nodes) {
          c.allocate(true);
        }
        boolean[] isFree = new boolean[nodes];
        for (int f : free) {
          if (f < 0 || f >= nodes || isFree[f] || f == root) {
            throw new ModelFormatException("invalid free node " + f);
          }
          isFree[f] = true;
        }
        for (int node = 0; node < nodes; node++) {
          c.leaf[node] = in.readBoolean();
          int used = in.readInt(0, c.fan);
          if (isFree[node] ? used != 0 : used == 0) {
            throw new ModelFormatException("node " + node + " has " + used + " entries");
          }
          c.used[node] = used;
          for (int s = 0, e = node * c.fan; s < used; s++, e++) {
            int ch = in.readInt(-1, nodes - 1);
            if ((ch < 0) != c.leaf[node] || (ch >= 0 && (isFree[ch] || ch == root))) {
              throw new ModelFormatException("entry " + s + " of node " + node + " has child " + ch);
            }
            c.child[e] = ch;
            c.stamp[e] = in.readDouble();
            readFeature(in, c.data, e, d, c.now);
            readFeature(in, c.buf, e, d, c.now);
            if (!(c.stamp[e] <= c.now)) {
              throw new ModelFormatException("entry " + s + " of node " + node + " is from the future");
            }
          }
        }
        requireTree(c, root, height, nodes - free.length);
        System.arraycopy(free, 0, c.free, 0, free.length);
        c.freeCount = free.length;
        c.root = root;
        c.height = height;
        return c;
      });

  /**
   * Checks that the child pointers read form one tree: every node in use is reached from the
   * root exactly once (a cycle or a shared child would send an insertion round for ever or count
   * a subtree twice), and the leaves lie at depth {@code height − 1}. O(nodes).
   */
  private static void requireTree(ClusTree c, int root, int height, int inUse) throws ModelFormatException {
    boolean[] reached = new boolean[c.nodes];
    int[] stack = new int[inUse];
    int[] depth = new int[inUse];
    int sp = 0;
    int count = 0;
    reached[root] = true;
    stack[sp] = root;
    depth[sp++] = 0;
    while (sp > 0) {
      int node = stack[--sp];
      int level = depth[sp];
      count++;
      if (c.leaf[node] != (level == height - 1)) {
        throw new ModelFormatException("node " + node + " at depth " + level + " of a tree of height " + height
            + (c.leaf[node] ? " is a leaf" : " is not a leaf"));
      }
      for (int s = 0, e = node * c.fan; s < c.used[node] && !c.leaf[node]; s++, e++) {
        int ch = c.child[e];
        if (reached[ch]) {
          throw new ModelFormatException("node " + ch + " is reached twice: the child pointers are not a tree");
        }
        reached[ch] = true;
        stack[sp] = ch;
        depth[sp++] = level + 1;
      }
    }
    if (count != inUse) {
      throw new ModelFormatException((inUse - count) + " nodes in use are not reached from the root");
    }
  }

  private static void readFeature(io.eddy.io.StateInput in, ClusTreeFeatures f, int e, int d,
      double now) throws ModelFormatException {
    double n = in.readDouble();
    double[] ls = in.readDoubles(d);
    double[] ss = in.readDoubles(d);
    if (!(n >= 0) || n == Double.POSITIVE_INFINITY) {
      throw new ModelFormatException("invalid weight " + n);
    }
    for (int j = 0; j < d; j++) {
      if (!Double.isFinite(ls[j]) || !(ss[j] >= 0) || ss[j] == Double.POSITIVE_INFINITY) {
        throw new ModelFormatException("invalid cluster feature");
      }
    }
    StateLimits.requireFeature("cluster feature", n, ls, 0, d);
    f.n[e] = n;
    System.arraycopy(ls, 0, f.ls, e * d, d);
    System.arraycopy(ss, 0, f.ss, e * d, d);
  }

  @Override
  public String toString() {
    return "ClusTree[" + params + ", height=" + height + ", seen=" + seen + "]";
  }
}
