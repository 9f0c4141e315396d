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
import java.util.LinkedHashMap;
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
 * <p><b>Prediction.</b> A point belongs to the macro cluster of the nearest strong
 * micro-cluster whose centre lies within 2r ({@link #REACH}·r; R's {@code stream} calls the
 * factor {@code noise_multiplier}, default 1): where the point's r-ball meets the
 * micro-cluster's, the overlap that shared density counts. With a factor of 1, the tail points
 * of an 8-dimensional Gaussian cluster fall beyond r of every strong centre: on
 * {@code DriftingMixture} at r = 0.05 the window ARI was 0.25, 0.86 at 1.5r, 0.97 at 2r, while
 * noise recall stayed at 1.0 (uniform noise lies far from the clusters in 8 dimensions).
 *
 * <p><b>Radius.</b> {@code r = auto} (the default) estimates r from the first
 * {@value #AUTO_WARMUP} points, see {@link #radius()}.
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
 * {@link ClusterModel#NOISE} for points farther than 2r from every strong micro-cluster (River
 * returns the nearest macro centre, never noise); micro-cluster ids come from a counter (River's
 * {@code max+1} can reuse an id); shared-density entries of removed micro-clusters are removed
 * with them; labels are stable.
 *
 * <p><b>Cost.</b> Not thread-safe: use from one thread at a time; snapshots are immutable.
 * {@code learn} finds the neighbours through an exact index ({@code BallIndex}: groups of
 * centres around pivots, skipped whole by the triangle inequality, each group's coordinates
 * copied column by column so that its distances are computed by SIMD loops), O(g·d + s·d)
 * for g groups and s centres in the groups in reach, instead of a scan of all m (a plain scan
 * when the centres are so far apart that a group holds fewer than two on average); it then
 * costs O(n·d + n²·d) for n neighbours. Shared densities are stored forward-decayed (Cormode
 * et al., ICDE 2009): each is kept as {@code sum w·2^(lambda·(t - t_ref))} for one reference
 * time, so the n(n-1)/2 pair updates are additions, without a hash look-up or a power; the
 * reference is moved forward (every value rescaled) when the scale would pass 2^64, so nothing
 * overflows within the documented input range. Each pair is kept in the row of its younger
 * micro-cluster (a short list of columns and values). Nothing reads the shared densities
 * while learning, so {@code learn} only logs its point's neighbours and gain, O(n); the log
 * is applied row by row, in the order of the points, before anything reads or renumbers the
 * shared densities (cleanup, a snapshot, saving, merging) and when it holds 16,384 slots: one
 * pass over each row that a logged pair reaches instead of one per point that reaches it,
 * and the same sums bit for bit. Weights keep their
 * per-micro-cluster time and are faded as before (the snapshot's numbers are unchanged bit for
 * bit); the fading factors of small integer gaps come from a table. Cleanup costs O(m + e)
 * every tGap: one pass renumbers the entries and joins the macro clusters. Memory: O(m·d + e)
 * (about 300 KB of shared densities at 900 micro-clusters and 19,000 entries, where a
 * triangle indexed by slot took 3.3 MB); {@code learn} throws {@link IllegalArgumentException},
 * changing nothing, if a new micro-cluster would need more than the heap has. Nothing is allocated per
 * point: arrays grow only when the micro-cluster count, an index group, a row of shared
 * densities or the log (up to its full length) reaches a new largest size, and a reclustering
 * that records a lineage event allocates the event.
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
   * @param r the micro-cluster radius, in the units of the data: in [1e-100, 1e100], or
   *     {@link #AUTO} (0, written {@code "auto"} in the registry; the default) to estimate it
   *     from the first {@value Dbstream#AUTO_WARMUP} points, see {@link Dbstream#radius()}
   * @param lambda the decay rate per time unit: weights fade as {@code 2^(-lambda·dt)}; &gt; 0
   *     (default 0.001, a half-life of 1000 ticks)
   * @param tGap the time between cleanups; &gt; 0 (default 1000)
   * @param wMin the faded weight from which a micro-cluster is strong; &gt; 0 (default 3)
   * @param alpha the intersection factor: the shared density, relative to the mean weight of
   *     the pair, that connects two micro-clusters; in (0, 1] (default 0.1)
   */
  public record Params(double r, double lambda, double tGap, double wMin, double alpha) {

    /** The value of {@code r} that asks for an estimate from the first points. */
    public static final double AUTO = 0.0;

    static final Parameter R = Parameter.ofText("r", "auto", "'auto' or a number in [1e-100, 1e100]",
        AutoRadius::parse, AutoRadius::format,
        "micro-cluster radius in data units, or auto: estimated from the first 1000 points");
    static final Parameter LAMBDA = Parameter.ofPositive("lambda", 0.001,
        "decay rate per time unit; weights fade as 2^(-lambda*dt)");
    static final Parameter T_GAP = Parameter.ofPositive("tGap", 1000, "time between cleanups");
    static final Parameter W_MIN = Parameter.ofPositive("wMin", 3.0,
        "faded weight from which a micro-cluster is strong (not noise)");
    static final Parameter ALPHA = Parameter.ofDouble("alpha", 0.1, 0, false, 1, true,
        "shared density relative to mean weight that connects two micro-clusters");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, R, LAMBDA, T_GAP, W_MIN, ALPHA);

    /** Version 2 of the state stored r as a number (it had no auto); read with this. */
    static final ParamSpec<Params> SPEC_V2 = ParamSpec.of(Params.class,
        Parameter.ofRadius("r", 1.0, "micro-cluster radius, in data units"), LAMBDA, T_GAP, W_MIN, ALPHA);

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

    /** A copy with another radius, or {@link #AUTO}. */
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

  /** The number of points buffered to estimate r when it is {@link Params#AUTO}. */
  public static final int AUTO_WARMUP = 1000;
  /** The estimate is the median distance to the {@value}-th nearest other buffered point. */
  static final int AUTO_NEIGHBOUR = 20;
  /**
   * A snapshot's reach in radii: a point belongs to the macro cluster of a strong micro-cluster
   * whose r-ball its own r-ball meets (centres at most 2r apart), the overlap on which shared
   * density is built.
   */
  static final double REACH = 2.0;

  private final Params params;
  /** The radius in use: params' r, or the estimate; 0 while buffering for the estimate. */
  private double radius;
  private double r2;
  private double twoSigma2;
  /** The centres' neighbour index, rebuilt at each cleanup; null until the radius is known. */
  private BallIndex index;

  /** Points buffered for the estimate of r: coordinates, weights, times, and clock after each. */
  private int buffered;
  private double[] warm = new double[0];
  private double[] warmWeights = new double[0];
  private double[] warmTimes = new double[0];
  private double[] warmClocks = new double[0];

  /** Cleanups between two rebuilds of the neighbour index. */
  private static final int REBUILD_EVERY = 8;
  /** Cleanups so far (not persisted: the index changes no result). */
  private long cleanups;
  /** Whether learn scans every centre instead of asking the index: the tests' oracle. */
  private boolean scanAll;

  /** Fading factors kept in {@link #fadeTable}: integer gaps below this skip the power. */
  private static final int TABLE = 1024;
  /**
   * The exponent {@code lambda·(t - sharedRef)} beyond which the stored shared densities are
   * rescaled to a new reference time. The stored scale stays below 2^64, so a shared density
   * stays finite up to 2^(1024-64) times the weight a pair can gather ({@link
   * io.eddy.Points#MAX_WEIGHT} divided by {@code 1 - 2^-lambda}).
   */
  private static final double RESCALE_EXPONENT = 64;

  private int m;
  private double[] centers = new double[0];
  private double[] weights = new double[0];
  private double[] stamps = new double[0];
  private long[] ids = new long[0];
  /**
   * Shared densities, forward-decayed, stored with the higher slot of each pair: slot j's
   * entries are the columns i &lt; j in {@code rowCols[j][0..rowSize[j])} with their values
   * beside them in {@code rowVals[j]}, in no particular order. A value is the sum of
   * {@code w·2^(lambda·(t - sharedRef))} over the points that reached both slots (once the
   * pair log is applied), never 0; its faded value at time T is that sum times
   * {@code 2^(-lambda·(T - sharedRef))}. Rows are short (a micro-cluster shares density with a
   * few dozen others) and memory follows the entries, not m² as a triangle would.
   */
  private int[][] rowCols = new int[0][];
  private double[][] rowVals = new double[0][];
  private int[] rowSize = new int[0];
  /** The reference time of the stored shared densities' scale, at or before the clock. */
  private double sharedRef;
  /** {@code 2^(-lambda·k)} for k = 0..{@value #TABLE}-1, as {@link Decay#factor} computes it. */
  private final double[] fadeTable;
  private double nextCleanup;

  private int[] nbr = new int[0];
  /** The most pair-log entries: neighbour slots of logged points. */
  private static final int LOG = 1 << 14;
  /** Logged points' neighbour slots, back to back; {@code logSize} of them in use. */
  private int[] logSlots = new int[0];
  /**
   * Scratch of {@link #flushPairs()}: the logged slots but each point's first (each is the row
   * of its pairs with the point's slots before it), sorted by row: their positions, and their
   * points.
   */
  private int[] logRecords = new int[0];
  private int[] logRecordPoints = new int[0];
  private int logSize;
  /**
   * Per logged point, where its slots start (one entry more than the points, for the end of
   * the last) and the gain of each of its pairs.
   */
  private int[] logStart = new int[0];
  private double[] logGain = new double[0];
  private int logPoints;
  /** Scratch of {@link #flushPairs()}: per row, the end of its updates; per column, its entry. */
  private int[] rowStarts = new int[1];
  private long[] entryOf = new long[0];
  private int[] keptSlots = new int[0];
  /** The collision rule's outcome: bit k (of word k / 64) set when neighbour k is restored. */
  private long[] restored = new long[0];
  private double[] nbrDist = new double[0];
  /** Per neighbour k of the current point, its moved centre (row k), kept or not by the collision rule. */
  private double[] nbrCenters = new double[0];
  private double[] faded = new double[0];
  /** Cleanup's scratch: per new slot, its faded weight if strong, else +inf. */
  private double[] strongFaded = new double[0];
  private int[] parent = new int[0];
  private int[] component = new int[0];
  private int[] componentLabels = new int[0];

  /** A clusterer with the given configuration. */
  public Dbstream(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
    this.nextCleanup = params.tGap();
    if (params.r() != Params.AUTO) {
      setRadius(params.r());
    }
    this.fadeTable = new double[TABLE];
    for (int k = 0; k < TABLE; k++) {
      fadeTable[k] = Decay.factor(params.lambda(), k);
    }
  }

  /**
   * {@link Decay#factor}{@code (lambda, dt)}, bit for bit, from the table when dt is a small
   * integer (the gaps of a tick clock): one power per neighbour would dominate {@code learn}.
   */
  private double fade(double dt) {
    int k = (int) dt;
    return k == dt && k < TABLE ? fadeTable[k] : Decay.factor(params.lambda(), dt);
  }

  /** A clusterer with {@link Params#DEFAULTS}. */
  public Dbstream() {
    this(Params.DEFAULTS);
  }

  private void setRadius(double r) {
    radius = r;
    r2 = r * r;
    double sigma = r / 3;
    twoSigma2 = 2 * sigma * sigma;
    // Groups of radius 3r: about one per cluster on DriftingMixture at r = 0.08 (75 groups
    // for 830 micro-clusters, most of the rest single noise micro-clusters); 2r and 4r measured
    // the same, r (347 groups) slower than no index at all.
    index = new BallIndex(3 * r, r);
    if (d > 0) {
      index.rebuild(centers, d, m);
    }
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  /**
   * The micro-cluster radius in use: {@code params().r()}, or with {@link Params#AUTO} the
   * estimate, NaN until it is made.
   *
   * <p><b>The estimate.</b> The first {@value #AUTO_WARMUP} points are buffered (the clock
   * runs, no micro-cluster is made yet); then r is the median, over the
   * buffered points, of the distance to the {@value #AUTO_NEIGHBOUR}-th nearest other buffered
   * point, and the buffered points are learned in order with their weights and times, exactly
   * as a clusterer built with that r would have learned them. Why this statistic: the radius
   * of a ball holding 2 % of the sample around a typical point is, for a stream of a few dozen
   * clusters or fewer, a ball inside the point's own cluster of about the cluster's RMS radius
   * (sd·√d for spherical Gaussians: 0.95× at d = 8, 1.1× at d = 16, 0.75× at d = 4, 0.45× at
   * d = 2, measured on 1,000 points of five blobs); a micro-cluster the size of the cluster's
   * core is what DBSTREAM needs, since shared density then joins the few micro-clusters of a
   * cluster. The median ignores the noise points, whose neighbours are far. It is equivariant:
   * data scaled by c gives c·r. If more than half the buffered points coincide with their
   * neighbours, the median of the positive distances is used, and r = 1 if every buffered point
   * is the same. Clamped to [1e-100, 1e100]. Cost: O(w²·d) once, for w buffered points.
   *
   * <p>A snapshot (or {@code predict}) during the warm-up clusters the points buffered so far
   * with a provisional estimate from at most {@value #PROVISIONAL_SAMPLE} of them (the 2 %
   * neighbour rank scaled to the sample), reported by its {@link DbstreamModel#radius()}: so a
   * stream shorter than the warm-up still gets segments. It costs the estimate plus learning
   * the b buffered points, once per snapshot (snapshots are cached until the next
   * {@code learn}), and changes nothing in the clusterer; its labels are provisional.
   */
  public double radius() {
    return radius == 0 ? Double.NaN : radius;
  }

  /**
   * The parameters by name; with r = auto, r is the estimate once made (so the map rebuilds a
   * clusterer that behaves the same from then on), "auto" before.
   */
  @Override
  public Map<String, Object> configuration() {
    Map<String, Object> map = Params.SPEC.toMap(params);
    if (params.r() == Params.AUTO && radius > 0) {
      Map<String, Object> chosen = new LinkedHashMap<>(map);
      chosen.put(Params.R.name(), AutoRadius.format(radius));
      return java.util.Collections.unmodifiableMap(chosen);
    }
    return map;
  }

  private boolean warming() {
    return radius == 0;
  }

  @Override
  void maintain() {
    if (warming()) {
      if (buffered > 0) {
        warmClocks[buffered - 1] = now;
        if (buffered == AUTO_WARMUP) {
          endWarmup(estimateRadius(warm, buffered, d));
        }
      }
      return;
    }
    if (now >= nextCleanup) {
      cleanup();
    }
  }

  /** Buffers a point until r is estimated. */
  private void buffer(double[] x, double w, double t) {
    if (d == 0) {
      Sizes.require((long) AUTO_WARMUP * x.length, (long) AUTO_WARMUP * (x.length + 3),
          "a warm-up buffer of " + AUTO_WARMUP + " points of dimension " + x.length, "give r explicitly");
      d = x.length;
      warm = new double[AUTO_WARMUP * d];
      warmWeights = new double[AUTO_WARMUP];
      warmTimes = new double[AUTO_WARMUP];
      warmClocks = new double[AUTO_WARMUP];
    }
    System.arraycopy(x, 0, warm, buffered * d, d);
    warmWeights[buffered] = w;
    warmTimes[buffered] = t;
    buffered++;
  }

  /** Sets r, then learns the buffered points in order; see {@link #radius()}. */
  private void endWarmup(double r) {
    setRadius(r);
    double end = now;
    double[] row = new double[d];
    for (int i = 0; i < buffered; i++) {
      System.arraycopy(warm, i * d, row, 0, d);
      ingest(row, warmWeights[i], warmTimes[i]);
      now = warmClocks[i];
      if (now >= nextCleanup) {
        cleanup();
      }
    }
    now = end;
    buffered = 0;
    warm = warmWeights = warmTimes = warmClocks = new double[0];
  }

  /**
   * The median over the first n rows of {@code points} of the distance to the
   * {@value #AUTO_NEIGHBOUR}-th nearest other row (the farthest, with fewer rows); see
   * {@link #radius()}.
   */
  static double estimateRadius(double[] points, int n, int d) {
    return estimateRadius(points, n, d, AUTO_NEIGHBOUR);
  }

  /**
   * The estimate from at most {@value #PROVISIONAL_SAMPLE} of the buffered points, evenly
   * spaced, with the neighbour rank scaled to the sample (2 % of it): O(1) in the buffer size,
   * so that snapshots during the warm-up stay cheap (a wrapper publishing every few
   * milliseconds takes one each time).
   */
  private double provisionalRadius() {
    int step = (buffered + PROVISIONAL_SAMPLE - 1) / PROVISIONAL_SAMPLE;
    int n = (buffered + step - 1) / step;
    double[] sample = new double[n * d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(warm, i * step * d, sample, i * d, d);
    }
    return estimateRadius(sample, n, d, Math.max(1, Math.round((float) AUTO_NEIGHBOUR * n / AUTO_WARMUP)));
  }

  /** The largest sample a provisional estimate of r uses. */
  static final int PROVISIONAL_SAMPLE = 128;

  /** As {@link #estimateRadius(double[], int, int)} with the given neighbour rank. */
  static double estimateRadius(double[] points, int n, int d, int rank) {
    if (n < 2) {
      return 1.0;
    }
    int k = Math.min(rank, n - 1);
    double[] kth = new double[n];
    AutoRadius.kthNearestSquared(points, n, d, k, kth);
    Arrays.sort(kth);
    double median = kth[(n - 1) / 2];
    if (median == 0) {
      int firstPositive = 0;
      while (firstPositive < n && kth[firstPositive] == 0) {
        firstPositive++;
      }
      median = firstPositive == n ? 1.0 : kth[firstPositive + (n - 1 - firstPositive) / 2];
    }
    double r = Math.sqrt(median);
    return Math.max(1e-100, Math.min(1e100, r));
  }

  @Override
  void ingest(double[] x, double w, double t) {
    if (warming()) {
      buffer(x, w, t);
      return;
    }
    if (d == 0) {
      d = x.length;
      index.rebuild(centers, d, 0);
    }
    // The index pays when its groups hold several centres each; when the micro-clusters are
    // far apart (one per group) its pivot tests only add to a plain scan (the same answer).
    int n = scanAll || 2 * index.groups() > m ? Neighbours.withinRadius(x, centers, m, r2, nbr, nbrDist)
        : index.withinRadius(x, r2, nbr, nbrDist);
    if (n == 0) {
      add(x, w, t);
      return;
    }
    double[] c = centers;
    double[] b = nbrCenters;
    for (int k = 0; k < n; k++) {
      int i = nbr[k];
      weights[i] = weights[i] * fade(t - stamps[i]) + w;
      double h = Math.exp(-nbrDist[k] / twoSigma2);
      double rate = w == 1.0 ? h : 1 - Math.pow(1 - h, w);
      // The moved centre (as Euclid.moveToward moves it) for the collision rule; the centre
      // itself is written once the rule has kept the move.
      for (int q = 0, off = i * d, o = k * d; q < d; q++) {
        double v = c[off + q];
        b[o + q] = v + rate * (x[q] - v);
      }
      stamps[i] = t;
    }
    if (n > 1) {
      // Forward decay: every pair gains the same scaled weight, an addition without a power.
      double exponent = params.lambda() * (t - sharedRef);
      if (exponent > RESCALE_EXPONENT) {
        rescaleShared(t);
        exponent = 0;
      }
      double gain = w * Math.pow(2.0, exponent);
      logPairs(n, gain);
    }
    collide(n);
    // A restored centre is where it was, and where the index last saw it.
    long[] back = restored;
    for (int k = 0; k < n; k++) {
      if ((back[k >>> 6] >>> k & 1) == 0) {
        System.arraycopy(b, k * d, c, nbr[k] * d, d);
        index.moved(c, nbr[k]);
      }
    }
  }

  /**
   * The paper's pairwise rule over the n neighbours, pair by pair in slot order: a pair whose
   * centres (each moved, or restored already) are closer than r restores both. Afterwards bit k
   * of {@link #restored} (word k / 64) is set when neighbour k is restored. {@link #nbrCenters}
   * holds the k-th neighbour's moved centre in row k; its old one is still in {@link #centers}.
   *
   * <p>On a stream of overlapping micro-clusters nearly every neighbour ends restored (7.2 of
   * 7.45 per point at r = 0.08 on DriftingMixture), so the pairs are tested in two phases per
   * neighbour k. While k is moved, k against each later neighbour, up to the first collision.
   * Once k is restored, only the later neighbours still moved are tested (a pair of two
   * restored centres could change nothing): the clear bits above k's partner, no list to keep.
   * These tests are independent of each other (each can restore only its own neighbour), so
   * they run without a branch on their outcome. Once neighbour k and every one after it are
   * restored, no pair left can change anything.
   */
  private void collide(int n) {
    double[] b = nbrCenters;
    double[] c = centers;
    double r2 = this.r2;
    int d = this.d;
    long[] back = restored;
    int words = (n + Long.SIZE - 1) >>> 6;
    Arrays.fill(back, 0, words, 0L);
    for (int k = 0; k < n - 1; k++) {
      if (allSet(back, k, n)) {
        break;
      }
      int from = k + 1;
      if ((back[k >>> 6] >>> k & 1) == 0) {
        int offK = k * d;
        int l = from;
        for (; l < n; l++) {
          boolean old = (back[l >>> 6] >>> l & 1) != 0;
          if (Euclid.squaredDistance(b, offK, old ? c : b, old ? nbr[l] * d : l * d, d) < r2) {
            back[k >>> 6] |= 1L << k;
            back[l >>> 6] |= 1L << l;
            break;
          }
        }
        if (l == n) {
          continue;
        }
        from = l + 1;
        if (from == n) {
          continue;
        }
      }
      int offK = nbr[k] * d;
      for (int w = from >>> 6; w < words; w++) {
        int base = w << 6;
        long hits = 0;
        for (long moving = ~back[w] & bits(from - base, n - base); moving != 0; moving &= moving - 1) {
          int v = base + Long.numberOfTrailingZeros(moving);
          hits |= (Euclid.squaredDistance(c, offK, b, v * d, d) < r2 ? 1L : 0L) << v;
        }
        back[w] |= hits;
      }
    }
  }

  /** Whether bits [from, n) of the words are all set. */
  private static boolean allSet(long[] words, int from, int n) {
    for (int w = from >>> 6, base = w << 6; base < n; w++, base += Long.SIZE) {
      long want = bits(from - base, n - base);
      if ((words[w] & want) != want) {
        return false;
      }
    }
    return true;
  }

  /** The bits [lo, hi) of a word, lo and hi clamped to [0, 64]. */
  private static long bits(int lo, int hi) {
    long upTo = hi >= Long.SIZE ? -1L : (1L << Math.max(hi, 0)) - 1;
    return lo <= 0 ? upTo : lo >= Long.SIZE ? 0 : upTo & (-1L << lo);
  }

  /**
   * Logs the current point's pairs: its n neighbours' slots (in increasing order) and the gain
   * each pair of them takes. The log is applied by {@link #flushPairs()} before anything reads
   * or renumbers the shared densities, and when it is full.
   */
  private void logPairs(int n, double gain) {
    if (logSize + n > logSlots.length || logPoints == logGain.length) {
      if (logSlots.length < LOG) {
        // The log doubles up to its full length: a clusterer that learns little stays small.
        int cap = Math.max(Math.max(64, Math.min(LOG, 2 * logSlots.length)), logSize + n);
        logSlots = Arrays.copyOf(logSlots, cap);
        logRecords = new int[cap];
        logRecordPoints = new int[cap];
        logStart = Arrays.copyOf(logStart, cap / 2 + 1);
        logGain = Arrays.copyOf(logGain, cap / 2);
      } else {
        flushPairs();
        if (n > logSlots.length) {
          // A point within r of more micro-clusters than the log holds: a new largest size.
          logSlots = new int[n];
          logRecords = new int[n];
          logRecordPoints = new int[n];
        }
      }
    }
    int p = logPoints++;
    logStart[p] = logSize;
    logGain[p] = gain;
    System.arraycopy(nbr, 0, logSlots, logSize, n);
    logSize += n;
  }

  /**
   * Applies the logged pairs to the shared densities, as the points that logged them would
   * have, one at a time: a pair's entry gains each point's gain in the order of the points
   * (so every stored value is the same sum, rounded the same way), and a pair without an
   * entry is appended with the first gain. The updates are grouped by row: each row with
   * updates is passed over once, to map its columns to their entries, and each update is then
   * one look-up, where applying them point by point would pass over a row once per point that
   * reaches it (a micro-cluster shares density with a few dozen others, a point reaches a
   * few). O(u + m + e') for u logged pairs and the e' entries of the rows they reach. The
   * logical state, and so every result, is unchanged: only pending sums are added. Cleanup
   * does the same row by row inside its compaction.
   */
  private void flushPairs() {
    if (logPoints == 0) {
      return;
    }
    sortLog();
    for (int j = 1; j < m; j++) {
      applyLogged(j);
    }
    endLog();
  }

  /**
   * Sorts the logged updates by row (the higher slot of the pair, the later one in its point's
   * list), stably, so that each row's updates come in the order of the points: afterwards row
   * j's are {@code logRecords[rowStarts[j - 1] .. rowStarts[j])} (row 0 has none).
   */
  private void sortLog() {
    int[] start = rowStarts;
    Arrays.fill(start, 0, m + 1, 0);
    int[] slots = logSlots;
    logStart[logPoints] = logSize; // each point's slots end where the next one's start
    for (int p = 0; p < logPoints; p++) {
      for (int q = logStart[p] + 1; q < logStart[p + 1]; q++) {
        start[slots[q] + 1]++;
      }
    }
    for (int j = 0; j < m; j++) {
      start[j + 1] += start[j];
    }
    int[] records = logRecords;
    int[] points = logRecordPoints;
    for (int p = 0; p < logPoints; p++) {
      for (int q = logStart[p] + 1; q < logStart[p + 1]; q++) {
        int r = start[slots[q]]++;
        records[r] = q;
        points[r] = p;
      }
    }
  }

  /** Applies row j's sorted updates (j &gt;= 1): see {@link #flushPairs()}. */
  private void applyLogged(int j) {
    int from = rowStarts[j - 1];
    int to = rowStarts[j];
    if (from == to) {
      return;
    }
    // Per column, the row it was last mapped for (high half) and its entry there (low half):
    // a stale mark is told by its row, so the map is not cleared row by row.
    long[] at = entryOf;
    long row = (long) (j + 1) << 32;
    int[] cols = rowCols[j];
    for (int e = 0, size = rowSize[j]; e < size; e++) {
      at[cols[e]] = row | e;
    }
    double[] vals = rowVals[j];
    int[] slots = logSlots;
    int[] records = logRecords;
    int[] points = logRecordPoints;
    for (int r = from; r < to; r++) {
      int q = records[r];
      int p = points[r];
      double gain = logGain[p];
      for (int t = logStart[p]; t < q; t++) {
        int i = slots[t];
        long mark = at[i];
        if ((mark & ~0xFFFFFFFFL) == row) {
          vals[(int) mark] += gain;
        } else {
          at[i] = row | rowSize[j];
          append(j, i, gain);
          vals = rowVals[j];
        }
      }
    }
  }

  /** Empties the log once its updates are applied. */
  private void endLog() {
    // Marks carry rows + 1 up to m: the next application must not mistake one for its own.
    Arrays.fill(entryOf, 0, m, 0L);
    logPoints = 0;
    logSize = 0;
  }


  private void add(double[] x, double w, double t) {
    if (m == weights.length) {
      grow();
    }
    System.arraycopy(x, 0, centers, m * d, d);
    weights[m] = w;
    stamps[m] = t;
    ids[m] = nextId++;
    index.add(centers, m);
    m++;
  }

  private void grow() {
    int cap = Math.max(16, weights.length * 2);
    Sizes.require((long) cap * d, (long) cap * (d + 12), cap + " micro-clusters of dimension " + d,
        "raise r or lambda, or lower tGap, to hold fewer micro-clusters");
    centers = Arrays.copyOf(centers, cap * d);
    weights = Arrays.copyOf(weights, cap);
    stamps = Arrays.copyOf(stamps, cap);
    ids = Arrays.copyOf(ids, cap);
    rowCols = Arrays.copyOf(rowCols, cap);
    rowVals = Arrays.copyOf(rowVals, cap);
    rowSize = Arrays.copyOf(rowSize, cap);
    // Every new slot gets short row arrays now, so that a slot first used later (the count of
    // micro-clusters reaching a new largest value) does not allocate inside learn.
    for (int j = m; j < cap; j++) {
      if (rowCols[j] == null) {
        rowCols[j] = new int[ROW];
        rowVals[j] = new double[ROW];
      }
    }
    allocateScratch(cap);
  }

  /**
   * The shortest row length for which {@link #widenRow} last found no longer free arrays, since
   * the free slots last gained some (at a cleanup): a row at least this long skips the search.
   */
  private int noSpareFor = Integer.MAX_VALUE;

  /** The initial length of a row of shared densities. */
  private static final int ROW = 16;

  private void allocateScratch(int cap) {
    nbr = new int[cap];
    rowStarts = new int[cap + 1];
    entryOf = new long[cap];
    keptSlots = new int[cap];
    restored = new long[(cap + Long.SIZE - 1) >>> 6];
    nbrDist = new double[cap];
    nbrCenters = new double[cap * d];
    faded = new double[cap];
    strongFaded = new double[cap];
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
    int[] keep = keptSlots;
    int kept = 0;
    for (int i = 0; i < m; i++) {
      // The faded weight as recluster() computes it: the clustering below is built here.
      double w = weights[i] * fade(now - stamps[i]);
      if (w < weak) {
        continue;
      }
      if (kept != i) {
        System.arraycopy(centers, i * d, centers, kept * d, d);
        weights[kept] = weights[i];
        stamps[kept] = stamps[i];
        ids[kept] = ids[i];
      }
      faded[kept] = w;
      parent[kept] = kept;
      keep[kept++] = i;
    }
    int[] newIndex = component;
    Arrays.fill(newIndex, 0, m, -1);
    for (int j = 0; j < kept; j++) {
      newIndex[keep[j]] = j;
    }
    // The logged pairs are applied row by row inside the compaction, each row just before it is
    // renumbered (a removed micro-cluster's row is not applied at all): one visit per row.
    boolean logged = logPoints > 0;
    if (logged) {
      sortLog();
    }
    compactShared(newIndex, kept, params.alpha() * weak, Decay.factor(lambda, now - sharedRef), logged);
    if (logged) {
      endLog();
    }
    noSpareFor = Integer.MAX_VALUE;
    // Renumbering keeps the groups (O(m)); a rebuild (O(m·g)) refreshes pivots and bounds that
    // drift made loose, every REBUILD_EVERY cleanups: rebuilding at every cleanup cost 2x in
    // learn with 1,000 far-apart micro-clusters (1,000 singleton groups).
    if (++cleanups % REBUILD_EVERY == 0) {
      index.rebuild(centers, d, kept);
    } else {
      index.remap(newIndex);
    }
    m = kept;
    nextCleanup = nextTask(now, params.tGap());
    int count = components();
    labels.commit(ids, faded, component, m, count, componentLabels, now);
  }

  /**
   * Renumbers the shared densities after a cleanup: the entry of old slots (i, o) moves to
   * (newIndex[i], newIndex[o]), or is dropped when either slot is gone or its value times
   * {@code scale} is below {@code weakShared}; a row's arrays move with it. Old rows are visited
   * in increasing order: old row o moves to row newIndex[o] &lt;= o, whose own old row has been
   * visited (or is o itself), and no other old row moves there.
   *
   * <p>Each kept entry also joins its two micro-clusters in {@link #parent} when it connects
   * them, exactly as {@link #recluster()} would test it afterwards (one pass over the entries
   * instead of two: on a stream of overlapping micro-clusters there are tens of thousands);
   * {@link #faded} must hold the faded weights of the {@code slots} new slots, and parent each
   * new slot itself.
   */
  private void compactShared(int[] newIndex, int slots, double weakShared, double scale, boolean logged) {
    double wMin = params.wMin();
    double alpha = params.alpha();
    double[] f = faded;
    // A strong slot's faded weight, +inf for a weak one: the connection test's quotient is then
    // 0, below alpha (> 0), which folds the column's strength test into it.
    double[] g = strongFaded;
    for (int i = 0; i < slots; i++) {
      g[i] = f[i] >= wMin ? f[i] : Double.POSITIVE_INFINITY;
    }
    for (int o = 1; o < m; o++) {
      int j = newIndex[o];
      if (logged && j >= 0) {
        applyLogged(o);
      }
      int size = rowSize[o];
      rowSize[o] = 0;
      if (size == 0 || j < 0) {
        continue;
      }
      int[] cols = rowCols[o];
      double[] vals = rowVals[o];
      int kept = 0;
      double fj = f[j];
      if (fj < wMin) {
        // A weak row joins nothing: only its entries' renumbering and dropping.
        for (int e = 0; e < size; e++) {
          double v = vals[e];
          int ni = newIndex[cols[e]];
          cols[kept] = ni;
          vals[kept] = v;
          kept += keeps(ni, v * scale, weakShared);
        }
      } else {
        // j is still a root: the rows before held only columns below their own new slots,
        // which are below j. Its root is tracked here, saving union's second find.
        int root = j;
        for (int e = 0; e < size; e++) {
          double v = vals[e];
          int ni = newIndex[cols[e]];
          double faded = v * scale;
          int keep = keeps(ni, faded, weakShared);
          // written in any case, kept by advancing
          cols[kept] = ni;
          vals[kept] = v;
          kept += keep;
          int c = ni & ~(ni >> 31); // ni, or 0 for a removed column (not kept, so not joined)
          // Joins when kept, connected (the quotient at least alpha: its difference's sign bit
          // clear; NaN cannot occur, the weights being positive) and not already under j's
          // root: the last test fails for most entries once a cluster is joined, its
          // micro-clusters sharing density with each other, so the one branch left is
          // predictable.
          int differ = parent[c] ^ root;
          int join = keep
              & (int) (~Double.doubleToRawLongBits(faded / ((g[c] + fj) / 2) - alpha) >>> 63)
              & ((differ | -differ) >>> 31);
          if (join != 0) {
            // union(parent, ni, j) with j's root known: the same partition, under the same roots
            int ri = find(parent, ni);
            if (ri < root) {
              parent[root] = ri;
              root = ri;
            } else if (ri > root) {
              parent[ri] = root;
            }
          }
        }
      }
      if (j != o) {
        rowCols[o] = rowCols[j];
        rowVals[o] = rowVals[j];
        rowCols[j] = cols;
        rowVals[j] = vals;
      }
      rowSize[j] = kept;
    }
  }

  /**
   * 1 when an entry is kept: its column {@code ni} is still there (ni &gt;= 0) and its faded
   * value is at least {@code weakShared} (the sign bit of their difference is clear exactly
   * then; both are finite); else 0. A number, so that no branch is taken on it: about a tenth
   * of the entries go, unpredictably.
   */
  private static int keeps(int ni, double faded, double weakShared) {
    return (~ni >>> 31) & (int) (~Double.doubleToRawLongBits(faded - weakShared) >>> 63);
  }

  /** Appends the entry (column i, value v) to row j, which has none for column i. */
  private void append(int j, int i, double v) {
    int[] cols = rowCols[j];
    int size = rowSize[j];
    if (cols == null || size == cols.length) {
      cols = widenRow(j, size);
    }
    cols[size] = i;
    rowVals[j][size] = v;
    rowSize[j] = size + 1;
  }

  /**
   * Gives row j arrays longer than its {@code size} entries, which it keeps. Rows move with
   * their micro-clusters, and a new micro-cluster, which lists every pair it forms with older
   * ones, starts with the arrays a removed one left in its slot, usually short: allocating
   * each time would allocate at every turnover for ever. So a row first takes the longer
   * arrays of a free slot (at or above m), leaving its own there; only when none is longer
   * does it allocate, twice its size.
   */
  private int[] widenRow(int j, int size) {
    int[] cols = rowCols[j];
    double[] vals = rowVals[j];
    for (int f = size < noSpareFor ? m : rowCols.length; f < rowCols.length; f++) {
      int[] spare = rowCols[f];
      if (f != j && spare != null && spare.length > size) {
        double[] spareVals = rowVals[f];
        if (size > 0) {
          System.arraycopy(cols, 0, spare, 0, size);
          System.arraycopy(vals, 0, spareVals, 0, size);
        }
        rowCols[f] = cols;
        rowVals[f] = vals;
        rowCols[j] = spare;
        rowVals[j] = spareVals;
        return spare;
      }
    }
    // No free slot's arrays are longer than size: none will be until a cleanup frees rows
    // (a swap leaves a shorter array in a free slot, a new micro-cluster takes one).
    noSpareFor = Math.min(noSpareFor, size);
    int cap = Math.max(ROW, 2 * size);
    rowCols[j] = cols == null ? new int[cap] : Arrays.copyOf(cols, cap);
    rowVals[j] = cols == null ? new double[cap] : Arrays.copyOf(vals, cap);
    return rowCols[j];
  }

  /** The position of column i in row j's entries, -1 if none. */
  private int entry(int j, int i) {
    int[] cols = rowCols[j];
    for (int e = 0, size = rowSize[j]; e < size; e++) {
      if (cols[e] == i) {
        return e;
      }
    }
    return -1;
  }

  /** Adds {@code v} (&gt; 0, on the stored scale) to the shared density of slots a and b. */
  private void addShared(int a, int b, double v) {
    int i = Math.min(a, b);
    int j = Math.max(a, b);
    int e = entry(j, i);
    if (e < 0) {
      append(j, i, v);
    } else {
      rowVals[j][e] += v;
    }
  }

  /** Multiplies every stored shared density by f &lt;= 1, dropping those that become 0. */
  private void scaleShared(double f) {
    flushPairs();
    for (int j = 1; j < m; j++) {
      int[] cols = rowCols[j];
      double[] vals = rowVals[j];
      int kept = 0;
      for (int e = 0, size = rowSize[j]; e < size; e++) {
        double v = vals[e] * f;
        if (v != 0) {
          cols[kept] = cols[e];
          vals[kept++] = v;
        }
      }
      rowSize[j] = kept;
    }
  }

  /**
   * The shared-density entries as three parallel arrays (lower slot, higher slot, stored
   * value), sorted by lower slot and then higher: the order of the saved state, and of the
   * triangle this storage replaced. O(m + e), by counting.
   */
  private SharedEntries sortedShared() {
    flushPairs();
    int e = sharedDensityCount();
    int[] start = new int[m + 1];
    for (int j = 1; j < m; j++) {
      int[] cols = rowCols[j];
      for (int k = 0, size = rowSize[j]; k < size; k++) {
        start[cols[k] + 1]++;
      }
    }
    for (int i = 0; i < m; i++) {
      start[i + 1] += start[i];
    }
    int[] lo = new int[e];
    int[] hi = new int[e];
    double[] v = new double[e];
    // rows in increasing order: within a column the higher slots come out sorted
    for (int j = 1; j < m; j++) {
      int[] cols = rowCols[j];
      double[] vals = rowVals[j];
      for (int k = 0, size = rowSize[j]; k < size; k++) {
        int at = start[cols[k]]++;
        lo[at] = cols[k];
        hi[at] = j;
        v[at] = vals[k];
      }
    }
    return new SharedEntries(lo, hi, v);
  }

  /**
   * Shared-density entries as parallel arrays: lower slot, higher slot, stored value; sorted by
   * lower slot, then higher.
   */
  private record SharedEntries(int[] lower, int[] higher, double[] values) {

    /** The positions of the entries sorted by higher slot, then lower (stable counting). */
    int[] byHigherThenLower() {
      int max = 0;
      for (int j : higher) {
        max = Math.max(max, j + 1);
      }
      int[] start = new int[max + 1];
      for (int j : higher) {
        start[j + 1]++;
      }
      for (int j = 0; j < max; j++) {
        start[j + 1] += start[j];
      }
      int[] order = new int[higher.length];
      for (int e = 0; e < higher.length; e++) {
        order[start[higher[e]]++] = e;
      }
      return order;
    }
  }

  /**
   * Computes the macro clustering of the current state into the scratch arrays
   * {@code faded}, {@code component} and {@code componentLabels}; changes no learning state.
   * Components are numbered in the order of their smallest micro-cluster id.
   *
   * @return the number of components
   */
  private int recluster() {
    flushPairs();
    double lambda = params.lambda();
    double wMin = params.wMin();
    for (int i = 0; i < m; i++) {
      faded[i] = weights[i] * fade(now - stamps[i]);
      parent[i] = i;
    }
    double scale = Decay.factor(lambda, now - sharedRef);
    for (int b = 1; b < m; b++) {
      if (faded[b] < wMin) {
        continue;
      }
      int[] cols = rowCols[b];
      double[] vals = rowVals[b];
      for (int k = 0, size = rowSize[b]; k < size; k++) {
        int a = cols[k];
        if (faded[a] >= wMin && vals[k] * scale / ((faded[a] + faded[b]) / 2) >= params.alpha()) {
          union(parent, a, b);
        }
      }
    }
    return components();
  }

  /**
   * Numbers the components of {@link #parent} over the strong micro-clusters into
   * {@code component} and gives them labels in {@code componentLabels}.
   *
   * @return the number of components
   */
  private int components() {
    double wMin = params.wMin();
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
    if (warming() && buffered > 0) {
      // A provisional clustering of the points buffered so far, by a throw-away copy that ends
      // its warm-up now; the buffer's arrays are shared read-only.
      Dbstream provisional = new Dbstream(params);
      provisional.d = d;
      provisional.now = now;
      provisional.seen = seen;
      provisional.warm = warm;
      provisional.warmWeights = warmWeights;
      provisional.warmTimes = warmTimes;
      provisional.warmClocks = warmClocks;
      provisional.buffered = buffered;
      provisional.endWarmup(provisionalRadius());
      return provisional.build();
    }
    int count = recluster();
    MacroClusters macro = MacroClusters.of(centers, d, faded, component, m, count, componentLabels);
    // Before the first point the reach is a placeholder: there is no micro-cluster.
    return new DbstreamModel(d, REACH * (warming() ? 1.0 : radius), now, macro.labels(), macro.centers(), macro.weights(),
        Arrays.copyOf(centers, m * d), Arrays.copyOf(faded, m), macro.microLabels());
  }

  /** Makes learn find neighbours by a scan of every centre (true) or through the index, for tests. */
  void scanAll(boolean on) {
    scanAll = on;
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

  /** The weight of micro-cluster {@code i} faded to the current time, for tests. */
  double fadedWeight(int i) {
    return weights[i] * Decay.factor(params.lambda(), now - stamps[i]);
  }

  /** The shared density of a pair of micro-cluster ids faded to the current time, 0 if none; for tests. */
  double fadedShared(long a, long b) {
    flushPairs();
    int i = indexOf(Math.min(a, b));
    int j = indexOf(Math.max(a, b));
    int e = i < 0 || j < 0 || i == j ? -1 : entry(j, i);
    return e < 0 ? 0 : rowVals[j][e] * Decay.factor(params.lambda(), now - sharedRef);
  }

  /** The number of shared-density entries now held (pairs of micro-clusters with one). */
  public int sharedDensityCount() {
    flushPairs();
    int count = 0;
    for (int j = 0; j < m; j++) {
      count += rowSize[j];
    }
    return count;
  }

  /**
   * Rescales the stored shared densities to reference time {@code t}: multiplies them by
   * {@code 2^(-lambda·(t - sharedRef))}, which is at most 1, so nothing overflows (a long gap
   * fades them to 0, as it should).
   */
  private void rescaleShared(double t) {
    // A value that underflows to 0 leaves its row, which holds only non-zero entries.
    scaleShared(Decay.factor(params.lambda(), t - sharedRef));
    sharedRef = t;
  }

  /** Checks and sets the radius and warm-up buffer read from a state; the clock is read. */
  private void readWarmup(double r, double[] points, double[] w, double[] t, double[] clocks)
      throws ModelFormatException {
    int n = w.length;
    boolean ok = params.r() == Params.AUTO
        ? r == 0 || (r >= 1e-100 && r <= 1e100)
        : r == params.r();
    // while estimating r every point learned is buffered: a dimension means a point buffered
    ok &= n < AUTO_WARMUP && (r == 0 ? (n > 0) == (d > 0) : n == 0) && t.length == n && clocks.length == n
        && (long) n * d == points.length && (d > 0 || n == 0);
    double last = Double.NEGATIVE_INFINITY;
    for (int i = 0; ok && i < n; i++) {
      ok = w[i] > 0 && w[i] <= io.eddy.Points.MAX_WEIGHT && t[i] >= last && t[i] <= clocks[i]
          && clocks[i] <= now && (i == 0 || clocks[i] >= clocks[i - 1]);
      last = clocks[i];
    }
    for (int i = 0; ok && i < points.length; i++) {
      ok = Math.abs(points[i]) <= io.eddy.Points.MAX_ABS;
    }
    if (!ok) {
      throw new ModelFormatException("invalid radius " + r + " or warm-up buffer of " + n + " points");
    }
    if (r > 0 && radius == 0) {
      setRadius(r);
    }
    if (n > 0) {
      warm = Arrays.copyOf(points, AUTO_WARMUP * d);
      warmWeights = Arrays.copyOf(w, AUTO_WARMUP);
      warmTimes = Arrays.copyOf(t, AUTO_WARMUP);
      warmClocks = Arrays.copyOf(clocks, AUTO_WARMUP);
      buffered = n;
    }
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
    return "Dbstream[" + params + ", radius=" + radius() + ", micro-clusters=" + m + ", seen=" + seen + "]";
  }

  /**
   * The codec of the full learning state, named {@code "dbstream.state"}. Version 3 stores the
   * shared densities forward-decayed to one reference time; version 2 stored each with its own
   * time and the configuration by name; version 1 stored the configuration by position, with
   * an unused seed.
   */
  static final StateCodec<Dbstream> CODEC = StateCodec.of("dbstream.state", 3, Dbstream.class,
      (c, out) -> {
        Params.SPEC.write(c.params, out);
        out.writeDouble(c.radius);
        out.writeDoubles(Arrays.copyOf(c.warm, c.buffered * c.d));
        out.writeDoubles(Arrays.copyOf(c.warmWeights, c.buffered));
        out.writeDoubles(Arrays.copyOf(c.warmTimes, c.buffered));
        out.writeDoubles(Arrays.copyOf(c.warmClocks, c.buffered));
        // While buffering, cleanups wait for the replay, so the due one may lie behind the
        // clock: it is kept here, and the clock's field holds a time after now, as it must.
        out.writeDouble(c.nextCleanup);
        out.writeInt(c.d);
        out.writeDouble(c.now);
        out.writeDouble(c.warming() ? nextTask(c.now, c.params.tGap()) : c.nextCleanup);
        out.writeLong(c.seen);
        out.writeLong(c.nextId);
        out.writeDoubles(Arrays.copyOf(c.centers, c.m * c.d));
        out.writeDoubles(Arrays.copyOf(c.weights, c.m));
        out.writeDoubles(Arrays.copyOf(c.stamps, c.m));
        out.writeLongs(Arrays.copyOf(c.ids, c.m));
        out.writeDouble(c.sharedRef);
        SharedEntries entries = c.sortedShared();
        out.writeInt(entries.values.length);
        for (int e = 0; e < entries.values.length; e++) {
          out.writeLong(c.ids[entries.lower[e]]);
          out.writeLong(c.ids[entries.higher[e]]);
          out.writeDouble(entries.values[e]);
        }
        c.labels.write(out);
      },
      (in, version) -> {
        Params params = version >= 3 ? Params.SPEC.read(in) : version == 2 ? Params.SPEC_V2.read(in)
            : readPositional(in);
        Dbstream c = new Dbstream(params);
        double radius = params.r();
        double[] warm = new double[0];
        double[] warmWeights = warm;
        double[] warmTimes = warm;
        double[] warmClocks = warm;
        if (version >= 3) {
          radius = in.readDouble();
          warm = in.readDoubles();
          warmWeights = in.readDoubles();
          warmTimes = in.readDoubles();
          warmClocks = in.readDoubles();
        }
        double dueCleanup = version >= 3 ? in.readDouble() : Double.NaN;
        c.d = in.readInt(0, Integer.MAX_VALUE);
        try {
          // The neighbour index, made as soon as the radius is read (also from the warm-up
          // part below), holds a few arrays per dimension even with no centre: bound d first.
          Sizes.require(c.d, 4L * c.d, "a neighbour index of dimension " + c.d, "the record is damaged");
        } catch (IllegalArgumentException e) {
          throw new ModelFormatException(e.getMessage());
        }
        c.nextCleanup = c.readClock(in, "cleanup");
        if (version >= 3 && radius == 0) {
          if (!(dueCleanup > 0) || !Double.isFinite(dueCleanup)) {
            throw new ModelFormatException("invalid cleanup time " + dueCleanup);
          }
          c.nextCleanup = dueCleanup;
        }
        c.readWarmup(radius, warm, warmWeights, warmTimes, warmClocks);
        double[] centers = in.readDoubles();
        double[] weights = in.readDoubles();
        double[] stamps = in.readDoubles();
        long[] ids = in.readLongs();
        int m = weights.length;
        c.checkMicroClusters(centers, weights, ids, stamps);
        if (c.warming() && m > 0) {
          throw new ModelFormatException(m + " micro-clusters while the radius is still being estimated");
        }
        c.centers = centers;
        c.weights = weights;
        c.stamps = stamps;
        c.ids = ids;
        c.m = m;
        c.allocateScratch(m);
        c.rowCols = new int[m][];
        c.rowVals = new double[m][];
        c.rowSize = new int[m];
        // Versions 1 and 2 stored each entry with its own time; version 3 forward-decayed sums.
        c.sharedRef = version >= 3 ? in.readDouble() : c.now;
        if (!(c.sharedRef <= c.now) || !Double.isFinite(c.sharedRef)) {
          throw new ModelFormatException("invalid shared-density reference time " + c.sharedRef);
        }
        int pairs = in.readInt(0, Integer.MAX_VALUE);
        in.requireRemaining((long) pairs * (version >= 3 ? 24 : 32), pairs + " shared-density entries");
        long[] keys = new long[pairs];
        for (int k = 0; k < pairs; k++) {
          long a = in.readLong();
          long b = in.readLong();
          double v = in.readDouble();
          double t = version >= 3 ? c.sharedRef : in.readDouble();
          int i = c.indexOf(a);
          int j = c.indexOf(b);
          if (!(a < b) || i < 0 || j < 0 || !(v > 0) || !Double.isFinite(v) || !(t <= c.now)) {
            throw new ModelFormatException("invalid shared-density entry " + k);
          }
          keys[k] = (long) j * m + i;
          double stored = v * Decay.factor(c.params.lambda(), c.sharedRef - t);
          if (stored > 0) {
            c.append(j, i, stored);
          }
        }
        Arrays.sort(keys);
        for (int k = 1; k < pairs; k++) {
          if (keys[k] == keys[k - 1]) {
            throw new ModelFormatException("duplicate shared-density entry for micro-clusters "
                + c.ids[(int) (keys[k] % m)] + " and " + c.ids[(int) (keys[k] / m)]);
          }
        }
        c.labels = StableLabels.read(in);
        if (c.buffered > 0 && c.m > 0) {
          throw new ModelFormatException("micro-clusters while r is being estimated");
        }
        if (c.index != null) {
          c.index.rebuild(c.centers, c.d, c.m);
        }
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
   * receiver's; a merge into a fresh clusterer copies the other, labels included. With
   * r = auto, a side still buffering for its estimate first ends its warm-up with the other's
   * radius, or, when both are buffering, with an estimate from both buffers (the other is not
   * changed: a copy of it is); matching uses the receiver's radius. With tick
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
    flushPairs();
    other.flushPairs();
    if (seen == 0) {
      adopt(MergeChecks.copyOf(other, Dbstream.class));
      invalidateSnapshot();
      return;
    }
    if (warming()) {
      if (other.warming()) {
        double[] pool = Arrays.copyOf(warm, (buffered + other.buffered) * d);
        System.arraycopy(other.warm, 0, pool, buffered * d, other.buffered * d);
        endWarmup(estimateRadius(pool, buffered + other.buffered, d));
      } else {
        endWarmup(other.radius);
      }
    }
    if (other.warming()) {
      other = MergeChecks.copyOf(other, Dbstream.class);
      other.endWarmup(radius);
    }
    double t = Math.max(now, other.now);
    double lambda = params.lambda();
    long[] mapped = new long[other.m];
    double[] row = new double[d];
    double[] dist = new double[1];
    for (int i = 0; i < other.m; i++) {
      System.arraycopy(other.centers, i * d, row, 0, d);
      double w = other.weights[i] * Decay.factor(lambda, t - other.stamps[i]);
      if (w == 0) {
        mapped[i] = -1; // faded to nothing at t (clocks far apart): it would be a weightless entry
        continue;
      }
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
    // The other's entries, faded to t, rescaled to this one's reference time (both at or
    // before t, so after rescaling to t if need be the factor is at most 2^64).
    if (lambda * (t - sharedRef) > RESCALE_EXPONENT) {
      rescaleShared(t);
    }
    double toHere = Decay.factor(lambda, other.now - other.sharedRef) * Decay.factor(lambda, t - other.now)
        * Math.pow(2.0, lambda * (t - sharedRef));
    // Row by row, each in column order: several entries of the other may add to one here,
    // and this order makes the sums those of a merge that visits the pairs in slot order.
    SharedEntries entries = other.sortedShared();
    int[] order = entries.byHigherThenLower();
    for (int e : order) {
      if (mapped[entries.lower[e]] < 0 || mapped[entries.higher[e]] < 0) {
        continue;
      }
      int a = indexOf(mapped[entries.lower[e]]);
      int b = indexOf(mapped[entries.higher[e]]);
      double v = entries.values[e];
      if (a != b && v * toHere > 0) {
        addShared(a, b, v * toHere);
      }
    }
    seen += other.seen;
    now = t;
    index.rebuild(centers, d, m);
    maintain();
    invalidateSnapshot();
  }

  /**
   * Becomes part {@code part} of {@code parts} of {@code merged} (see
   * {@link Mergeable#takePart}): a copy at the same clock and radius, the same micro-clusters
   * under the same ids and labels, each faded weight and each shared density scaled by
   * {@code 1 / parts} (so connectivity, a ratio of the two, is unchanged, and the parts' weights
   * and shared densities add back to the merged ones); {@code seen()} is split as an integer
   * ({@link MergeChecks#share}). {@code wMin} is an absolute weight, so a part would call weak
   * a strong micro-cluster lighter than {@code parts · wMin} and predict otherwise than the
   * merged state: then nothing is split and false is returned (a caller falls back on the
   * identity), as while {@code merged} is still warming up; nothing changes then. Later, a part
   * cleans up ({@code tGap}) as a learner that saw its share of the stream would. O(m²) for
   * the shared densities.
   */
  @Override
  public boolean takePart(Dbstream merged, int part, int parts) {
    Mergeable.super.takePart(merged, part, parts);
    MergeChecks.require(this, merged, params, merged.params, d, merged.d);
    if (merged.seen == 0 || merged.warming()) {
      return false;
    }
    double share = 1.0 / parts;
    for (int i = 0; i < merged.m; i++) {
      double w = merged.weights[i] * Decay.factor(params.lambda(), merged.now - merged.stamps[i]);
      if (w >= params.wMin() && w * share < params.wMin()) {
        return false; // a strong micro-cluster would be weak in a part
      }
    }
    Dbstream c = MergeChecks.copyOf(merged, Dbstream.class);
    for (int i = 0; i < c.m; i++) {
      c.weights[i] *= share;
    }
    c.scaleShared(share);
    c.seen = MergeChecks.share(merged.seen, part, parts);
    adopt(c);
    invalidateSnapshot();
    return true;
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
    rowCols = c.rowCols;
    rowVals = c.rowVals;
    rowSize = c.rowSize;
    noSpareFor = Integer.MAX_VALUE;
    logPoints = 0;
    logSize = 0;
    sharedRef = c.sharedRef;
    labels = c.labels;
    buffered = c.buffered;
    warm = c.warm;
    warmWeights = c.warmWeights;
    warmTimes = c.warmTimes;
    warmClocks = c.warmClocks;
    radius = 0;
    index = null;
    if (c.radius > 0) {
      setRadius(c.radius);
    }
  }

}
