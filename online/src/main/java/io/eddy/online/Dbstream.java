package io.eddy.online;

import io.eddy.ClusterModel;
import io.eddy.Mergeable;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.io.StateInput;
import io.eddy.math.Decay;
import io.eddy.math.Euclid;
import io.eddy.math.Neighbours;
import java.util.Arrays;
import java.util.Map;

/**
 * DBSTREAM: density-based stream clustering with a shared-density graph between
 * micro-clusters [1].
 *
 * <p><b>Online part</b> (Algorithm 1 of [1]). A micro-cluster is a centre, a weight and the
 * time of its last update; weights fade as {@code 2^(-lambda·dt)}. For each point x at time t:
 * every micro-cluster whose centre lies within r of x (inclusive) fades its weight to t, gains
 * the point's weight, and moves its centre toward x by {@code h = exp(-d²/(2σ²))}, σ = r/3,
 * with d the distance to its old centre (competitive learning); the shared density s_ij of
 * every pair of those neighbours fades to t and gains the weight too. A move that would bring
 * two of those centres closer than r is undone for both of them (the paper's pairwise rule).
 * With no neighbour, x founds a new micro-cluster of weight w.
 *
 * <p><b>Cleanup</b> (Algorithm 2), every {@code tGap} time units: a micro-cluster whose faded
 * weight fell below {@code w_weak = 2^(-lambda·tGap)} is removed with its shared-density
 * entries; an entry whose faded value fell below {@code alpha·w_weak} is removed. This bounds
 * memory: a micro-cluster that receives no point for about tGap is gone.
 *
 * <p><b>Macro clusters</b> (Algorithm 3). Strong micro-clusters have faded weight
 * {@code >= wMin}; two strong micro-clusters are connected when {@code s_ij / ((w_i + w_j) / 2)
 * >= alpha}, all values faded to the current time; the connected components are the macro
 * clusters and weak micro-clusters are noise. This runs lazily: {@link #snapshot()} and
 * {@link #predict(double[])} reuse the last clustering until the next {@code learn}.
 *
 * <p><b>Labels</b> are stable segment ids: at every cleanup the clustering is matched with the
 * previous one by the weight of shared micro-clusters, so a continuing cluster keeps its label,
 * new ones get fresh labels and a vanished label is never reused. A label first seen in a
 * snapshot taken between cleanups is provisional until the next cleanup confirms it (snapshots
 * never change the learning state).
 *
 * <p><b>Time.</b> {@link #learn(double[])} stamps the point with the current clock and then
 * advances it by one tick, as River and the paper count time; {@link #learn(double[], double,
 * double)} stamps it with an explicit event time and sets the clock to it (several points may
 * share a time). Time never goes backwards: an earlier time is rejected and changes nothing.
 * Gaps of any length are safe: decay is computed as a non-positive power of two.
 *
 * <p><b>Weights.</b> A point of weight w adds w to the weights and shared densities it touches;
 * its centre pull is {@code 1 - (1 - h)^w}, the pull of w unit points at the same distance.
 *
 * <p><b>Differences from River 0.26</b>, all deliberate and tested: the radius is inclusive
 * (River: strict {@code < r}); reclustering fades weights and shared densities to the current
 * time and uses {@code >=} at the wMin and alpha boundaries, as the paper and R's
 * {@code stream} do; weak micro-clusters are noise and {@code predict} answers
 * {@link ClusterModel#NOISE} for points farther than r from every strong micro-cluster (River
 * returns the nearest macro centre, never noise); micro-cluster ids come from a counter (River's
 * {@code max+1} can reuse an id); shared-density entries of removed micro-clusters are removed
 * with them; labels are stable.
 *
 * <p>Not thread-safe: use from one thread at a time; snapshots are immutable. {@code learn}
 * costs O(m·d + n²·d) for m micro-clusters and n neighbours of the point, and allocates nothing
 * in steady state (arrays grow only when the micro-cluster count reaches a new maximum). In
 * high dimension many micro-clusters can surround one cluster while staying r apart, so n grows
 * and with it the cost per point; a radius of at least the clusters' spread keeps n small.
 *
 * <p>[1] M. Hahsler and M. Bolaños, "Clustering Data Streams Based on Shared Density between
 * Micro-Clusters", IEEE TKDE 28(6):1449–1461, 2016.
 *
 * <p><b>Threads.</b> Shared between threads without {@link ConcurrentClusterer}, concurrent
 * {@code learn} calls lose points and can corrupt the state, and a {@code predict} during a
 * {@code learn} can throw or read a half-updated state; wrap it to share it.
 */
