package io.eddy.online;

import io.eddy.ClusterModel;
import io.eddy.Mergeable;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import io.eddy.math.Decay;
import io.eddy.math.Euclid;
import io.eddy.math.Neighbours;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * DenStream: density-based clustering over an evolving data stream with noise [1].
 *
 * <p><b>Micro-clusters.</b> Every point's weight fades as {@code f(dt) = 2^(-lambda·dt)}. A
 * micro-cluster summarises its points by their faded weight W, their weighted centre c and
 * their faded sum of squared distances to c (equivalent to the paper's cluster feature
 * (CF¹, CF², w), kept in a form that does not cancel catastrophically far from the origin);
 * its radius is {@code sqrt(sse / W)}, the paper's {@code sqrt(|CF²|/w - (|CF¹|/w)²)}. All
 * three statistics fade together, lazily: a micro-cluster is brought to the current time only
 * when it is touched. A potential micro-cluster (p-micro-cluster) has W &ge; beta·mu; an
 * outlier micro-cluster (o-micro-cluster) is lighter and remembers its creation time.
 *
 * <p><b>Merging</b> (Section 4.2 of [1]). A point joins the nearest p-micro-cluster if that
 * one's radius after the merge stays within epsilon; else the nearest o-micro-cluster under
 * the same condition, which becomes a p-micro-cluster once its weight exceeds beta·mu; else it
 * founds a new o-micro-cluster.
 *
 * <p><b>Pruning</b> every {@code T_p = ceil((1/lambda)·log2(beta·mu / (beta·mu - 1)))} time
 * units, the shortest time in which a p-micro-cluster can fade below beta·mu: p-micro-clusters
 * lighter than beta·mu are removed, and o-micro-clusters lighter than
 * {@code xi = (2^(-lambda·(t - t_o + T_p)) - 1) / (2^(-lambda·T_p) - 1)}. The logarithm is in
 * base 2, consistent with the decay function; River uses the natural logarithm (T_p 0.69 times
 * too short) and MOA rounds it and adds 1. So the number of p-micro-clusters stays below
 * {@code W/(beta·mu)} with W the total faded weight of the stream.
 *
 * <p><b>Initialisation.</b> The first {@code initPoints} points are buffered; then, as in [1],
 * for each buffered point whose epsilon-neighbourhood among the not yet used points weighs more
 * than beta·mu, those points become a p-micro-cluster. Points left over are noise and dropped.
 * With {@code initPoints = 0} the stream starts with o-micro-clusters only.
 *
 * <p><b>Epsilon "auto"</b> (the default, {@link Params#AUTO}). The first
 * {@code max(initPoints, AUTO_WARMUP)} points (1,000 by default) are buffered, nothing is lost:
 * epsilon is estimated from them (the median distance from a
 * point to its k-th nearest neighbour, over 250 of the points, k a share of the buffer, 2 %
 * unless the decay needs more), then the whole buffer initialises the p-micro-clusters as
 * above (or, with {@code initPoints = 0}, is learned point by point at its own times). The
 * estimate is {@link #epsilon()}, the snapshots' {@link MicroClusterModel#reach()}, and is
 * persisted.
 *
 * <p><b>Macro clusters.</b> DBSCAN over the p-micro-clusters as virtual points at their
 * centres, weighted by their faded weights [1], computed lazily by {@link #snapshot()} and
 * {@link #predict(double[])}, then cached until the next {@code learn}.
 * <ul>
 *   <li><b>Core: the weight within epsilon</b> (a deliberate deviation from the paper's
 *       Definition 4.1). A p-micro-cluster is a core when the faded weight of the
 *       p-micro-clusters whose centres lie within epsilon of its centre, its own included,
 *       reaches mu; the paper counts its own weight only. The paper's core-micro-cluster is a
 *       ball of radius epsilon holding weight mu, but its merging rule sends each point to the
 *       nearest p-micro-cluster only and never joins two, so a dense region is tiled by several
 *       p-micro-clusters that share its weight: a region of weight 2·mu split four ways has no
 *       core by the paper's count, and whole clusters dropped out of some windows (window ARI
 *       0.78 at lambda 0.005, 0.92 at 0.0025 with epsilon auto). Summing over the ball restores
 *       the weight the region holds; with one p-micro-cluster per region it is the paper's rule,
 *       and it is DBSCAN's own core rule (a neighbourhood's weight) on the weighted virtual
 *       points.</li>
 *   <li><b>Reach: the paper's.</b> A p-micro-cluster is directly reachable from a core when
 *       their centres lie within {@code offlineFactor·epsilon} (2·epsilon by default, the
 *       paper's "intersecting" bound, MOA's too). River also requires {@code dist <= r_p + r_q}
 *       with the micro-clusters' own radii; measured here, that disconnects the tiles of one
 *       cluster (a root-mean-square radius understates where a micro-cluster's points lie: in
 *       two dimensions 37 % lie beyond it), so labels split and merge back at every pruning,
 *       and twice the radii (where 95 % of a Gaussian's points lie in any dimension) reaches
 *       2·epsilon anyway, because the merging rule lets a p-micro-cluster absorb distant noise
 *       until its radius nears epsilon. So clusters closer than 2·epsilon join: epsilon must
 *       stay below half the least gap between clusters.</li>
 * </ul>
 * Non-core p-micro-clusters reachable from a core are border members; the others are noise.
 * MOA's offline DBSCAN ({@code moa.clusterers.macro.dbscan.DBScan} at {@code offline·epsilon})
 * makes a micro-cluster a core when at least mu micro-clusters lie strictly within that
 * distance: a count that ignores the weights, so with the paper's mu = 10 it often finds no
 * cluster at all.
 *
 * <p><b>Cores, and when they can exist.</b> The faded weight of the whole stream tends to
 * {@code v·W} with {@code W = 1/(1 - 2^-lambda)} ({@link Params#weightPerTimeUnit()}) for v
 * points per time unit: with {@link #learn(double[])}'s one tick per point, W itself, about
 * 1,443 for lambda = 0.001, 578 for 0.0025, 289 for 0.005 and 145 for 0.01. A cluster holds its
 * share of that, and a core needs weight mu within epsilon, so a cluster is found only when
 * {@code mu <= share · v · W}, and reliably when its faded weight is at least twice mu and
 * epsilon is at least about its root-mean-square radius: twelve equal clusters with 5 % noise
 * weigh 11.4 each at lambda = 0.01, too little for mu = 10; with epsilon 0.04, below the
 * clusters' radii, no ball of radius epsilon holds mu. The configuration cannot know v or the
 * shares (event time may bring thousands of points per time unit), so it is not rejected;
 * {@link #warnings()} says so once it happens (and logs it once). MOA's epsilon bounds a
 * micro-cluster's largest per-dimension standard deviation; here, as in the paper, it bounds
 * the root-mean-square distance over all d dimensions, about sqrt(d) times more for round
 * clusters: MOA's 0.04 at d = 8 is about 0.11 here.
 *
 * <p><b>The range in which quality is guaranteed</b> (tested on {@code DriftingMixture}: d = 8,
 * twelve drifting Gaussian clusters of root-mean-square radius 0.042–0.099 at least 0.25 apart,
 * 5 % noise; several seeds): every 5,000-point window has ARI &ge; 0.95 over the non-noise
 * points and noise recall &ge; 0.8 when epsilon is {@code auto} or lies between about 0.8 times
 * the widest cluster's radius and just under half the least gap between centres (0.08–0.12
 * there), lambda lies in 0.001–0.01 per point, mu is at most half a cluster's faded weight
 * ({@code mu <= share · W / 2}), and beta is 0.2–0.5 with beta·mu &gt; 1. Outside it, a
 * smaller epsilon (0.04–0.06) or a larger mu loses clusters, and {@link #warnings()} says so;
 * epsilon 0.15 joins two clusters closer than 2·epsilon = 0.3 in some windows (worst window
 * ARI 0.905).
 *
 * <p><b>Predict (noise rule).</b> Each clustered p-micro-cluster claims the points within
 * {@link #NOISE_THRESHOLD} (3) of its radii, its radius being where its points lie: the
 * root-mean-square distance {@code sqrt(sse/W)} of its points to its centre, floored at
 * {@code RADIUS_FLOOR·epsilon} (epsilon/4) so that a micro-cluster of coinciding points is not
 * a target of radius 0, and at 1e-100, the smallest radius a model holds (epsilon/4 lies below
 * it for epsilon under 4e-100). A point belongs to the macro cluster of the micro-cluster it is fewest
 * radii from, or is {@link ClusterModel#NOISE} if that is more than 3; the number of radii is
 * the snapshot's {@link MicroClusterModel#outlierScore(double[]) outlier score} (see
 * {@link MicroClusterModel}). A fixed reach of epsilon, the rule before, called a third of the
 * in-cluster points of wide clusters noise and let tight ones claim noise around them. River
 * returns the nearest macro centre and never noise.
 *
 * <p><b>Labels</b> are stable segment ids matched at every pruning by shared p-micro-clusters
 * (see {@link MicroClusterModel}); a label never returns once its cluster vanished. A label
 * first seen in a snapshot between prunings is provisional until the next pruning.
 *
 * <p><b>Time</b> works as in {@link Dbstream}: {@link #learn(double[])} stamps the point with
 * the clock and advances it one tick; {@link #learn(double[], double, double)} uses an explicit,
 * never decreasing event time. Weights count as repeated points at the same time.
 *
 * <p>Not thread-safe; snapshots are immutable. {@code learn} costs O((p + o)·d) and allocates
 * nothing in steady state; a pruning costs O(p²·d) for the reclustering that fixes labels; the
 * epsilon estimate, once, O(250·min(n, 2000)·d) for a buffer of n points. Fading factors of whole
 * time steps below 1,024 come from a table, so with one tick per point a learn computes no
 * power. Time stamps are doubles: with event time in epoch nanoseconds (about 1.7e18, where a
 * double's step is 256 ns) steps finer than that step are lost; use seconds or milliseconds.
 *
 * <p>[1] F. Cao, M. Ester, W. Qian, A. Zhou, "Density-Based Clustering over an Evolving Data
 * Stream with Noise", SIAM SDM 2006.
 *
 * <p><b>Threads.</b> Shared between threads without {@link ConcurrentClusterer}, concurrent
 * {@code learn} calls lose points and can corrupt the state, and a {@code predict} during a
 * {@code learn} can throw or read a half-updated state; wrap it to share it.
 */
public final class DenStream extends StableDensityClusterer<DenStreamModel> implements Mergeable<DenStream> {

  /**
   * The configuration.
   *
   * @param epsilon the maximal micro-cluster radius, in data units: in [1e-100, 1e100], or
   *     {@link #AUTO} (0, written {@code "auto"}, the default) to estimate it from the first
   *     points (see {@link DenStream})
   * @param mu the weight of a core micro-cluster; &gt; 0 (default 10)
   * @param beta the potential factor: p-micro-clusters weigh at least beta·mu; in (0, 1] with
   *     beta·mu &gt; 1 (default 0.2)
   * @param lambda the decay rate per time unit; &gt; 0 (default 0.001)
   * @param initPoints points buffered and clustered to seed the p-micro-clusters, in
   *     [0, 2^24] (default 1000)
   * @param offlineFactor the offline DBSCAN neighbourhood in units of epsilon; &gt; 0
   *     (default 2)
   */
  public record Params(double epsilon, double mu, double beta, double lambda, int initPoints,
      double offlineFactor) {

    /** The epsilon value that asks for an estimate from the first points: 0, written "auto". */
    public static final double AUTO = 0.0;

    static final Parameter EPSILON = Parameter.ofText("epsilon", "auto",
        "'auto' or a number in [1e-100, 1e100]", AutoRadius::parse, AutoRadius::format,
        "maximal micro-cluster radius, in data units, or 'auto' to estimate it from the first points");
    static final Parameter MU = Parameter.ofPositive("mu", 10, "weight of a core micro-cluster");
    static final Parameter BETA = Parameter.ofDouble("beta", 0.2, 0, false, 1, true,
        "potential factor: p-micro-clusters weigh at least beta*mu (beta*mu must exceed 1)");
    static final Parameter LAMBDA = Parameter.ofPositive("lambda", 0.001,
        "decay rate per time unit; weights fade as 2^(-lambda*dt)");
    static final Parameter INIT_POINTS = Parameter.ofInt("initPoints", 1000, 0, 1 << 24,
        "points buffered and clustered to seed the potential micro-clusters");
    static final Parameter OFFLINE_FACTOR = Parameter.ofPositive("offlineFactor", 2.0,
        "offline DBSCAN neighbourhood, in units of epsilon");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, EPSILON, MU, BETA,
        LAMBDA, INIT_POINTS, OFFLINE_FACTOR);

    /** The declaration states of codec version 2 were written with: epsilon a plain number. */
    static final ParamSpec<Params> SPEC_V2 = ParamSpec.of(Params.class,
        Parameter.ofRadius("epsilon", 0.5, "maximal micro-cluster radius, in data units"), MU,
        BETA, LAMBDA, INIT_POINTS, OFFLINE_FACTOR);

    /** The defaults (epsilon estimated; the paper's mu, beta and offline factor; lambda per tick). */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates every field. */
    public Params {
      EPSILON.check(epsilon);
      MU.check(mu);
      BETA.check(beta);
      LAMBDA.check(lambda);
      INIT_POINTS.check(initPoints);
      OFFLINE_FACTOR.check(offlineFactor);
      if (!(beta * mu > 1)) {
        throw new IllegalArgumentException("beta*mu must be > 1, got " + beta + "*" + mu + " = " + beta * mu);
      }
    }

    /** A copy with another epsilon. */
    public Params withEpsilon(double v) {
      return SPEC.with(this, EPSILON, v);
    }

    /** A copy with another mu. */
    public Params withMu(double v) {
      return SPEC.with(this, MU, v);
    }

    /** A copy with another beta. */
    public Params withBeta(double v) {
      return SPEC.with(this, BETA, v);
    }

    /** A copy with another decay rate. */
    public Params withLambda(double v) {
      return SPEC.with(this, LAMBDA, v);
    }

    /** A copy with another number of initial points. */
    public Params withInitPoints(int v) {
      return SPEC.with(this, INIT_POINTS, v);
    }

    /** A copy with another offline factor. */
    public Params withOfflineFactor(double v) {
      return SPEC.with(this, OFFLINE_FACTOR, v);
    }

    /** Whether epsilon is estimated from the first points. */
    public boolean autoEpsilon() {
      return epsilon == AUTO;
    }

    /**
     * The total faded weight of a stream of one point of weight 1 per time unit, in the long
     * run: {@code W = 1 / (1 - 2^-lambda)}, about {@code 1.44 / lambda} for small lambda. A
     * stream of v points per time unit weighs {@code v·W}, and no micro-cluster can weigh
     * more than its share of it: a core needs {@code mu <= share · v · W}.
     */
    public double weightPerTimeUnit() {
      return 1 / Decay.complement(lambda, 1);
    }

    /**
     * The points buffered before learning starts: {@code initPoints}, or with an estimated
     * epsilon at least {@link DenStream#AUTO_WARMUP}.
     */
    public int bufferSize() {
      return autoEpsilon() ? Math.max(initPoints, AUTO_WARMUP) : initPoints;
    }

    /**
     * The pruning period {@code T_p = ceil((1/lambda)·log2(beta·mu / (beta·mu - 1)))}, in time
     * units.
     */
    public double pruningPeriod() {
      double bm = beta * mu;
      return Math.max(1, Math.ceil(Math.log(bm / (bm - 1)) / Math.log(2) / lambda));
    }
  }

  /**
   * The noise threshold of DenStream's snapshots, in micro-cluster radii: a point farther than
   * 3 radii from every clustered potential micro-cluster is noise. For a Gaussian cluster in d
   * dimensions the root-mean-square radius is {@code sd·sqrt(d)}, and a member lies beyond
   * three times that with probability below 1e-6 for every d &ge; 2.
   */
  public static final double NOISE_THRESHOLD = 3;

  /**
   * The least radius of a micro-cluster in a snapshot, in units of epsilon: a micro-cluster of
   * coinciding points reaches {@code 3 · epsilon / 4}, not 0.
   */
  public static final double RADIUS_FLOOR = 0.25;

  /**
   * The share of the potential micro-clusters' faded weight outside every macro cluster above
   * which {@link #warnings()} reports lost clusters: a tenth.
   */
  public static final double LOST_SHARE = 0.1;

  /** The least number of points buffered to estimate epsilon. */
  public static final int AUTO_WARMUP = 1000;

  /** The most buffered points the epsilon estimate reads (it costs O(250·n·d)). */
  public static final int AUTO_SAMPLE = 2000;

  /**
   * The most sample points whose k-th nearest neighbour distance the epsilon estimate takes
   * the median of (each against the whole sample): the estimate then costs O(250·n·d), a
   * quarter of the all-pairs cost at the default 1,000 points, which a fresh JVM runs mostly
   * in the interpreter. It estimates the same median, with about twice the standard error of
   * one over all 1,000 points.
   */
  static final int AUTO_QUERIES = 250;

  /** The epsilon estimate's neighbourhood: this fraction of the sample, at least one point. */
  static final double AUTO_FRACTION = 0.02;

  /** The number of whole time steps whose fading factors are tabulated. */
  private static final int FADE_TABLE = 1024;

  /** The largest initial buffer, in doubles: the largest array a JVM reliably allocates. */
  private static final long MAX_BUFFER = Integer.MAX_VALUE - 8;

  private final Params params;
  /** The epsilon in effect: the configured one, or the estimate; 0 until estimated. */
  private double epsilon;
  private double eps2;
  private final double betaMu;
  private final double tp;
  /** {@code fades[k] = Decay.factor(lambda, k)}, so that a tick-clock learn computes no power. */
  private final double[] fades = new double[FADE_TABLE];

  private double nextPrune;

  private boolean initialized;
  private double[] initPoints = new double[0];
  private double[] initWeights = new double[0];
  private double[] initTimes = new double[0];
  private int initCount;

  private final Group potential = new Group();
  private final Group outlier = new Group();
  /** Whether {@link #warnings()} was logged; not persisted, so a restored clusterer may log again. */
  private boolean warned;
  /** Whether {@link #warnings()} held at the last pruning; not persisted, as {@link #warned}. */
  private boolean held;

  private double[] faded = new double[0];
  /** Per p-micro-cluster during a reclustering: the faded weight within epsilon of its centre. */
  private double[] density = new double[0];
  private int[] component = new int[0];
  private int[] componentLabels = new int[0];
  private int[] queue = new int[0];
  private final double[] nearestDist = new double[1];

  /** A clusterer with the given configuration. */
  public DenStream(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
    setEpsilon(params.epsilon());
    for (int k = 0; k < FADE_TABLE; k++) {
      fades[k] = Decay.factor(params.lambda(), k);
    }
    this.betaMu = params.beta() * params.mu();
    this.tp = params.pruningPeriod();
    this.nextPrune = tp;
    this.initialized = params.bufferSize() == 0;
  }

  private void setEpsilon(double e) {
    epsilon = e;
    eps2 = e * e;
  }

  /**
   * The epsilon in effect: the configured value, or once estimated the estimate; NaN while an
   * estimate is pending.
   */
  public double epsilon() {
    return epsilon > 0 ? epsilon : Double.NaN;
  }

  /** A clusterer with {@link Params#DEFAULTS}. */
  public DenStream() {
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

  /**
   * Micro-clusters of one kind in flat arrays, ordered by id: centres, faded weights, faded
   * sums of squared distances to the centre, the time they were last faded to, creation times
   * and ids.
   */
  static final class Group {
    double[] center = new double[0];
    double[] weight = new double[0];
    double[] sse = new double[0];
    double[] stamp = new double[0];
    double[] created = new double[0];
    long[] id = new long[0];
    int size;

    void ensure(int n, int d) {
      if (n <= weight.length) {
        return;
      }
      int cap = Math.max(Math.max(16, n), weight.length * 2);
      center = Arrays.copyOf(center, cap * d);
      weight = Arrays.copyOf(weight, cap);
      sse = Arrays.copyOf(sse, cap);
      stamp = Arrays.copyOf(stamp, cap);
      created = Arrays.copyOf(created, cap);
      id = Arrays.copyOf(id, cap);
    }

    /** Inserts at the position that keeps ids increasing. */
    int insert(long newId, int d) {
      ensure(size + 1, d);
      int at = size;
      while (at > 0 && id[at - 1] > newId) {
        at--;
      }
      int tail = size - at;
      System.arraycopy(center, at * d, center, (at + 1) * d, tail * d);
      System.arraycopy(weight, at, weight, at + 1, tail);
      System.arraycopy(sse, at, sse, at + 1, tail);
      System.arraycopy(stamp, at, stamp, at + 1, tail);
      System.arraycopy(created, at, created, at + 1, tail);
      System.arraycopy(id, at, id, at + 1, tail);
      id[at] = newId;
      size++;
      return at;
    }

    void remove(int i, int d) {
      int tail = size - i - 1;
      System.arraycopy(center, (i + 1) * d, center, i * d, tail * d);
      System.arraycopy(weight, i + 1, weight, i, tail);
      System.arraycopy(sse, i + 1, sse, i, tail);
      System.arraycopy(stamp, i + 1, stamp, i, tail);
      System.arraycopy(created, i + 1, created, i, tail);
      System.arraycopy(id, i + 1, id, i, tail);
      size--;
    }

    void copy(int from, int to, int d) {
      System.arraycopy(center, from * d, center, to * d, d);
      weight[to] = weight[from];
      sse[to] = sse[from];
      stamp[to] = stamp[from];
      created[to] = created[from];
      id[to] = id[from];
    }

    void write(StateOutput out, int d) throws IOException {
      out.writeDoubles(Arrays.copyOf(center, size * d));
      out.writeDoubles(Arrays.copyOf(weight, size));
      out.writeDoubles(Arrays.copyOf(sse, size));
      out.writeDoubles(Arrays.copyOf(stamp, size));
      out.writeDoubles(Arrays.copyOf(created, size));
      out.writeLongs(Arrays.copyOf(id, size));
    }

    void read(StateInput in, DenStream owner) throws ModelFormatException {
      double[] c = in.readDoubles();
      double[] w = in.readDoubles();
      double[] s = in.readDoubles();
      double[] st = in.readDoubles();
      double[] cr = in.readDoubles();
      long[] ids = in.readLongs();
      int n = w.length;
      owner.checkMicroClusters(c, w, ids, st, cr);
      for (int i = 0; i < n; i++) {
        if (!(s[i] >= 0) || !Double.isFinite(s[i])) {
          throw new ModelFormatException("invalid micro-cluster " + i + ": sum of squares " + s[i]);
        }
      }
      center = c;
      weight = w;
      sse = s;
      stamp = st;
      created = cr;
      id = ids;
      size = n;
    }
  }

  @Override
  void ingest(double[] x, double w, double t) {
    if (d == 0) {
      if (!initialized && (long) params.bufferSize() * x.length > MAX_BUFFER) {
        throw new IllegalArgumentException("buffered points * dimension is " + params.bufferSize()
            + " * " + x.length + ", expected at most " + MAX_BUFFER + " buffered values");
      }
      d = x.length;
    }
    if (initialized) {
      merge(x, w, t);
      return;
    }
    if (initCount == initWeights.length) {
      growInitBuffer();
    }
    System.arraycopy(x, 0, initPoints, initCount * d, d);
    initWeights[initCount] = w;
    initTimes[initCount] = t;
    initCount++;
    if (initCount == params.bufferSize()) {
      initialize(t);
    }
  }

  @Override
  void maintain() {
    if (initialized && now >= nextPrune) {
      prune();
    } else if (!initialized && now >= nextPrune) {
      // Nothing to prune while buffering, but the schedule follows the clock: an event time
      // past the period would otherwise leave a state its own codec rejects.
      nextPrune = nextTask(now, tp);
    }
  }

  /**
   * Doubles the initial buffer, up to initPoints: it grows with the points that come rather
   * than being allocated whole, so a large initPoints costs memory only when the stream fills it.
   */
  private void growInitBuffer() {
    int cap = (int) Math.min(params.bufferSize(), Math.max(16, 2L * initWeights.length));
    initPoints = Arrays.copyOf(initPoints, cap * d);
    initWeights = Arrays.copyOf(initWeights, cap);
    initTimes = Arrays.copyOf(initTimes, cap);
  }

  /**
   * Estimates epsilon if asked, then runs the paper's initialisation over the buffer (greedy
   * epsilon-neighbourhoods weighing more than beta·mu), or with {@code initPoints = 0} learns
   * the buffered points one by one at their own times.
   */
  private void initialize(double t) {
    if (epsilon == Params.AUTO) {
      setEpsilon(estimateEpsilon(initPoints, initCount, d, autoFraction()));
    }
    if (params.initPoints() == 0) {
      double[] pts = initPoints;
      double[] w = initWeights;
      double[] times = initTimes;
      int n = initCount;
      finishInitialization();
      double[] row = new double[d];
      for (int i = 0; i < n; i++) {
        System.arraycopy(pts, i * d, row, 0, d);
        merge(row, w[i], times[i]);
      }
      return;
    }
    double lambda = params.lambda();
    int n = initCount;
    boolean[] used = new boolean[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = initWeights[i] * Decay.factor(lambda, t - initTimes[i]);
    }
    int[] members = new int[n];
    for (int i = 0; i < n; i++) {
      if (used[i]) {
        continue;
      }
      int k = 0;
      double total = 0;
      for (int j = 0; j < n; j++) {
        if (!used[j] && Euclid.squaredDistance(initPoints, i * d, initPoints, j * d, d) <= eps2) {
          members[k++] = j;
          total += w[j];
        }
      }
      if (!(total > betaMu)) {
        continue;
      }
      int at = potential.insert(nextId++, d);
      double[] c = potential.center;
      Arrays.fill(c, at * d, (at + 1) * d, 0);
      for (int q = 0; q < k; q++) {
        int j = members[q];
        used[j] = true;
        for (int e = 0; e < d; e++) {
          c[at * d + e] += w[j] * initPoints[j * d + e];
        }
      }
      for (int e = 0; e < d; e++) {
        c[at * d + e] /= total;
      }
      double sse = 0;
      for (int q = 0; q < k; q++) {
        int j = members[q];
        sse += w[j] * Euclid.squaredDistance(initPoints, j * d, c, at * d, d);
      }
      potential.weight[at] = total;
      potential.sse[at] = sse;
      potential.stamp[at] = t;
      potential.created[at] = t;
    }
    finishInitialization();
  }

  private void finishInitialization() {
    initialized = true;
    initPoints = null;
    initWeights = null;
    initTimes = null;
    initCount = 0;
    ensureScratch();
  }

  private void merge(double[] x, double w, double t) {
    if (tryMerge(potential, x, w, t)) {
      return;
    }
    if (outlier.size > 0) {
      int i = Neighbours.nearest(x, outlier.center, outlier.size, nearestDist);
      if (absorb(outlier, i, x, w, t, nearestDist[0])) {
        if (outlier.weight[i] > betaMu) {
          promote(i);
        }
        return;
      }
    }
    int at = outlier.insert(nextId++, d);
    System.arraycopy(x, 0, outlier.center, at * d, d);
    outlier.weight[at] = w;
    outlier.sse[at] = 0;
    outlier.stamp[at] = t;
    outlier.created[at] = t;
    if (w > betaMu) {
      promote(at);
    }
  }

  /**
   * {@code 2^(-lambda·dt)}, from {@link #fades} when dt is a small whole number (the usual case
   * with one tick per point), bit for bit what {@link Decay#factor} computes.
   */
  private double fade(double dt) {
    int k = (int) dt;
    return k == dt && k < FADE_TABLE ? fades[k] : Decay.factor(params.lambda(), dt);
  }

  private boolean tryMerge(Group g, double[] x, double w, double t) {
    if (g.size == 0) {
      return false;
    }
    int i = Neighbours.nearest(x, g.center, g.size, nearestDist);
    return absorb(g, i, x, w, t, nearestDist[0]);
  }

  /**
   * Adds the point to micro-cluster {@code i} of {@code g} if the radius after the merge stays
   * within epsilon. The weighted update {@code sse' = f·sse + w·(f·W)/(f·W + w)·|x - c|²} is
   * exact for a point of weight w.
   */
  private boolean absorb(Group g, int i, double[] x, double w, double t, double dist2) {
    double f = fade(t - g.stamp[i]);
    double fw = g.weight[i] * f;
    double total = fw + w;
    double sse = g.sse[i] * f + w * (fw / total) * dist2;
    if (!(sse <= eps2 * total)) {
      return false;
    }
    g.weight[i] = total;
    g.sse[i] = sse;
    g.stamp[i] = t;
    Euclid.moveToward(g.center, i, x, w / total);
    return true;
  }

  private void promote(int i) {
    long id = outlier.id[i];
    int at = potential.insert(id, d);
    System.arraycopy(outlier.center, i * d, potential.center, at * d, d);
    potential.weight[at] = outlier.weight[i];
    potential.sse[at] = outlier.sse[i];
    potential.stamp[at] = outlier.stamp[i];
    potential.created[at] = outlier.created[i];
    outlier.remove(i, d);
    ensureScratch();
  }

  private void ensureScratch() {
    int n = potential.weight.length;
    if (faded.length < n) {
      faded = new double[n];
      density = new double[n];
      component = new int[n];
      componentLabels = new int[n];
      queue = new int[n];
    }
  }

  private void prune() {
    double lambda = params.lambda();
    int kept = 0;
    for (int i = 0; i < potential.size; i++) {
      if (potential.weight[i] * fade(now - potential.stamp[i]) < betaMu) {
        continue;
      }
      if (kept != i) {
        potential.copy(i, kept, d);
      }
      kept++;
    }
    potential.size = kept;
    double denominator = Decay.complement(lambda, tp);
    kept = 0;
    for (int i = 0; i < outlier.size; i++) {
      double xi = Decay.complement(lambda, now - outlier.created[i] + tp) / denominator;
      if (outlier.weight[i] * fade(now - outlier.stamp[i]) < xi) {
        continue;
      }
      if (kept != i) {
        outlier.copy(i, kept, d);
      }
      kept++;
    }
    outlier.size = kept;
    nextPrune = nextTask(now, tp);
    int count = recluster();
    labels.commit(potential.id, faded, component, potential.size, count, componentLabels, now);
    if (!warned) {
      List<String> w = diagnose();
      // Logged once it holds at two prunings in a row: clusters being born cross it briefly.
      boolean twice = !w.isEmpty() && held;
      held = !w.isEmpty();
      if (twice) {
        warned = true;
        System.getLogger(DenStream.class.getName()).log(System.Logger.Level.WARNING, w.get(0));
      }
    }
  }

  /**
   * The offline DBSCAN over p-micro-clusters into the scratch arrays; changes no learning
   * state.
   *
   * @return the number of macro clusters
   */
  private int recluster() {
    ensureScratch();
    int p = potential.size;
    double mu = params.mu();
    double reach = params.offlineFactor() * epsilon;
    double reach2 = reach * reach;
    double[] c = potential.center;
    for (int i = 0; i < p; i++) {
      faded[i] = potential.weight[i] * fade(now - potential.stamp[i]);
      component[i] = -1;
    }
    weightWithinEpsilon(c, faded, p, density);
    int count = 0;
    for (int i = 0; i < p; i++) {
      if (component[i] >= 0 || density[i] < mu) {
        continue;
      }
      int k = count++;
      component[i] = k;
      int head = 0;
      int tail = 0;
      queue[tail++] = i;
      while (head < tail) {
        int q = queue[head++];
        for (int j = 0; j < p; j++) {
          if (component[j] < 0 && Euclid.squaredDistance(c, q * d, c, j * d, d) <= reach2) {
            component[j] = k;
            if (density[j] >= mu) {
              queue[tail++] = j;
            }
          }
        }
      }
    }
    labels.assign(potential.id, faded, component, p, count, componentLabels);
    return count;
  }

  @Override
  DenStreamModel build() {
    int p = potential.size;
    int count = recluster();
    MacroClusters macro = MacroClusters.of(potential.center, d, faded, component, p, count,
        componentLabels);
    // the model's radii are squared: at epsilon's lower end, epsilon/4 would fall below its range
    double floor = Math.max(MicroClusterModel.MIN_RADIUS, RADIUS_FLOOR * epsilon);
    double[] radii = new double[p];
    for (int i = 0; i < p; i++) {
      // sse and weight fade by the same factor, so their ratio needs no fading.
      radii[i] = Math.min(1e100, Math.max(floor, Math.sqrt(potential.sse[i] / potential.weight[i])));
    }
    // Before epsilon is estimated there is no micro-cluster, and the nominal radius is 1.
    return new DenStreamModel(d, epsilon > 0 ? epsilon : 1, NOISE_THRESHOLD, now, macro.labels(),
        macro.centers(), macro.weights(), Arrays.copyOf(potential.center, p * d),
        Arrays.copyOf(faded, p), radii, macro.microLabels());
  }

  /**
   * The share of the stream the ball of the epsilon estimate holds around a typical point:
   * {@link #AUTO_FRACTION}, or more when a ball holding only that share could not reach mu,
   * {@code mu / (v·W)} with {@code W = 1/(1 - 2^-lambda)} and v the buffer's points (weights)
   * per time unit; at most one half. A core weighs the p-micro-clusters within epsilon, so the
   * ball need hold mu itself (the factor 2 of the rule before, where a micro-cluster had to
   * hold mu alone, pushed the estimate across clusters at lambda = 0.01).
   */
  private double autoFraction() {
    double span = initTimes[initCount - 1] - initTimes[0];
    double weight = 0;
    for (int i = 0; i < initCount - 1; i++) {
      weight += initWeights[i];
    }
    double rate = span > 0 ? weight / span : Double.POSITIVE_INFINITY;
    double needed = params.mu() / (rate * params.weightPerTimeUnit());
    return Math.min(0.5, Math.max(AUTO_FRACTION, needed));
  }

  /**
   * The epsilon estimate from the first {@code min(n, AUTO_SAMPLE)} buffered points, weights
   * ignored: the median, over {@link #AUTO_QUERIES} of those points evenly spaced (all of them
   * if fewer), of the distance to the k-th nearest other point of the sample, with
   * {@code k = max(1, round(fraction · points))}: the radius of the ball around a typical
   * point that holds that fraction of the stream (see {@link #autoFraction()}: 2 % unless the
   * decay asks for more). Within a cluster it grows with the cluster's spread and hardly with
   * the number of points (a quantile of the data's own mass does not shrink as the buffer
   * grows), and the noise, a minority, does not move the median. With 2 % it suits streams of
   * up to about 25 clusters of comparable weight; with many more, set epsilon. If half the
   * points coincide with their neighbours the largest such distance is used, and if every
   * point coincides, {@code 1e-9·max(1, max|x|)}. Scales with the data: multiplying every
   * point by s multiplies the estimate by s.
   */
  static double estimateEpsilon(double[] points, int n, int d, double fraction) {
    int m = Math.min(n, AUTO_SAMPLE);
    if (m < 2) {
      double max = 0;
      for (int i = 0; i < m * d; i++) {
        max = Math.max(max, Math.abs(points[i]));
      }
      return 1e-9 * Math.max(1, max);
    }
    int k = (int) Math.max(1, Math.min(m - 1, Math.round(fraction * m)));
    int q = Math.min(m, AUTO_QUERIES);
    double[] kth = new double[q];
    AutoRadius.kthNearestSquared(points, m, d, k, q, kth);
    double maxAbs = 0;
    for (int i = 0; i < m * d; i++) {
      maxAbs = Math.max(maxAbs, Math.abs(points[i]));
    }
    for (int i = 0; i < q; i++) {
      kth[i] = Math.sqrt(kth[i]);
    }
    Arrays.sort(kth);
    double e = kth[q / 2];
    if (e == 0) {
      e = kth[q - 1];
    }
    if (e == 0) {
      e = 1e-9 * Math.max(1, maxAbs);
    }
    return Math.min(1e100, Math.max(1e-100, e));
  }

  /**
   * Conditions under which this configuration cannot produce what the user expects, in words;
   * empty when all is well. Computed from the current state on each call (one offline
   * reclustering, O(p²·d)), once initialised and past two pruning periods. Two conditions are
   * checked:
   * <ul>
   *   <li>no core: no potential micro-cluster's epsilon-neighbourhood reaches the core weight
   *       mu, so every point is noise. The message gives the heaviest neighbourhood's faded
   *       weight and the bound {@link Params#weightPerTimeUnit()}: with v points per time unit
   *       no region can weigh more than its share of {@code v / (1 - 2^-lambda)}, so a core
   *       needs mu below that share (lower mu, lower lambda, or a larger epsilon);</li>
   *   <li>lost clusters: more than {@link #LOST_SHARE} (a tenth) of the potential
   *       micro-clusters' faded weight lies in no macro cluster. Noise seldom gathers into
   *       potential micro-clusters (below 1 % of their weight on a stream with 5 % uniform
   *       noise when every cluster is found), so dense regions are being left out: their weight
   *       within epsilon is close to mu and they come and go between reclusterings. A cluster
   *       is found reliably when its own faded weight is at least twice mu and epsilon is at
   *       least about its root-mean-square radius (see {@link DenStream}).</li>
   * </ul>
   * The first message is also logged once per instance, at level WARNING on the
   * {@link System.Logger} named {@code io.eddy.online.DenStream}, at the second pruning in a row
   * where a condition holds (a cluster being born may cross the lost share briefly).
   *
   * <p>Why a warning and not a rejection of the configuration: the configuration cannot tell
   * how many points a time unit holds (event time may bring thousands per second), nor how the
   * stream's weight spreads over clusters, so only the running clusterer can tell.
   */
  public List<String> warnings() {
    if (!initialized || now < 2 * tp) {
      return new ArrayList<>();
    }
    recluster();
    return diagnose();
  }

  /** {@link #warnings()} from the scratch of the last reclustering. */
  private List<String> diagnose() {
    List<String> out = new ArrayList<>();
    if (!initialized || now < 2 * tp) {
      return out;
    }
    double densest = 0;
    double total = 0;
    double lost = 0;
    for (int i = 0; i < potential.size; i++) {
      densest = Math.max(densest, density[i]);
      total += faded[i];
      lost += component[i] < 0 ? faded[i] : 0;
    }
    if (densest < params.mu()) {
      out.add(String.format(Locale.ROOT, "no core micro-cluster: the heaviest epsilon-neighbourhood "
          + "of potential micro-clusters weighs %.4g < mu = %s at time %s; at one point per time "
          + "unit the stream's total faded weight is 1/(1 - 2^-lambda) = %.4g and a region gets "
          + "only its share of it, so mu must lie below that share: lower mu or lambda, or raise "
          + "epsilon (now %s)", densest, params.mu(), now, params.weightPerTimeUnit(), epsilon));
    } else if (lost > LOST_SHARE * total) {
      out.add(String.format(Locale.ROOT, "lost clusters: %.0f%% of the potential micro-clusters' "
          + "weight is in no cluster at time %s: dense regions whose weight within epsilon "
          + "(epsilon = %.4g) stays near mu = %s; a cluster is found reliably when its faded weight (its points "
          + "per time unit times 1/(1 - 2^-lambda) = %.4g) is at least 2*mu and epsilon is at "
          + "least about its radius: lower mu or lambda, or raise epsilon", 100 * lost / total,
          now, epsilon, params.mu(), params.weightPerTimeUnit()));
    }
    return out;
  }

  /** Whether the initial buffer has been clustered. */
  public boolean initialized() {
    return initialized;
  }

  /** The number of potential micro-clusters now held. */
  public int potentialCount() {
    return potential.size;
  }

  /** The number of outlier micro-clusters now held. */
  public int outlierCount() {
    return outlier.size;
  }

  /** The micro-clusters of one kind, for tests. */
  Group potentialGroup() {
    return potential;
  }

  Group outlierGroup() {
    return outlier;
  }

  @Override
  public String toString() {
    return "DenStream[" + params + ", epsilon in effect " + epsilon() + ", p=" + potential.size + ", o=" + outlier.size + ", seen=" + seen + "]";
  }

  /**
   * The codec of the full learning state, named {@code "denstream.state"}. Version 3 adds the
   * epsilon in effect (the estimate, or 0 while pending) after the initialisation flag; the
   * configuration's epsilon
   * may be "auto"; version 2 stored the configuration by name with a numeric epsilon; version 1
   * stored it by position, with an unused seed.
   */
  static final StateCodec<DenStream> CODEC = StateCodec.of("denstream.state", 3, DenStream.class,
      (c, out) -> {
        Params.SPEC.write(c.params, out);
        out.writeInt(c.d);
        out.writeDouble(c.now);
        out.writeDouble(c.nextPrune);
        out.writeLong(c.seen);
        out.writeLong(c.nextId);
        out.writeBoolean(c.initialized);
        out.writeDouble(c.epsilon);
        if (!c.initialized) {
          int n = c.initCount;
          out.writeDoubles(Arrays.copyOf(c.initPoints, n * c.d));
          out.writeDoubles(Arrays.copyOf(c.initWeights, n));
          out.writeDoubles(Arrays.copyOf(c.initTimes, n));
        }
        c.potential.write(out, c.d);
        c.outlier.write(out, c.d);
        c.labels.write(out);
      },
      (in, version) -> {
        DenStream c = new DenStream(version >= 3 ? Params.SPEC.read(in)
            : version == 2 ? Params.SPEC_V2.read(in) : readPositional(in));
        c.d = in.readInt(0, Integer.MAX_VALUE);
        c.nextPrune = c.readClock(in, "pruning");
        c.initialized = in.readBoolean();
        double epsilon = version >= 3 ? in.readDouble() : c.params.epsilon();
        if (c.params.bufferSize() == 0 && !c.initialized) {
          throw new ModelFormatException("a clusterer without initial points is always initialised");
        }
        boolean pending = c.params.autoEpsilon() && !c.initialized;
        if (pending ? epsilon != Params.AUTO : !(epsilon >= 1e-100 && epsilon <= 1e100)
            || (!c.params.autoEpsilon() && epsilon != c.params.epsilon())) {
          throw new ModelFormatException("invalid epsilon " + epsilon + " for " + c.params);
        }
        c.setEpsilon(epsilon);
        if (!c.initialized) {
          double[] pts = in.readDoubles();
          double[] w = in.readDoubles();
          double[] t = in.readDoubles();
          int n = w.length;
          if (n >= c.params.bufferSize() || (long) c.params.bufferSize() * c.d > MAX_BUFFER) {
            throw new ModelFormatException("invalid initial buffer of " + n + " points of dimension " + c.d);
          }
          // Buffered points obey the micro-cluster rules but for ids, which they do not have yet.
          c.checkMicroClusters(pts, w, null, t);
          c.initPoints = pts;
          c.initWeights = w;
          c.initTimes = t;
          c.initCount = n;
        }
        c.potential.read(in, c);
        c.outlier.read(in, c);
        c.labels = StableLabels.read(in);
        c.ensureScratch();
        return c;
      });

  /** The configuration as version 1 stored it: by position, with a seed nothing used. */
  private static Params readPositional(StateInput in) throws ModelFormatException {
    double epsilon = in.readDouble();
    double mu = in.readDouble();
    double beta = in.readDouble();
    Params p = Params.SPEC.from(Map.of("epsilon", epsilon, "mu", mu, "beta", beta,
        "lambda", in.readDouble(), "initPoints", in.readInt(), "offlineFactor", in.readDouble()));
    in.readLong();
    return p;
  }

  // ---- merging (Mergeable) ----

  /**
   * Merges another DenStream of the same configuration into this one (see {@link Mergeable}).
   * Both states are faded to the later clock T, which becomes this one's. Cluster features add
   * exactly once faded to a common time: weight W = W₁ + W₂, centre the weighted mean, and
   * {@code sse = sse₁ + sse₂ + (W₁·W₂/W)·|c₁ - c₂|²}. Each of the other's p-micro-clusters
   * combines with at most one of this one's, closest pairs first, when their merged radius
   * stays within epsilon (the rule a point follows), and otherwise becomes a new
   * p-micro-cluster with a fresh id; the o-micro-clusters do the same among o-micro-clusters,
   * keeping the earlier creation time, and are promoted above beta·mu. Which micro-clusters
   * combine does not depend on which side receives. Points still in the other's initial buffer are learned at T
   * with their faded weights (and this one's own, if only the other was initialised). The
   * total faded weight at T is exact; the pairing is greedy, so the merge is
   * {@link Mergeable.Kind#APPROXIMATE}. Labels are the receiver's; a merge into a
   * fresh clusterer copies the other, labels included. With tick clocks each side counts its
   * own points: drive both by event time for comparable clocks. Cost
   * O((p·p' + o·o')·(d + log(p·p' + o·o'))).
   *
   * @throws IllegalArgumentException if {@code other} is null, this object, or has another
   *     configuration or dimension; nothing changes then
   */
  @Override
  public void merge(DenStream other) {
    MergeChecks.require(this, other, params, other == null ? null : other.params, d,
        other == null ? 0 : other.d);
    if (other.seen == 0) {
      return;
    }
    if (seen == 0) {
      adopt(MergeChecks.copyOf(other, DenStream.class));
      invalidateSnapshot();
      return;
    }
    double t = Math.max(now, other.now);
    long total = seen + other.seen;
    if (!initialized && other.initialized) {
      double[] pts = Arrays.copyOf(initPoints, initCount * d);
      double[] w = Arrays.copyOf(initWeights, initCount);
      double[] times = Arrays.copyOf(initTimes, initCount);
      adopt(MergeChecks.copyOf(other, DenStream.class));
      now = t;
      replay(pts, w, times, initCount, t);
    } else {
      now = t;
      if (other.initialized) {
        absorbGroup(other.potential, potential, t);
        absorbGroup(other.outlier, outlier, t);
      } else {
        replay(other.initPoints, other.initWeights, other.initTimes, other.initCount, t);
      }
    }
    seen = total;
    maintain();
    invalidateSnapshot();
  }

  /**
   * Into {@code out}: for each of the first {@code p} centres, the weight within epsilon of it,
   * its own included; the quantity the core rule compares with mu. O(p^2 d).
   */
  private void weightWithinEpsilon(double[] c, double[] weight, int p, double[] out) {
    System.arraycopy(weight, 0, out, 0, p);
    for (int i = 0; i < p; i++) {
      for (int j = i + 1; j < p; j++) {
        if (Euclid.squaredDistance(c, i * d, c, j * d, d) <= eps2) {
          out[i] += weight[j];
          out[j] += weight[i];
        }
      }
    }
  }

  /**
   * Becomes part {@code part} of {@code parts} of {@code merged} (see
   * {@link Mergeable#takePart}): a copy at the same clock and epsilon, the same potential and
   * outlier micro-clusters under the same ids, centres and labels, each faded weight and sum
   * of squared distances scaled by {@code 1 / parts}, so that radii are kept and the parts'
   * features add back to the merged ones; {@code seen()} is split as an integer
   * ({@link MergeChecks#share}). {@code mu} (a core's weight within epsilon) and
   * {@code beta·mu} (a potential micro-cluster) are absolute weights, so a part would lose the
   * cores and potential micro-clusters lighter than {@code parts} times those, and predict
   * otherwise than the merged state: then nothing is split and false is returned (a caller falls back on the
   * identity), as while {@code merged} is still in its initial buffer; nothing changes then.
   * So DenStream splits only states whose potential micro-clusters all weigh at least
   * {@code parts · beta · mu}. O(m²·d).
   */
  @Override
  public boolean takePart(DenStream merged, int part, int parts) {
    Mergeable.super.takePart(merged, part, parts);
    MergeChecks.require(this, merged, params, merged.params, d, merged.d);
    if (merged.seen == 0 || !merged.initialized) {
      return false;
    }
    double share = 1.0 / parts;
    Group g0 = merged.potential;
    double[] w = new double[g0.size];
    for (int i = 0; i < g0.size; i++) {
      w[i] = g0.weight[i] * merged.fade(merged.now - g0.stamp[i]);
      if (w[i] * share < betaMu) {
        return false; // a potential micro-cluster would not be one in a part
      }
    }
    double[] core = new double[g0.size];
    merged.weightWithinEpsilon(g0.center, w, g0.size, core);
    for (double weight : core) {
      if (weight >= params.mu() && weight * share < params.mu()) {
        return false; // a core would not be one in a part
      }
    }
    DenStream c = MergeChecks.copyOf(merged, DenStream.class);
    for (Group g : new Group[] {c.potential, c.outlier}) {
      for (int i = 0; i < g.size; i++) {
        g.weight[i] *= share;
        g.sse[i] *= share;
      }
    }
    c.seen = MergeChecks.share(merged.seen, part, parts);
    adopt(c);
    invalidateSnapshot();
    return true;
  }

  /** {@link Mergeable.Kind#APPROXIMATE}: see {@link #merge(DenStream)}. */
  @Override
  public Mergeable.Kind mergeKind() {
    return Mergeable.Kind.APPROXIMATE;
  }

  /** Learns buffered points at time t, their weights faded from their own times. */
  private void replay(double[] pts, double[] w, double[] times, int n, double t) {
    double[] row = new double[d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(pts, i * d, row, 0, d);
      ingest(row, w[i] * Decay.factor(params.lambda(), t - times[i]), t);
    }
  }

  /**
   * Adds every micro-cluster of {@code from}, faded to t, into {@code into} (same kind). Pairs
   * of one micro-cluster from each side combine closest pair first, each at most once, when
   * their merged radius stays within epsilon; so which ones combine does not depend on which
   * side receives. The others of {@code from} join with fresh ids.
   */
  private void absorbGroup(Group from, Group into, double t) {
    double lambda = params.lambda();
    // Bring the receiver's micro-clusters to t first: the pairing compares faded features.
    // One faded to nothing (clocks far apart) goes: a weightless entry has no centre or radius.
    for (int j = into.size - 1; j >= 0; j--) {
      double g = Decay.factor(lambda, t - into.stamp[j]);
      into.weight[j] *= g;
      into.sse[j] *= g;
      into.stamp[j] = t;
      if (into.weight[j] == 0) {
        into.remove(j, d);
      }
    }
    int n = into.size;
    int n2 = from.size;
    double[] w = new double[n2];
    double[] sse = new double[n2];
    boolean[] usedFrom = new boolean[n2];
    for (int i = 0; i < n2; i++) {
      double f = Decay.factor(lambda, t - from.stamp[i]);
      w[i] = from.weight[i] * f;
      sse[i] = from.sse[i] * f;
      usedFrom[i] = w[i] == 0; // faded to nothing: dropped, as above
    }
    double[] dist = new double[n * n2];
    Integer[] order = new Integer[n * n2];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n2; i++) {
        int k = j * n2 + i;
        dist[k] = Euclid.squaredDistance(into.center, j * d, from.center, i * d, d);
        order[k] = k;
      }
    }
    Arrays.sort(order, (p, q) -> Double.compare(dist[p], dist[q]));
    boolean[] usedInto = new boolean[n];
    double[] row = new double[d];
    for (int k : order) {
      int j = k / n2;
      int i = k % n2;
      if (usedInto[j] || usedFrom[i]) {
        continue;
      }
      double sum = into.weight[j] + w[i];
      double merged = into.sse[j] + sse[i] + into.weight[j] * w[i] / sum * dist[k];
      if (!(merged <= eps2 * sum)) {
        continue;
      }
      usedInto[j] = true;
      usedFrom[i] = true;
      System.arraycopy(from.center, i * d, row, 0, d);
      Euclid.moveToward(into.center, j, row, w[i] / sum);
      into.weight[j] = sum;
      into.sse[j] = merged;
      into.created[j] = Math.min(into.created[j], from.created[i]);
    }
    for (int i = 0; i < n2; i++) {
      if (usedFrom[i]) {
        continue;
      }
      int at = into.insert(nextId++, d);
      System.arraycopy(from.center, i * d, into.center, at * d, d);
      into.weight[at] = w[i];
      into.sse[at] = sse[i];
      into.stamp[at] = t;
      into.created[at] = from.created[i];
    }
    if (into == outlier) {
      // Promote after all insertions, by id: positions shift as outliers leave.
      for (int i = outlier.size - 1; i >= 0; i--) {
        if (outlier.weight[i] > betaMu) {
          promote(i);
        }
      }
    }
    ensureScratch();
  }

  /** Takes over the whole state of {@code c}, a private copy. */
  private void adopt(DenStream c) {
    d = c.d;
    now = c.now;
    seen = c.seen;
    nextPrune = c.nextPrune;
    nextId = c.nextId;
    initialized = c.initialized;
    setEpsilon(c.epsilon);
    initPoints = c.initPoints;
    initWeights = c.initWeights;
    initTimes = c.initTimes;
    initCount = c.initCount;
    copyGroup(c.potential, potential);
    copyGroup(c.outlier, outlier);
    labels = c.labels;
    ensureScratch();
  }

  private static void copyGroup(Group from, Group to) {
    to.center = from.center;
    to.weight = from.weight;
    to.sse = from.sse;
    to.stamp = from.stamp;
    to.created = from.created;
    to.id = from.id;
    to.size = from.size;
  }

}
