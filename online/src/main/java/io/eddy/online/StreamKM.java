package io.eddy.online;

import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.Points;
import io.eddy.io.StateCodec;
import io.eddy.kmeans.Centroids;
import io.eddy.kmeans.KMeans;
import io.eddy.math.SplitMix64;
import java.util.Arrays;
import java.util.Map;

/**
 * StreamKM++ [1]: k-means over a stream through a small weighted sample, a coreset, kept by
 * merge and reduce, with k-means++ on the coreset when a clustering is asked for.
 *
 * <p><b>Merge and reduce.</b> Points enter bucket 0, which holds up to m of them (m is the
 * {@linkplain Params#coresetSize() coreset size}). When it is full its points are carried up:
 * into bucket 1 if that is empty; otherwise the 2m points of both are reduced to a coreset of m
 * and carried on to bucket 2, and so on, like a binary counter. Bucket i &ge; 1 thus holds a
 * coreset of m·2^(i−1) points. The paper sizes the buckets for a known stream length (log₂(n/m)
 * + 2 of them); here at most {@link Params#maxLevels()} buckets exist, and a carry that would
 * go past the last is reduced together with the last bucket's coreset and stays there, so memory
 * is O(maxLevels·m·d) whatever the length of the stream, and the result is exact to the paper
 * for the first m·2^(maxLevels−1) points.
 *
 * <p><b>Coreset trees.</b> A reduction draws m representatives by k-means++ sampling [2]
 * through the paper's coreset tree: the root holds every point, with a first representative
 * drawn with probability proportional to weight; each further representative is drawn by
 * descending from the root to a leaf, choosing a child with probability proportional to its
 * cost (the weighted squared distances of its points to its representative), then a point of the
 * leaf with probability proportional to its cost; the leaf is split between its old and its new
 * representative by nearest, and the costs on the path are updated. Each leaf becomes one
 * coreset point, weighted by its points' total weight.
 *
 * <p><b>Offline.</b> {@link #snapshot()} runs weighted k-means on the union of all buckets
 * (which is itself a coreset of the stream: each bucket is one of its points): greedy k-means++
 * seeding and Lloyd iterations ({@link KMeans}), best of {@link Params#nInit()} runs, 5 as in
 * the paper's experiments. The result is cached until the next learn; labels are 0..k−1.
 *
 * <p><b>Choices and deviations.</b> A coreset point is the weighted centroid of its leaf's
 * points, as in the authors' implementation (which MOA ports, keeping cluster features),
 * rather than the sampled representative itself as the paper states it: the centroid keeps the
 * k-means cost of the leaf up to a constant for every set of centres. One draw per split (the
 * authors' implementation tries three and keeps the best split). The first representative is
 * drawn by weight, where the authors' and MOA's uniform draw ignores weights. MOA 2024.07.0's
 * {@code StreamKM} differs in ways this class does not copy: its clustering result extracts the
 * coreset by reducing the buckets in place, with coreset points that alias bucket points, so
 * every query consumes randomness and a repeated query counts weights again (26,961 for a
 * 20,000-point stream; queries here are read-only and leave the state as it was); its offline
 * k-means++ draws the first centre uniformly among points of weight at least 1 and never the
 * last one; it sizes the buckets for a declared stream {@code length} and folds an overflowing
 * carry into bucket 1. {@code benchmarks/compare/canon/streamkm} checks this class's coreset
 * against MOA's: both give a k-means cost on the whole stream within 5% of batch k-means.
 *
 * <p><b>Cost.</b> {@link #learn(double[])} is O(d) except every m points, when a carry costs
 * O(m·d·log m) per reduction on a balanced tree, O(m·d·log m·log(n/m)) at most, so O(d·log m)
 * amortised per level; it allocates nothing once the buckets it needs exist. {@link #snapshot()}
 * costs a k-means of nInit runs on at most maxLevels·m points. Memory: (maxLevels + 2)·m·(d + 1)
 * doubles plus the reduction's O(m) scratch. Not thread-safe: use from one thread at a time;
 * snapshots are immutable.
 *
 * <p>References: [1] M. R. Ackermann, M. Märtens, C. Raupach, K. Swierkot, C. Lammersen,
 * C. Sohler, "StreamKM++: A clustering algorithm for data streams", ACM J. Exp. Algorithmics
 * 17 (2012). [2] D. Arthur, S. Vassilvitskii, "k-means++", SODA 2007.
 *
 * <p><b>Threads.</b> Shared between threads without {@link ConcurrentClusterer}, concurrent
 * {@code learn} calls lose points and can corrupt the state, and a {@code predict} during a
 * {@code learn} can throw or read a half-updated state; wrap it to share it.
 */
