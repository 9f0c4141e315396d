package io.eddy.online;

import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.kmeans.Centroids;
import io.eddy.kmeans.KMeans;
import io.eddy.math.Euclid;
import java.util.Arrays;
import java.util.Map;

/**
 * CluStream [1]: an online phase that keeps q micro-clusters with their cluster features, a
 * pyramidal time frame of snapshots of them, and an offline phase that clusters the
 * micro-clusters of any recent horizon into k segments by weighted k-means.
 *
 * <p><b>Micro-clusters.</b> Each holds the paper's (CF2ˣ, CF1ˣ, CF2ᵗ, CF1ᵗ, n): per dimension
 * the sum and the sum of squares of its points, the sum and the sum of squares of their time
 * stamps, and their number (their total weight, for weighted points). A point goes to its
 * nearest micro-cluster (by centre) if it falls within that micro-cluster's maximum boundary,
 * {@code t} times the RMS deviation of its points from its centre,
 * {@code sqrt(Σ_d (CF2ˣ_d/n − (CF1ˣ_d/n)²))}; for a micro-cluster whose points all coincide (a
 * single point, in particular) the boundary is the distance to the nearest other micro-cluster.
 * Otherwise the point starts a new micro-cluster, and room is made for it: the micro-cluster of
 * least relevance stamp is deleted if that stamp is older than {@code now − δ}; failing that, the
 * two closest micro-clusters are merged. The relevance stamp estimates the mean time stamp of a
 * micro-cluster's last m points: with μ and σ the mean and deviation of its time stamps, and
 * under the paper's normal assumption, it is the time of the {@code 1 − m/(2n)} quantile,
 * {@code μ + σ·Φ⁻¹(1 − m/(2n))}, or μ when n &lt; 2m.
 *
 * <p><b>Ids and the pyramidal time frame.</b> Every micro-cluster has a unique id; merging
 * keeps the list of the ids merged into it. Every {@link Params#snapshotInterval()} points (one
 * clock tick of the frame) the micro-clusters are stored as a snapshot of order i, the largest i
 * with α^i dividing the tick (capped at {@link Params#snapshotOrders()} − 1), and each order
 * keeps its last α^l + 1 snapshots: at most {@code snapshotOrders·(α^l + 1)} snapshots, whatever
 * the length of the stream. A horizon query for the last h points
 * ({@link #snapshot(long)}) takes the snapshot at or just before {@code now − h} and subtracts
 * from every current micro-cluster the snapshot micro-clusters whose id is in its list, which
 * leaves the cluster features of the points that arrived since; by the paper's Lemma the
 * snapshot's age is within a factor 1 + 1/α^(l−1) of h while the frame reaches back that far.
 *
 * <p><b>Offline phase.</b> {@link #snapshot()} and {@link #snapshot(long)} run weighted k-means
 * (greedy k-means++ seeding on the micro-cluster centres weighted by n, then Lloyd iterations,
 * {@link KMeans}, best of {@link Params#nInit()} runs) on the micro-clusters; the model's labels
 * are 0..k−1 and its weights are the micro-clusters' n summed per segment. {@link #predict(double[])} answers with the nearest of
 * the k centres of {@link #snapshot()}.
 *
 * <p><b>Deviations and choices.</b> The paper builds the q initial micro-clusters by k-means on
 * InitNumber points; here InitNumber is q, where that k-means is the identity: the first q
 * points become q micro-clusters (as in MOA and River). Time is the count of points learned
 * (plus merged streams, see {@link #merge}). The two reference implementations differ from the
 * paper where this class follows it: MOA 2024.07's {@code Clustream} scales the radius by a
 * fixed 1.8 and the mean per-dimension deviation instead of {@code t} and the RMS deviation, takes
 * the {@code m/(2n)} quantile (before the mean) as the relevance stamp, deletes the first
 * micro-cluster below the threshold rather than the least relevant, and gives the q initial
 * micro-clusters the time stamp of point q + 1; River 0.26 shares the quantile and also clusters
 * the centres unweighted. Neither keeps snapshots, so neither answers horizon queries.
 * {@code benchmarks/compare/canon/clustream} checks this class against MOA where the two must
 * agree (one dimension with {@code t} = 1.8 and no deletion: the same micro-clusters).
 *
 * <p><b>Cost.</b> {@link #learn(double[])} takes O(q·d) when the point is absorbed, O(q·d) more
 * when the nearest micro-cluster is a singleton, and O(q²·d) when two micro-clusters must be
 * merged; every interval a snapshot copies O(q·d). It allocates nothing in steady state: a
 * snapshot slot is allocated when first used (a new order begins only at tick α^i) and an id
 * list grows only until the pruning of ids no snapshot refers to bounds it. {@link #snapshot()}
 * costs a k-means over q points, computed lazily and cached until the next learn, so
 * {@link #predict} right after {@link #learn} pays it; predicting against a snapshot does not.
 * Memory: O(q·d) for the micro-clusters and O(snapshotOrders·(α^l + 1)·q·d) for the frame.
 *
 * <p>Not thread-safe: use from one thread at a time; snapshots are immutable.
 *
 * <p>References: [1] C. C. Aggarwal, J. Han, J. Wang, P. S. Yu, "A framework for clustering
 * evolving data streams", VLDB 2003. [2] P. J. Acklam, "An algorithm for computing the inverse
 * normal cumulative distribution function" (2003), for Φ⁻¹.
 *
 * <p><b>Threads.</b> Shared between threads without {@link ConcurrentClusterer}, concurrent
 * {@code learn} calls lose points and can corrupt the state, and a {@code predict} during a
 * {@code learn} can throw or read a half-updated state; wrap it to share it.
 */
