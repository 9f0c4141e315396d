package io.eddy.online;

import io.eddy.Clusterer;
import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.io.StateInput;
import io.eddy.kmeans.Centroids;
import io.eddy.kmeans.KMeansModel;
import io.eddy.kmeans.KMeansPlusPlus;
import io.eddy.math.Euclid;
import io.eddy.math.SplitMix64;
import java.util.Arrays;
import java.util.Map;

/**
 * Mini-batch k-means (Sculley 2010) with the semantics of scikit-learn 1.2's
 * {@code MiniBatchKMeans}: both an {@link OnlineClusterer} (scikit-learn's {@code partial_fit})
 * and a {@link Clusterer} (its {@code fit}).
 *
 * <p><b>One step</b> on a batch: assign each point to its nearest center; move every center
 * that received points to the exact weighted mean of what it has summarised so far and the new
 * points, {@code c ← (c·W + Σ w·x) / (W + Σ w)}, then {@code W += Σ w} (a per-center 1/count
 * learning rate; counts never decay); then, when some center has count 0 or at least 10·k
 * points have passed since the last time, replace every center whose count is below
 * {@code reassignmentRatio} × the largest count (at most half the batch of them, lowest counts
 * first) by batch points drawn uniformly without replacement, and give them the smallest count
 * among the others (as scikit-learn does; this also slows their learning rate).
 *
 * <p><b>Initialisation</b>: greedy {@link KMeansPlusPlus k-means++} ({@link Init#KMEANS_PLUS_PLUS},
 * the default) or k distinct rows drawn uniformly ({@link Init#RANDOM}) from the first batch,
 * or from {@code initSize} points drawn from it with replacement if it is larger. If those
 * points hold fewer than k distinct values, some centers coincide until reassignment separates
 * them. {@link #withInitialCenters} and {@link #fit(double[][], double[], double[][])} start from
 * given centers instead.
 *
 * <p><b>Online use</b>: {@link #learn(double[][])} is one step on exactly the given points
 * (the first call needs at least k of them); {@link #learn(double[])} buffers points and steps
 * when {@code batchSize} are buffered (the first step waits for {@code max(batchSize, k)}).
 * {@link #predict(double[])} uses the current centers, and throws
 * {@link IllegalStateException} before the first step. {@code learn(double[])} and
 * {@code predict} allocate nothing once the buffer exists; a step costs O(b·k·d) for a batch of
 * b points. Memory: O((batchSize + k)·d). Not thread-safe: use from one thread at a time;
 * snapshots ({@link Centroids}, whose weights are the counts) are immutable.
 *
 * <p><b>Batch use</b>: {@link #fit(double[][])} runs {@code maxIter · n / batchSize} steps on
 * batches drawn from the data with replacement, stopping early when the exponentially weighted
 * average of the per-point batch inertia has not improved for {@code maxNoImprovement} steps,
 * or (with {@code tol > 0}) when the squared center change of a step is at most {@code tol} ×
 * the mean feature variance. The model's labels and inertia are computed on all the data, with
 * up to {@code threads} threads; the model is the same whatever their number. A fit neither
 * reads nor changes the online learning state, so it is safe to call concurrently.
 *
 * <p>Deviations from scikit-learn: sample weights also weight the k-means++ draws; only one
 * initialisation is tried ({@code n_init = 1}, scikit-learn's "auto" for k-means++); the
 * random numbers differ, so results agree in distribution, not bit for bit.
 *
 * <p>Reference: D. Sculley, "Web-scale k-means clustering", WWW 2010.
 *
 * <p><b>Threads.</b> Shared between threads without {@link ConcurrentClusterer}, concurrent
 * {@code learn} calls lose points and can corrupt the state, and a {@code predict} during a
 * {@code learn} can throw or read a half-updated state; wrap it to share it.
 */