public final class StreamKM implements OnlineClusterer<Centroids>, Mergeable<StreamKM> {

  /**
   * The configuration of a {@link StreamKM}. Immutable; validated on construction.
   *
   * @param k the number of clusters, &ge; 1 (default 5)
   * @param coresetSize m, the points of a bucket and of a coreset, &ge; k and &ge; 2 (default
   *     1000; the paper recommends 200·k)
   * @param maxLevels the most buckets kept, &ge; 2 (default 20)
   * @param nInit the offline k-means++ runs, &ge; 1 (default 5); the one of least cost on the
   *     coreset is kept
   * @param seed the seed of the coreset draws and of the offline seeding (default
   *     {@link Parameter#DEFAULT_SEED})
   */
  public record Params(int k, int coresetSize, int maxLevels, int nInit, long seed) {

    static final Parameter K = Parameter.ofInt("k", 5, 1, 1 << 20, "number of clusters");
    static final Parameter CORESET_SIZE = Parameter.ofInt("coresetSize", 1000, 2, 1 << 24,
        "m, points per bucket and coreset; at least k (the paper suggests 200*k)");
    static final Parameter MAX_LEVELS = Parameter.ofInt("maxLevels", 20, 2, 62, "most buckets kept; bounds memory");
    static final Parameter N_INIT = Parameter.ofInt("nInit", 5, 1, 1000, "offline k-means++ runs; the best is kept");
    static final Parameter SEED = Parameter.ofSeed("seed of the coreset draws and the offline seeding");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, K, CORESET_SIZE, MAX_LEVELS,
        N_INIT, SEED);

    /** The defaults, as listed above. */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates every field. */
    public Params {
      K.check(k);
      CORESET_SIZE.check(coresetSize);
      MAX_LEVELS.check(maxLevels);
      N_INIT.check(nInit);
      if (coresetSize < k) {
        throw new IllegalArgumentException("coresetSize must be >= k = " + k + ", got " + coresetSize);
      }
    }

    /** A copy with another k. */
    public Params withK(int v) {
      return SPEC.with(this, K, v);
    }

    /** A copy with another coreset size. */
    public Params withCoresetSize(int v) {
      return SPEC.with(this, CORESET_SIZE, v);
    }

    /** A copy with another number of buckets. */
    public Params withMaxLevels(int v) {
      return SPEC.with(this, MAX_LEVELS, v);
    }

    /** A copy with another number of offline runs. */
    public Params withNInit(int v) {
      return SPEC.with(this, N_INIT, v);
    }