public final class CluStream implements OnlineClusterer<Centroids>, Mergeable<CluStream> {

  /**
   * The configuration of a {@link CluStream}. Immutable; validated on construction.
   *
   * @param k the number of macro-clusters (segments), &ge; 1 (default 5)
   * @param maxMicroClusters q, the number of micro-clusters kept, &ge; 2 and &ge; k (default 100);
   *     the first point is refused ({@link IllegalArgumentException}, the clusterer stays fresh)
   *     when the q·(2d + 3) values of its dimension d do not fit one Java array or the free heap
   * @param boundaryFactor t, the maximum boundary in RMS deviations, &gt; 0 (default 2)
   * @param relevanceThreshold δ, in points: a micro-cluster whose relevance stamp is older than
   *     {@code now − δ} may be deleted, &ge; 1 (default 1000)
   * @param relevanceCount m, the number of last points whose mean time stamp is the relevance
   *     stamp, &ge; 1 (default 100)
   * @param snapshotInterval the points per clock tick of the pyramidal time frame, &ge; 1
   *     (default 100)
   * @param alpha α, the base of the snapshot orders, &ge; 2 (default 2)
   * @param l the frame keeps α^l + 1 snapshots of each order, &ge; 1, with α^l &le; 1024
   *     (default 3)
   * @param snapshotOrders the number of orders kept, &ge; 1 (default 12): snapshots of higher
   *     order go to the last one, so that the frame reaches back about
   *     {@code α^(l + snapshotOrders − 1)} ticks (1.6 million points with the defaults)
   * @param nInit the offline k-means runs from different seedings, &ge; 1 (default 3); the run
   *     of least weighted inertia is kept
   * @param seed the seed of the offline k-means++ seeding (default {@link Parameter#DEFAULT_SEED})
   */
  public record Params(int k, int maxMicroClusters, double boundaryFactor, long relevanceThreshold,
      int relevanceCount, int snapshotInterval, int alpha, int l, int snapshotOrders, int nInit, long seed) {

    static final Parameter K = Parameter.ofInt("k", 5, 1, 1 << 20, "number of macro-clusters (segments)");
    static final Parameter MAX_MICRO_CLUSTERS = Parameter.ofInt("maxMicroClusters", 100, 2, 1 << 20,
        "q, micro-clusters kept; at least k");
    static final Parameter BOUNDARY_FACTOR = Parameter.ofPositive("boundaryFactor", 2.0,
        "t, a micro-cluster's maximum boundary in RMS deviations");
    static final Parameter RELEVANCE_THRESHOLD = Parameter.ofLong("relevanceThreshold", 1000,
        "delta, in points (>= 1): a micro-cluster whose relevance stamp is older may be deleted");
    static final Parameter RELEVANCE_COUNT = Parameter.ofInt("relevanceCount", 100, 1, Integer.MAX_VALUE,
        "m, the last points whose mean time stamp is the relevance stamp");
    static final Parameter SNAPSHOT_INTERVAL = Parameter.ofInt("snapshotInterval", 100, 1, Integer.MAX_VALUE,
        "points per clock tick of the pyramidal time frame");
    static final Parameter ALPHA = Parameter.ofInt("alpha", 2, 2, 1024, "base of the snapshot orders");
    static final Parameter L = Parameter.ofInt("l", 3, 1, 10,
        "each order keeps alpha^l + 1 snapshots (alpha^l <= 1024)");
    static final Parameter SNAPSHOT_ORDERS = Parameter.ofInt("snapshotOrders", 12, 1, 64,
        "snapshot orders kept; higher orders go to the last");
    static final Parameter N_INIT = Parameter.ofInt("nInit", 3, 1, 1000, "offline k-means runs; the best is kept");
    static final Parameter SEED = Parameter.ofSeed("seed of the offline k-means++ seeding");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, K, MAX_MICRO_CLUSTERS,
        BOUNDARY_FACTOR, RELEVANCE_THRESHOLD, RELEVANCE_COUNT, SNAPSHOT_INTERVAL, ALPHA, L, SNAPSHOT_ORDERS,
        N_INIT, SEED);