public final class MiniBatchKMeans implements OnlineClusterer<Centroids>, Clusterer<KMeansModel>,
    Mergeable<MiniBatchKMeans> {

  /** How the initial centers are chosen from the initialisation sample. */
  public enum Init implements Parameter.Choice {
    /** Greedy k-means++ (scikit-learn's {@code init='k-means++'}). */
    KMEANS_PLUS_PLUS("kmeans++"),
    /** k distinct rows of the sample, uniformly (scikit-learn's {@code init='random'}). */
    RANDOM("random");

    private final String id;

    Init(String id) {
      this.id = id;
    }

    /** The name used in the registry and in saved files. */
    @Override
    public String id() {
      return id;
    }
  }

  /**
   * The configuration of a {@link MiniBatchKMeans}. Immutable; validated on construction.
   *
   * @param k the number of clusters, in [1, 2^24] (default 8)
   * @param init how the initial centers are chosen from the initialisation sample (default
   *     {@link Init#KMEANS_PLUS_PLUS}); unused when explicit centers are given
   * @param batchSize points per step, in [1, 2^24] (default 1024)
   * @param maxIter the most passes over the data in {@link #fit} (epochs), &ge; 1 (default 100)
   * @param initSize points for the k-means++ initialisation, &ge; 0, 0 meaning 3·batchSize, or
   *     3·k if that is smaller than k (default 0); capped by the points available
   * @param reassignmentRatio centers whose count is below this fraction of the largest count
   *     are reassigned, in [0, 1] (default 0.01); 0 disables reassignment
   * @param maxNoImprovement {@link #fit} stops after this many steps without a new minimum of
   *     the smoothed batch inertia, &ge; 0, 0 disabling the rule (default 10)
   * @param tol {@link #fit} stops when a step moves the centers by at most this fraction of the
   *     mean feature variance (sum of squares), &ge; 0; 0 disables the rule (default 0)
   * @param seed the seed of all randomness (default {@link Parameter#DEFAULT_SEED})
   * @param threads threads with which {@link #fit} checks the data, labels its batches (in
   *     halves, from 512 points) and finally labels all the data, in [0, 4096], 0 meaning the
   *     number of available processors (default 0); {@code learn} runs on the calling thread, and the
   *     model does not depend on this value
   */
  public record Params(int k, Init init, int batchSize, int maxIter, int initSize, double reassignmentRatio,
      int maxNoImprovement, double tol, long seed, int threads) {

    static final Parameter K = Parameter.ofInt("k", 8, 1, 1 << 24, "number of clusters");
    static final Parameter INIT = Parameter.ofEnum("init", Init.class, Init.KMEANS_PLUS_PLUS,
        "initial centers: k-means++, or k distinct random rows of the initialisation sample");
    static final Parameter BATCH_SIZE = Parameter.ofInt("batchSize", 1024, 1, 1 << 24,
        "points per mini-batch step");
    static final Parameter MAX_ITER = Parameter.ofInt("maxIter", 100, 1, Integer.MAX_VALUE,
        "most passes over the data in fit (epochs)");
    static final Parameter INIT_SIZE = Parameter.ofInt("initSize", 0, 0, Integer.MAX_VALUE,
        "points for the k-means++ initialisation; 0 means 3 x batchSize");
    static final Parameter REASSIGNMENT_RATIO = Parameter.ofDouble("reassignmentRatio", 0.01, 0, true, 1, true,
        "reassign centers whose count is below this fraction of the largest; 0 = never");
    static final Parameter MAX_NO_IMPROVEMENT = Parameter.ofInt("maxNoImprovement", 10, 0, Integer.MAX_VALUE,
        "fit stops after this many steps without a better smoothed inertia; 0 = off");
    static final Parameter TOL = Parameter.ofDouble("tol", 0.0, 0, true, Double.POSITIVE_INFINITY, false,
        "fit stops when a step moves the centers by at most tol x mean feature variance; 0 = off");
    static final Parameter SEED = Parameter.ofSeed("seed of all randomness");
    static final Parameter THREADS = Parameter.ofThreads(
        "threads with which fit checks and labels the data and its batches; 0 = all processors");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, K, INIT, BATCH_SIZE, MAX_ITER,
        INIT_SIZE, REASSIGNMENT_RATIO, MAX_NO_IMPROVEMENT, TOL, SEED, THREADS);

    /** The defaults, as listed above. */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates every field. */
    public Params {
      K.check(k);
      INIT.check(init);
      BATCH_SIZE.check(batchSize);
      MAX_ITER.check(maxIter);
      INIT_SIZE.check(initSize);
      REASSIGNMENT_RATIO.check(reassignmentRatio);
      MAX_NO_IMPROVEMENT.check(maxNoImprovement);
      TOL.check(tol);
      THREADS.check(threads);
    }

    /** The initialisation sample size this configuration uses (before capping by the data). */
    public int effectiveInitSize() {
      if (initSize > 0) {
        return Math.max(initSize, k);
      }
      long s = 3L * batchSize;
      if (s < k) {
        s = 3L * k;
      }
      return (int) Math.min(Integer.MAX_VALUE, s);
    }

    /** A copy with another k. */
    public Params withK(int v) {
      return SPEC.with(this, K, v);
    }

    /** A copy with another initialisation. */
    public Params withInit(Init v) {
      return SPEC.with(this, INIT, v);
    }

    /** A copy with another batch size. */
    public Params withBatchSize(int v) {
      return SPEC.with(this, BATCH_SIZE, v);
    }

    /** A copy with another epoch limit. */
    public Params withMaxIter(int v) {
      return SPEC.with(this, MAX_ITER, v);
    }

    /** A copy with another initialisation sample size. */
    public Params withInitSize(int v) {
      return SPEC.with(this, INIT_SIZE, v);
    }

    /** A copy with another reassignment ratio. */
    public Params withReassignmentRatio(double v) {
      return SPEC.with(this, REASSIGNMENT_RATIO, v);
    }

    /** A copy with another early-stopping patience. */
    public Params withMaxNoImprovement(int v) {
      return SPEC.with(this, MAX_NO_IMPROVEMENT, v);
    }

    /** A copy with another tolerance. */
    public Params withTol(double v) {
      return SPEC.with(this, TOL, v);
    }

    /** A copy with another seed. */
    public Params withSeed(long v) {
      return SPEC.with(this, SEED, v);
    }

    /** A copy with another number of threads for {@link MiniBatchKMeans#fit}. */
    public Params withThreads(int v) {
      return SPEC.with(this, THREADS, v);
    }
  }

  private final Params params;
  /** The generator of every draw; its state is persisted. */
  private SplitMix64 rng;
  private int d;
  private long seen;
  /** The centers, counts and step scratch; null until the dimension is known. */
  private MiniBatchStep state;
  /** Points waiting for the next step of {@link #learn(double[])}, row-major. */
  private double[] buffer;
  private double[] bufferWeights;
  private int buffered;

  /** A clusterer with the given configuration. */
  public MiniBatchKMeans(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
    this.rng = new SplitMix64(params.seed());
  }

  /**
   * A clusterer that starts from the given centers instead of choosing its own (scikit-learn's
   * {@code init=ndarray} with {@code partial_fit}; {@link Params#init()} is then unused): it
   * predicts at once, and each center's count starts at 0, so its first step moves it to the
   * mean of the points it wins. {@link #fit} is unaffected; see
   * {@link #fit(double[][], double[], double[][])}.
   *
   * @param centers k rows of one dimension d, finite; copied
   * @throws IllegalArgumentException if there are not k rows, they are ragged or not finite
   */
  public static MiniBatchKMeans withInitialCenters(Params params, double[][] centers) {
    MiniBatchKMeans c = new MiniBatchKMeans(params);
    c.d = requireCenters(centers, params.k());
    c.state = new MiniBatchStep(params, c.d, c.rng);
    c.state.initialise(centers);
    return c;
  }

  private static int requireCenters(double[][] centers, int k) {
    int d = Points.requireData(centers);
    if (centers.length != k) {
      throw new IllegalArgumentException("got " + centers.length + " initial centers, expected k = " + k);
    }
    return d;
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
  public void learn(double[] point) {
    Points.require(point, d);
    buffer(point, 1.0);
  }

  /** Learns a weighted point; a weight of 2 counts it twice in the center means. */
  @Override
  public void learn(double[] point, double weight) {
    Points.require(point, d);
    Points.requireWeight(weight);
    buffer(point, weight);
  }

  private void buffer(double[] x, double w) {
    if (bufferWeights == null || buffered == bufferWeights.length) {
      growBuffer(x.length);
    }
    if (d == 0) {
      d = x.length;
    }
    System.arraycopy(x, 0, buffer, buffered * d, d);
    bufferWeights[buffered++] = w;
    seen++;
    int due = isReady() ? params.batchSize() : firstBatch();
    if (buffered >= due) {
      int m = buffered;
      buffered = 0;
      stepOn(buffer, bufferWeights, m);
    }
  }

  /** Allocates the buffer at its full size, keeping what it holds (a restored buffer is exact). */
  private void growBuffer(int dim) {
    int cap = firstBatch();
    // the buffer and, once a batch is stepped, the k centres
    Sizes.require((long) cap * dim, (long) cap * dim + (long) params.k() * dim,
        "a batch buffer of " + cap + " points and " + params.k() + " centres of dimension " + dim,
        "lower k or batchSize");
    buffer = buffer == null ? new double[cap * dim] : Arrays.copyOf(buffer, cap * dim);
    bufferWeights = bufferWeights == null ? new double[cap] : Arrays.copyOf(bufferWeights, cap);
  }


  private int firstBatch() {
    return Math.max(params.batchSize(), params.k());
  }

  /**
   * One mini-batch step on exactly these points (scikit-learn's {@code partial_fit}); points
   * buffered by {@link #learn(double[])} stay buffered. The first step initialises the centers
   * from these points, so it needs at least k of them.
   *
   * @throws IllegalArgumentException if a point is invalid or the first batch has fewer than
   *     k points; nothing is learned then
   */
  @Override
  public void learn(double[][] points) {
    learn(points, null);
  }

  /**
   * As {@link #learn(double[][])} with a weight per point.
   *
   * @param weights one finite weight &gt; 0 per point, or null for all ones; not modified
   */
  public void learn(double[][] points, double[] weights) {
    Points.requireAll(points, d);
    if (weights != null) {
      if (weights.length != points.length) {
        throw new IllegalArgumentException("weights has length " + weights.length
            + ", expected one per point (" + points.length + ")");
      }
      for (double w : weights) {
        Points.requireWeight(w);
      }
    }
    int m = points.length;
    if (m == 0) {
      return;
    }
    if (!isReady() && m < params.k()) {
      throw new IllegalArgumentException("the first batch has " + m + " points, expected at least k = "
          + params.k() + " to initialise the centers");
    }
    if (d == 0) {
      d = points[0].length;
    }
    MiniBatchStep s = state(m);
    for (int i = 0; i < m; i++) {
      System.arraycopy(points[i], 0, s.batch, i * d, d);
      s.batchWeights[i] = weights == null ? 1.0 : weights[i];
    }
    seen += m;
    stepOn(s.batch, s.batchWeights, m);
  }

  /** The step state, created at the first step and with room for m points. */
  private MiniBatchStep state(int m) {
    if (state == null) {
      state = new MiniBatchStep(params, d, rng);
    }
    state.ensureCapacity(Math.max(m, params.batchSize()));
    return state;
  }

  private void stepOn(double[] x, double[] w, int m) {
    MiniBatchStep s = state(m);
    if (s.centers == null) {
      double[][] rows = new double[m][];
      for (int i = 0; i < m; i++) {
        rows[i] = Arrays.copyOfRange(x, i * d, (i + 1) * d);
      }
      s.initialise(rows, w, m);
    }
    s.step(x, w, m);
  }

  @Override
  public int predict(double[] point) {
    Points.require(point, d);
    requireCenters();
    return Euclid.nearest(point, state.centers, params.k());
  }

  @Override
  public Centroids snapshot() {
    requireCenters();
    return new Centroids(state.centers, d, state.counts);
  }

  private void requireCenters() {
    if (!isReady()) {
      throw new IllegalStateException("minibatch-kmeans has no centers yet after " + seen
          + " points: the first step waits for " + firstBatch() + " points");
    }
  }

  /** Whether the first step has run, so that {@link #predict} and {@link #snapshot} work. */
  @Override
  public boolean isReady() {
    return state != null && state.centers != null;
  }

  @Override
  public long seen() {
    return seen;
  }

  @Override
  public int dimension() {
    return d;
  }

  /** The number of steps taken by online learning so far. */
  public long steps() {
    return state == null ? 0 : state.steps;
  }

  /**
   * Fits a model to {@code data} by mini-batch steps, as scikit-learn's {@code fit}; see the
   * class documentation. Does not touch the online state.
   *
   * @throws IllegalArgumentException if the data are invalid or have fewer than k points
   */
  @Override
  public KMeansModel fit(double[][] data) {
    return MiniBatchFit.fit(params, data, null, null);
  }

  @Override
  public KMeansModel fit(double[][] data, double[] weights) {
    if (weights == null) {
      throw new IllegalArgumentException("weights is null");
    }
    return MiniBatchFit.fit(params, data, weights, null);
  }

  /**
   * Fits from explicit initial centers (scikit-learn's {@code init=ndarray}; {@code init} and
   * {@code initSize} are unused), or as {@link #fit(double[][], double[])} if
   * {@code initialCenters} is null.
   *
   * @param weights one finite non-negative weight per point with a positive sum, or null for
   *     all ones; not modified
   * @param initialCenters k finite centers of the data's dimension, or null; not modified
   * @throws IllegalArgumentException if an argument is invalid or the data have fewer than k
   *     points
   */
  public KMeansModel fit(double[][] data, double[] weights, double[][] initialCenters) {
    if (initialCenters != null) {
      requireCenters(initialCenters, params.k());
    }
    return MiniBatchFit.fit(params, data, weights, initialCenters);
  }

  // ---- merging (Mergeable) ----

  /**
   * Merges another mini-batch k-means of the same configuration into this one (see
   * {@link Mergeable}). A center is the exact weighted mean of what it summarised and its count
   * the total weight, so {@link CenterMerge} adds the (count, linear sum) statistics center by
   * center when the two sets of centers correspond: two learners that started from the same
   * centers and each took one step merge into exactly the step on both batches together,
   * Flink ML's count-weighted average. Otherwise (learners seeded independently) the 2k
   * weighted centers are re-clustered; the total count and linear sum are preserved either way
   * unless a reassignment moved a starved center (disable it with
   * {@code reassignmentRatio = 0}). The other side's buffered points join this side's buffer
   * (a step runs if it fills); a side without centers yet contributes its buffer only.
   * {@code seen()}, {@link #steps()} and the points since the last reassignment add up; the
   * random state becomes the exclusive or of both, which is symmetric.
   *
   * @throws IllegalArgumentException if {@code other} is null, this object, or has another
   *     configuration or dimension; nothing changes then
   */
  @Override
  public void merge(MiniBatchKMeans other) {
    MergeChecks.require(this, other, params, other == null ? null : other.params, d,
        other == null ? 0 : other.d);
    if (other.seen == 0) {
      return;
    }
    long totalSeen = seen + other.seen;
    double[] mine = bufferedPoints();
    double[] mineWeights = bufferedWeights();
    double[] theirs = other.bufferedPoints();
    double[] theirWeights = other.bufferedWeights();
    boolean haveCenters = state != null && state.centers != null;
    boolean otherHasCenters = other.state != null && other.state.centers != null;
    if (seen == 0 || (!haveCenters && otherHasCenters)) {
      rng.setState(seen == 0 ? other.rng.state() : rng.state() ^ other.rng.state());
      d = other.d;
      state = null;
      buffered = 0;
      if (otherHasCenters) {
        MiniBatchStep s = state(params.batchSize());
        s.centers = other.state.centers.clone();
        s.counts = other.state.counts.clone();
        s.steps = other.state.steps;
        s.sinceReassign = other.state.sinceReassign;
      }
      // Buffered points re-enter in a fixed order: the other's, then the receiver's.
      rebuffer(theirs, theirWeights);
      rebuffer(mine, mineWeights);
    } else {
      if (haveCenters && otherHasCenters) {
        CenterMerge.merge(state.centers, state.counts, other.state.centers, other.state.counts, params.k(), d);
        state.steps += other.state.steps;
        state.sinceReassign += other.state.sinceReassign;
      }
      rng.setState(rng.state() ^ other.rng.state());
      rebuffer(theirs, theirWeights);
    }
    seen = totalSeen;
  }

  /**
   * Becomes part {@code part} of {@code parts} of {@code merged} (see
   * {@link Mergeable#takePart}): the same centers under the same labels, each count divided
   * by {@code parts}; the points buffered for the next step dealt round robin (point i to part
   * i mod parts); {@code seen()}, {@link #steps()} and the points since the last reassignment
   * split as integers ({@link MergeChecks#share}), so that merging the parts back (their
   * centers correspond) gives the merged totals. The random state is the merged one mixed with
   * the part number, so that parts draw differently. Returns false, changing nothing, while
   * {@code merged} has no centers yet. O(k·d + buffered·d).
   */
  @Override
  public boolean takePart(MiniBatchKMeans merged, int part, int parts) {
    Mergeable.super.takePart(merged, part, parts);
    MergeChecks.require(this, merged, params, merged.params, d, merged.d);
    if (merged.state == null || merged.state.centers == null) {
      return false;
    }
    d = merged.d;
    rng.setState(merged.rng.state() ^ (part + 1) * 0x9E3779B97F4A7C15L);
    state = null;
    buffered = 0;
    MiniBatchStep s = state(params.batchSize());
    s.centers = merged.state.centers.clone();
    s.counts = merged.state.counts.clone();
    for (int j = 0; j < s.counts.length; j++) {
      s.counts[j] /= parts;
    }
    s.steps = MergeChecks.share(merged.state.steps, part, parts);
    s.sinceReassign = MergeChecks.share(merged.state.sinceReassign, part, parts);
    double[] row = new double[d];
    for (int i = part; i < merged.buffered; i += parts) {
      System.arraycopy(merged.buffer, i * d, row, 0, d);
      buffer(row, merged.bufferWeights[i]);
    }
    seen = MergeChecks.share(merged.seen, part, parts);
    return true;
  }

  /** {@link Mergeable.Kind#TOTALS}: see {@link #merge(MiniBatchKMeans)}. */
  @Override
  public Mergeable.Kind mergeKind() {
    return Mergeable.Kind.TOTALS;
  }

  private double[] bufferedPoints() {
    return buffered == 0 ? null : Arrays.copyOf(buffer, buffered * d);
  }

  private double[] bufferedWeights() {
    return buffered == 0 ? null : Arrays.copyOf(bufferWeights, buffered);
  }

  private void rebuffer(double[] points, double[] w) {
    if (points == null) {
      return;
    }
    double[] row = new double[d];
    for (int i = 0; i < w.length; i++) {
      System.arraycopy(points, i * d, row, 0, d);
      buffer(row, w[i]);
    }
  }

  @Override
  public String toString() {
    return "MiniBatchKMeans[" + params + ", seen=" + seen + "]";
  }

  // ---- persistence ----

  /**
   * The configuration (by name) and the full online learning state: centers, counts, buffer,
   * generator. Versions 1 and 2 stored the configuration by position (version 1 without the
   * thread count, which then reads as 0); the state after it is the same in every version.
   */
  static final StateCodec<MiniBatchKMeans> CODEC = StateCodec.of("minibatch-kmeans.state", 3,
      MiniBatchKMeans.class,
      (c, out) -> {
        Params.SPEC.write(c.params, out);
        MiniBatchStep s = c.state;
        out.writeInt(c.d);
        out.writeLong(c.seen);
        out.writeLong(c.rng.state());
        out.writeLong(s == null ? 0 : s.sinceReassign);
        out.writeLong(s == null ? 0 : s.steps);
        out.writeBoolean(c.isReady());
        if (c.isReady()) {
          out.writeDoubles(s.centers);
          out.writeDoubles(s.counts);
        }
        out.writeBoolean(c.buffer != null);
        if (c.buffer != null) {
          out.writeDoubles(Arrays.copyOf(c.buffer, c.buffered * c.d));
          out.writeDoubles(Arrays.copyOf(c.bufferWeights, c.buffered));
        }
      },
      (in, version) -> {
        Params p = version >= 3 ? Params.SPEC.read(in) : readPositional(in, version);
        MiniBatchKMeans c = new MiniBatchKMeans(p);
        c.d = in.readInt(0, Integer.MAX_VALUE);
        c.seen = in.readCount();
        c.rng = new SplitMix64(in.readLong());
        long sinceReassign = in.readLong();
        long steps = in.readLong();
        if (sinceReassign < 0 || steps < 0) {
          throw new ModelFormatException("negative count in minibatch-kmeans state");
        }
        boolean ready = in.readBoolean();
        if (c.d == 0 && (c.seen != 0 || ready)) {
          throw new ModelFormatException("minibatch-kmeans state without a dimension has learned points");
        }
        if (ready) {
          long size = (long) p.k() * c.d;
          if (size > Integer.MAX_VALUE) {
            throw new ModelFormatException("k = " + p.k() + " centers of dimension " + c.d + " do not fit in one array");
          }
          double[] centers = in.readFiniteDoubles((int) size);
          double[] counts = in.readWeights(p.k());
          c.state = new MiniBatchStep(p, c.d, c.rng);
          c.state.centers = centers;
          c.state.counts = counts;
          c.state.sinceReassign = sinceReassign;
          c.state.steps = steps;
        }
        if (in.readBoolean()) {
          readBuffer(in, c);
        }
        return c;
      });

  /**
   * The configuration as versions 1 and 2 wrote it, in component order. Their thread count had
   * no upper bound; the results do not depend on it, so a larger one reads as the largest now.
   */
  private static Params readPositional(StateInput in, int version) throws ModelFormatException {
    // Map.of evaluates its arguments left to right, which is the order they were written in.
    return Params.SPEC.from(Map.of("k", in.readInt(), "batchSize", in.readInt(), "maxIter", in.readInt(),
        "initSize", in.readInt(), "reassignmentRatio", in.readDouble(), "maxNoImprovement", in.readInt(),
        "tol", in.readDouble(), "seed", in.readLong(),
        "threads", version >= 2 ? Math.min(in.readInt(), MAX_THREADS) : 0));
  }

  /** The largest thread count {@link Parameter#ofThreads} accepts. */
  private static final int MAX_THREADS = 4096;

  /** The buffered points only, as written; the buffer grows to its full size at the next point. */
  private static void readBuffer(StateInput in, MiniBatchKMeans c) throws ModelFormatException {
    if (c.d == 0) {
      throw new ModelFormatException("minibatch-kmeans state without a dimension has a buffer");
    }
    double[] points = in.readDoubles();
    int n = points.length / c.d;
    if (points.length % c.d != 0 || n >= c.firstBatch() || (long) c.firstBatch() * c.d > Sizes.MAX_ARRAY) {
      throw new ModelFormatException("a buffer of " + points.length + " values does not match dimension "
          + c.d + " and batch size " + c.params.batchSize());
    }
    for (double v : points) {
      if (!Double.isFinite(v)) {
        throw new ModelFormatException("buffered value " + v + " is not finite");
      }
    }
    double[] weights = in.readWeights(n);
    for (double w : weights) {
      if (w == 0) {
        throw new ModelFormatException("a buffered point has weight 0");
      }
    }
    c.buffer = points;
    c.bufferWeights = weights;
    c.buffered = n;
  }
}