    /** A copy with another seed. */
    public Params withSeed(long v) {
      return SPEC.with(this, SEED, v);
    }
  }

  private final Params params;
  private final int m;
  private int d;
  private long seen;
  private final SplitMix64 rng;
  /** Bucket i's points (m rows of d) and weights; null until first used. */
  private final double[][] bucketX;
  private final double[][] bucketW;
  private final int[] bucketSize;

  // The reduction's scratch: the union of two buckets, and the coreset tree over it.
  private double[] unionX;
  private double[] unionW;
  private int[] perm;
  private double[] pointCost;
  private int[] nodeStart;
  private int[] nodeEnd;
  private int[] nodeRep;
  private int[] nodeLeft;
  private int[] nodeRight;
  private int[] nodeParent;
  private double[] nodeCost;

  private double[] centroids;
  private double[] centroidWeights;

  private Centroids model;

  /** A clusterer with the given configuration. */
  public StreamKM(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
    this.m = params.coresetSize();
    this.bucketX = new double[params.maxLevels()][];
    this.bucketW = new double[params.maxLevels()][];
    this.bucketSize = new int[params.maxLevels()];
    this.rng = new SplitMix64(params.seed());
  }

  /** A clusterer with {@link Params#DEFAULTS} and the given k. */
  public StreamKM(int k) {
    this(Params.DEFAULTS.withK(k));
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  @Override
  public Map<String, Object> configuration() {
    return Params.SPEC.toMap(params);
  }

  private void start(int dimension) {
    // the merge scratch (2m points), the centroids and one bucket: m(4d + 12) values in all
    Sizes.require(2L * m * dimension, (long) m * (4L * dimension + 12),
        "a coreset of " + m + " points of dimension " + dimension, "lower coresetSize");
    d = dimension;
    unionX = new double[2 * m * d];
    unionW = new double[2 * m];
    perm = new int[2 * m];
    pointCost = new double[2 * m];
    nodeStart = new int[2 * m];
    nodeEnd = new int[2 * m];
    nodeRep = new int[2 * m];
    nodeLeft = new int[2 * m];
    nodeRight = new int[2 * m];
    nodeParent = new int[2 * m];
    nodeCost = new double[2 * m];
    centroids = new double[m * d];
    centroidWeights = new double[m];
    ensureBucket(0);
  }

  private void ensureBucket(int i) {
    if (bucketX[i] == null) {
      bucketX[i] = new double[m * d];
      bucketW[i] = new double[m];
    }
  }

  @Override
  public void learn(double[] point) {
    Points.require(point, d);
    learnValid(point, 1.0);
  }

  /** Learns a point counted {@code weight} times: it enters the coreset with that weight. */
  @Override
  public void learn(double[] point, double weight) {
    Points.require(point, d);
    Points.requireWeight(weight);
    learnValid(point, weight);
  }

  private void learnValid(double[] x, double weight) {
    if (d == 0) {
      start(x.length);
    }
    seen++;
    model = null;
    add(x, 0, weight);
  }

  /** Adds one weighted point to bucket 0, carrying it up when it is full. */
  private void add(double[] x, int off, double weight) {
    int n = bucketSize[0];
    System.arraycopy(x, off, bucketX[0], n * d, d);
    bucketW[0][n] = weight;
    bucketSize[0] = n + 1;
    if (n + 1 == m) {
      // The carry starts as bucket 0's points, copied to the union's first half.
      System.arraycopy(bucketX[0], 0, unionX, 0, m * d);
      System.arraycopy(bucketW[0], 0, unionW, 0, m);
      bucketSize[0] = 0;
      carry(1);
    }
  }

  /**
   * Carries the m weighted points in the union's first half into bucket {@code level} and up:
   * stored if the bucket is empty, else reduced with its coreset and carried on; the last bucket
   * absorbs whatever reaches it.
   */
  private void carry(int level) {
    int last = params.maxLevels() - 1;
    for (int i = level; ; i++) {
      ensureBucket(i);
      if (bucketSize[i] == 0) {
        System.arraycopy(unionX, 0, bucketX[i], 0, m * d);
        System.arraycopy(unionW, 0, bucketW[i], 0, m);
        bucketSize[i] = m;
        return;
      }
      System.arraycopy(bucketX[i], 0, unionX, m * d, m * d);
      System.arraycopy(bucketW[i], 0, unionW, m, m);
      if (i == last) {
        reduce(2 * m, bucketX[i], bucketW[i]);
        return;
      }
      bucketSize[i] = 0;
      reduce(2 * m, unionX, unionW);
    }
  }

  /**
   * Reduces the first n points of the union to at most m coreset points by the coreset tree,
   * written into m rows of {@code outX}/{@code outW} (which may be the union's own arrays).
   *
   * @return the number of weighted coreset points: m, or fewer if fewer distinct points carry
   *     weight (the remaining rows have weight 0)
   */
  private int reduce(int n, double[] outX, double[] outW) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      perm[i] = i;
      total += unionW[i];
    }
    // The root and its representative, drawn by weight.
    int first = drawByWeight(n, total);
    int nodes = 1;
    nodeStart[0] = 0;
    nodeEnd[0] = n;
    nodeRep[0] = first;
    nodeLeft[0] = -1;
    nodeRight[0] = -1;
    nodeParent[0] = -1;
    double cost = 0;
    for (int i = 0; i < n; i++) {
      double c = unionW[i] * distance(i, first);
      pointCost[i] = c;
      cost += c;
    }
    nodeCost[0] = cost;
    int leaves = 1;
    while (leaves < m && nodeCost[0] > 0) {
      int leaf = selectLeaf();
      int q = drawInLeaf(leaf);
      if (q < 0) {
        break;
      }
      split(leaf, q, nodes);
      nodes += 2;
      leaves++;
    }
    return writeLeaves(nodes, outX, outW);
  }

  /**
   * Writes each leaf's weighted centroid and total weight, leaves of no weight left out, through
   * the centroid scratch (the output may be the union itself), then pads the output to m rows
   * with weightless rows so that a bucket is always empty or full.
   */
  private int writeLeaves(int nodes, double[] outX, double[] outW) {
    int j = 0;
    for (int node = 0; node < nodes; node++) {
      if (nodeLeft[node] >= 0) {
        continue;
      }
      double w = 0;
      int base = j * d;
      Arrays.fill(centroids, base, base + d, 0.0);
      for (int p = nodeStart[node]; p < nodeEnd[node]; p++) {
        int i = perm[p];
        double wi = unionW[i];
        w += wi;
        for (int t = 0, src = i * d; t < d; t++) {
          centroids[base + t] += wi * unionX[src + t];
        }
      }
      if (w > 0) {
        for (int t = 0; t < d; t++) {
          centroids[base + t] /= w;
        }
        centroidWeights[j++] = w;
      }
    }
    System.arraycopy(centroids, 0, outX, 0, j * d);
    System.arraycopy(centroidWeights, 0, outW, 0, j);
    for (int r = j; r < m; r++) {
      System.arraycopy(centroids, 0, outX, r * d, d);
      outW[r] = 0;
    }
    return j;
  }

  private double distance(int i, int j) {
    double s = 0;
    int a = i * d;
    int b = j * d;
    for (int t = 0; t < d; t++) {
      double diff = unionX[a + t] - unionX[b + t];
      s += diff * diff;
    }
    return s;
  }

  /** A union index drawn with probability proportional to its weight. */
  private int drawByWeight(int n, double total) {
    double u = rng.nextDouble() * total;
    int last = 0;
    for (int i = 0; i < n; i++) {
      if (unionW[i] > 0) {
        last = i;
        u -= unionW[i];
        if (u < 0) {
          return i;
        }
      }
    }
    return last;
  }

  /** Descends from the root, taking each child with probability proportional to its cost. */
  private int selectLeaf() {
    int node = 0;
    while (nodeLeft[node] >= 0) {
      int l = nodeLeft[node];
      int r = nodeRight[node];
      double cl = nodeCost[l];
      double cr = nodeCost[r];
      node = rng.nextDouble() * (cl + cr) < cl ? l : r;
    }
    return node;
  }

  /** A point of the leaf drawn with probability proportional to its cost; −1 if all are 0. */
  private int drawInLeaf(int leaf) {
    double sum = 0;
    for (int p = nodeStart[leaf]; p < nodeEnd[leaf]; p++) {
      sum += pointCost[perm[p]];
    }
    if (!(sum > 0)) {
      return -1;
    }
    double u = rng.nextDouble() * sum;
    int last = -1;
    for (int p = nodeStart[leaf]; p < nodeEnd[leaf]; p++) {
      double c = pointCost[perm[p]];
      if (c > 0) {
        last = perm[p];
        u -= c;
        if (u < 0) {
          return last;
        }
      }
    }
    return last;
  }

  /**
   * Splits a leaf between its representative and q: the points strictly nearer q (by weighted
   * cost) move to the right child, in place in {@code perm}; the costs on the path to the root
   * are updated.
   */
  private void split(int leaf, int q, int free) {
    int s = nodeStart[leaf];
    int e = nodeEnd[leaf];
    // Partition: [s, mid) stays with the old representative, [mid, e) goes to q.
    int mid = e;
    double costLeft = 0;
    double costRight = 0;
    int p = s;
    while (p < mid) {
      int i = perm[p];
      double c = unionW[i] * distance(i, q);
      if (c < pointCost[i] || i == q) {
        pointCost[i] = c;
        costRight += c;
        mid--;
        perm[p] = perm[mid];
        perm[mid] = i;
      } else {
        costLeft += pointCost[i];
        p++;
      }
    }
    int l = free;
    int r = free + 1;
    nodeStart[l] = s;
    nodeEnd[l] = mid;
    nodeRep[l] = nodeRep[leaf];
    nodeCost[l] = costLeft;
    nodeStart[r] = mid;
    nodeEnd[r] = e;
    nodeRep[r] = q;
    nodeCost[r] = costRight;
    nodeLeft[l] = -1;
    nodeRight[l] = -1;
    nodeLeft[r] = -1;
    nodeRight[r] = -1;
    nodeParent[l] = leaf;
    nodeParent[r] = leaf;
    nodeLeft[leaf] = l;
    nodeRight[leaf] = r;
    for (int node = leaf; node >= 0; node = nodeParent[node]) {
      nodeCost[node] = nodeCost[nodeLeft[node]] + nodeCost[nodeRight[node]];
    }
  }

  // ---- the offline phase ----

  @Override
  public int predict(double[] point) {
    Points.require(point, d);
    return snapshot().predict(point);
  }

  /**
   * Whether {@link #snapshot()} and {@link #predict(double[])} answer: once k distinct
   * centres summarise the stream. Builds (and caches) the snapshot to find out, as the next
   * {@code predict} would; the learning state is unchanged.
   */
  @Override
  public boolean isReady() {
    if (d == 0) {
      return false;
    }
    return model != null || StreamSummaries.clusters(this::snapshot);
  }

  /**
   * The k clusters: weighted k-means (k-means++ seeding, Lloyd, best of nInit runs) on the
   * union of the buckets. Cached until the next learn.
   *
   * @throws IllegalStateException before k distinct points have been learned
   */
  @Override
  public Centroids snapshot() {
    if (model == null) {
      model = cluster();
    }
    return model;
  }

  private Centroids cluster() {
    int k = params.k();
    double[][] points = coresetPoints();
    double[] weights = coresetWeights();
    return StreamSummaries.cluster(StreamKMProvider.NAME, points, weights, k, params.nInit(), params.seed(), seen);
  }

  /** The coreset of the stream so far: every bucket's points, as new rows. */
  double[][] coresetPoints() {
    int n = coresetSize();
    double[][] out = new double[n][];
    int j = 0;
    for (int i = 0; i < bucketSize.length; i++) {
      for (int p = 0; p < bucketSize[i]; p++) {
        if (bucketW[i][p] > 0) {
          out[j++] = Arrays.copyOfRange(bucketX[i], p * d, (p + 1) * d);
        }
      }
    }
    return out;
  }

  /** The weights of {@link #coresetPoints()}, in the same order. */
  double[] coresetWeights() {
    double[] out = new double[coresetSize()];
    int j = 0;
    for (int i = 0; i < bucketSize.length; i++) {
      for (int p = 0; p < bucketSize[i]; p++) {
        if (bucketW[i][p] > 0) {
          out[j++] = bucketW[i][p];
        }
      }
    }
    return out;
  }

  /** The number of weighted points in all buckets. */
  public int coresetSize() {
    int n = 0;
    for (int i = 0; i < bucketSize.length; i++) {
      for (int p = 0; p < bucketSize[i]; p++) {
        n += bucketW[i][p] > 0 ? 1 : 0;
      }
    }
    return n;
  }

  // ---- merging ----

  /**
   * Merges another StreamKM++'s coreset into this one: merge and reduce is itself the merge.
   * The other's bucket 0 points are added one by one (carrying as learning does), then each of
   * its full buckets is carried into this one's bucket of the same level, as binary addition
   * would; weights add exactly and the result is a coreset of both streams with the error of
   * one more reduction per level. {@code seen()} becomes the sum; the other is not modified.
   *
   * @throws IllegalArgumentException if the other has another configuration or dimension
   */
  @Override
  public void merge(StreamKM other) {
    if (!StreamSummaries.requireMergeable(StreamKMProvider.NAME, this, other, params,
        other == null ? null : other.params, d, other == null ? 0 : other.d)) {
      return;
    }
    if (d == 0) {
      start(other.d);
    }
    model = null;
    seen += other.seen;
    for (int p = 0; p < other.bucketSize[0]; p++) {
      add(other.bucketX[0], p * d, other.bucketW[0][p]);
    }
    for (int i = 1; i < other.bucketSize.length; i++) {
      if (other.bucketSize[i] > 0) {
        System.arraycopy(other.bucketX[i], 0, unionX, 0, m * d);
        System.arraycopy(other.bucketW[i], 0, unionW, 0, m);
        carry(i);
      }
    }
  }

  /**
   * Becomes part {@code part} of {@code parts} of {@code merged} (see
   * {@link Mergeable#takePart}): the same buckets, the points of each with their weights
   * scaled by {@code 1 / parts}, so that the offline clustering of a part (k-means on the
   * weighted coreset) is the merged one and the parts' weights add back to the merged total;
   * {@code seen()} is split as an integer ({@link MergeChecks#share}) and the random state is
   * the merged one mixed with the part number. Merging the parts back carries their buckets
   * into each other, a reduction: totals exact, clustering approximate, as for any merge.
   * Returns false, changing nothing, while {@code merged} has no clustering yet. O(m·d) per
   * bucket.
   */
  @Override
  public boolean takePart(StreamKM merged, int part, int parts) {
    Mergeable.super.takePart(merged, part, parts);
    if (!StreamSummaries.splittable(StreamKMProvider.NAME, this, merged, params, merged.params, d, merged.d,
        merged::snapshot)) {
      return false;
    }
    if (d == 0) {
      start(merged.d);
    }
    double share = 1.0 / parts;
    for (int i = 0; i < bucketSize.length; i++) {
      bucketSize[i] = merged.bucketSize[i];
      if (merged.bucketSize[i] > 0) {
        ensureBucket(i);
        System.arraycopy(merged.bucketX[i], 0, bucketX[i], 0, merged.bucketSize[i] * d);
        for (int p = 0; p < merged.bucketSize[i]; p++) {
          bucketW[i][p] = merged.bucketW[i][p] * share;
        }
      }
    }
    seen = MergeChecks.share(merged.seen, part, parts);
    rng.setState(merged.rng.state() ^ (part + 1) * 0x9E3779B97F4A7C15L);
    model = null;
    return true;
  }

  // ---- accessors ----

  /** The number of buckets holding points. */
  public int levelsInUse() {
    int n = 0;
    for (int s : bucketSize) {
      n += s > 0 ? 1 : 0;
    }
    return n;
  }

  /** The total weight of the coreset: the weight of every point learned, up to rounding. */
  public double totalWeight() {
    double w = 0;
    for (int i = 0; i < bucketSize.length; i++) {
      for (int p = 0; p < bucketSize[i]; p++) {
        w += bucketW[i][p];
      }
    }
    return w;
  }

  @Override
  public long seen() {
    return seen;
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public String toString() {
    return "StreamKM[" + params + ", seen=" + seen + "]";
  }

  // ---- persistence ----

  /** Writes a {@link StreamKM}'s configuration and full learning state. */
  static final StateCodec<StreamKM> CODEC = StateCodec.of(StreamKMProvider.NAME + ".state", 1, StreamKM.class,
      (c, out) -> {
        Params.SPEC.write(c.params, out);
        out.writeInt(c.d);
        out.writeLong(c.seen);
        out.writeLong(c.rng.state());
        if (c.d == 0) {
          return;
        }
        out.writeInts(c.bucketSize);
        for (int i = 0; i < c.bucketSize.length; i++) {
          if (c.bucketSize[i] > 0) {
            out.writeDoubles(Arrays.copyOf(c.bucketX[i], c.bucketSize[i] * c.d));
            out.writeDoubles(Arrays.copyOf(c.bucketW[i], c.bucketSize[i]));
          }
        }
      },
      (in, version) -> {
        StreamKM c = new StreamKM(Params.SPEC.read(in));
        int d = in.readInt(0, Integer.MAX_VALUE);
        long seen = in.readCount();
        c.rng.setState(in.readLong());
        if (d == 0) {
          if (seen != 0) {
            throw new IllegalArgumentException("state without a dimension has learned points");
          }
          return c;
        }
        int[] sizes = in.readInts();
        if (sizes.length != c.bucketSize.length) {
          throw new IllegalArgumentException("state has " + sizes.length + " buckets, expected " + c.bucketSize.length);
        }
        long points = 0;
        for (int i = 0; i < sizes.length; i++) {
          int s = sizes[i];
          if (s < 0 || s > c.m || (i == 0 && s == c.m) || (i > 0 && s != 0 && s != c.m)) {
            throw new IllegalArgumentException("bucket " + i + " holds " + s + " points");
          }
          points += s;
        }
        // a state that has learned holds at least one point of d coordinates and a weight
        in.requireRemaining(8 * Math.max(1, points) * (d + 1L), "a state of dimension " + d);
        c.start(d);
        c.seen = seen;
        for (int i = 0; i < sizes.length; i++) {
          int s = sizes[i];
          if (s == 0) {
            continue;
          }
          double[] x = in.readDoubles(s * d);
          double[] w = in.readDoubles(s);
          for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
              throw new IllegalArgumentException("bucket " + i + " has " + x[j]);
            }
          }
          for (double v : w) {
            StateLimits.requireWeight("bucket " + i, v);
          }
          StateLimits.requireCoordinates("bucket " + i, x, 0, x.length);
          c.ensureBucket(i);
          System.arraycopy(x, 0, c.bucketX[i], 0, x.length);
          System.arraycopy(w, 0, c.bucketW[i], 0, w.length);
          c.bucketSize[i] = s;
        }
        return c;
      });

  /**
   * {@link Mergeable.Kind#APPROXIMATE}: merge-and-reduce carries the other summary's buckets in, as more of the stream would; the coreset is a random summary (see {@link #merge(StreamKM)}).
   */
  @Override
  public Mergeable.Kind mergeKind() {
    return Mergeable.Kind.APPROXIMATE;
  }
}