public final class Dbstream extends StableDensityClusterer<DbstreamModel> implements Mergeable<Dbstream> {

  /**
   * The configuration.
   *
   * @param r the micro-cluster radius, in the units of the data; in [1e-100, 1e100] (default 1)
   * @param lambda the decay rate per time unit: weights fade as {@code 2^(-lambda·dt)}; &gt; 0
   *     (default 0.001, a half-life of 1000 ticks)
   * @param tGap the time between cleanups; &gt; 0 (default 1000)
   * @param wMin the faded weight from which a micro-cluster is strong; &gt; 0 (default 3)
   * @param alpha the intersection factor: the shared density, relative to the mean weight of
   *     the pair, that connects two micro-clusters; in (0, 1] (default 0.1)
   */
  public record Params(double r, double lambda, double tGap, double wMin, double alpha) {

    static final Parameter R = Parameter.ofRadius("r", 1.0, "micro-cluster radius, in data units");
    static final Parameter LAMBDA = Parameter.ofPositive("lambda", 0.001,
        "decay rate per time unit; weights fade as 2^(-lambda*dt)");
    static final Parameter T_GAP = Parameter.ofPositive("tGap", 1000, "time between cleanups");
    static final Parameter W_MIN = Parameter.ofPositive("wMin", 3.0,
        "faded weight from which a micro-cluster is strong (not noise)");
    static final Parameter ALPHA = Parameter.ofDouble("alpha", 0.1, 0, false, 1, true,
        "shared density relative to mean weight that connects two micro-clusters");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, R, LAMBDA, T_GAP, W_MIN, ALPHA);

    /** The defaults, R {@code stream}'s where it has one. */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates every field. */
    public Params {
      R.check(r);
      LAMBDA.check(lambda);
      T_GAP.check(tGap);
      W_MIN.check(wMin);
      ALPHA.check(alpha);
    }

    /** A copy with another radius. */
    public Params withR(double v) {
      return SPEC.with(this, R, v);
    }

    /** A copy with another decay rate. */
    public Params withLambda(double v) {
      return SPEC.with(this, LAMBDA, v);
    }

    /** A copy with another cleanup interval. */
    public Params withTGap(double v) {
      return SPEC.with(this, T_GAP, v);
    }

    /** A copy with another minimum weight. */
    public Params withWMin(double v) {
      return SPEC.with(this, W_MIN, v);
    }

