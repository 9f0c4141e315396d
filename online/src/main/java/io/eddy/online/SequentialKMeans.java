package io.eddy.online;

import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.kmeans.Centroids;
import io.eddy.kmeans.KMeansPlusPlus;
import io.eddy.math.Euclid;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Sequential (online) k-means: each point moves its nearest center toward itself.
 *
 * <p>With the default {@linkplain Params#learningRate() learning rate} this is MacQueen's
 * algorithm [1]: center j moves by {@code w / n_j}, where {@code n_j} is the total weight
 * assigned to it so far, so that every center is the exact running mean of the points it has
 * won. A constant rate {@code a} in (0, 1] instead gives each center an exponentially
 * weighted moving average that forgets old behaviour with a half-life of
 * {@code ln 2 / -ln(1 - a)} points, which tracks drifting segments (River's
 * {@code cluster.KMeans} does the same with its {@code halflife} [2]). A point of weight w
 * moves a center exactly as w repetitions of it would: by {@code 1 - (1 - a)^w}.
 *
 * <p>Initial centers come from the stream: with {@link Init#FIRST} the first k distinct points;
 * with {@link Init#KMEANS_PLUS_PLUS} k-means++ seeding [3] (greedy, with 2 + ln k trials per
 * center) over a warm-up buffer of the first {@link Params#warmup()} points, which are then
 * learned in order. If the warm-up holds fewer than k distinct points, those become centers and
 * later distinct points are added as with {@code FIRST}. Until k centers exist,
 * {@link #predict(double[])} and {@link #snapshot()} throw {@link IllegalStateException}.
 *
 * <p>Cost: {@link #learn(double[])} and {@link #predict(double[])} take O(k·d) time and
 * allocate nothing once the centers exist. Memory is O(k·d) plus the warm-up buffer.
 * Not thread-safe: use from one thread at a time; snapshots are immutable.
 *
 * <p>References: [1] J. MacQueen, "Some methods for classification and analysis of
 * multivariate observations", 5th Berkeley Symposium, 1967. [2] River, {@code cluster.KMeans}.
 * [3] D. Arthur, S. Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007.
 *
 * <p><b>Threads.</b> Shared between threads without {@link ConcurrentClusterer}, concurrent
 * {@code learn} calls lose points and can corrupt the state, and a {@code predict} during a
 * {@code learn} can throw or read a half-updated state; wrap it to share it.
 */
public final class SequentialKMeans implements OnlineClusterer<Centroids>, Mergeable<SequentialKMeans> {

  /** How the k initial centers are chosen. */
  public enum Init implements Parameter.Choice {
    /** The first k distinct points of the stream. */
    FIRST("first"),
    /** k-means++ over a warm-up buffer of the first {@link Params#warmup()} points. */
    KMEANS_PLUS_PLUS("kmeans++");

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
   * The configuration of a {@link SequentialKMeans}. Immutable; validated on construction.
   *
   * @param k the number of clusters, &ge; 1 (default 8)
   * @param init how the initial centers are chosen (default {@link Init#KMEANS_PLUS_PLUS})
   * @param warmup the size of the k-means++ warm-up buffer in points; 0 (the default) means
   *     10·k; must be 0 or &ge; k. Ignored with {@link Init#FIRST}
   * @param learningRate {@link #MACQUEEN} (0, the default) for MacQueen's 1/n_j, or a
   *     constant rate in (0, 1] for exponential forgetting; in the registry {@code "macqueen"}
   *     or the number
   * @param seed the seed of the k-means++ draws (default {@link Parameter#DEFAULT_SEED})
   */
  public record Params(int k, Init init, int warmup, double learningRate, long seed) {

    /** The learning rate value that selects MacQueen's 1/n_j rate. */
    public static final double MACQUEEN = 0.0;

    static final Parameter K = Parameter.ofInt("k", 8, 1, MAX_K, "number of clusters");
    static final Parameter INIT = Parameter.ofEnum("init", Init.class, Init.KMEANS_PLUS_PLUS,
        "initial centers: the first k distinct points, or k-means++ over a warm-up buffer");
    static final Parameter WARMUP = Parameter.ofInt("warmup", 0, 0, MAX_K,
        "k-means++ warm-up buffer size in points; 0 means 10*k");
    static final Parameter LEARNING_RATE = Parameter.ofText("learningRate", "macqueen",
        "'macqueen' or a number in (0, 1]", Params::parseLearningRate, Params::learningRateText,
        "center step: MacQueen's 1/n, or a constant rate that forgets old points");
    static final Parameter SEED = Parameter.ofLong("seed", Parameter.DEFAULT_SEED, "seed of the k-means++ draws");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, K, INIT, WARMUP,
        LEARNING_RATE, SEED);

    /** The defaults: k = 8, k-means++ over 10·k points, MacQueen's rate, seed 42. */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates every field. */
    public Params {
      K.check(k);
      INIT.check(init);
      WARMUP.check(warmup);
      LEARNING_RATE.check(learningRate);
      if (warmup != 0 && warmup < k) {
        throw new IllegalArgumentException("warmup must be 0 (meaning 10*k) or >= k = " + k + ", got " + warmup);
      }
    }

    /** A copy with another k. */
    public Params withK(int k) {
      return SPEC.with(this, K, k);
    }

    /** A copy with another init. */
    public Params withInit(Init init) {
      return SPEC.with(this, INIT, init);
    }

    /** A copy with another warm-up size. */
    public Params withWarmup(int warmup) {
      return SPEC.with(this, WARMUP, warmup);
    }

    /** A copy with another learning rate. */
    public Params withLearningRate(double learningRate) {
      return SPEC.with(this, LEARNING_RATE, learningRate);
    }

    /** A copy with another seed. */
    public Params withSeed(long seed) {
      return SPEC.with(this, SEED, seed);
    }

    /** The warm-up buffer size in effect: {@link #warmup()}, or 10·k when it is 0. */
    public int effectiveWarmup() {
      return warmup != 0 ? warmup : (int) Math.min(MAX_K, 10L * k);
    }

    private static String learningRateText(Object rate) {
      double r = (Double) rate;
      return r == MACQUEEN ? "macqueen" : Double.toString(r);
    }

    private static double parseLearningRate(String text) {
      if ("macqueen".equals(text.trim().toLowerCase(Locale.ROOT))) {
        return MACQUEEN;
      }
      double r;
      try {
        r = Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a number: " + text, e);
      }
      if (!(r == MACQUEEN || (r > 0 && r <= 1))) {
        throw new IllegalArgumentException("out of range: " + text);
      }
      return r;
    }
  }

  /**
   * The largest k or warm-up: beyond it the k·d centers or the warm-up buffer could not be one
   * array for any dimension, which would fail only at the first point.
   */
  static final int MAX_K = 1 << 24;

  private final Params params;
  private int d;
  private long seen;
  /** Number of centers that exist; learning is in its steady state once it equals k. */
  private int centerCount;
  private double[] centers;
  private double[] weights;
  /** The k-means++ warm-up buffer, row-major; null once consumed or with Init.FIRST. */
  private double[] buffer;
  private double[] bufferWeights;
  private int buffered;

  /** A clusterer with the given configuration. */
  public SequentialKMeans(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
  }

  /** A clusterer with {@link Params#DEFAULTS} and the given k. */
  public SequentialKMeans(int k) {
    this(Params.DEFAULTS.withK(k));
  }

  /**
   * A clusterer that starts from the given centers instead of choosing its own (the
   * {@link Params#init()} is then unused). Each given center has weight 0, so with MacQueen's
   * rate the first point a center wins replaces it; with a constant rate it moves toward it.
   *
   * @param centers k rows of one dimension d, finite; copied
   * @throws IllegalArgumentException if there are not k rows, they are ragged or not finite
   */
  public static SequentialKMeans withInitialCenters(Params params, double[][] centers) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    int d = Points.requireData(centers);
    if (centers.length != params.k()) {
      throw new IllegalArgumentException("got " + centers.length + " initial centers, expected k = " + params.k());
    }
    SequentialKMeans s = new SequentialKMeans(params);
    s.d = d;
    s.centers = new double[params.k() * d];
    s.weights = new double[params.k()];
    for (int j = 0; j < centers.length; j++) {
      System.arraycopy(centers[j], 0, s.centers, j * d, d);
    }
    s.centerCount = params.k();
    return s;
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
    learnValid(point, 1.0);
  }

  /**
   * Learns a weighted point: MacQueen's rate counts it w times; a constant rate moves the
   * center by {@code 1 - (1 - rate)^w}, as w repetitions would.
   */
  @Override
  public void learn(double[] point, double weight) {
    Points.require(point, d);
    Points.requireWeight(weight);
    learnValid(point, weight);
  }

  private void learnValid(double[] x, double w) {
    if (d == 0) {
      start(x.length);
    }
    seen++;
    if (centerCount == params.k()) {
      update(x, w);
    } else if (buffer != null) {
      bufferPoint(x, w);
    } else {
      addIfDistinct(x, w);
    }
  }

  private void start(int dimension) {
    long centerValues = (long) params.k() * dimension;
    long warmupValues = params.init() == Init.KMEANS_PLUS_PLUS ? (long) params.effectiveWarmup() * dimension : 0;
    // checked before the dimension is set, so the clusterer stays fresh and usable
    Sizes.require(Math.max(centerValues, warmupValues), centerValues + warmupValues,
        params.k() + " centers and a warm-up of " + (warmupValues / dimension) + " points of dimension " + dimension,
        "lower k or the warm-up");
    d = dimension;
    int k = params.k();
    centers = new double[k * d];
    weights = new double[k];
    if (params.init() == Init.KMEANS_PLUS_PLUS) {
      int n = params.effectiveWarmup();
      buffer = new double[n * d];
      bufferWeights = new double[n];
    }
  }

  /** The steady-state step: O(k·d), no allocation. */
  private void update(double[] x, double w) {
    int j = Euclid.nearest(x, centers, centerCount);
    double total = weights[j] + w;
    weights[j] = total;
    double rate = params.learningRate() == Params.MACQUEEN
        ? w / total
        : (w == 1.0 ? params.learningRate() : -Math.expm1(w * Math.log1p(-params.learningRate())));
    Euclid.moveToward(centers, j, x, rate);
  }

  private void addIfDistinct(double[] x, double w) {
    for (int j = 0; j < centerCount; j++) {
      if (Euclid.squaredDistance(x, centers, j) == 0.0) {
        weights[j] += w;
        return;
      }
    }
    System.arraycopy(x, 0, centers, centerCount * d, d);
    weights[centerCount] = w;
    centerCount++;
  }

  private void bufferPoint(double[] x, double w) {
    System.arraycopy(x, 0, buffer, buffered * d, d);
    bufferWeights[buffered] = w;
    buffered++;
    if (buffered == bufferWeights.length) {
      seedFromBuffer();
    }
  }

  /** Picks k-means++ seeds in the buffer, then learns the buffered points in order. */
  private void seedFromBuffer() {
    int n = buffered;
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = Arrays.copyOfRange(buffer, i * d, (i + 1) * d);
    }
    double[] pw = bufferWeights;
    buffer = null;
    bufferWeights = null;
    buffered = 0;
    double[] seeds = KMeansPlusPlus.centers(rows, pw, params.k(), new SplittableRandom(params.seed()));
    if (hasRepeatedRow(seeds, params.k())) {
      // D-squared sampling repeats a center only when every point already sits on one: there
      // are fewer distinct points than k. Keep them all, with their weights, and go on as FIRST.
      for (int i = 0; i < n; i++) {
        addIfDistinct(rows[i], pw[i]);
      }
      return;
    }
    System.arraycopy(seeds, 0, centers, 0, seeds.length);
    centerCount = params.k();
    for (int i = 0; i < n; i++) {
      update(rows[i], pw[i]);
    }
  }

  private boolean hasRepeatedRow(double[] flat, int k) {
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        if (Euclid.squaredDistance(flat, a * d, flat, b * d, d) == 0.0) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public int predict(double[] point) {
    Points.require(point, d);
    requireCenters();
    return Euclid.nearest(point, centers, centerCount);
  }

  @Override
  public Centroids snapshot() {
    requireCenters();
    return new Centroids(centers, d, weights);
  }

  private void requireCenters() {
    if (centerCount < params.k()) {
      throw new IllegalStateException("sequential-kmeans has " + centerCount + " of " + params.k()
          + " centers after " + seen + " points; "
          + (buffer != null ? "k-means++ seeding waits for " + bufferWeights.length + " warm-up points"
              : "it waits for " + params.k() + " distinct points"));
    }
  }

  /** Whether all k centers exist, so that {@link #predict} and {@link #snapshot} work. */
  @Override
  public boolean isReady() {
    return centerCount == params.k();
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
    return "SequentialKMeans[" + params + ", seen=" + seen + "]";
  }

  // ---- persistence ----

  /**
   * The configuration (by name) and the learning state: the centers found so far and the
   * points buffered so far, not the arrays' unused rest (a fresh k = 2^24 would save 384 MiB of
   * zeros, more than a save can buffer). Version 2 stored the whole arrays, version 1 also the
   * configuration by position and the init by ordinal; both still read.
   */
  static final StateCodec<SequentialKMeans> CODEC = StateCodec.of("sequential-kmeans.state", 3,
      SequentialKMeans.class,
      (s, out) -> {
        Params.SPEC.write(s.params, out);
        out.writeInt(s.d);
        out.writeLong(s.seen);
        if (s.d == 0) {
          return;
        }
        out.writeInt(s.centerCount);
        out.writeDoubles(Arrays.copyOf(s.centers, s.centerCount * s.d));
        out.writeDoubles(Arrays.copyOf(s.weights, s.centerCount));
        out.writeBoolean(s.buffer != null);
        if (s.buffer != null) {
          out.writeInt(s.buffered);
          out.writeDoubles(Arrays.copyOf(s.buffer, s.buffered * s.d));
          out.writeDoubles(Arrays.copyOf(s.bufferWeights, s.buffered));
        }
      },
      (in, version) -> {
        Params p = version >= 2 ? Params.SPEC.read(in) : new Params(in.readInt(),
            Init.values()[in.readInt(0, Init.values().length - 1)], in.readInt(), in.readDouble(),
            in.readLong());
        SequentialKMeans s = new SequentialKMeans(p);
        s.d = in.readInt(0, Integer.MAX_VALUE);
        s.seen = in.readCount();
        if (s.d == 0 && s.seen != 0) {
          throw new IllegalArgumentException("inconsistent sequential-kmeans state: d = " + s.d + ", seen = " + s.seen);
        }
        if (s.d == 0) {
          return s;
        }
        int k = p.k();
        s.centerCount = in.readInt(0, k);
        // version 3 holds the used rows only: the arrays' sizes come from the configuration
        int rows = version >= 3 ? s.centerCount : k;
        in.requireRemaining(8L * rows * s.d, s.centerCount + " centers of dimension " + s.d);
        double[] centers = in.readFiniteDoubles((int) Math.min(Integer.MAX_VALUE, (long) rows * s.d));
        double[] weights = in.readWeights(rows);
        boolean buffering = in.readBoolean();
        int n = p.effectiveWarmup();
        try {
          long warmupValues = buffering ? (long) n * s.d : 0;
          Sizes.require(Math.max((long) k * s.d, warmupValues), (long) k * s.d + warmupValues,
              k + " centers and a warm-up of " + n + " points of dimension " + s.d,
              "the record is too large for this heap");
        } catch (IllegalArgumentException e) {
          throw new ModelFormatException(e.getMessage());
        }
        s.centers = Arrays.copyOf(centers, k * s.d);
        s.weights = Arrays.copyOf(weights, k);
        if (buffering) {
          if (p.init() != Init.KMEANS_PLUS_PLUS || s.centerCount != 0) {
            throw new IllegalArgumentException("a warm-up buffer does not match the configuration");
          }
          s.buffered = in.readInt(0, n - 1);
          int held = version >= 3 ? s.buffered : n;
          in.requireRemaining(8L * held * s.d, s.buffered + " buffered points of dimension " + s.d);
          s.buffer = Arrays.copyOf(in.readFiniteDoubles((int) Math.min(Integer.MAX_VALUE, (long) held * s.d)), n * s.d);
          s.bufferWeights = Arrays.copyOf(in.readWeights(held), n);
        }
        return s;
      });

  // ---- merging (Mergeable) ----

  /**
   * Merges another sequential k-means of the same configuration into this one (see
   * {@link Mergeable}). Each center is the weighted mean of the points it won, so its weight
   * and linear sum are sufficient statistics: {@link CenterMerge} adds them center by center
   * when the two sets of centers correspond, and re-clusters the 2k weighted centers
   * otherwise (learners seeded independently); the total weight and linear sum are preserved
   * either way, and re-clustered centers take the labels of the receiver's nearest. A side
   * still warming up contributes its pending points (the warm-up buffer, or the distinct points
   * so far, with their weights), learned after the other side's state, so a merge of two
   * warming-up states depends on their order. {@code seen()} is the sum of both. Cost O(k²·d) per re-clustering iteration.
   *
   * @throws IllegalArgumentException if {@code other} is null, this object, or has another
   *     configuration or dimension; nothing changes then
   */
  @Override
  public void merge(SequentialKMeans other) {
    MergeChecks.require(this, other, params, other == null ? null : other.params, d,
        other == null ? 0 : other.d);
    if (other.seen == 0) {
      return;
    }
    long total = seen + other.seen;
    if (seen == 0) {
      copyFrom(other);
    } else if (isReady() && other.isReady()) {
      CenterMerge.merge(centers, weights, other.centers, other.weights, params.k(), d);
    } else if (isReady()) {
      replay(other.pendingPoints(), other.pendingWeights());
    } else if (other.isReady()) {
      double[][] points = pendingPoints();
      double[] w = pendingWeights();
      copyFrom(other);
      replay(points, w);
    } else {
      replay(other.pendingPoints(), other.pendingWeights());
    }
    seen = total;
  }

  /**
   * {@link Mergeable.Kind#TOTALS} with MacQueen's rate, whose centers are exact means;
   * {@link Mergeable.Kind#APPROXIMATE} with a constant rate, whose centers are moving averages
   * that a weighted mean of two only approximates.
   */
  @Override
  public Mergeable.Kind mergeKind() {
    return params.learningRate() == Params.MACQUEEN ? Mergeable.Kind.TOTALS : Mergeable.Kind.APPROXIMATE;
  }

  /**
   * Takes part {@code part} of {@code parts} of a ready {@code merged} state (see
   * {@link Mergeable#takePart}): the same centers under the same labels, each weight divided by
   * {@code parts} (exactly, when {@code parts} is a power of two), and {@code seen()} split so
   * that the parts add up to the merged count. With MacQueen's rate a center then moves by
   * {@code w / (W / parts + w)}, as a learner that had seen its share of the stream would. The
   * parts of one state correspond center by center, so merging them back (and anything they
   * learn later, while no center crosses another) takes {@link CenterMerge}'s exact path.
   * Returns false, changing nothing, while {@code merged} is still warming up. O(k·d).
   */
  @Override
  public boolean takePart(SequentialKMeans merged, int part, int parts) {
    Mergeable.super.takePart(merged, part, parts);
    MergeChecks.require(this, merged, params, merged.params, d, merged.d);
    if (!merged.isReady()) {
      return false;
    }
    copyFrom(merged);
    for (int j = 0; j < weights.length; j++) {
      weights[j] /= parts;
    }
    seen = merged.seen / parts + (part < merged.seen % parts ? 1 : 0);
    return true;
  }

  private void copyFrom(SequentialKMeans other) {
    d = other.d;
    seen = other.seen;
    centerCount = other.centerCount;
    centers = other.centers == null ? null : other.centers.clone();
    weights = other.weights == null ? null : other.weights.clone();
    buffer = other.buffer == null ? null : other.buffer.clone();
    bufferWeights = other.bufferWeights == null ? null : other.bufferWeights.clone();
    buffered = other.buffered;
  }

  /** The points a state still warming up holds: its buffer, or its distinct points so far. */
  private double[][] pendingPoints() {
    int n = buffer != null ? buffered : centerCount;
    double[] from = buffer != null ? buffer : centers;
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = Arrays.copyOfRange(from, i * d, (i + 1) * d);
    }
    return rows;
  }

  private double[] pendingWeights() {
    return buffer != null ? Arrays.copyOf(bufferWeights, buffered) : Arrays.copyOf(weights, centerCount);
  }

  private void replay(double[][] points, double[] w) {
    for (int i = 0; i < points.length; i++) {
      learnValid(points[i], w[i]);
    }
  }

}