    /** The defaults, as listed above. */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates every field. */
    public Params {
      K.check(k);
      MAX_MICRO_CLUSTERS.check(maxMicroClusters);
      BOUNDARY_FACTOR.check(boundaryFactor);
      RELEVANCE_COUNT.check(relevanceCount);
      SNAPSHOT_INTERVAL.check(snapshotInterval);
      ALPHA.check(alpha);
      L.check(l);
      SNAPSHOT_ORDERS.check(snapshotOrders);
      N_INIT.check(nInit);
      if (maxMicroClusters < k) {
        throw new IllegalArgumentException("maxMicroClusters must be >= k = " + k + ", got " + maxMicroClusters);
      }
      if (relevanceThreshold < 1) {
        throw new IllegalArgumentException("relevanceThreshold must be >= 1, got " + relevanceThreshold);
      }
      if (Math.pow(alpha, l) > 1024) {
        throw new IllegalArgumentException("alpha^l must be <= 1024, got " + alpha + "^" + l);
      }
    }

    /** A copy with another k. */
    public Params withK(int v) {
      return SPEC.with(this, K, v);
    }

    /** A copy with another q. */
    public Params withMaxMicroClusters(int v) {
      return SPEC.with(this, MAX_MICRO_CLUSTERS, v);
    }

    /** A copy with another t. */
    public Params withBoundaryFactor(double v) {
      return SPEC.with(this, BOUNDARY_FACTOR, v);
    }

    /** A copy with another δ. */
    public Params withRelevanceThreshold(long v) {
      return SPEC.with(this, RELEVANCE_THRESHOLD, v);
    }

    /** A copy with another m. */
    public Params withRelevanceCount(int v) {
      return SPEC.with(this, RELEVANCE_COUNT, v);
    }

    /** A copy with another snapshot interval. */
    public Params withSnapshotInterval(int v) {
      return SPEC.with(this, SNAPSHOT_INTERVAL, v);
    }

    /** A copy with another α. */
    public Params withAlpha(int v) {
      return SPEC.with(this, ALPHA, v);
    }

    /** A copy with another l. */
    public Params withL(int v) {
      return SPEC.with(this, L, v);
    }

    /** A copy with another number of orders. */
    public Params withSnapshotOrders(int v) {
      return SPEC.with(this, SNAPSHOT_ORDERS, v);
    }

    /** A copy with another number of offline k-means runs. */
    public Params withNInit(int v) {
      return SPEC.with(this, N_INIT, v);
    }

    /** A copy with another seed. */
    public Params withSeed(long v) {
      return SPEC.with(this, SEED, v);
    }