    /** A copy with another intersection factor. */
    public Params withAlpha(double v) {
      return SPEC.with(this, ALPHA, v);
    }
  }

  private final Params params;
  private final double r2;
  private final double twoSigma2;

  private int m;
  private double[] centers = new double[0];
  private double[] weights = new double[0];
  private double[] stamps = new double[0];
  private long[] ids = new long[0];
  private final PairTable shared = new PairTable();
  private double nextCleanup;

  private int[] nbr = new int[0];
  private double[] nbrDist = new double[0];
  private double[] oldCenters = new double[0];
  private double[] faded = new double[0];
  private int[] parent = new int[0];
  private int[] component = new int[0];
  private int[] componentLabels = new int[0];

  /** A clusterer with the given configuration. */
  public Dbstream(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
    this.r2 = params.r() * params.r();
    double sigma = params.r() / 3;
    this.twoSigma2 = 2 * sigma * sigma;
    this.nextCleanup = params.tGap();
  }

  /** A clusterer with {@link Params#DEFAULTS}. */
  public Dbstream() {
    this(Params.DEFAULTS);
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  @Override
  public Map<String, Object> configuration() {
    return Params.SPEC.toMap(params);
  }

  @Override
  void maintain() {
    if (now >= nextCleanup) {
      cleanup();
    }
  }

  @Override
  void ingest(double[] x, double w, double t) {
    if (d == 0) {
      d = x.length;
    }
    int n = Neighbours.withinRadius(x, centers, m, r2, nbr, nbrDist);
    if (n == 0) {
      add(x, w, t);
      return;
    }
    double lambda = params.lambda();
    for (int k = 0; k < n; k++) {
      int i = nbr[k];
      System.arraycopy(centers, i * d, oldCenters, k * d, d);
      weights[i] = weights[i] * Decay.factor(lambda, t - stamps[i]) + w;
      double h = Math.exp(-nbrDist[k] / twoSigma2);
      double rate = w == 1.0 ? h : 1 - Math.pow(1 - h, w);
      Euclid.moveToward(centers, i, x, rate);
      stamps[i] = t;
    }
    for (int k = 0; k < n; k++) {
      long a = ids[nbr[k]];
      for (int l = k + 1; l < n; l++) {
        long b = ids[nbr[l]];
        int slot = shared.find(a, b);
        if (slot < 0) {
          slot = shared.insert(a, b);
          shared.set(slot, w, t);
        } else {
          shared.set(slot, shared.value(slot) * Decay.factor(lambda, t - shared.time(slot)) + w, t);
        }
      }
    }
    for (int k = 0; k < n; k++) {
      int i = nbr[k];
      for (int l = k + 1; l < n; l++) {
        int j = nbr[l];
        if (Euclid.squaredDistance(centers, i * d, centers, j * d, d) < r2) {
          System.arraycopy(oldCenters, k * d, centers, i * d, d);
          System.arraycopy(oldCenters, l * d, centers, j * d, d);
        }
      }
    }
  }

  private void add(double[] x, double w, double t) {
    if (m == weights.length) {
      grow();
    }
    System.arraycopy(x, 0, centers, m * d, d);
    weights[m] = w;
    stamps[m] = t;
    ids[m] = nextId++;
    m++;
  }

  private void grow() {
    int cap = Math.max(16, weights.length * 2);
    centers = Arrays.copyOf(centers, cap * d);
    weights = Arrays.copyOf(weights, cap);
    stamps = Arrays.copyOf(stamps, cap);
    ids = Arrays.copyOf(ids, cap);
    allocateScratch(cap);
  }

  private void allocateScratch(int cap) {
    nbr = new int[cap];
    nbrDist = new double[cap];
    oldCenters = new double[cap * d];
    faded = new double[cap];
    parent = new int[cap];
    component = new int[cap];
    componentLabels = new int[cap];
  }

  private int indexOf(long id) {
    return Arrays.binarySearch(ids, 0, m, id);
  }

  private void cleanup() {
    double lambda = params.lambda();
    double weak = Decay.factor(lambda, params.tGap());
    int kept = 0;
    for (int i = 0; i < m; i++) {
      if (weights[i] * Decay.factor(lambda, now - stamps[i]) < weak) {
        continue;
      }
      if (kept != i) {
        System.arraycopy(centers, i * d, centers, kept * d, d);
        weights[kept] = weights[i];
        stamps[kept] = stamps[i];
        ids[kept] = ids[i];
      }
      kept++;
    }
    m = kept;
    double weakShared = params.alpha() * weak;
    for (int slot = 0; slot < shared.capacity(); ) {
      if (shared.occupied(slot)
          && (shared.value(slot) * Decay.factor(lambda, now - shared.time(slot)) < weakShared
              || indexOf(shared.a(slot)) < 0 || indexOf(shared.b(slot)) < 0)) {
        shared.removeAt(slot);
      } else {
        slot++;
      }
    }
    nextCleanup = nextTask(now, params.tGap());
    int count = recluster();
    labels.commit(ids, faded, component, m, count, componentLabels, now);
  }

  /**
   * Computes the macro clustering of the current state into the scratch arrays
   * {@code faded}, {@code component} and {@code componentLabels}; changes no learning state.
   * Components are numbered in the order of their smallest micro-cluster id.
   *
   * @return the number of components
   */
  private int recluster() {
    double lambda = params.lambda();
    double wMin = params.wMin();
    for (int i = 0; i < m; i++) {
      faded[i] = weights[i] * Decay.factor(lambda, now - stamps[i]);
      parent[i] = i;
    }
    for (int slot = 0; slot < shared.capacity(); slot++) {
      if (!shared.occupied(slot)) {
        continue;
      }
      int a = indexOf(shared.a(slot));
      int b = indexOf(shared.b(slot));
      if (faded[a] < wMin || faded[b] < wMin) {
        continue;
      }
      double s = shared.value(slot) * Decay.factor(lambda, now - shared.time(slot));
      if (s / ((faded[a] + faded[b]) / 2) >= params.alpha()) {
        union(parent, a, b);
      }
    }
    int count = 0;
    for (int i = 0; i < m; i++) {
      if (faded[i] < wMin) {
        component[i] = -1;
        continue;
      }
      int root = find(parent, i);
      // Roots are the smallest index of their tree, so a root's component is numbered first.
      component[i] = root == i ? count++ : component[root];
    }
    labels.assign(ids, faded, component, m, count, componentLabels);
    return count;
  }

  /** Union-find: the root of i, halving the path. */
  static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Union-find: joins the trees of a and b under the smaller root. */
  static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  /** The micro-clusters' centres, faded weights and component labels as a model. */
  @Override
  DbstreamModel build() {
    int count = recluster();
    MacroClusters macro = MacroClusters.of(centers, d, faded, component, m, count, componentLabels);
    return new DbstreamModel(d, params.r(), now, macro.labels(), macro.centers(), macro.weights(),
        Arrays.copyOf(centers, m * d), Arrays.copyOf(faded, m), macro.microLabels());
  }

  /** The number of micro-clusters now held (strong and weak). */
  public int microClusterCount() {
    return m;
  }

  /** The stored (unfaded) weight of micro-cluster {@code i}, for tests. */
  double microWeight(int i) {
    return weights[i];
  }

  /** The time of micro-cluster {@code i}'s last update, for tests. */
  double microStamp(int i) {
    return stamps[i];
  }

  /** The centre of micro-cluster {@code i}, for tests. */
  double[] microCenter(int i) {
    return Arrays.copyOfRange(centers, i * d, (i + 1) * d);
  }

  /** The id of micro-cluster {@code i}, for tests. */
  long microId(int i) {
    return ids[i];
  }

  /** The stored shared density of a pair of micro-cluster ids and its time, or null; for tests. */
  double[] sharedDensity(long a, long b) {
    int slot = shared.find(Math.min(a, b), Math.max(a, b));
    return slot < 0 ? null : new double[] {shared.value(slot), shared.time(slot)};
  }

  /** The number of shared-density entries now held. */
  public int sharedDensityCount() {
    return shared.size();
  }

  /** The configuration as version 1 stored it: by position, with a seed nothing used. */
  private static Params readPositional(StateInput in) throws ModelFormatException {
    Params p = Params.DEFAULTS.withR(in.readDouble()).withLambda(in.readDouble()).withTGap(in.readDouble())
        .withWMin(in.readDouble()).withAlpha(in.readDouble());
    in.readLong();
    return p;
  }

  @Override
  public String toString() {
    return "Dbstream[" + params + ", micro-clusters=" + m + ", seen=" + seen + "]";
  }

  /**
   * The codec of the full learning state, named {@code "dbstream.state"}. Version 2 stores the
   * configuration by name; version 1 stored it by position, with an unused seed.
   */
  static final StateCodec<Dbstream> CODEC = StateCodec.of("dbstream.state", 2, Dbstream.class,
      (c, out) -> {
        Params.SPEC.write(c.params, out);
        out.writeInt(c.d);
        out.writeDouble(c.now);
        out.writeDouble(c.nextCleanup);
        out.writeLong(c.seen);
        out.writeLong(c.nextId);
        out.writeDoubles(Arrays.copyOf(c.centers, c.m * c.d));
        out.writeDoubles(Arrays.copyOf(c.weights, c.m));
        out.writeDoubles(Arrays.copyOf(c.stamps, c.m));
        out.writeLongs(Arrays.copyOf(c.ids, c.m));
        int[] slots = c.shared.sortedSlots();
        out.writeInt(slots.length);
        for (int s : slots) {
          out.writeLong(c.shared.a(s));
          out.writeLong(c.shared.b(s));
          out.writeDouble(c.shared.value(s));
          out.writeDouble(c.shared.time(s));
        }
        c.labels.write(out);
      },
      (in, version) -> {
        Dbstream c = new Dbstream(version >= 2 ? Params.SPEC.read(in) : readPositional(in));
        c.d = in.readInt(0, Integer.MAX_VALUE);
        c.nextCleanup = c.readClock(in, "cleanup");
        double[] centers = in.readDoubles();
        double[] weights = in.readDoubles();
        double[] stamps = in.readDoubles();
        long[] ids = in.readLongs();
        int m = weights.length;
        c.checkMicroClusters(centers, weights, ids, stamps);
        c.centers = centers;
        c.weights = weights;
        c.stamps = stamps;
        c.ids = ids;
        c.m = m;
        c.allocateScratch(m);
        int pairs = in.readInt(0, Integer.MAX_VALUE);
        for (int k = 0; k < pairs; k++) {
          long a = in.readLong();
          long b = in.readLong();
          double v = in.readDouble();
          double t = in.readDouble();
          if (!(a < b) || c.indexOf(a) < 0 || c.indexOf(b) < 0 || !(v > 0) || !Double.isFinite(v)
              || !(t <= c.now) || c.shared.find(a, b) >= 0) {
            throw new ModelFormatException("invalid shared-density entry " + k);
          }
          c.shared.set(c.shared.insert(a, b), v, t);
        }
        c.labels = StableLabels.read(in);
        return c;
      });

  // ---- merging (Mergeable) ----

  /**
   * Merges another DBSTREAM of the same configuration into this one (see {@link Mergeable}).
   * Both states are faded to the later clock T, which becomes this one's. Each of the other's
   * micro-clusters joins this one's nearest within r (weights add, the centre becomes their
   * weighted mean) or, with none in reach, becomes a new micro-cluster with a fresh id; the
   * other's shared densities, faded to T, add to the entries of the micro-clusters they now
   * belong to (an entry whose two ends merged into one disappears). The total faded weight at
   * T is exact; the rest is {@link Mergeable.Kind#APPROXIMATE}: the centres of competitive
   * learning are not exact means and matching within r is greedy, in id order. Labels are the
   * receiver's; a merge into a fresh clusterer copies the other, labels included. With tick
   * clocks each side counts its own points: drive both by event time for comparable clocks.
   * Cost O(m·m'·d) for m and m' micro-clusters, plus the shared-density entries.
   *
   * @throws IllegalArgumentException if {@code other} is null, this object, or has another
   *     configuration or dimension; nothing changes then
   */
  @Override
  public void merge(Dbstream other) {
    MergeChecks.require(this, other, params, other == null ? null : other.params, d,
        other == null ? 0 : other.d);
    if (other.seen == 0) {
      return;
    }
    if (seen == 0) {
      adopt(MergeChecks.copyOf(other, Dbstream.class));
      invalidateSnapshot();
      return;
    }
    double t = Math.max(now, other.now);
    double lambda = params.lambda();
    long[] mapped = new long[other.m];
    double[] row = new double[d];
    double[] dist = new double[1];
    for (int i = 0; i < other.m; i++) {
      System.arraycopy(other.centers, i * d, row, 0, d);
      double w = other.weights[i] * Decay.factor(lambda, t - other.stamps[i]);
      int j = m == 0 ? -1 : Euclid.nearest(row, centers, m, dist);
      if (j >= 0 && dist[0] <= r2) {
        double wj = weights[j] * Decay.factor(lambda, t - stamps[j]);
        double total = wj + w;
        Euclid.moveToward(centers, j, row, w / total);
        weights[j] = total;
        stamps[j] = t;
        mapped[i] = ids[j];
      } else {
        add(row, w, t);
        mapped[i] = ids[m - 1];
      }
    }
    for (int slot = 0; slot < other.shared.capacity(); slot++) {
      if (!other.shared.occupied(slot)) {
        continue;
      }
      long a = mapped[other.indexOf(other.shared.a(slot))];
      long b = mapped[other.indexOf(other.shared.b(slot))];
      if (a == b) {
        continue;
      }
      double v = other.shared.value(slot) * Decay.factor(lambda, t - other.shared.time(slot));
      long lo = Math.min(a, b);
      long hi = Math.max(a, b);
      int at = shared.find(lo, hi);
      if (at < 0) {
        shared.set(shared.insert(lo, hi), v, t);
      } else {
        shared.set(at, shared.value(at) * Decay.factor(lambda, t - shared.time(at)) + v, t);
      }
    }
    seen += other.seen;
    now = t;
    maintain();
    invalidateSnapshot();
  }

  /** {@link Mergeable.Kind#APPROXIMATE}: see {@link #merge(Dbstream)}. */
  @Override
  public Mergeable.Kind mergeKind() {
    return Mergeable.Kind.APPROXIMATE;
  }

  /** Takes over the whole state of {@code c}, a private copy. */
  private void adopt(Dbstream c) {
    d = c.d;
    now = c.now;
    seen = c.seen;
    nextCleanup = c.nextCleanup;
    nextId = c.nextId;
    m = c.m;
    centers = c.centers;
    weights = c.weights;
    stamps = c.stamps;
    ids = c.ids;
    allocateScratch(Math.max(m, weights.length));
    shared.clear();
    for (int slot = 0; slot < c.shared.capacity(); slot++) {
      if (c.shared.occupied(slot)) {
        shared.set(shared.insert(c.shared.a(slot), c.shared.b(slot)), c.shared.value(slot), c.shared.time(slot));
      }
    }
    labels = c.labels;
  }

}