    /** The snapshots kept per order, α^l + 1. */
    int perOrder() {
      int p = 1;
      for (int i = 0; i < l; i++) {
        p *= alpha;
      }
      return p + 1;
    }
  }

  /** Offsets in a micro-cluster's row of {@link #cf}: n, CF1ᵗ, CF2ᵗ, then CF1ˣ and CF2ˣ. */
  private static final int N = 0;
  private static final int T1 = 1;
  private static final int T2 = 2;
  private static final int X = 3;

  private final Params params;
  private final int q;
  private int d;
  /** Row length of a micro-cluster: 2d + 3. */
  private int w;
  private long seen;
  /** The clock: one tick per point learned, the latest of both clocks after a merge. */
  private long time;
  private int count;
  /** The micro-clusters, q rows of w: n, CF1ᵗ, CF2ᵗ, CF1ˣ (d), CF2ˣ (d). */
  private double[] cf;
  /** Their centres, CF1ˣ/n, q rows of d. */
  private double[] centers;
  /** Each micro-cluster's id list; element 0 is its own id. */
  private long[][] ids;
  private int[] idCounts;
  private long nextId;
  /** Σ idCounts above which ids no snapshot refers to are pruned. */
  private long pruneAt;

  // The pyramidal time frame: slot = order * perOrder + position.
  private final int perOrder;
  private long[] snapTime;
  private int[] snapCount;
  private double[][] snapCf;
  private long[][] snapIds;
  private int[] ringNext;

  private final double[] scratchDistance = new double[1];
  private long[] pruneScratch;
  private Centroids macro;

  /** A clusterer with the given configuration. */
  public CluStream(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
    this.q = params.maxMicroClusters();
    this.perOrder = params.perOrder();
  }

  /** A clusterer with {@link Params#DEFAULTS} and the given k. */
  public CluStream(int k) {
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
    // checked before the dimension is set, so that a refused first point leaves the clusterer fresh
    long row = 2L * dimension + 3;
    Sizes.require(q * row, q * (row + dimension + 4), q + " micro-clusters (maxMicroClusters) of dimension "
        + dimension, "lower maxMicroClusters");
    d = dimension;
    w = 2 * d + 3;
    cf = new double[q * w];
    centers = new double[q * d];
    ids = new long[q][];
    for (int j = 0; j < q; j++) {
      ids[j] = new long[4];
    }
    idCounts = new int[q];
    int slots = params.snapshotOrders() * perOrder;
    snapTime = new long[slots];
    Arrays.fill(snapTime, -1);
    snapCount = new int[slots];
    snapCf = new double[slots][];
    snapIds = new long[slots][];
    ringNext = new int[params.snapshotOrders()];
    pruneAt = 4L * q;
  }

  @Override
  public void learn(double[] point) {
    Points.require(point, d);
    learnValid(point, 1.0);
  }

  /** Learns a point counted {@code weight} times: its cluster features are scaled by it. */
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
    time++;
    macro = null;
    if (count < q) {
      create(count++, x, weight);
    } else {
      int j = Euclid.nearest(x, centers, count, scratchDistance);
      if (scratchDistance[0] <= squaredBoundary(j)) {
        insert(j, x, weight);
      } else {
        create(makeRoom(), x, weight);
      }
    }
    if (time % params.snapshotInterval() == 0) {
      storeSnapshot(time / params.snapshotInterval());
    }
  }

  /** The squared maximum boundary of micro-cluster j. */
  private double squaredBoundary(int j) {
    double ms = meanSquaredDeviation(j);
    if (ms > 0) {
      double t = params.boundaryFactor();
      return t * t * ms;
    }
    double nearest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      if (i != j) {
        nearest = Math.min(nearest, Euclid.squaredDistance(centers, j * d, centers, i * d, d));
      }
    }
    return nearest;
  }

  /** Σ_d (CF2ˣ_d/n − (CF1ˣ_d/n)²), clamped at 0 against rounding. */
  private double meanSquaredDeviation(int j) {
    int off = j * w;
    double n = cf[off + N];
    double s = 0;
    for (int i = 0; i < d; i++) {
      double c = centers[j * d + i];
      s += cf[off + X + d + i] / n - c * c;
    }
    return Math.max(0, s);
  }

  private void insert(int j, double[] x, double weight) {
    int off = j * w;
    double t = time;
    cf[off + N] += weight;
    cf[off + T1] += weight * t;
    cf[off + T2] += weight * t * t;
    double n = cf[off + N];
    for (int i = 0; i < d; i++) {
      double v = x[i];
      cf[off + X + i] += weight * v;
      cf[off + X + d + i] += weight * v * v;
      centers[j * d + i] = cf[off + X + i] / n;
    }
  }

  private void create(int j, double[] x, double weight) {
    Arrays.fill(cf, j * w, (j + 1) * w, 0.0);
    idCounts[j] = 0;
    addId(j, nextId++);
    insert(j, x, weight);
  }

  /** Frees a slot by deleting the least relevant micro-cluster or merging the closest two. */
  private int makeRoom() {
    int least = 0;
    double leastStamp = Double.POSITIVE_INFINITY;
    for (int j = 0; j < count; j++) {
      double s = relevanceStamp(j);
      if (s < leastStamp) {
        leastStamp = s;
        least = j;
      }
    }
    if (leastStamp < time - params.relevanceThreshold()) {
      return least;
    }
    int[] pair = closestPair();
    absorb(pair[0], pair[1]);
    return pair[1];
  }

  private final int[] pairScratch = new int[2];

  /** The two micro-clusters with the closest centres (a &lt; b, ties to the first found). */
  private int[] closestPair() {
    double best = Double.POSITIVE_INFINITY;
    for (int a = 0; a < count; a++) {
      for (int b = a + 1; b < count; b++) {
        double dist = Euclid.squaredDistance(centers, a * d, centers, b * d, d);
        if (dist < best) {
          best = dist;
          pairScratch[0] = a;
          pairScratch[1] = b;
        }
      }
    }
    return pairScratch;
  }

  /** Adds micro-cluster b's features and ids into a; b's slot is then free. */
  private void absorb(int a, int b) {
    int oa = a * w;
    int ob = b * w;
    for (int i = 0; i < w; i++) {
      cf[oa + i] += cf[ob + i];
    }
    double n = cf[oa + N];
    for (int i = 0; i < d; i++) {
      centers[a * d + i] = cf[oa + X + i] / n;
    }
    long[] from = ids[b];
    for (int i = 0, c = idCounts[b]; i < c; i++) {
      addId(a, from[i]);
    }
  }

  private void addId(int j, long id) {
    if (idCounts[j] == ids[j].length) {
      ids[j] = Arrays.copyOf(ids[j], ids[j].length * 2);
    }
    ids[j][idCounts[j]++] = id;
  }

  /**
   * The relevance stamp of micro-cluster j: the estimated mean time stamp of its last m
   * points, μ + σ·Φ⁻¹(1 − m/(2n)), or μ while n &lt; 2m.
   */
  double relevanceStamp(int j) {
    int off = j * w;
    double n = cf[off + N];
    double mu = cf[off + T1] / n;
    double m = params.relevanceCount();
    if (n < 2 * m) {
      return mu;
    }
    double sigma = Math.sqrt(Math.max(0, cf[off + T2] / n - mu * mu));
    return mu + sigma * inverseNormal(1 - m / (2 * n));
  }

  // ---- the pyramidal time frame ----

  private void storeSnapshot(long tick) {
    int order = 0;
    long rest = tick;
    int alpha = params.alpha();
    while (rest % alpha == 0 && order < params.snapshotOrders() - 1) {
      rest /= alpha;
      order++;
    }
    int slot = order * perOrder + ringNext[order];
    ringNext[order] = (ringNext[order] + 1) % perOrder;
    if (snapCf[slot] == null) {
      snapCf[slot] = new double[q * w];
      snapIds[slot] = new long[q];
    }
    System.arraycopy(cf, 0, snapCf[slot], 0, count * w);
    for (int j = 0; j < count; j++) {
      snapIds[slot][j] = ids[j][0];
    }
    snapCount[slot] = count;
    snapTime[slot] = time;
    if (idTotal() > pruneAt) {
      pruneIds();
    }
  }

  /**
   * Drops from every id list the ids that are neither the micro-cluster's own nor the id of a
   * micro-cluster in a stored snapshot: no horizon query can need them. This bounds the lists
   * by the frame's size.
   */
  private void pruneIds() {
    int stored = 0;
    for (int s = 0; s < snapTime.length; s++) {
      if (snapTime[s] >= 0) {
        stored += snapCount[s];
      }
    }
    if (pruneScratch == null || pruneScratch.length < stored) {
      // sized by what is stored: slots x q can exceed an int with large frames and q
      pruneScratch = new long[(int) Math.min(Sizes.MAX_ARRAY, Math.max(stored, 2L * (pruneScratch == null ? 0
          : pruneScratch.length)))];
    }
    int n = 0;
    for (int s = 0; s < snapTime.length; s++) {
      if (snapTime[s] >= 0) {
        System.arraycopy(snapIds[s], 0, pruneScratch, n, snapCount[s]);
        n += snapCount[s];
      }
    }
    Arrays.sort(pruneScratch, 0, n);
    long total = 0;
    for (int j = 0; j < count; j++) {
      long[] list = ids[j];
      int kept = 1;
      for (int i = 1; i < idCounts[j]; i++) {
        if (Arrays.binarySearch(pruneScratch, 0, n, list[i]) >= 0) {
          list[kept++] = list[i];
        }
      }
      idCounts[j] = kept;
      total += kept;
    }
    pruneAt = Math.max(4L * q, 2 * total + q);
  }

  /**
   * The window a horizon query for the last {@code horizon} points actually covers: the age of
   * the snapshot it subtracts, or all points learned when the horizon reaches back to the start.
   * It is at least {@code horizon} when the frame holds a snapshot old enough, and within a
   * factor 1 + 1/α^(l−1) of it while the pyramid reaches back that far.
   *
   * @param horizon h &ge; 1, in points
   * @throws IllegalArgumentException if {@code horizon} &lt; 1
   */
  public long coveredHorizon(long horizon) {
    int slot = snapshotFor(horizon);
    return slot < 0 ? time : time - snapTime[slot];
  }

  /** The stored snapshot at or just before now − h, else the oldest one; −1 if none is needed. */
  private int snapshotFor(long horizon) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be >= 1 point, got " + horizon);
    }
    long target = time - horizon;
    if (target <= 0 || snapTime == null) {
      return -1;
    }
    int atOrBefore = -1;
    int oldest = -1;
    for (int s = 0; s < snapTime.length; s++) {
      long t = snapTime[s];
      if (t < 0) {
        continue;
      }
      if (t <= target && (atOrBefore < 0 || t > snapTime[atOrBefore])) {
        atOrBefore = s;
      }
      if (oldest < 0 || t < snapTime[oldest]) {
        oldest = s;
      }
    }
    return atOrBefore >= 0 ? atOrBefore : oldest;
  }

  /**
   * The cluster features of the points learned in the last {@code horizon} points: every
   * current micro-cluster minus the snapshot micro-clusters in its id list, as rows of
   * {@code 2d + 3} (n, CF1ᵗ, CF2ᵗ, CF1ˣ, CF2ˣ); micro-clusters left without points are dropped.
   */
  double[] horizonFeatures(long horizon) {
    int slot = snapshotFor(horizon);
    if (d == 0) {
      return new double[0];
    }
    double[] out = Arrays.copyOf(cf, count * w);
    if (slot >= 0) {
      // (id, owner) pairs packed as id·q + owner, sorted, to find each snapshot id's owner.
      int total = 0;
      for (int j = 0; j < count; j++) {
        total += idCounts[j];
      }
      long[] owners = new long[total];
      int n = 0;
      for (int j = 0; j < count; j++) {
        for (int i = 0; i < idCounts[j]; i++) {
          owners[n++] = ids[j][i] * q + j;
        }
      }
      Arrays.sort(owners);
      double[] old = snapCf[slot];
      for (int s = 0; s < snapCount[slot]; s++) {
        long id = snapIds[slot][s];
        int at = Arrays.binarySearch(owners, id * q);
        if (at < 0) {
          at = -at - 1;
        }
        if (at < owners.length && owners[at] / q == id) {
          int j = (int) (owners[at] - id * q);
          for (int i = 0; i < w; i++) {
            out[j * w + i] -= old[s * w + i];
          }
        }
      }
    }
    int kept = 0;
    for (int j = 0; j < count; j++) {
      // Counts subtract exactly for unit weights; the tolerance absorbs rounding of weights.
      if (out[j * w + N] > 1e-9 * cf[j * w + N]) {
        System.arraycopy(out, j * w, out, kept * w, w);
        kept++;
      }
    }
    return Arrays.copyOf(out, kept * w);
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
    return macro != null || StreamSummaries.clusters(this::snapshot);
  }

  /**
   * The k segments of everything the micro-clusters summarise, by weighted k-means on them.
   * Cached until the next learn.
   *
   * @throws IllegalStateException before k micro-clusters with distinct centres exist
   */
  @Override
  public Centroids snapshot() {
    if (macro == null) {
      macro = cluster(d == 0 ? null : Arrays.copyOf(cf, count * w));
    }
    return macro;
  }

  /**
   * The k segments of the last {@code horizon} points: weighted k-means on the micro-clusters
   * of that horizon, from the snapshot at or just before {@code now − horizon}
   * (see {@link #coveredHorizon(long)} for the window it covers). Costs a k-means on q points.
   *
   * @param horizon h &ge; 1, in points
   * @throws IllegalArgumentException if {@code horizon} &lt; 1
   * @throws IllegalStateException if fewer than k micro-clusters with distinct centres hold
   *     points of that horizon
   */
  public Centroids snapshot(long horizon) {
    return cluster(horizonFeatures(horizon));
  }

  private Centroids cluster(double[] features) {
    if (d == 0) {
      throw new IllegalStateException("clustream has learned no point yet");
    }
    int n = features.length / w;
    int k = params.k();
    double[][] points = new double[n][d];
    double[] weights = new double[n];
    for (int j = 0; j < n; j++) {
      double m = features[j * w + N];
      weights[j] = m;
      for (int i = 0; i < d; i++) {
        points[j][i] = features[j * w + X + i] / m;
      }
    }
    return StreamSummaries.cluster(CluStreamProvider.NAME, points, weights, k, params.nInit(), params.seed(),
        seen);
  }

  // ---- merging ----

  /**
   * Merges another CluStream's summary into this one (for partitioned streams): the other's
   * micro-clusters join this one's under fresh ids, and the closest pairs are merged until at
   * most q remain. Cluster features add exactly, so the totals of n, CF1ˣ, CF2ˣ, CF1ᵗ and CF2ᵗ
   * are those of both summaries, up to the rounding of the additions. {@code seen()} becomes
   * the sum, the clock the later of the two. This instance's snapshots are kept and the other's
   * are not: a horizon query counts the other's points as arrived after this one's latest
   * snapshot older than the horizon. The other clusterer is not modified.
   *
   * @throws IllegalArgumentException if the other has another configuration or dimension
   */
  @Override
  public void merge(CluStream other) {
    if (!StreamSummaries.requireMergeable(CluStreamProvider.NAME, this, other, params,
        other == null ? null : other.params, d, other == null ? 0 : other.d)) {
      return;
    }
    if (d == 0) {
      start(other.d);
    }
    macro = null;
    seen += other.seen;
    time = Math.max(time, other.time);
    double[] row = new double[w];
    for (int o = 0; o < other.count; o++) {
      System.arraycopy(other.cf, o * w, row, 0, w);
      int j;
      if (count < q) {
        j = count++;
      } else {
        int[] pair = closestPair();
        absorb(pair[0], pair[1]);
        j = pair[1];
      }
      System.arraycopy(row, 0, cf, j * w, w);
      for (int i = 0; i < d; i++) {
        centers[j * d + i] = cf[j * w + X + i] / cf[j * w + N];
      }
      idCounts[j] = 0;
      addId(j, nextId++);
    }
  }

  /**
   * Becomes part {@code part} of {@code parts} of {@code merged} (see
   * {@link Mergeable#takePart}): the same micro-clusters under the same ids, centres and clock,
   * each cluster feature (n, the time sums and the coordinate sums) and those of the pyramidal
   * snapshots scaled by {@code 1 / parts}, so that centres, time means and spreads are kept and
   * the parts' features add back to the merged ones; {@code seen()} is split as an integer
   * ({@link MergeChecks#share}). The offline clustering weighs centres by n, so a part
   * clusters like the merged state. Returns false, changing nothing, while {@code merged} has
   * no clustering yet, or when a micro-cluster's share of n would fall below the normal doubles
   * (weights near {@link Double#MIN_NORMAL} split very finely). O(q·d) plus the snapshots.
   */
  @Override
  public boolean takePart(CluStream merged, int part, int parts) {
    Mergeable.super.takePart(merged, part, parts);
    if (!StreamSummaries.splittable(CluStreamProvider.NAME, this, merged, params, merged.params, d, merged.d,
        merged::snapshot)) {
      return false;
    }
    for (int j = 0; j < merged.count; j++) {
      if (MergeChecks.shareUnderflows(merged.cf[j * merged.w + N], parts)) {
        return false; // the part's centres would be 0/0 or lose their digits
      }
    }
    CluStream c = MergeChecks.copyOf(merged, CluStream.class);
    double share = 1.0 / parts;
    for (int e = 0; e < c.count * c.w; e++) {
      c.cf[e] *= share;
    }
    for (int s = 0; s < c.snapCf.length; s++) {
      for (int e = 0; c.snapCf[s] != null && e < c.snapCount[s] * c.w; e++) {
        c.snapCf[s][e] *= share;
      }
    }
    d = c.d;
    w = c.w;
    seen = MergeChecks.share(merged.seen, part, parts);
    time = c.time;
    count = c.count;
    cf = c.cf;
    centers = c.centers;
    ids = c.ids;
    idCounts = c.idCounts;
    nextId = c.nextId;
    pruneAt = c.pruneAt;
    snapTime = c.snapTime;
    snapCount = c.snapCount;
    snapCf = c.snapCf;
    snapIds = c.snapIds;
    ringNext = c.ringNext;
    pruneScratch = c.pruneScratch;
    macro = null;
    return true;
  }

  // ---- accessors ----

  /** The number of micro-clusters, at most q. */
  public int microClusterCount() {
    return count;
  }

  /** The micro-clusters' cluster features, a copy: rows of n, CF1ᵗ, CF2ᵗ, CF1ˣ (d), CF2ˣ (d). */
  double[] microClusterFeatures() {
    return Arrays.copyOf(cf, count * w);
  }

  /** The total length of the id lists (bounded by pruning). */
  long idTotal() {
    long total = 0;
    for (int j = 0; j < count; j++) {
      total += idCounts[j];
    }
    return total;
  }

  /** The number of snapshots stored in the pyramidal time frame. */
  public int snapshotCount() {
    int n = 0;
    if (snapTime != null) {
      for (long t : snapTime) {
        n += t >= 0 ? 1 : 0;
      }
    }
    return n;
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
    return "CluStream[" + params + ", seen=" + seen + ", microClusters=" + count + "]";
  }

  /**
   * Φ⁻¹(p), the standard normal quantile, by Acklam's rational approximation (relative error
   * below 1.2e-9), for p in (0, 1).
   */
  static double inverseNormal(double p) {
    if (p <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    final double low = 0.02425;
    if (p < low) {
      double r = Math.sqrt(-2 * Math.log(p));
      return tail(r);
    }
    if (p > 1 - low) {
      double r = Math.sqrt(-2 * Math.log1p(-p));
      return -tail(r);
    }
    double u = p - 0.5;
    double r = u * u;
    return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
        + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * u
        / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
        + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
  }

  private static double tail(double r) {
    return (((((-7.784894002430293e-03 * r - 3.223964580411365e-01) * r - 2.400758277161838e+00) * r
        - 2.549732539343734e+00) * r + 4.374664141464968e+00) * r + 2.938163982698783e+00)
        / ((((7.784695709041462e-03 * r + 3.224671290700398e-01) * r + 2.445134137142996e+00) * r
        + 3.754408661907416e+00) * r + 1);
  }

  // ---- persistence ----

  /** Writes a {@link CluStream}'s configuration and full learning state. */
  static final StateCodec<CluStream> CODEC = StateCodec.of(CluStreamProvider.NAME + ".state", 1, CluStream.class,
      (c, out) -> {
        Params.SPEC.write(c.params, out);
        out.writeInt(c.d);
        out.writeLong(c.seen);
        out.writeLong(c.time);
        if (c.d == 0) {
          return;
        }
        out.writeInt(c.count);
        out.writeDoubles(Arrays.copyOf(c.cf, c.count * c.w));
        for (int j = 0; j < c.count; j++) {
          out.writeLongs(Arrays.copyOf(c.ids[j], c.idCounts[j]));
        }
        out.writeLong(c.nextId);
        out.writeLong(c.pruneAt);
        out.writeInts(c.ringNext);
        int stored = c.snapshotCount();
        out.writeInt(stored);
        for (int s = 0; s < c.snapTime.length; s++) {
          if (c.snapTime[s] >= 0) {
            out.writeInt(s);
            out.writeLong(c.snapTime[s]);
            out.writeDoubles(Arrays.copyOf(c.snapCf[s], c.snapCount[s] * c.w));
            out.writeLongs(Arrays.copyOf(c.snapIds[s], c.snapCount[s]));
          }
        }
      },
      (in, version) -> {
        CluStream c = new CluStream(Params.SPEC.read(in));
        int d = in.readInt(0, Integer.MAX_VALUE);
        long seen = in.readCount();
        long time = in.readCount();
        if (d == 0) {
          if (seen != 0) {
            throw new IllegalArgumentException("state without a dimension has learned points");
          }
          return c;
        }
        // at least one micro-cluster's row of 2d + 3 doubles follows: bounds d by the payload
        in.requireRemaining(8L * (2L * d + 3), "a state of dimension " + d);
        Sizes.require((long) c.q * (2L * d + 3), 3L * c.q * (2L * d + 3),
            c.q + " micro-clusters of dimension " + d, "lower maxMicroClusters");
        c.start(d);
        c.seen = seen;
        c.time = time;
        c.count = in.readInt(0, c.q);
        c.readRows(in.readDoubles(c.count * c.w), c.cf, c.count, true);
        for (int j = 0; j < c.count; j++) {
          long[] list = in.readLongs();
          if (list.length < 1) {
            throw new IllegalArgumentException("micro-cluster " + j + " has no id");
          }
          c.ids[j] = Arrays.copyOf(list, Math.max(4, list.length));
          c.idCounts[j] = list.length;
          for (int i = 0; i < d; i++) {
            c.centers[j * d + i] = c.cf[j * c.w + X + i] / c.cf[j * c.w + N];
          }
        }
        c.nextId = in.readLong();
        c.pruneAt = in.readLong();
        int[] ring = in.readInts();
        if (ring.length != c.ringNext.length) {
          throw new IllegalArgumentException("frame has " + ring.length + " orders, expected " + c.ringNext.length);
        }
        for (int r : ring) {
          if (r < 0 || r >= c.perOrder) {
            throw new IllegalArgumentException("ring position " + r + " out of range");
          }
        }
        System.arraycopy(ring, 0, c.ringNext, 0, ring.length);
        int stored = in.readInt(0, c.snapTime.length);
        for (int i = 0; i < stored; i++) {
          int s = in.readInt(0, c.snapTime.length - 1);
          long t = in.readLong();
          if (t < 0 || t > time || c.snapTime[s] >= 0) {
            throw new IllegalArgumentException("snapshot " + s + " is invalid or repeated");
          }
          double[] rows = in.readDoubles();
          long[] sids = in.readLongs();
          if (rows.length % c.w != 0 || rows.length / c.w != sids.length || sids.length > c.q) {
            throw new IllegalArgumentException("snapshot " + s + " has inconsistent sizes");
          }
          c.snapTime[s] = t;
          c.snapCount[s] = sids.length;
          c.snapCf[s] = new double[c.q * c.w];
          c.snapIds[s] = new long[c.q];
          c.readRows(rows, c.snapCf[s], sids.length, false);
          System.arraycopy(sids, 0, c.snapIds[s], 0, sids.length);
        }
        return c;
      });

  /** Copies n validated micro-cluster rows into {@code into}. */
  private void readRows(double[] rows, double[] into, int n, boolean positive) throws ModelFormatException {
    for (int j = 0; j < n; j++) {
      double m = rows[j * w + N];
      if (!(m > 0) && positive || !(m >= 0)) {
        throw new IllegalArgumentException("micro-cluster " + j + " has weight " + m);
      }
      for (int i = 0; i < w; i++) {
        if (!Double.isFinite(rows[j * w + i])) {
          throw new IllegalArgumentException("micro-cluster " + j + " has " + rows[j * w + i]);
        }
      }
    }
    for (int j = 0; j < n; j++) {
      StateLimits.requireFeature("micro-cluster " + j, rows[j * w + N], rows, j * w + X, d);
    }
    System.arraycopy(rows, 0, into, 0, n * w);
  }

  /**
   * {@link Mergeable.Kind#APPROXIMATE}: cluster features add exactly, then the closest pairs merge until q remain (see {@link #merge(CluStream)}).
   */
  @Override
  public Mergeable.Kind mergeKind() {
    return Mergeable.Kind.APPROXIMATE;
  }
}
