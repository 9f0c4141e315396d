package io.eddy.online;

import io.eddy.ClusterModel;
import io.eddy.Mergeable;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.SegmentEvent;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import java.util.Arrays;

/**
 * D-Stream: density-grid clustering of a stream with decay and sporadic-grid removal [1].
 *
 * <p><b>Grids.</b> Every dimension is cut into cells of width {@code gridSize} (in data units)
 * from the origin, so a point x lies in the grid {@code floor(x_j / gridSize)} for every j;
 * the space is unbounded and only grids that received points are held. A grid's density is
 * the sum over its points of {@code lambda^(t - t_x)}; it is stored with the time of its last
 * update and faded lazily ({@code D ← D·lambda^(t - t_g) + w} when a point of weight w arrives).
 *
 * <p><b>Thresholds</b> (section 3 of [1]). With N the number of grids in the space, a grid is
 * dense when {@code D >= D_m = Cm / (N (1 - lambda))}, sparse when
 * {@code D <= D_l = Cl / (N (1 - lambda))}, and transitional in between. The space has no
 * declared bounds, so N counts the grids of the bounding box of the data seen so far widened by
 * one grid on each side, {@code N = prod_j (hi_j - lo_j + 3)} (MOA's choice), recomputed when
 * a point widens the box; D_m, D_l and the gap follow it. N is held as a double, so it does not
 * overflow in high dimension (where D_m becomes tiny and every occupied grid dense, as in the
 * paper).
 *
 * <p><b>Gap</b> (eq. 26): the clustering is adjusted every
 * {@code gap = floor(log_lambda(max(Cl/Cm, (N - Cm)/(N - Cl))))} time units (at least 1), the
 * shortest time in which a grid can change from dense to sparse or back. Adjustments happen
 * when the clock crosses a multiple of gap counted from the first point's time; in tick mode
 * that is after the points at times gap, 2·gap, ..., as in the paper's Figure 2.
 *
 * <p><b>Sporadic grids</b> (section 4.2). At each adjustment, with
 * {@code pi(t_g, t) = Cl (1 - lambda^(t - t_g + 1)) / (N (1 - lambda))}: a grid marked sporadic
 * at an earlier adjustment that has received no point since is deleted, and its deletion time
 * t_m is remembered; every other grid is (re)marked sporadic when {@code D(t) < pi(t_g, t)} (S1)
 * and, if it was deleted before, {@code t >= t_m + min(beta·t_m, H)} (S2, with the cap H
 * below), else normal. A deleted grid
 * that receives a point again starts from that point's density and keeps its t_m. Times in S2
 * are counted from the first point's time, so event times such as epoch seconds behave as the
 * paper's tick counts do.
 *
 * <p><b>Clusters</b> (Definitions 3.3-3.6). Two grids are neighbours when they differ by one in
 * exactly one coordinate. At each adjustment the grid clusters are the connected components,
 * through neighbours, of the dense and transitional grids that contain at least one dense
 * grid: the fixed point of the paper's initial-clustering procedure (Figure 3), where dense
 * grids seed clusters, clusters that touch merge and transitional grids bordering a cluster
 * join it. Points in any other grid, or in a grid created since the last adjustment, are
 * {@link ClusterModel#NOISE}. Labels are stable segment ids, matched from one adjustment to the
 * next by the density the clusters share ({@link StableLabels}); a vanished label is never
 * reused. {@link #snapshot()} shows the clustering of the last adjustment with densities faded
 * to the current time.
 *
 * <p><b>Adjustments are incremental.</b> Between its points a grid's density only fades, so the
 * time at which it will fall to the next class, or meet the sporadic rules, is known when it is
 * touched; those times are kept in a priority queue, and an adjustment visits only the grids
 * hit since the last one, those whose time has come and those marked sporadic at the last one
 * (deleted if nothing arrived). The clusters are then relabelled only around the grids whose
 * class changed, without matching their members in the common cases: a grid joins or leaves a
 * cluster at its edge, a cluster is born or loses its last dense grid; clusters join, and keep
 * the label of the heaviest, known from a mass kept per label (its grids' densities,
 * forward-decayed, with a bound on their rounding), so only the lighter ones' grids are
 * visited; a cluster may split, and searches from the sides of the grids it lost, run in
 * lock-step, stop once only one part can still grow, so only the smaller parts are visited.
 * When rounding could decide which part is heaviest, or a cluster both joins and splits, the
 * components through the changed grids are matched as a whole. The result is the same, bit for
 * bit, as the pass over every grid that the definitions above describe (tested point by
 * point); that pass still runs when N changes, since every threshold then moves.
 *
 * <p><b>Deviations from [1]</b>, deliberate: adjust-clustering (Figure 4) computes the fixed
 * point above on the updated densities instead of applying its local rules grid by grid, so its
 * result does not depend on the order in which grids changed.
 * S2's protection window is capped: the paper's {@code beta·t_m} grows with the stream's age,
 * so on a drifting stream, where grids are deleted and hit again, a grid that comes back
 * cannot be deleted for a time proportional to the stream's age, and the grids held grow
 * linearly (on the soak's 8-D drifting stream, 32,532 grids at 1 M points with the paper's
 * rule, 9,489 without S2). Here the window is {@code min(beta·t_m, H)} with the horizon
 * {@code H = log_lambda(Cl/Cm)} time units, the time in which a grid's density fades from the
 * dense threshold to the sparse one (the longest gap); the rule is the paper's while
 * {@code t_m <= H / beta} (about 2,200 time units with the defaults).
 * The paper's deleted-grid table grows with the stream; here a record is dropped
 * once S2 holds for it ({@code t >= t_m + min(beta·t_m, H)}, when it no longer changes
 * anything), and at most {@code maxDeleted} records are kept, the oldest dropped first.
 *
 * <p><b>Differences from MOA 2024.07</b> ({@code moa.clusterers.dstream.Dstream}), where MOA
 * deviates from the paper: MOA maps x to {@code (int) x}, which truncates toward zero, so the
 * grid around 0 is twice as wide ([-1, 1) in every dimension) and the grid size is fixed at 1;
 * after each adjustment MOA stores the faded density but keeps the old update time, so the next
 * point fades it a second time (densities of grids that are hit across adjustments come out
 * too low); pi uses the time of the last adjustment instead of the grid's last update; sporadic
 * removal starts only at the second adjustment; labels are list positions that shift when a
 * cluster is removed. The committed cross-check ({@code benchmarks/compare/canon/dstream})
 * compares N, D_m, D_l, gap and the grids held, and the clusters of dense grids, on a stream
 * where these differences do not matter.
 *
 * <p><b>Weights.</b> A point of weight w adds w to its grid's density.
 *
 * <p>Not thread-safe: use from one thread at a time; snapshots are immutable. {@code learn}
 * costs one hash look-up (O(d)) between adjustments, and 2d more when it opens a grid (its
 * neighbours are linked); an adjustment costs O(log G + d) per grid visited, plus O(d) per grid
 * of the lighter clusters that join and of the parts split off (times the searches run), and
 * O(d) per grid of the clusters matched whole in the rare cases above; O(G·d) when N changes.
 * It allocates nothing in steady state (arrays grow only when the number of grids reaches a new
 * maximum).
 * Memory is O(G·d + R·d) for G grids and R deletion records, both bounded by what the stream
 * did in a window of recent time, not by its age: a grid that stops receiving points at t_g is
 * deleted at most two gaps after both S1 holds (its faded density below pi, about
 * {@code log_lambda(pi / D(t_g))} time units after t_g) and S2 holds (by {@code t_g + H} at the
 * latest, since its deletion time precedes its last point), so G is at most the number of grids hit within
 * the last {@code max(log_lambda(pi / D_max), H) + 2·gap} time units, D_max the largest
 * density held; a record expires H time units after its deletion at the latest, so R is at
 * most the number of grids deleted within the last H time units, and at most
 * {@code maxDeleted}.
 *
 * <p>[1] Y. Chen and L. Tu, "Density-Based Clustering for Real-Time Stream Data", KDD 2007,
 * pp. 133-142.
 *
 * <p><b>Threads.</b> Shared between threads without {@link ConcurrentClusterer}, concurrent
 * {@code learn} calls lose points and can corrupt the state, and a {@code predict} during a
 * {@code learn} can throw or read a half-updated state; wrap it to share it.
 */
public final class Dstream extends StableDensityClusterer<DstreamModel> implements Mergeable<Dstream> {

  /**
   * The configuration.
   *
   * @param gridSize the width of a grid in every dimension, in data units; &gt; 0 (default 1,
   *     MOA's implicit width)
   * @param lambda the decay factor per time unit, densities fade as {@code lambda^dt}; in (0, 1)
   *     (default 0.998, the paper's and MOA's)
   * @param cm the dense-grid factor C_m; &gt; 1 (default 3)
   * @param cl the sparse-grid factor C_l; in (0, 1) (default 0.8)
   * @param beta the protection factor of deleted grids in rule S2, whose window is
   *     {@code min(beta·t_m, log_lambda(Cl/Cm))}; &gt; 0 (default 0.3)
   * @param maxDeleted the most deleted-grid records kept; &gt;= 0 (default 65536)
   */
  public record Params(double gridSize, double lambda, double cm, double cl, double beta,
      int maxDeleted) {

    static final Parameter GRID_SIZE = Parameter.ofPositive("gridSize", 1.0,
        "width of a grid in every dimension, in data units");
    static final Parameter LAMBDA = Parameter.ofDouble("lambda", 0.998, 0, false, 1, false,
        "decay factor per time unit; densities fade as lambda^dt");
    static final Parameter CM = Parameter.ofDouble("cm", 3.0, 1, false,
        Double.POSITIVE_INFINITY, false, "dense-grid factor C_m: dense from Cm/(N(1-lambda))");
    static final Parameter CL = Parameter.ofDouble("cl", 0.8, 0, false, 1, false,
        "sparse-grid factor C_l: sparse up to Cl/(N(1-lambda))");
    static final Parameter BETA = Parameter.ofPositive("beta", 0.3,
        "protection factor of deleted grids (sporadic rule S2)");
    static final Parameter MAX_DELETED = Parameter.ofInt("maxDeleted", 1 << 16, 0,
        Integer.MAX_VALUE, "most deleted-grid records kept");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, GRID_SIZE, LAMBDA,
        CM, CL, BETA, MAX_DELETED);

    /** The defaults: the paper's and MOA's values, grid width 1. */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates every field. */
    public Params {
      GRID_SIZE.check(gridSize);
      LAMBDA.check(lambda);
      CM.check(cm);
      CL.check(cl);
      BETA.check(beta);
      MAX_DELETED.check(maxDeleted);
    }

    /** A copy with another grid width. */
    public Params withGridSize(double v) {
      return SPEC.with(this, GRID_SIZE, v);
    }

    /** A copy with another decay factor. */
    public Params withLambda(double v) {
      return SPEC.with(this, LAMBDA, v);
    }

    /** A copy with another dense-grid factor. */
    public Params withCm(double v) {
      return SPEC.with(this, CM, v);
    }

    /** A copy with another sparse-grid factor. */
    public Params withCl(double v) {
      return SPEC.with(this, CL, v);
    }

    /** A copy with another protection factor. */
    public Params withBeta(double v) {
      return SPEC.with(this, BETA, v);
    }

    /** A copy with another bound on deleted-grid records. */
    public Params withMaxDeleted(int v) {
      return SPEC.with(this, MAX_DELETED, v);
    }
  }

  private static final byte SPARSE = 0;
  private static final byte TRANSITIONAL = 1;
  private static final byte DENSE = 2;
  /** The deletion time of a grid never deleted: S2 always holds for it. */
  private static final double NEVER = Double.NEGATIVE_INFINITY;

  private final Params params;

  /** Live grids; null until the dimension is known. */
  private DstreamCells cells;
  /** Density of grid i at its last update time. */
  private double[] density = new double[0];
  /** Last update time t_g of grid i, relative to {@link #origin}. */
  private double[] updated = new double[0];
  /** Last deletion time t_m of grid i, relative, or {@link #NEVER}. */
  private double[] removed = new double[0];
  /** Time grid i was marked sporadic, relative, or NaN while it is normal. */
  private double[] marked = new double[0];
  private long[] ids = new long[0];
  /** Cluster label of grid i at the last adjustment, or NOISE. */
  private int[] gridLabel = new int[0];
  /** Density class of grid i when the clustering was last computed; SPARSE for a newer grid. */
  private byte[] clusteredKind = new byte[0];
  /** N when the clustering was last computed, or NaN when it must be recomputed regardless. */
  private double clusteredSpace = Double.NaN;
  /** Set by removeSporadic when a grid's class differs from {@link #clusteredKind}. */
  private boolean classChanged;
  /**
   * The most labels that the new grids of one adjustment may join without the matching: they
   * are found by a scan of those already met, so their number must stay small.
   */
  private static final int UNION_LABELS = 64;
  /** A unit of rounding: twice the unit roundoff of a double. */
  private static final double EPS = 0x1p-52;
  /** The length of {@link #powers}: 32 KiB. */
  private static final int POWERS = 4096;
  /** {@code lambda^k} for k below {@link #POWERS}, by {@code Math.pow}; empty before the first point. */
  private double[] powers = new double[0];
  /** Tests only: recompute the clustering at every adjustment, as the reference to compare to. */
  boolean alwaysRecluster;
  /**
   * Tests only: false runs every adjustment as one pass over all grids (the reference that the
   * incremental adjustment is checked against, point by point); set before the first point.
   */
  boolean incremental = true;
  /** Tests only: how many adjustments recomputed the clustering. */
  long reclusterings;
  private long nextId;

  /** Deleted grids and their deletion times (NaN once the grid is live again), oldest first. */
  private DstreamCells deleted;
  private double[] deletedAt = new double[0];

  private long[] lo = new long[0];
  private long[] hi = new long[0];
  private double origin;
  /** Relative time of the latest point. */
  private double last;
  private double gridSpace;
  private double denseThreshold;
  private double sparseThreshold;
  private long gap = 1;

  private long[] cell = new long[0];
  private boolean[] keep = new boolean[0];
  private double[] faded = new double[0];
  private byte[] kind = new byte[0];
  private int[] parent = new int[0];
  private int[] component = new int[0];
  private int[] componentLabels = new int[0];

  // ---- incremental adjustment (see adjustChanged) ----
  private final double logLambda;
  /** The cap on S2's window, {@code log_lambda(Cl/Cm)} time units (see the class comment). */
  private final double horizon;
  /** The structures below are not built (fresh, restored, merged): the next adjustment passes over every grid. */
  private boolean rebuild = true;
  /** Whether {@link #labels}' reference is the whole clustering, not the part last relabelled. */
  private boolean referenceWhole = true;
  /** Per grid: bumped when its queue entry is superseded; the time of that entry, or NaN. */
  private int[] stamp = new int[0];
  private double[] due = new double[0];
  /** Per grid: hit since the last adjustment (and so in {@link #touchedList}). */
  private boolean[] hit = new boolean[0];
  private int[] touchedList = new int[8];
  private int touchedCount;
  /** Grids marked sporadic at the last adjustment, and those marked at this one. */
  private int[] markedList = new int[8];
  private int markedCount;
  private int[] nextMarked = new int[8];
  private int nextMarkedCount;
  /** Grids whose class changed at this adjustment, or that were clustered and are deleted. */
  private int[] changes = new int[8];
  private int changeCount;
  private int[] doomed = new int[8];
  /** Deletion records of grids that received a point again since the last adjustment. */
  private int[] revived = new int[8];
  private int revivedCount;
  /** Every deletion record before this position is a hole. */
  private int deletedHead;
  /** Ids and labels of clustered grids deleted at this adjustment (the label reference still holds them). */
  private long[] lostIds = new long[0];
  private int[] lostLabels = new int[0];
  private int lostCount;
  /** Binary min-heap of threshold-crossing times: time, grid, the grid's stamp when pushed. */
  private double[] heapTime = new double[16];
  private int[] heapSlot = new int[16];
  private int[] heapStamp = new int[16];
  private int heapSize;
  /** Scratch of {@link #relabel}. */
  private int[] visited = new int[0];
  private int epoch;
  private int[] members = new int[0];
  private int[] memberTree = new int[0];
  private int[] treeComp = new int[0];
  private boolean[] treeDense = new boolean[0];
  private long[] memberIds = new long[0];
  private double[] memberWeights = new double[0];
  private int[] memberComp = new int[0];
  private long[] refIds = new long[0];
  private int[] refLabels = new int[0];
  private long[] probe = new long[0];
  /** Scratch of {@link #relabelSimple}. */
  private int[] inChanges = new int[0];
  private int changeEpoch;
  private int[] groupStart = new int[0];
  private int[] groupLabel = new int[0];
  private int[] groupDense = new int[0];
  private int[] bornGroups = new int[0];
  private int[] bornFirst = new int[0];
  private int[] vanishedLabels = new int[0];
  private int[] labelQueue = new int[0];
  private int[] queue = new int[0];
  /** Scratch of {@link #leavesConnected}: the sides of a grid, as a union-find forest. */
  private int[] around = new int[0];
  /** Per grid: its class at the last relabelling, while it is among {@link #changes}. */
  private byte[] prior = new byte[0];
  /**
   * Per cluster label, open addressing on label + 1: the number of its dense grids, and its
   * mass, the sum of its grids' {@link #contrib}utions, with a bound on the rounding that sum
   * accumulated (see {@link #massBound}).
   */
  private int[] countKeys = new int[16];
  private int[] countVals = new int[16];
  private double[] countMass = new double[16];
  private double[] countErr = new double[16];
  private int countSize;
  /**
   * Per clustered grid: its density forward-decayed to {@link #massBase},
   * {@code D lambda^(massBase - t_g)}, as last added to its label's mass; so a label's mass
   * faded to tau is its sum times {@code lambda^(tau - massBase)}, kept without visiting the
   * label's grids.
   */
  private double[] contrib = new double[0];
  /** The reference time of the forward-decayed masses (relative); moved forward by {@link #rebaseMasses}. */
  private double massBase;
  /**
   * Scratch of the merges of {@link #relabelSimple}: the labels a group of new grids touches,
   * as a union-find over their positions, with a grid of each and the faded density of its
   * grids that became sparse.
   */
  private int[] unionLabel = new int[UNION_LABELS];
  private int[] unionParent = new int[UNION_LABELS];
  private int[] unionSeed = new int[UNION_LABELS];
  private double[] unionSparse = new double[UNION_LABELS];
  private int unionCount;
  /** Per label met: its dense grids after the changes, its mass in the joined cluster and the bound of that mass. */
  private int[] unionDense = new int[UNION_LABELS];
  private double[] unionMass = new double[UNION_LABELS];
  private double[] unionBound = new double[UNION_LABELS];
  /** Per set root: the position of the label it keeps; and the roots by that label. */
  private int[] unionKept = new int[UNION_LABELS];
  private int[] unionOrder = new int[UNION_LABELS];
  /** The merge events of {@link #joinClusters}, as {@link StableLabels#record} takes them. */
  private int[] mergeEvents = new int[0];
  /** The events of a relabelling without matching, as {@link StableLabels#record} takes them. */
  private int[] events = new int[0];
  /**
   * Scratch of the splits of {@link #relabelSimple}: the labels that lost grids whose neighbours
   * may no longer be joined; the searches from those neighbours, run in lock-step
   * ({@link #splitDecided}), each a chain of grids through {@link #nextInSearch} from its first,
   * with the grid it expands next (-1 once it is exhausted), its last, and its parent in a
   * union-find of the searches that met; per set root, the part it found (dense grids, faded
   * density, first grid, whether it is complete); and the parts to move off, with the label
   * they leave, whether they get a fresh one, and the range of searches of that label.
   */
  private int[] splitLabels = new int[UNION_LABELS];
  private int splitCount;
  private int[] searchOf = new int[0];
  private int[] nextInSearch = new int[0];
  private int[] searchFirst = new int[8];
  private int[] searchHead = new int[8];
  private int[] searchTail = new int[8];
  private int[] searchParent = new int[8];
  private int searchCount;
  private int[] pieceDense = new int[8];
  private double[] pieceMass = new double[8];
  private int[] pieceFirst = new int[8];
  private boolean[] pieceOpen = new boolean[8];
  private int[] actionLabel = new int[8];
  private int[] actionRoot = new int[8];
  private boolean[] actionFresh = new boolean[8];
  private int[] searchFrom = new int[8];
  private int[] searchTo = new int[8];
  private int actionCount;

  /** A clusterer with the given configuration. */
  public Dstream(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
    this.logLambda = Math.log(params.lambda());
    this.horizon = Math.log(params.cl() / params.cm()) / logLambda;
  }

  /**
   * The time from which rule S2 holds for a grid deleted at {@code tm} (relative time):
   * {@code tm + min(beta·tm, horizon)}. The paper's window {@code beta·tm} grows with the
   * stream's age; capped at the horizon it bounds the grids held (see the class comment).
   * Non-decreasing in {@code tm}, so deletion records expire oldest first.
   */
  private double protectedUntil(double tm) {
    return tm + Math.min(params.beta() * tm, horizon);
  }

  /** A clusterer with {@link Params#DEFAULTS}. */
  public Dstream() {
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
    // Adjustments run inside ingest, at the time of the point that crossed a multiple of gap.
  }

  @Override
  void ingest(double[] x, double w, double t) {
    boolean first = d == 0;
    if (first) {
      start(x.length, t);
    }
    double width = params.gridSize();
    boolean widened = first;
    for (int j = 0; j < d; j++) {
      long c = DstreamCells.cellOf(x[j], width);
      cell[j] = c;
      if (first) {
        lo[j] = c;
        hi[j] = c;
      } else if (c < lo[j]) {
        lo[j] = c;
        widened = true;
      } else if (c > hi[j]) {
        hi[j] = c;
        widened = true;
      }
    }
    if (widened) {
      thresholds();
    }
    double tau = t - origin;
    int i = cells.find(cell);
    if (i < 0) {
      double tm = NEVER;
      int k = deleted.find(cell);
      if (k >= 0 && !Double.isNaN(deletedAt[k])) {
        tm = deletedAt[k];
        deletedAt[k] = Double.NaN;
        if (incremental) {
          revived = ensure(revived, revivedCount);
          revived[revivedCount++] = k;
        }
      }
      i = append(cell, w, tau, tm, Double.NaN);
    } else {
      density[i] = density[i] * fade(tau - updated[i]) + w;
      updated[i] = tau;
    }
    if (incremental && !hit[i]) {
      hit[i] = true;
      touchedList = ensure(touchedList, touchedCount);
      touchedList[touchedCount++] = i;
    }
    if (Math.floor(tau / gap) > Math.floor(last / gap)) {
      adjust(tau);
    }
    last = tau;
  }

  /** {@code a}, or a copy twice as long when {@code n} is its length. */
  private static int[] ensure(int[] a, int n) {
    return n < a.length ? a : Arrays.copyOf(a, Math.max(8, 2 * a.length));
  }

  /**
   * The adjustment at time {@code tau}: incremental, unless N changed since the clustering was
   * computed (every threshold moved), the structures are not built, or a test asks for the pass
   * over every grid.
   */
  private void adjust(double tau) {
    if (!incremental || alwaysRecluster || rebuild || gridSpace != clusteredSpace) {
      compactGrids();
      closeDeletedHoles();
      wholeReference();
      removeSporadic(tau);
      cluster(tau);
      if (incremental) {
        rebuildQueue(tau);
      }
      return;
    }
    adjustChanged(tau);
  }

  /**
   * {@code lambda^dt}. Adjustments fade every held grid, and {@code Math.pow} was most of their
   * cost; an integral dt below {@link #POWERS} (ticks, or whole event-time units) is looked up in
   * a table filled by {@code Math.pow} itself, so the value is the same to the bit.
   */
  private double fade(double dt) {
    int k = (int) dt;
    return k == dt && k >= 0 && k < powers.length ? powers[k] : Math.pow(params.lambda(), dt);
  }

  private void start(int dim, double t) {
    // two cell sets of 16 cells and three cells of scratch
    Sizes.require(16L * dim, 35L * dim, "grid cells of dimension " + dim, "lower the dimension");
    d = dim;
    powers = new double[POWERS];
    for (int k = 0; k < POWERS; k++) {
      powers[k] = Math.pow(params.lambda(), k);
    }
    cells = new DstreamCells(d, 16, true);
    deleted = new DstreamCells(d, 16);
    lo = new long[d];
    hi = new long[d];
    cell = new long[d];
    origin = t;
    last = 0;
  }

  /** Recomputes N, D_m, D_l and gap from the bounding box of the grids seen. */
  private void thresholds() {
    double n = 1;
    for (int j = 0; j < d; j++) {
      n *= (double) hi[j] - lo[j] + 3;
    }
    double lambda = params.lambda();
    gridSpace = n;
    denseThreshold = params.cm() / (n * (1 - lambda));
    sparseThreshold = params.cl() / (n * (1 - lambda));
    double ratio = Math.max(params.cl() / params.cm(), (n - params.cm()) / (n - params.cl()));
    double g = Math.floor(Math.log(ratio) / Math.log(lambda));
    gap = g >= 1 ? (g < 1e15 ? (long) g : (long) 1e15) : 1;
  }

  private int append(long[] c, double w, double tau, double tm, double mark) {
    int i = cells.add(c);
    if (i == density.length) {
      int cap = cells.capacity();
      stamp = Arrays.copyOf(stamp, cap);
      prior = Arrays.copyOf(prior, cap);
      due = Arrays.copyOf(due, cap);
      hit = Arrays.copyOf(hit, cap);
      density = Arrays.copyOf(density, cap);
      updated = Arrays.copyOf(updated, cap);
      removed = Arrays.copyOf(removed, cap);
      marked = Arrays.copyOf(marked, cap);
      ids = Arrays.copyOf(ids, cap);
      gridLabel = Arrays.copyOf(gridLabel, cap);
      clusteredKind = Arrays.copyOf(clusteredKind, cap);
      contrib = Arrays.copyOf(contrib, cap);
    }
    density[i] = w;
    updated[i] = tau;
    removed[i] = tm;
    marked[i] = mark;
    ids[i] = nextId++;
    gridLabel[i] = ClusterModel.NOISE;
    clusteredKind[i] = SPARSE;
    due[i] = Double.NaN;
    hit[i] = false;
    return i;
  }

  private void scratch(int n) {
    if (keep.length < n) {
      int cap = Math.max(n, Math.max(cells.capacity(), deleted.capacity()));
      keep = new boolean[cap];
      faded = new double[cap];
      kind = new byte[cap];
      parent = new int[cap];
      component = new int[cap];
      componentLabels = new int[cap];
    }
  }

  /**
   * The incremental adjustment: the same state as {@link #removeSporadic} followed by
   * {@link #cluster}, visiting only the grids where something can have happened since the last
   * adjustment.
   *
   * <p>Between two points a grid's density only fades, so its class can only fall (dense,
   * transitional, sparse) and rule S1 ({@code D < pi}, with pi growing) can only become true, as
   * can S2; each of these predicates, computed in floating point, is monotone in the time too
   * ({@code Math.pow} is semi-monotonic). So when a grid is evaluated, the next time anything
   * can change for it is the first of its next class crossing and its marking time, found by
   * solving {@code D lambda^dt = threshold} with logarithms, taken a little early (the exact
   * test at the adjustment decides; an early estimate only costs a visit). Those times sit in a
   * binary heap on flat arrays whose entries a per-grid stamp invalidates when the grid is
   * evaluated again. An adjustment evaluates the grids hit since the last one and those whose
   * time has come, deletes the grids marked at the last one that received nothing since, and
   * relabels only the clusters around the grids whose class changed ({@link #relabel}). Deleted
   * grids and expired deletion records leave holes that are closed once they are as many as
   * the entries held. Costs O(k (log G + d)) for k grids visited, plus the clusters relabelled.
   */
  private void adjustChanged(double tau) {
    // lambda^-(tau - massBase) stays far from overflow, and in the table of powers
    if (tau - massBase > Math.min(POWERS - 1, 40 / -logLambda)) {
      rebaseMasses(tau);
    }
    // Deletion records: those of grids hit again, and those past S2's window, which are the
    // oldest (records are appended in time order, and protectedUntil is monotone in t_m).
    for (int r = 0; r < revivedCount; r++) {
      int k = revived[r];
      if (!deleted.isGone(k) && Double.isNaN(deletedAt[k])) {
        deleted.unindex(k);
      }
    }
    revivedCount = 0;
    expireDeleted(tau);
    // Grids marked sporadic at the last adjustment that received no point since: deleted.
    int doomedCount = 0;
    for (int m = 0; m < markedCount; m++) {
      int i = markedList[m];
      if (!cells.isGone(i) && !Double.isNaN(marked[i]) && updated[i] <= marked[i]) {
        doomed = ensure(doomed, doomedCount);
        doomed[doomedCount++] = i;
      }
    }
    markedCount = 0;
    sortInts(doomed, null, doomedCount);
    changeCount = 0;
    lostCount = 0;
    for (int m = 0; m < doomedCount; m++) {
      int i = doomed[m];
      if (gridLabel[i] != ClusterModel.NOISE) {
        // A marked grid was sparse and so unclustered; kept exact for states made otherwise.
        addChange(i);
        if (lostCount == lostIds.length) {
          lostIds = Arrays.copyOf(lostIds, Math.max(8, 2 * lostCount));
          lostLabels = Arrays.copyOf(lostLabels, lostIds.length);
        }
        lostIds[lostCount] = ids[i];
        lostLabels[lostCount++] = gridLabel[i];
      }
      recordDeletion(i, tau);
      cells.unindex(i);
      stamp[i]++;
      due[i] = Double.NaN;
    }
    // Grids hit since the last adjustment, then those whose crossing time has come.
    nextMarkedCount = 0;
    for (int m = 0; m < touchedCount; m++) {
      int i = touchedList[m];
      hit[i] = false;
      if (!cells.isGone(i)) {
        if (gridLabel[i] != ClusterModel.NOISE) {
          // its label's mass follows its density once per adjustment, not at every point
          refresh(i);
        }
        evaluate(i, tau);
      }
    }
    touchedCount = 0;
    while (heapSize > 0 && heapTime[0] <= tau) {
      int i = heapSlot[0];
      int st = heapStamp[0];
      popTop();
      if (st == stamp[i] && !cells.isGone(i)) {
        evaluate(i, tau);
      }
    }
    int over = deleted.size() - deleted.holes() - params.maxDeleted();
    for (; over > 0; deletedHead++) {
      if (!deleted.isGone(deletedHead)) {
        deleted.unindex(deletedHead);
        over--;
      }
    }
    if (changeCount > 0 && !relabelSimple(tau)) {
      relabel(tau);
    }
    int[] swap = markedList;
    markedList = nextMarked;
    markedCount = nextMarkedCount;
    nextMarked = swap;
    nextMarkedCount = 0;
    if (cells.holes() > 32 && 2 * cells.holes() > cells.size()) {
      compactGrids();
    } else if (heapSize > 2 * (cells.size() - cells.holes()) + 64) {
      rebuildHeap();
    }
    if (deleted.holes() > 32 && 2 * deleted.holes() > deleted.size()) {
      closeDeletedHoles();
    }
  }

  /** Drops the deletion records past S2's window: a prefix of the records, oldest first. */
  private void expireDeleted(double tau) {
    int n = deleted.size();
    while (deletedHead < n && (deleted.isGone(deletedHead)
        || !(tau < protectedUntil(deletedAt[deletedHead])))) {
      if (!deleted.isGone(deletedHead)) {
        deleted.unindex(deletedHead);
      }
      deletedHead++;
    }
  }

  private void addChange(int i) {
    changes = ensure(changes, changeCount);
    changes[changeCount++] = i;
  }

  /**
   * What {@link #removeSporadic} does for one grid that is kept, at time {@code tau}, with the
   * same arithmetic: re-marks it, notes a class change, and queues its next crossing time.
   */
  private void evaluate(int i, double tau) {
    double dt = tau - updated[i];
    double v = density[i] * fade(dt);
    // sparseThreshold is removeSporadic's piScale, the same expression of the same N
    double pi = sparseThreshold * (1 - fade(dt + 1));
    boolean mark = v < pi && tau >= protectedUntil(removed[i]);
    marked[i] = mark ? tau : Double.NaN;
    byte k = classOf(v);
    if (k != clusteredKind[i]) {
      prior[i] = clusteredKind[i];
      clusteredKind[i] = k;
      addChange(i);
    }
    stamp[i]++;
    due[i] = Double.NaN;
    if (mark) {
      nextMarked = ensure(nextMarked, nextMarkedCount);
      nextMarked[nextMarkedCount++] = i;
    } else {
      schedule(i, tau, v, k);
    }
  }

  /**
   * Queues the earliest time after {@code tau} at which grid i, faded to {@code v} of class
   * {@code k} at {@code tau} and receiving nothing, falls to a lower class or meets S1 and S2.
   * S1 {@code D lambda^dt < pi = P (1 - lambda^(dt+1))} holds from
   * {@code lambda^dt < P / (D + P lambda)}. The margin covers the rounding of both sides (a few
   * ulps of the density, {@code 1e-16 / |ln lambda|} time units) many times over.
   */
  private void schedule(int i, double tau, double v, byte k) {
    double t = Double.POSITIVE_INFINITY;
    if (k == DENSE) {
      t = tau + Math.log(denseThreshold / v) / logLambda;
    } else if (k == TRANSITIONAL) {
      t = tau + Math.log(sparseThreshold / v) / logLambda;
    }
    double u = sparseThreshold / (density[i] + sparseThreshold * params.lambda());
    double s1 = u >= 1 ? updated[i] : updated[i] + Math.log(u) / logLambda;
    t = Math.min(t, Math.max(s1, protectedUntil(removed[i])));
    if (t == Double.POSITIVE_INFINITY) {
      return;
    }
    t -= 1e-9 * (Math.abs(t) + Math.abs(tau)) + 1e-12 / -logLambda + 1e-6;
    push(i, t > tau ? t : Math.nextUp(tau));
  }

  private void push(int i, double t) {
    if (heapSize == heapTime.length) {
      int cap = 2 * heapSize;
      heapTime = Arrays.copyOf(heapTime, cap);
      heapSlot = Arrays.copyOf(heapSlot, cap);
      heapStamp = Arrays.copyOf(heapStamp, cap);
    }
    due[i] = t;
    int k = heapSize++;
    while (k > 0) {
      int p = (k - 1) >>> 1;
      if (heapTime[p] <= t) {
        break;
      }
      heapTime[k] = heapTime[p];
      heapSlot[k] = heapSlot[p];
      heapStamp[k] = heapStamp[p];
      k = p;
    }
    heapTime[k] = t;
    heapSlot[k] = i;
    heapStamp[k] = stamp[i];
  }

  private void popTop() {
    int n = --heapSize;
    if (n > 0) {
      siftDown(0, heapTime[n], heapSlot[n], heapStamp[n]);
    }
  }

  private void siftDown(int k, double t, int slot, int st) {
    int n = heapSize;
    while (true) {
      int c = 2 * k + 1;
      if (c >= n) {
        break;
      }
      if (c + 1 < n && heapTime[c + 1] < heapTime[c]) {
        c++;
      }
      if (heapTime[c] >= t) {
        break;
      }
      heapTime[k] = heapTime[c];
      heapSlot[k] = heapSlot[c];
      heapStamp[k] = heapStamp[c];
      k = c;
    }
    heapTime[k] = t;
    heapSlot[k] = slot;
    heapStamp[k] = st;
  }

  /** Rebuilds the heap from the live entries ({@link #due}), dropping superseded ones. O(G). */
  private void rebuildHeap() {
    int n = 0;
    int g = cells.size();
    if (heapTime.length < g) {
      heapTime = new double[g];
      heapSlot = new int[g];
      heapStamp = new int[g];
    }
    for (int i = 0; i < g; i++) {
      if (!cells.isGone(i) && !Double.isNaN(due[i])) {
        heapTime[n] = due[i];
        heapSlot[n] = i;
        heapStamp[n] = stamp[i];
        n++;
      }
    }
    heapSize = n;
    for (int k = n / 2 - 1; k >= 0; k--) {
      siftDown(k, heapTime[k], heapSlot[k], heapStamp[k]);
    }
  }

  /**
   * Builds the incremental structures after a pass over every grid at {@code tau}: the marked
   * grids in their list, every other grid queued at its next crossing time.
   */
  private void rebuildQueue(double tau) {
    for (int m = 0; m < touchedCount; m++) {
      hit[touchedList[m]] = false;
    }
    touchedCount = 0;
    revivedCount = 0;
    markedCount = 0;
    heapSize = 0;
    deletedHead = 0;
    int g = cells.size();
    for (int i = 0; i < g; i++) {
      stamp[i]++;
      due[i] = Double.NaN;
      if (!Double.isNaN(marked[i])) {
        markedList = ensure(markedList, markedCount);
        markedList[markedCount++] = i;
      } else {
        double v = density[i] * fade(tau - updated[i]);
        schedule(i, tau, v, classOf(v));
      }
    }
    recountDense();
    rebaseMasses(tau);
    rebuild = false;
  }

  /** Forgets the incremental structures; the next adjustment passes over every grid. */
  private void dropQueue() {
    for (int m = 0; m < touchedCount; m++) {
      hit[touchedList[m]] = false;
    }
    touchedCount = 0;
    revivedCount = 0;
    markedCount = 0;
    heapSize = 0;
    rebuild = true;
  }

  /** Closes the holes of deleted grids, moving every per-grid array and list the same way. */
  private void compactGrids() {
    int n = cells.size();
    if (cells.holes() == 0) {
      return;
    }
    int[] to = cells.compact();
    for (int i = 0; i < n; i++) {
      int k = to[i];
      if (k >= 0 && k != i) {
        density[k] = density[i];
        updated[k] = updated[i];
        removed[k] = removed[i];
        marked[k] = marked[i];
        ids[k] = ids[i];
        gridLabel[k] = gridLabel[i];
        clusteredKind[k] = clusteredKind[i];
        prior[k] = prior[i];
        stamp[k] = stamp[i];
        due[k] = due[i];
        hit[k] = hit[i];
        contrib[k] = contrib[i];
      }
    }
    touchedCount = remapList(touchedList, touchedCount, to);
    markedCount = remapList(markedList, markedCount, to);
    rebuildHeap();
  }

  private static int remapList(int[] list, int count, int[] to) {
    int kept = 0;
    for (int m = 0; m < count; m++) {
      int k = to[list[m]];
      if (k >= 0) {
        list[kept++] = k;
      }
    }
    return kept;
  }

  /** Closes the holes of the deletion records, keeping their order. */
  private void closeDeletedHoles() {
    int n = deleted.size();
    if (deleted.holes() == 0) {
      return;
    }
    int[] to = deleted.compact();
    for (int k = 0; k < n; k++) {
      if (to[k] >= 0) {
        deletedAt[to[k]] = deletedAt[k];
      }
    }
    revivedCount = remapList(revived, revivedCount, to);
    deletedHead = 0;
  }

  /** Hands {@link #labels} the whole reference (every clustered grid) if it holds a part. */
  private void wholeReference() {
    if (referenceWhole) {
      return;
    }
    int g = cells.size();
    if (refIds.length < g) {
      refIds = new long[cells.capacity()];
      refLabels = new int[refIds.length];
    }
    int r = 0;
    for (int i = 0; i < g; i++) {
      if (!cells.isGone(i) && gridLabel[i] != ClusterModel.NOISE) {
        refIds[r] = ids[i];
        refLabels[r++] = gridLabel[i];
      }
    }
    labels.reference(refIds, refLabels, r);
    referenceWhole = true;
  }

  /**
   * Relabels the clusters around the grids whose class changed, as {@link #recluster} would
   * label all of them.
   *
   * <p>A component of the new clustering that holds no changed grid and touches none is, grid
   * for grid, a component of the last one, with one label that no other grid carries: the
   * matching of {@link StableLabels} pairs the two with each other and nothing else, and records
   * no event for them. So the rest is matched alone: the components through the changed grids
   * and their neighbours (found by breadth-first search over the neighbours of non-sparse
   * grids), the changed grids that lost their cluster, and the reference restricted to the
   * labels these carried, which no other grid carries. Members go in id order and components
   * are numbered by their first member, as in the whole matching, whose sums
   * {@link StableLabels} makes independent of the other members; so labels, events and the
   * label counter come out the same.
   */
  private void relabel(double tau) {
    reclusterings++;
    relabelScratch();
    int e = nextEpoch();
    int m = 0;
    int trees = 0;
    for (int c = 0; c < changeCount; c++) {
      int x = changes[c];
      if (!cells.isGone(x) && visited[x] != e) {
        if (clusteredKind[x] != SPARSE) {
          m = explore(x, trees++, m, e);
        } else if (gridLabel[x] != ClusterModel.NOISE) {
          visited[x] = e;
          members[m] = x;
          memberTree[m++] = -1;
        }
      }
      for (int side = 0; side < 2 * d; side++) {
        int y = near(x, side);
        if (y >= 0 && visited[y] != e && clusteredKind[y] != SPARSE) {
          m = explore(y, trees++, m, e);
        }
      }
    }
    sortInts(members, memberTree, m);
    Arrays.fill(treeComp, 0, trees, -1);
    int count = 0;
    int r = 0;
    for (int k = 0; k < m; k++) {
      int i = members[k];
      int t = memberTree[k];
      int comp = -1;
      if (t >= 0 && treeDense[t]) {
        if (treeComp[t] < 0) {
          treeComp[t] = count++;
        }
        comp = treeComp[t];
      }
      memberComp[k] = comp;
      memberIds[k] = ids[i];
      memberWeights[k] = density[i] * fade(tau - updated[i]);
      if (gridLabel[i] != ClusterModel.NOISE) {
        refIds[r] = ids[i];
        refLabels[r++] = gridLabel[i];
      }
    }
    if (lostCount > 0) {
      if (refIds.length < r + lostCount) {
        refIds = Arrays.copyOf(refIds, r + lostCount);
        refLabels = Arrays.copyOf(refLabels, r + lostCount);
      }
      System.arraycopy(lostIds, 0, refIds, r, lostCount);
      System.arraycopy(lostLabels, 0, refLabels, r, lostCount);
      r += lostCount;
      sortById(refIds, refLabels, r);
    }
    if (componentLabels.length < count) {
      componentLabels = new int[Math.max(count, cells.capacity())];
    }
    labels.reference(refIds, refLabels, r);
    labels.assign(memberIds, memberWeights, memberComp, m, count, componentLabels);
    labels.commit(memberIds, memberWeights, memberComp, m, count, componentLabels, origin + tau);
    for (int q = 0; q < r; q++) {
      removeDense(refLabels[q]);
    }
    for (int k = 0; k < m; k++) {
      int comp = memberComp[k];
      gridLabel[members[k]] = comp < 0 ? ClusterModel.NOISE : componentLabels[comp];
      if (comp >= 0) {
        join(members[k], componentLabels[comp]);
        if (clusteredKind[members[k]] == DENSE) {
          addDense(componentLabels[comp], 1);
        }
      }
    }
    referenceWhole = false;
  }

  /**
   * Relabels without matching members, which covers nearly every adjustment on a stream that
   * opens and drops grids one at a time; false (and nothing changed) when it cannot decide as
   * the matching would, and {@link #relabel} does the matching.
   *
   * <p>The case: every clustered grid that became sparse had at most one non-sparse neighbour,
   * or its neighbours stay joined through corners ({@link #leavesConnected}: removing such grids
   * cannot disconnect a cluster). The groups of unlabelled non-sparse grids reached from a
   * changed grid join the clusters they touch into one. A new component then holds the members
   * of at most one old cluster, or of the clusters a group joined: in the first case the
   * matching gives it that cluster's label (the only pair for both), a fresh label if it holds
   * none (in the order of their first grids), and a label whose members are left in no cluster
   * vanishes, with no weight needed; clusters that join keep the label of the heaviest, decided
   * from the labels' masses ({@link #mergesDecided}), and the others' grids take it. A cluster
   * that lost grids whose sides are not shown joined may split: its parts are found and
   * labelled by {@link #splitDecided}, unless new grids also join it. Whether a component still
   * holds a dense grid comes from a count of dense grids per label, kept up to date at every
   * relabelling, as the masses are.
   */
  private boolean relabelSimple(double tau) {
    if (lostCount > 0) {
      return false;
    }
    relabelScratch();
    int xe = ++changeEpoch;
    if (xe == Integer.MAX_VALUE) {
      Arrays.fill(inChanges, 0);
      xe = changeEpoch = 1;
    }
    for (int c = 0; c < changeCount; c++) {
      inChanges[changes[c]] = xe;
    }
    int e = nextEpoch();
    int m = 0;
    int groups = 0;
    unionCount = 0;
    splitCount = 0;
    for (int c = 0; c < changeCount; c++) {
      int x = changes[c];
      boolean sparse = clusteredKind[x] == SPARSE;
      if (!sparse && gridLabel[x] == ClusterModel.NOISE && visited[x] != e) {
        groupStart[groups] = m;
        groupLabel[groups] = ClusterModel.NOISE;
        m = exploreUnlabelled(x, groups, m, e);
        if (m < 0) {
          return false;
        }
        groups++;
      } else if (sparse && gridLabel[x] != ClusterModel.NOISE) {
        if (!leavesConnected(x, xe) && !splitting(gridLabel[x])) {
          return false;
        }
      }
    }
    groupStart[groups] = m;
    boolean merging = unions();
    if (merging && !mergesDecided(tau, groups)) {
      return false;
    }
    searchCount = 0;
    actionCount = 0;
    for (int q = 0; q < splitCount; q++) {
      if (unionIndex(splitLabels[q]) >= 0 || !splitDecided(splitLabels[q], tau, e)) {
        return false; // a cluster that new grids join may split too: left to the matching
      }
    }
    reclusterings++;
    // Dense counts of the labels that were there, then the groups that join a cluster.
    int touchedLabels = 0;
    for (int c = 0; c < changeCount; c++) {
      int x = changes[c];
      int label = gridLabel[x];
      if (label != ClusterModel.NOISE) {
        int delta = (clusteredKind[x] == DENSE ? 1 : 0) - (prior[x] == DENSE ? 1 : 0);
        if (delta != 0) {
          addDense(label, delta);
        }
        labelQueue[touchedLabels++] = label;
        if (clusteredKind[x] == SPARSE) {
          leave(x, label);
          gridLabel[x] = ClusterModel.NOISE;
        }
      }
    }
    int born = 0;
    for (int g = 0; g < groups; g++) {
      int label = groupLabel[g];
      if (label != ClusterModel.NOISE) {
        int r = unionParent[unionIndex(label)];
        label = unionLabel[merging ? unionKept[r] : r];
        addDense(label, groupDense[g]);
        labelQueue[touchedLabels++] = label;
        for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
          gridLabel[members[k]] = label;
          join(members[k], label);
        }
      } else if (groupDense[g] > 0) {
        bornGroups[born] = g;
        bornFirst[born++] = members[groupStart[g]];
      }
    }
    int mergedLength = merging ? joinClusters() : 0;
    // Parts split off: unclustered without a dense grid, else fresh labels, ordered with the births.
    for (int a = 0; a < actionCount; a++) {
      int r = actionRoot[a];
      if (!actionFresh[a]) {
        splitOff(a, ClusterModel.NOISE);
      } else {
        bornGroups[born] = -1 - a;
        bornFirst[born++] = pieceFirst[r];
      }
    }
    // A label left without a dense grid vanishes: its grids are unclustered.
    int vanished = 0;
    for (int q = 0; q < touchedLabels; q++) {
      int label = labelQueue[q];
      int s = countSlot(label);
      if (countKeys[s] != 0 && countVals[s] <= 0) {
        removeDense(label);
        vanishedLabels[vanished++] = label;
        unlabel(label);
      }
    }
    // Fresh labels in the order of the new components' first grids, as the matching numbers
    // them (members of a group come in search order).
    for (int b = 0; b < born; b++) {
      int g = bornGroups[b];
      for (int k = g < 0 ? 0 : groupStart[g]; g >= 0 && k < groupStart[g + 1]; k++) {
        bornFirst[b] = Math.min(bornFirst[b], members[k]);
      }
    }
    sortInts(bornFirst, bornGroups, born);
    int next = labels.nextLabel();
    int length = 0;
    for (int b = 0; b < born; b++) {
      int g = bornGroups[b];
      int label = next + b;
      if (g < 0) {
        splitOff(-1 - g, label);
        continue;
      }
      for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
        gridLabel[members[k]] = label;
        join(members[k], label);
      }
      addDense(label, groupDense[g]);
      length = event(length, SegmentEvent.Kind.BORN, 0, 1);
      events[length - 1] = label;
    }
    sortInts(vanishedLabels, null, vanished);
    for (int v = 0; v < vanished; v++) {
      length = event(length, SegmentEvent.Kind.VANISHED, 1, 0);
      events[length - 1] = vanishedLabels[v];
    }
    System.arraycopy(mergeEvents, 0, events = ensureLength(events, length + mergedLength), length,
        mergedLength);
    length += mergedLength;
    length = splitEvents(length, born, next);
    labels.record(born, events, length, origin + tau);
    referenceWhole = false;
    return true;
  }

  /** Appends the head of an event of {@code from} and {@code to} labels and room for them; returns the new length. */
  private int event(int length, SegmentEvent.Kind kind, int from, int to) {
    events = ensureLength(events, length + 3 + from + to);
    events[length] = kind.ordinal();
    events[length + 1] = from;
    events[length + 2] = to;
    return length + 3 + from + to;
  }

  // ---- merges without matching: the labels new grids join, as a union-find ----

  /** The position of {@code label} among the labels met, added with a grid of it if new; -1 when too many. */
  private int unionOf(int label, int seed) {
    int known = unionIndex(label);
    if (known >= 0) {
      return known;
    }
    if (unionCount == UNION_LABELS) {
      return -1;
    }
    unionLabel[unionCount] = label;
    unionParent[unionCount] = unionCount;
    unionSeed[unionCount] = seed;
    unionSparse[unionCount] = 0;
    return unionCount++;
  }

  /** Whether two of the labels met are in one set; flattens every set onto its root. */
  private boolean unions() {
    boolean joined = false;
    for (int p = 0; p < unionCount; p++) {
      int r = rootOf(p, unionParent);
      unionParent[p] = r;
      joined |= r != p;
    }
    return joined;
  }

  /**
   * Decides the merges of this adjustment as the matching would, from the labels' masses, or
   * returns false (nothing changed) when it cannot be sure. Every set of two or more labels
   * that new grids join becomes one cluster holding all their grids but those that became
   * sparse; the matching gives it the label of the heaviest part (the mass of the label's grids
   * in it; ties to the smaller label), and the lineage records a merge of every label whose part
   * holds at least half of its mass ({@link StableLabels}'s rule). Each of these decisions is
   * taken only when the masses, with their bounds ({@link #massBound}), put it beyond rounding;
   * and only when the set holds a dense grid. Leaves, for the root of each set, the position of
   * the label kept in {@link #unionKept}. O(changes + labels met²), at most
   * {@link #UNION_LABELS} labels.
   */
  private boolean mergesDecided(double tau, int groups) {
    double scale = fade(tau - massBase);
    // Dense grids of each set after the changes, and the faded density of the grids leaving.
    for (int p = 0; p < unionCount; p++) {
      int s = countSlot(unionLabel[p]);
      if (countKeys[s] == 0) {
        return false;
      }
      unionDense[p] = countVals[s];
    }
    for (int c = 0; c < changeCount; c++) {
      int x = changes[c];
      int label = gridLabel[x];
      if (label == ClusterModel.NOISE) {
        continue;
      }
      int p = unionIndex(label);
      if (p < 0) {
        continue;
      }
      unionDense[p] += (clusteredKind[x] == DENSE ? 1 : 0) - (prior[x] == DENSE ? 1 : 0);
      if (clusteredKind[x] == SPARSE) {
        unionSparse[p] += density[x] * fade(tau - updated[x]);
      }
    }
    for (int g = 0; g < groups; g++) {
      if (groupLabel[g] != ClusterModel.NOISE) {
        unionDense[unionIndex(groupLabel[g])] += groupDense[g];
      }
    }
    double g = cells.size();
    for (int r = 0; r < unionCount; r++) {
      if (unionParent[r] != r) {
        continue;
      }
      unionKept[r] = r;
      int dense = 0;
      int best = -1;
      double bestMass = 0;
      double bestBound = 0;
      int size = 0;
      for (int p = 0; p < unionCount; p++) {
        if (unionParent[p] != r) {
          continue;
        }
        size++;
        dense += unionDense[p];
        int s = countSlot(unionLabel[p]);
        double whole = scale * countMass[s];
        double bound = massBound(s, scale);
        double part = whole - unionSparse[p];
        double partBound = bound + (g + 16) * EPS * unionSparse[p];
        unionMass[p] = part;
        unionBound[p] = partBound;
        if (best < 0 || part > bestMass || part == bestMass && unionLabel[p] < unionLabel[best]) {
          best = p;
          bestMass = part;
          bestBound = partBound;
        }
      }
      if (size < 2) {
        continue;
      }
      if (dense <= 0) {
        return false; // the joined grids form no cluster: every label vanishes, left to the matching
      }
      for (int p = 0; p < unionCount; p++) {
        if (unionParent[p] != r || p == best) {
          continue;
        }
        if (!(bestMass - bestBound > unionMass[p] + unionBound[p])) {
          return false; // within rounding of a tie
        }
        // The matching's lineage edge: the part holds at least half of the label's mass (bit
        // for bit the whole when no grid of it became sparse, the same sum in the same order).
        double whole = unionMass[p] + unionSparse[p];
        double wholeBound = unionBound[p] + EPS * whole;
        if (unionSparse[p] > 0
            && !(unionMass[p] - unionBound[p] >= 0.5 * (whole + wholeBound))) {
          return false;
        }
      }
      unionKept[r] = best;
    }
    return true;
  }

  /** The position of {@code label} among the labels met, or -1. */
  private int unionIndex(int label) {
    for (int p = 0; p < unionCount; p++) {
      if (unionLabel[p] == label) {
        return p;
      }
    }
    return -1;
  }

  /**
   * Joins every set decided by {@link #mergesDecided} into the label it keeps: the grids of the
   * other labels take it (a search from a grid of each, through the links, over the grids of
   * that label), with their dense counts and masses; writes the merge events, ordered by the
   * label kept, into {@link #mergeEvents} (as {@link StableLabels#record} takes them) and
   * returns their length. O(grids relabelled).
   */
  private int joinClusters() {
    int sets = 0;
    for (int r = 0; r < unionCount; r++) {
      if (unionParent[r] == r && setSize(r) > 1) {
        int kept = unionLabel[unionKept[r]];
        int at = sets++;
        // insertion by the label kept: merge events come in that order
        while (at > 0 && unionLabel[unionKept[unionOrder[at - 1]]] > kept) {
          unionOrder[at] = unionOrder[at - 1];
          at--;
        }
        unionOrder[at] = r;
      }
    }
    int length = 0;
    for (int q = 0; q < sets; q++) {
      int r = unionOrder[q];
      int kept = unionLabel[unionKept[r]];
      int parents = 0;
      mergeEvents = ensureLength(mergeEvents, length + unionCount + 4);
      for (int p = 0; p < unionCount; p++) {
        if (unionParent[p] != r) {
          continue;
        }
        int label = unionLabel[p];
        // parents ascending, by insertion
        int at = length + 3 + parents++;
        while (at > length + 3 && mergeEvents[at - 1] > label) {
          mergeEvents[at] = mergeEvents[at - 1];
          at--;
        }
        mergeEvents[at] = label;
        if (label != kept) {
          relabelCluster(unionSeed[p], label, kept);
          int from = countSlot(label);
          int dense = countVals[from];
          double mass = countMass[from];
          double err = countErr[from];
          removeDense(label);
          int to = labelSlot(kept);
          countVals[to] += dense;
          countErr[to] += err;
          addMass(to, mass);
        }
      }
      mergeEvents[length] = SegmentEvent.Kind.MERGED.ordinal();
      mergeEvents[length + 1] = parents;
      mergeEvents[length + 2] = 1;
      mergeEvents[length + 3 + parents] = kept;
      length += parents + 4;
    }
    return length;
  }

  // ---- splits without matching: searches from the sides of the grids a cluster lost ----

  /** Notes that {@code label} may split; false when too many labels may. */
  private boolean splitting(int label) {
    for (int q = 0; q < splitCount; q++) {
      if (splitLabels[q] == label) {
        return true;
      }
    }
    if (splitCount == UNION_LABELS) {
      return false;
    }
    splitLabels[splitCount++] = label;
    return true;
  }

  private int searchRoot(int t) {
    return rootOf(t, searchParent);
  }

  /**
   * Finds the parts that cluster {@code label} falls into now that some of its grids became
   * sparse, and decides their labels as the matching would, or returns false (nothing changed)
   * when it cannot be sure; the decisions go to the actions that {@link #relabelSimple} and
   * {@link #splitOff} carry out.
   *
   * <p>The cluster was connected, so every part touches a grid it lost. A breadth-first search
   * starts from each non-sparse side of those grids, over the label's non-sparse grids; the
   * searches run in lock-step, one grid each in turn, and two that meet are one set. They stop
   * once at most one set can still grow: every other set is then a whole part, and the one left
   * is the rest of the cluster, never visited whole. So the cost is about the number of searches
   * times the grids of the parts other than the largest, not the size of the cluster.
   *
   * <p>The parts holding a dense grid are the new components, all made of the label's grids
   * alone: the matching gives the label to the heaviest (whose mass is the label's mass less
   * the others' and the lost grids', when it is the rest) and fresh labels to the others, and
   * the lineage records a split to all of them; a part without a dense grid is unclustered.
   * Decided here when the heaviest is beyond rounding of the others ({@link #massBound}) and the
   * rest, if there is one, keeps the label; a cluster left with no dense grid vanishes, as in
   * {@link #relabelSimple}.
   */
  private boolean splitDecided(int label, double tau, int e) {
    int s = countSlot(label);
    if (countKeys[s] == 0) {
      return false;
    }
    int dense = countVals[s];
    double lost = 0;
    int from = searchCount;
    for (int c = 0; c < changeCount; c++) {
      int x = changes[c];
      if (gridLabel[x] != label) {
        continue;
      }
      dense += (clusteredKind[x] == DENSE ? 1 : 0) - (prior[x] == DENSE ? 1 : 0);
      if (clusteredKind[x] != SPARSE) {
        continue;
      }
      lost += density[x] * fade(tau - updated[x]);
      for (int side = 0; side < 2 * d; side++) {
        int y = cells.neighbour(x, side);
        if (y >= 0 && gridLabel[y] == label && clusteredKind[y] != SPARSE && visited[y] != e) {
          if (searchCount == searchFirst.length) {
            growSearches();
          }
          int t = searchCount++;
          visited[y] = e;
          searchOf[y] = t;
          nextInSearch[y] = -1;
          searchFirst[t] = y;
          searchHead[t] = y;
          searchTail[t] = y;
          searchParent[t] = t;
        }
      }
    }
    if (dense <= 0) {
      return true; // no cluster left: the label vanishes, and its grids are unclustered
    }
    int to = searchCount;
    while (openSets(from, to) > 1) {
      for (int t = from; t < to; t++) {
        int i = searchHead[t];
        if (i < 0) {
          continue;
        }
        for (int side = 0; side < 2 * d; side++) {
          int y = cells.neighbour(i, side);
          if (y < 0 || gridLabel[y] != label || clusteredKind[y] == SPARSE) {
            continue;
          }
          if (visited[y] != e) {
            visited[y] = e;
            searchOf[y] = t;
            nextInSearch[y] = -1;
            nextInSearch[searchTail[t]] = y;
            searchTail[t] = y;
          } else {
            int a = searchRoot(t);
            int b = searchRoot(searchOf[y]);
            searchParent[Math.max(a, b)] = Math.min(a, b);
          }
        }
        searchHead[t] = nextInSearch[i];
      }
    }
    // The parts: dense grids, faded density and first grid of every whole one.
    for (int t = from; t < to; t++) {
      if (searchRoot(t) == t) {
        pieceDense[t] = 0;
        pieceMass[t] = 0;
        pieceFirst[t] = Integer.MAX_VALUE;
        pieceOpen[t] = false;
      }
    }
    for (int t = from; t < to; t++) {
      pieceOpen[searchRoot(t)] |= searchHead[t] >= 0;
    }
    int rest = -1;
    double parts = 0;
    for (int t = from; t < to; t++) {
      int r = searchRoot(t);
      if (pieceOpen[r]) {
        rest = r;
        continue;
      }
      for (int i = searchFirst[t]; i >= 0; i = nextInSearch[i]) {
        pieceDense[r] += clusteredKind[i] == DENSE ? 1 : 0;
        double v = density[i] * fade(tau - updated[i]);
        pieceMass[r] += v;
        parts += v;
        pieceFirst[r] = Math.min(pieceFirst[r], i);
      }
    }
    double g = cells.size();
    int best = -1;
    int components = 0;
    for (int r = from; r < to; r++) {
      if (searchRoot(r) != r) {
        continue;
      }
      if (r == rest) {
        pieceDense[r] = dense;
        for (int q = from; q < to; q++) {
          if (searchRoot(q) == q && q != rest) {
            pieceDense[r] -= pieceDense[q];
          }
        }
        double scale = fade(tau - massBase);
        pieceMass[r] = scale * countMass[s] - parts - lost;
        pieceBoundRest = massBound(s, scale) + (g + 16) * EPS * (parts + lost);
      }
      if (pieceDense[r] > 0) {
        components++;
        if (best < 0 || pieceMass[r] > pieceMass[best]) {
          best = r;
        }
      }
    }
    if (best < 0 || rest >= 0 && best != rest) {
      return false; // the rest would be unclustered or take a fresh label: it must be visited
    }
    if (components > 1) {
      double bestLow = pieceMass[best] - pieceBound(best, rest, g);
      for (int r = from; r < to; r++) {
        if (searchRoot(r) == r && r != best && pieceDense[r] > 0
            && !(bestLow > pieceMass[r] + pieceBound(r, rest, g))) {
          return false; // within rounding of a tie
        }
      }
    }
    for (int r = from; r < to; r++) {
      if (searchRoot(r) == r && r != best) {
        int a = actionCount++; // at most one per search, so within the searches' arrays
        actionLabel[a] = label;
        actionRoot[a] = r;
        actionFresh[a] = pieceDense[r] > 0;
        searchFrom[a] = from;
        searchTo[a] = to;
      }
    }
    return true;
  }

  /** Doubles the arrays of the searches, the parts and the actions (as many as searches). */
  private void growSearches() {
    int n = 2 * searchFirst.length;
    searchFirst = Arrays.copyOf(searchFirst, n);
    searchHead = Arrays.copyOf(searchHead, n);
    searchTail = Arrays.copyOf(searchTail, n);
    searchParent = Arrays.copyOf(searchParent, n);
    pieceDense = Arrays.copyOf(pieceDense, n);
    pieceMass = Arrays.copyOf(pieceMass, n);
    pieceFirst = Arrays.copyOf(pieceFirst, n);
    pieceOpen = Arrays.copyOf(pieceOpen, n);
    actionLabel = Arrays.copyOf(actionLabel, n);
    actionRoot = Arrays.copyOf(actionRoot, n);
    actionFresh = Arrays.copyOf(actionFresh, n);
    searchFrom = Arrays.copyOf(searchFrom, n);
    searchTo = Arrays.copyOf(searchTo, n);
  }

  /** The bound of the rest's mass, set by {@link #splitDecided}. */
  private double pieceBoundRest;

  /** A bound on the rounding of part r's mass: the rest's, or that of a sum of faded densities. */
  private double pieceBound(int r, int rest, double g) {
    return r == rest ? pieceBoundRest
        : (g + 16) * EPS * pieceMass[r] + g * Double.MIN_NORMAL;
  }

  /** The number of sets of searches in [from, to) that can still grow. */
  private int openSets(int from, int to) {
    int open = 0;
    for (int t = from; t < to; t++) {
      pieceOpen[t] = false;
    }
    for (int t = from; t < to; t++) {
      if (searchHead[t] >= 0) {
        int r = searchRoot(t);
        if (!pieceOpen[r]) {
          pieceOpen[r] = true;
          open++;
        }
      }
    }
    return open;
  }

  /**
   * Moves the part of action a, a whole part, to the fresh label {@code fresh}, or out of every
   * cluster when it is {@link ClusterModel#NOISE} (a part without a dense grid).
   */
  private void splitOff(int a, int fresh) {
    int label = actionLabel[a];
    int r = actionRoot[a];
    if (fresh != ClusterModel.NOISE) {
      addDense(label, -pieceDense[r]);
      addDense(fresh, pieceDense[r]);
    }
    for (int t = searchFrom[a]; t < searchTo[a]; t++) {
      if (searchRoot(t) == r) {
        for (int i = searchFirst[t]; i >= 0; i = nextInSearch[i]) {
          leave(i, label);
          gridLabel[i] = fresh;
          if (fresh != ClusterModel.NOISE) {
            join(i, fresh);
          }
        }
      }
    }
  }

  /**
   * Appends the split events of this relabelling, by the label split: to that label and the
   * fresh labels of its parts, ascending (fresh labels are above every old one, and are handed
   * out in order).
   */
  private int splitEvents(int length, int born, int next) {
    sortInts(splitLabels, null, splitCount);
    for (int q = 0; q < splitCount; q++) {
      int label = splitLabels[q];
      int parts = 0;
      for (int b = 0; b < born; b++) {
        if (bornGroups[b] < 0 && actionLabel[-1 - bornGroups[b]] == label) {
          parts++;
        }
      }
      if (parts == 0) {
        continue;
      }
      length = event(length, SegmentEvent.Kind.SPLIT, 1, parts + 1);
      int at = length - parts - 2;
      events[at++] = label;
      events[at++] = label;
      for (int b = 0; b < born; b++) {
        if (bornGroups[b] < 0 && actionLabel[-1 - bornGroups[b]] == label) {
          events[at++] = next + b;
        }
      }
    }
    return length;
  }

  /** The number of labels in the set rooted at r. */
  private int setSize(int r) {
    int n = 0;
    for (int p = 0; p < unionCount; p++) {
      if (unionParent[p] == r) {
        n++;
      }
    }
    return n;
  }

  /** {@code a}, or a longer copy if it is shorter than {@code n}. */
  private static int[] ensureLength(int[] a, int n) {
    return n <= a.length ? a : Arrays.copyOf(a, Math.max(n, 2 * a.length));
  }

  /** Gives the grids of cluster {@code from}, connected and holding {@code seed}, the label {@code to}. */
  private void relabelCluster(int seed, int from, int to) {
    gridLabel[seed] = to;
    queue[0] = seed;
    for (int head = 0, n = 1; head < n; head++) {
      int i = queue[head];
      for (int side = 0; side < 2 * d; side++) {
        int y = cells.neighbour(i, side);
        if (y >= 0 && gridLabel[y] == from) {
          gridLabel[y] = to;
          queue[n++] = y;
        }
      }
    }
  }

  /**
   * Whether removing grid x (clustered, now sparse) leaves its cluster connected, by a local
   * test: x had at most one non-sparse neighbour (removing such grids never disconnects a
   * graph), or none of its neighbours left too and the neighbours still there are joined to
   * one another through non-sparse corner grids ({@code x ± e_i ± e_j}). The second case works
   * for every x of the adjustment at once: on a path through the old cluster, each removed grid
   * sits between two neighbours that stay, and a detour joins them. False means "not shown":
   * the matching decides.
   */
  private boolean leavesConnected(int x, int xe) {
    for (int j = 0; j < d; j++) {
      cell[j] = cells.coord(x, j);
    }
    int degree = 0;
    boolean neighbourLeft = false;
    for (int side = 0; side < 2 * d; side++) {
      int y = cells.neighbour(x, side);
      around[side] = -1;
      if (y < 0) {
        continue;
      }
      byte was = inChanges[y] == xe ? prior[y] : clusteredKind[y];
      if (was != SPARSE) {
        degree++;
        neighbourLeft |= clusteredKind[y] == SPARSE;
        if (clusteredKind[y] != SPARSE) {
          around[side] = side;
        }
      }
    }
    if (degree <= 1) {
      return true;
    }
    if (neighbourLeft) {
      return false;
    }
    // union-find over the 2d sides, joined through corners
    int sets = 0;
    for (int side = 0; side < 2 * d; side++) {
      if (around[side] >= 0) {
        sets++;
      }
    }
    for (int a = 0; a < 2 * d && sets > 1; a++) {
      if (around[a] < 0) {
        continue;
      }
      for (int b = a + 1; b < 2 * d && sets > 1; b++) {
        if (around[b] < 0 || b / 2 == a / 2) {
          continue;
        }
        int ra = rootOf(a);
        int rb = rootOf(b);
        if (ra == rb) {
          continue;
        }
        int i = a / 2;
        int j = b / 2;
        long si = a % 2 == 0 ? -1 : 1;
        long sj = b % 2 == 0 ? -1 : 1;
        // the neighbours exist, so these coordinates do not overflow
        cell[i] += si;
        cell[j] += sj;
        int corner = cells.find(cell);
        cell[i] -= si;
        cell[j] -= sj;
        if (corner >= 0 && clusteredKind[corner] != SPARSE) {
          around[ra] = rb;
          sets--;
        }
      }
    }
    return sets <= 1;
  }

  private int rootOf(int side) {
    return rootOf(side, around);
  }

  /** The root of element x in a union-find forest given by parent links. */
  private static int rootOf(int x, int[] parent) {
    while (parent[x] != x) {
      x = parent[x];
    }
    return x;
  }

  /** Unclusters the grids still carrying {@code label}: those reached from the changed grids and their neighbours. */
  private void unlabel(int label) {
    int n = 0;
    for (int c = 0; c < changeCount; c++) {
      int x = changes[c];
      if (gridLabel[x] == label) {
        gridLabel[x] = ClusterModel.NOISE;
        queue[n++] = x;
      }
      n = unlabelAround(x, label, n);
    }
    for (int head = 0; head < n; head++) {
      n = unlabelAround(queue[head], label, n);
    }
  }

  /** Unclusters the neighbours of grid x that carry {@code label}, queueing them after {@code n}. */
  private int unlabelAround(int x, int label, int n) {
    for (int side = 0; side < 2 * d; side++) {
      int y = cells.neighbour(x, side);
      if (y >= 0 && gridLabel[y] == label) {
        gridLabel[y] = ClusterModel.NOISE;
        queue[n++] = y;
      }
    }
    return n;
  }

  /**
   * The grid next to grid x on {@code side} (see {@link DstreamCells#neighbour}), or -1. A grid
   * deleted at this adjustment is out of the links (its own may name grids deleted since), so
   * its neighbours are looked up by their coordinates.
   */
  private int near(int x, int side) {
    if (!cells.isGone(x)) {
      return cells.neighbour(x, side);
    }
    int j = side / 2;
    long step = side % 2 == 0 ? -1 : 1;
    for (int q = 0; q < d; q++) {
      probe[q] = cells.coord(x, q);
    }
    if (probe[j] == (step > 0 ? Long.MAX_VALUE : Long.MIN_VALUE)) {
      return -1; // a saturated coordinate has no neighbour beyond it
    }
    probe[j] += step;
    return cells.find(probe);
  }

  /**
   * Breadth-first search from {@code seed} over unlabelled non-sparse grids, appending them to
   * {@code members} as group g, counting its dense grids and noting the one cluster it touches.
   *
   * @return the new member count, or -1 if the groups touch more than {@link #UNION_LABELS}
   *     clusters
   */
  private int exploreUnlabelled(int seed, int g, int m, int e) {
    int dense = 0;
    visited[seed] = e;
    members[m++] = seed;
    for (int head = m - 1; head < m; head++) {
      int i = members[head];
      if (clusteredKind[i] == DENSE) {
        dense++;
      }
      for (int side = 0; side < 2 * d; side++) {
        int k = cells.neighbour(i, side);
        if (k < 0 || clusteredKind[k] == SPARSE) {
          continue;
        }
        int label = gridLabel[k];
        if (label == ClusterModel.NOISE) {
          if (visited[k] != e) {
            visited[k] = e;
            members[m++] = k;
          }
        } else {
          // the labels a group touches are joined: a merge, decided by mergesDecided
          int p = unionOf(label, k);
          if (p < 0) {
            return -1;
          }
          if (groupLabel[g] == ClusterModel.NOISE) {
            groupLabel[g] = label;
          } else if (groupLabel[g] != label) {
            int a = rootOf(unionIndex(groupLabel[g]), unionParent);
            int b = rootOf(p, unionParent);
            unionParent[Math.max(a, b)] = Math.min(a, b);
          }
        }
      }
    }
    groupDense[g] = dense;
    return m;
  }

  /** Sizes the scratch of the relabelling for every grid held. */
  private void relabelScratch() {
    if (visited.length < cells.size()) {
      int cap = cells.capacity() + 1;
      visited = new int[cap];
      inChanges = new int[cap];
      members = new int[cap];
      memberTree = new int[cap];
      treeComp = new int[cap];
      treeDense = new boolean[cap];
      memberIds = new long[cap];
      memberWeights = new double[cap];
      memberComp = new int[cap];
      refIds = new long[cap];
      refLabels = new int[cap];
      groupStart = new int[cap];
      groupLabel = new int[cap];
      groupDense = new int[cap];
      bornGroups = new int[cap];
      bornFirst = new int[cap];
      vanishedLabels = new int[cap];
      labelQueue = new int[2 * cap];
      queue = new int[cap];
      searchOf = new int[cap];
      nextInSearch = new int[cap];
      epoch = 0;
      changeEpoch = 0;
    }
    if (probe.length < d) {
      probe = new long[d];
      around = new int[2 * d];
    }
  }

  private int nextEpoch() {
    if (++epoch == Integer.MAX_VALUE) {
      Arrays.fill(visited, 0);
      epoch = 1;
    }
    return epoch;
  }

  // ---- dense grids per label: open addressing, label + 1 as key (0 empty) ----

  private int countSlot(int label) {
    int mask = countKeys.length - 1;
    int h = label * 0x9E3779B9;
    for (int s = (h ^ h >>> 16) & mask; ; s = (s + 1) & mask) {
      if (countKeys[s] == 0 || countKeys[s] == label + 1) {
        return s;
      }
    }
  }

  private void addDense(int label, int delta) {
    int s = labelSlot(label); // first: it may grow the arrays
    countVals[s] += delta;
  }

  /** The slot of a label, made (no dense grid, no mass) if it has none. */
  private int labelSlot(int label) {
    int s = countSlot(label);
    if (countKeys[s] != 0) {
      return s;
    }
    if ((countSize + 1) * 2 > countKeys.length) {
      int[] keys = countKeys;
      int[] vals = countVals;
      double[] mass = countMass;
      double[] err = countErr;
      countKeys = new int[2 * keys.length];
      countVals = new int[countKeys.length];
      countMass = new double[countKeys.length];
      countErr = new double[countKeys.length];
      for (int k = 0; k < keys.length; k++) {
        if (keys[k] != 0) {
          int t = countSlot(keys[k] - 1);
          countKeys[t] = keys[k];
          countVals[t] = vals[k];
          countMass[t] = mass[k];
          countErr[t] = err[k];
        }
      }
      s = countSlot(label);
    }
    countSize++;
    countKeys[s] = label + 1;
    countVals[s] = 0;
    countMass[s] = 0;
    countErr[s] = 0;
    return s;
  }

  /** Adds {@code v} to the mass in slot s, and the rounding of that sum to its bound. */
  private void addMass(int s, double v) {
    double m = countMass[s];
    countMass[s] = m + v;
    countErr[s] += EPS * (Math.abs(m) + Math.abs(v));
  }

  /** Grid i (clustered grid of {@code label} from now) adds its density, forward-decayed, to the label's mass. */
  private void join(int i, int label) {
    contrib[i] = forward(i);
    addMass(labelSlot(label), contrib[i]);
  }

  /** Grid i's density forward-decayed to {@link #massBase}. */
  private double forward(int i) {
    double dt = updated[i] - massBase;
    return dt >= 0 ? density[i] / fade(dt) : density[i] * fade(-dt);
  }

  /** Brings clustered grid i's share of its label's mass up to its density now: one probe. */
  private void refresh(int i) {
    int s = countSlot(gridLabel[i]);
    if (countKeys[s] != 0) {
      addMass(s, -contrib[i]);
      contrib[i] = forward(i);
      addMass(s, contrib[i]);
    }
  }

  /** Grid i takes its {@link #contrib}ution out of the mass of {@code label}, which it leaves. */
  private void leave(int i, int label) {
    int s = countSlot(label);
    if (countKeys[s] != 0) {
      addMass(s, -contrib[i]);
    }
  }

  /**
   * A bound on the difference between a label's mass faded to tau and the sum
   * {@link StableLabels} would compute of its grids' faded densities ({@code D lambda^(tau -
   * t_g)}, in any order): the rounding the mass accumulated, plus, for every grid, a few
   * roundings of its forward-decayed value and of the sum (each term within a few units of
   * rounding, the sum of n positive terms within n), plus the smallest normal double per grid
   * for terms that underflow. O(1).
   */
  private double massBound(int s, double scale) {
    double g = cells.size();
    return scale * countErr[s] + (g + 16) * EPS * scale * Math.abs(countMass[s])
        + g * Double.MIN_NORMAL;
  }

  /** Recomputes every label's mass from its grids, forward-decayed to {@code tau}. O(G). */
  private void rebaseMasses(double tau) {
    massBase = tau;
    for (int s = 0; s < countKeys.length; s++) {
      countMass[s] = 0;
      countErr[s] = 0;
    }
    int g = cells.size();
    for (int i = 0; i < g; i++) {
      if (!cells.isGone(i) && gridLabel[i] != ClusterModel.NOISE) {
        join(i, gridLabel[i]);
      }
    }
  }

  /** Removes a label's count by backward-shift deletion, so no probe sequence breaks. */
  private void removeDense(int label) {
    int mask = countKeys.length - 1;
    int hole = countSlot(label);
    if (countKeys[hole] == 0) {
      return;
    }
    countSize--;
    for (int j = (hole + 1) & mask; countKeys[j] != 0; j = (j + 1) & mask) {
      int h = (countKeys[j] - 1) * 0x9E3779B9;
      int home = (h ^ h >>> 16) & mask;
      boolean stays = hole < j ? (home > hole && home <= j) : (home > hole || home <= j);
      if (!stays) {
        countKeys[hole] = countKeys[j];
        countVals[hole] = countVals[j];
        countMass[hole] = countMass[j];
        countErr[hole] = countErr[j];
        hole = j;
      }
    }
    countKeys[hole] = 0;
  }

  /** Recounts the dense grids of every label from scratch. */
  private void recountDense() {
    Arrays.fill(countKeys, 0);
    countSize = 0;
    int g = cells.size();
    for (int i = 0; i < g; i++) {
      if (!cells.isGone(i) && gridLabel[i] != ClusterModel.NOISE && clusteredKind[i] == DENSE) {
        addDense(gridLabel[i], 1);
      }
    }
  }

  /**
   * Breadth-first search from {@code seed} over neighbouring non-sparse grids (sharing a face:
   * 2d neighbours), appending the grids found to {@code members} as tree {@code tree}.
   *
   * @return the new member count
   */
  private int explore(int seed, int tree, int m, int e) {
    treeDense[tree] = false;
    visited[seed] = e;
    members[m] = seed;
    memberTree[m++] = tree;
    for (int head = m - 1; head < m; head++) {
      int i = members[head];
      treeDense[tree] |= clusteredKind[i] == DENSE;
      for (int side = 0; side < 2 * d; side++) {
        int k = cells.neighbour(i, side);
        if (k >= 0 && visited[k] != e && clusteredKind[k] != SPARSE) {
          visited[k] = e;
          members[m] = k;
          memberTree[m++] = tree;
        }
      }
    }
    return m;
  }

  /** Shell sort of a[0..n) ascending, moving b (if given) along; in place. */
  private static void sortInts(int[] a, int[] b, int n) {
    for (int gap = n / 2; gap > 0; gap = gap == 2 ? 1 : (int) (gap / 2.2)) {
      for (int i = gap; i < n; i++) {
        int v = a[i];
        int w = b == null ? 0 : b[i];
        int j = i;
        while (j >= gap && a[j - gap] > v) {
          a[j] = a[j - gap];
          if (b != null) {
            b[j] = b[j - gap];
          }
          j -= gap;
        }
        a[j] = v;
        if (b != null) {
          b[j] = w;
        }
      }
    }
  }

  /** Insertion sort of ids[0..n) ascending, moving labels along (a few lost grids at most). */
  private static void sortById(long[] ids, int[] labels, int n) {
    for (int i = 1; i < n; i++) {
      long v = ids[i];
      int w = labels[i];
      int j = i;
      while (j > 0 && ids[j - 1] > v) {
        ids[j] = ids[j - 1];
        labels[j] = labels[j - 1];
        j--;
      }
      ids[j] = v;
      labels[j] = w;
    }
  }

  /** Deletes grids marked sporadic that received nothing since, then re-marks the rest. */
  private void removeSporadic(double tau) {
    double lambda = params.lambda();
    int g = cells.size();
    scratch(Math.max(g, deleted.size()));
    // Forget deletion records that can no longer matter: re-inserted, or past S2's window.
    int dn = deleted.size();
    for (int k = 0; k < dn; k++) {
      keep[k] = !Double.isNaN(deletedAt[k]) && tau < protectedUntil(deletedAt[k]);
    }
    compactDeleted(dn);
    double piScale = params.cl() / (gridSpace * (1 - lambda));
    boolean changed = false;
    int kept = 0;
    for (int i = 0; i < g; i++) {
      if (!Double.isNaN(marked[i]) && updated[i] <= marked[i]) {
        keep[i] = false;
        recordDeletion(i, tau);
        // a grid marked sporadic was sparse (D < pi < D_l) and so unclustered; checked anyway
        changed |= gridLabel[i] != ClusterModel.NOISE;
        continue;
      }
      keep[i] = true;
      double dt = tau - updated[i];
      double now = density[i] * fade(dt);
      double pi = piScale * (1 - fade(dt + 1));
      marked[i] = now < pi && tau >= protectedUntil(removed[i]) ? tau : Double.NaN;
      // the class components() will compute from the same faded density
      changed |= classOf(now) != clusteredKind[i];
      if (kept != i) {
        density[kept] = density[i];
        updated[kept] = updated[i];
        removed[kept] = removed[i];
        marked[kept] = marked[i];
        ids[kept] = ids[i];
        gridLabel[kept] = gridLabel[i];
        clusteredKind[kept] = clusteredKind[i];
      }
      kept++;
    }
    classChanged = changed;
    cells.retain(keep);
    int over = deleted.size() - params.maxDeleted();
    if (over > 0) {
      dn = deleted.size();
      scratch(dn);
      for (int k = 0; k < dn; k++) {
        keep[k] = k >= over;
      }
      compactDeleted(dn);
    }
  }

  private void recordDeletion(int i, double tau) {
    for (int j = 0; j < d; j++) {
      cell[j] = cells.coord(i, j);
    }
    int k = deleted.add(cell);
    if (k >= deletedAt.length) {
      deletedAt = Arrays.copyOf(deletedAt, deleted.capacity());
    }
    deletedAt[k] = tau;
  }

  private void compactDeleted(int n) {
    int kept = 0;
    for (int k = 0; k < n; k++) {
      if (keep[k]) {
        deletedAt[kept++] = deletedAt[k];
      }
    }
    deleted.retain(keep);
  }

  private byte classOf(double faded) {
    return faded >= denseThreshold ? DENSE : faded <= sparseThreshold ? SPARSE : TRANSITIONAL;
  }

  /**
   * Labels the grids: connected components of non-sparse grids holding a dense grid, faded
   * to {@code tau}, matched to the previous labels and committed.
   *
   * <p>The components depend only on which grids are dense, transitional or sparse, so when no
   * live grid changed class since they were last computed (new grids counting as sparse then),
   * N being the same, they are the same grid sets; each then matches only its own previous
   * label, so the labels, the reference and the counter stay as they are, and the work is
   * skipped. {@link #removeSporadic} has computed the classes on the way.
   */
  private void cluster(double tau) {
    if (!classChanged && gridSpace == clusteredSpace && !alwaysRecluster) {
      return;
    }
    recluster(tau);
  }

  /** Recomputes the components and their labels from every live grid. */
  private void recluster(double tau) {
    reclusterings++;
    int count = components(tau);
    int g = cells.size();
    System.arraycopy(kind, 0, clusteredKind, 0, g);
    clusteredSpace = gridSpace;
    labels.assign(ids, faded, component, g, count, componentLabels);
    labels.commit(ids, faded, component, g, count, componentLabels, origin + tau);
    for (int i = 0; i < g; i++) {
      gridLabel[i] = component[i] < 0 ? ClusterModel.NOISE : componentLabels[component[i]];
    }
  }

  /**
   * Computes {@code faded}, {@code kind} and {@code component} for every live grid at time
   * {@code tau}; components are numbered in the order of their first grid.
   *
   * @return the number of components
   */
  private int components(double tau) {
    int g = cells.size();
    scratch(g);
    for (int i = 0; i < g; i++) {
      double v = density[i] * fade(tau - updated[i]);
      faded[i] = v;
      kind[i] = classOf(v);
      parent[i] = i;
      keep[i] = false;
    }
    for (int i = 0; i < g; i++) {
      if (kind[i] == SPARSE) {
        continue;
      }
      for (int j = 0; j < d; j++) {
        int k = cells.neighbour(i, 2 * j + 1);
        if (k >= 0 && kind[k] != SPARSE) {
          Dbstream.union(parent, i, k);
        }
      }
    }
    for (int i = 0; i < g; i++) {
      if (kind[i] == DENSE) {
        keep[Dbstream.find(parent, i)] = true;
      }
    }
    int count = 0;
    for (int i = 0; i < g; i++) {
      int root = Dbstream.find(parent, i);
      if (kind[i] == SPARSE || !keep[root]) {
        component[i] = -1;
      } else {
        // Roots are the smallest index of their tree, so a root's component is numbered first.
        component[i] = root == i ? count++ : component[root];
      }
    }
    return count;
  }

  /**
   * Merges another D-Stream's learning state into this one, as if both streams had been
   * learned by one clusterer: grid densities are faded to the later of their two update times
   * and added, which is exact (a density is a sum of {@code lambda^(t - t_x)} terms); the
   * bounding boxes are joined (so N, D_m, D_l and gap follow); deletion records keep the latest
   * deletion time; a grid stays marked sporadic only if both sides marked it; the clock is the
   * later one and {@code seen()} the sum. The clustering is then recomputed at the time of the
   * latest point, keeping this clusterer's labels where its clusters survive.
   *
   * <p>Tolerance: a grid's merged density equals the one learning the union would give unless
   * one side deleted that grid as sporadic (a deleted grid had a density below
   * {@code pi <= D_l}), and the union would have run its adjustments at other times, so the two
   * can differ in which grids sporadic removal has taken. A fresh clusterer is the identity on
   * both sides: merged into, it takes a copy of the other's whole state, labels included.
   * Densities merge commutatively and associatively up to rounding (tested); the clusterings
   * agree as partitions, but the labels of clusters that are new to this side are fresh labels of
   * this side, so merge(a, b) and merge(b, a) may number them differently. This is
   * {@link Mergeable.Kind#APPROXIMATE}. Merging changes the other clusterer in nothing and keeps
   * no reference to it; it allocates.
   *
   * @param other a clusterer with the same configuration and dimension (or that has learned
   *     nothing); not this clusterer
   * @throws IllegalArgumentException if {@code other} is null, this clusterer, of another
   *     configuration or of another dimension; this clusterer is then unchanged
   */
  @Override
  public void merge(Dstream other) {
    requireMergeable(other, params, other == null ? null : other.params);
    if (other.d == 0) {
      return;
    }
    invalidateSnapshot();
    if (d == 0) {
      adopt(MergeChecks.copyOf(other, Dstream.class));
      return;
    }
    compactGrids();
    closeDeletedHoles();
    wholeReference();
    dropQueue();
    double base = Math.min(origin, other.origin);
    shift(origin - base);
    double delta = other.origin - base;
    double lambda = params.lambda();
    for (int k = 0; k < other.cells.size(); k++) {
      if (other.cells.isGone(k)) {
        continue;
      }
      for (int j = 0; j < d; j++) {
        cell[j] = other.cells.coord(k, j);
      }
      double tg = other.updated[k] + delta;
      double tm = other.removed[k] + delta;
      double mark = other.marked[k] + delta;
      int i = cells.find(cell);
      if (i >= 0) {
        double t = Math.max(updated[i], tg);
        density[i] = density[i] * Math.pow(lambda, t - updated[i])
            + other.density[k] * Math.pow(lambda, t - tg);
        updated[i] = t;
        removed[i] = Math.max(removed[i], tm);
        marked[i] = Double.isNaN(marked[i]) || Double.isNaN(mark) ? Double.NaN : Math.max(marked[i], mark);
      } else {
        int r = deleted.find(cell);
        if (r >= 0 && !Double.isNaN(deletedAt[r])) {
          tm = Math.max(tm, deletedAt[r]);
          deletedAt[r] = Double.NaN;
        }
        append(cell, other.density[k], tg, tm, mark);
      }
    }
    mergeDeleted(other, delta);
    for (int j = 0; j < d; j++) {
      lo[j] = Math.min(lo[j], other.lo[j]);
      hi[j] = Math.max(hi[j], other.hi[j]);
    }
    thresholds();
    seen += other.seen;
    now = Math.max(now, other.now);
    last = Math.max(last, other.last + delta);
    recluster(last);
    invalidateSnapshot();
  }

  /**
   * Becomes part {@code part} of {@code parts} of {@code merged} (see
   * {@link Mergeable#takePart}): a copy at the same clock, grid and clustering (the same grids
   * under the same labels), each grid's density scaled by {@code 1 / parts}, so that the parts'
   * densities add back to the merged ones; {@code seen()} is split as an integer
   * ({@link MergeChecks#share}). The dense and sparse thresholds are absolute densities, so a
   * part would judge a grid otherwise (dense, transitional, sparse) than the merged state when
   * its density over {@code parts} falls across a threshold, or when a density over
   * {@code parts} underflows to 0: then nothing is split and false
   * is returned (a caller falls back on the identity), as while {@code merged} has learned
   * nothing; nothing changes then. O(grids).
   */
  @Override
  public boolean takePart(Dstream merged, int part, int parts) {
    if (!requirePart(merged, params, merged == null ? null : merged.params, part, parts)) {
      return false;
    }
    for (int k = 0; k < merged.cells.size(); k++) {
      if (merged.cells.isGone(k)) {
        continue; // a hole left by a deletion, closed at the next compaction
      }
      double faded = merged.density[k] * merged.fade(merged.now - merged.origin - merged.updated[k]);
      if (merged.classOf(faded) != merged.classOf(faded / parts) || !(merged.density[k] / parts > 0)) {
        return false; // a grid would change its kind in a part, or its density underflow to 0
      }
    }
    Dstream c = MergeChecks.copyOf(merged, Dstream.class);
    for (int k = 0; k < c.cells.size(); k++) {
      c.density[k] /= parts;
    }
    c.seen = MergeChecks.share(merged.seen, part, parts);
    adopt(c);
    invalidateSnapshot();
    return true;
  }

  /** {@link Mergeable.Kind#APPROXIMATE}: see {@link #merge(Dstream)}. */
  @Override
  public Mergeable.Kind mergeKind() {
    return Mergeable.Kind.APPROXIMATE;
  }

  /** Takes over the whole state of {@code c}, a private copy; its scratch space too. */
  private void adopt(Dstream c) {
    d = c.d;
    now = c.now;
    seen = c.seen;
    nextId = c.nextId;
    powers = c.powers;
    cells = c.cells;
    density = c.density;
    updated = c.updated;
    removed = c.removed;
    marked = c.marked;
    ids = c.ids;
    gridLabel = c.gridLabel;
    clusteredKind = c.clusteredKind;
    clusteredSpace = c.clusteredSpace;
    deleted = c.deleted;
    deletedAt = c.deletedAt;
    lo = c.lo;
    hi = c.hi;
    origin = c.origin;
    last = c.last;
    gridSpace = c.gridSpace;
    denseThreshold = c.denseThreshold;
    sparseThreshold = c.sparseThreshold;
    gap = c.gap;
    labels = c.labels;
    cell = c.cell;
    stamp = new int[density.length];
    prior = new byte[density.length];
    due = new double[density.length];
    hit = new boolean[density.length];
    contrib = new double[density.length];
    referenceWhole = true;
    deletedHead = 0;
    dropQueue();
  }

  /** Moves the origin back by {@code by} time units, shifting every relative time. */
  private void shift(double by) {
    if (by == 0) {
      return;
    }
    origin -= by;
    last += by;
    for (int i = 0; i < cells.size(); i++) {
      updated[i] += by;
      removed[i] += by;
      marked[i] += by;
    }
    for (int k = 0; k < deleted.size(); k++) {
      deletedAt[k] += by;
    }
  }

  /** Joins the other side's deletion records, keeping the latest time, oldest first. */
  private void mergeDeleted(Dstream other, double delta) {
    for (int k = 0; k < other.deleted.size(); k++) {
      if (other.deleted.isGone(k) || Double.isNaN(other.deletedAt[k])) {
        continue;
      }
      for (int j = 0; j < d; j++) {
        cell[j] = other.deleted.coord(k, j);
      }
      double tm = other.deletedAt[k] + delta;
      int i = cells.find(cell);
      int r = deleted.find(cell);
      if (i >= 0) {
        removed[i] = Math.max(removed[i], tm);
      } else if (r >= 0 && !Double.isNaN(deletedAt[r])) {
        deletedAt[r] = Math.max(deletedAt[r], tm);
      } else if (r < 0) {
        r = deleted.add(cell);
        if (r >= deletedAt.length) {
          deletedAt = Arrays.copyOf(deletedAt, deleted.capacity());
        }
        deletedAt[r] = tm;
      }
    }
    int n = deleted.size();
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    double[] at = Arrays.copyOf(deletedAt, n);
    Arrays.sort(order, (a, b) -> Double.compare(at[a], at[b]));
    DstreamCells sorted = new DstreamCells(d, n);
    int kept = 0;
    for (int q = 0; q < n; q++) {
      int k = order[q];
      if (Double.isNaN(at[k])) {
        continue;
      }
      for (int j = 0; j < d; j++) {
        cell[j] = deleted.coord(k, j);
      }
      sorted.add(cell);
      deletedAt[kept++] = at[k];
    }
    deleted = sorted;
    if (kept > params.maxDeleted()) {
      scratch(kept);
      for (int k = 0; k < kept; k++) {
        keep[k] = k >= kept - params.maxDeleted();
      }
      compactDeleted(kept);
    }
  }

  /** The clustering of the last adjustment, densities faded to the current time. */
  @Override
  DstreamModel build() {
    if (d == 0) {
      return DstreamModel.empty(params.gridSize());
    }
    int g = cells.size();
    double tau = now - origin;
    double lambda = params.lambda();
    int clustered = 0;
    int[] sorted = new int[g];
    for (int i = 0; i < g; i++) {
      if (gridLabel[i] != ClusterModel.NOISE && !cells.isGone(i)) {
        sorted[clustered++] = gridLabel[i];
      }
    }
    Arrays.sort(sorted, 0, clustered);
    int k = 0;
    for (int i = 0; i < clustered; i++) {
      if (k == 0 || sorted[k - 1] != sorted[i]) {
        sorted[k++] = sorted[i];
      }
    }
    int[] macro = Arrays.copyOf(sorted, k);
    double[] centers = new double[k * d];
    double[] weights = new double[k];
    double[] counts = new double[k];
    double[] plain = new double[k * d];
    long[] coords = new long[clustered * d];
    int[] cellLabels = new int[clustered];
    double[] cellWeights = new double[clustered];
    double width = params.gridSize();
    for (int i = 0, c = 0; i < g; i++) {
      if (gridLabel[i] == ClusterModel.NOISE || cells.isGone(i)) {
        continue;
      }
      int m = Arrays.binarySearch(macro, gridLabel[i]);
      double v = density[i] * Math.pow(lambda, tau - updated[i]);
      for (int j = 0; j < d; j++) {
        long q = cells.coord(i, j);
        coords[c * d + j] = q;
        double mid = (q + 0.5) * width;
        centers[m * d + j] += v * mid;
        plain[m * d + j] += mid;
      }
      weights[m] += v;
      counts[m]++;
      cellLabels[c] = gridLabel[i];
      cellWeights[c] = v;
      c++;
    }
    for (int m = 0; m < k; m++) {
      for (int j = 0; j < d; j++) {
        // A gap of many half-lives can underflow every weight; the plain mean is then the centre.
        centers[m * d + j] = weights[m] > 0 ? centers[m * d + j] / weights[m]
            : plain[m * d + j] / counts[m];
      }
    }
    return new DstreamModel(d, width, now, macro, centers, weights, coords, cellLabels,
        cellWeights);
  }

  /** Tests only: the class each held grid had at the last adjustment, in id order. */
  byte[] classes() {
    int g = cells == null ? 0 : cells.size();
    byte[] out = new byte[gridCount()];
    for (int i = 0, k = 0; i < g; i++) {
      if (!cells.isGone(i)) {
        out[k++] = clusteredKind[i];
      }
    }
    return out;
  }

  /** The number of grids now held. */
  public int gridCount() {
    return cells == null ? 0 : cells.size() - cells.holes();
  }

  /** The number of deleted-grid records now held. */
  public int deletedCount() {
    return deleted == null ? 0 : deleted.size() - deleted.holes();
  }

  /** N, the number of grids of the space the data spans (see the class documentation). */
  public double gridSpace() {
    return gridSpace;
  }

  /** D_m, the density from which a grid is dense. */
  public double denseThreshold() {
    return denseThreshold;
  }

  /** D_l, the density up to which a grid is sparse. */
  public double sparseThreshold() {
    return sparseThreshold;
  }

  /** The time between adjustments, in time units. */
  public long gap() {
    return gap;
  }

  /** The density of the grid containing {@code point}, faded to the current time, or 0. */
  public double density(double[] point) {
    io.eddy.Points.require(point, d);
    if (d == 0) {
      return 0;
    }
    int i = cells.find(point, params.gridSize());
    return i < 0 ? 0 : density[i] * Math.pow(params.lambda(), now - origin - updated[i]);
  }

  /** Writes the configuration, clock, grids, deletion records and label memory. */
  static final StateCodec<Dstream> CODEC = StateCodec.of("dstream.state", 1, Dstream.class,
      (c, out) -> {
        Params.SPEC.write(c.params, out);
        out.writeInt(c.d);
        out.writeDouble(c.now);
        out.writeLong(c.seen);
        if (c.d == 0) {
          return;
        }
        // the layout without holes and the whole label reference: what a pass over every grid keeps
        c.compactGrids();
        c.closeDeletedHoles();
        c.wholeReference();
        int g = c.cells.size();
        out.writeDouble(c.origin);
        out.writeDouble(c.last);
        out.writeLong(c.nextId);
        out.writeLongs(c.lo);
        out.writeLongs(c.hi);
        out.writeLongs(c.cells.coordinates());
        out.writeDoubles(Arrays.copyOf(c.density, g));
        out.writeDoubles(Arrays.copyOf(c.updated, g));
        out.writeDoubles(Arrays.copyOf(c.removed, g));
        out.writeDoubles(Arrays.copyOf(c.marked, g));
        out.writeLongs(Arrays.copyOf(c.ids, g));
        out.writeInts(Arrays.copyOf(c.gridLabel, g));
        out.writeLongs(c.deleted.coordinates());
        out.writeDoubles(Arrays.copyOf(c.deletedAt, c.deleted.size()));
        c.labels.write(out);
      },
      (in, version) -> {
        Dstream c = new Dstream(Params.SPEC.read(in));
        int d = in.readInt(0, Integer.MAX_VALUE);
        c.now = in.readDouble();
        c.seen = in.readCount();
        if (!Double.isFinite(c.now) || (d == 0) != (c.seen == 0)) {
          throw new ModelFormatException("invalid clock: time " + c.now + ", seen " + c.seen);
        }
        if (d == 0) {
          return c;
        }
        double origin = in.readDouble();
        double last = in.readDouble();
        long next = in.readCount();
        long[] lo = in.readLongs();
        long[] hi = in.readLongs();
        if (lo.length != d || hi.length != d) {
          throw new ModelFormatException("D-Stream range of " + lo.length + " and " + hi.length
              + " coordinates for dimension " + d);
        }
        c.start(d, origin);
        c.last = last;
        long[] coords = in.readLongs();
        double[] density = in.readDoubles();
        double[] updated = in.readDoubles();
        double[] removed = in.readDoubles();
        double[] marked = in.readDoubles();
        long[] ids = in.readLongs();
        int[] gridLabel = in.readInts();
        long[] deletedCoords = in.readLongs();
        double[] deletedAt = in.readDoubles();
        c.labels = StableLabels.read(in);
        int g = density.length;
        if (!Double.isFinite(c.origin) || !(c.last >= 0) || !(c.origin + c.last <= c.now)
            || coords.length != (long) g * d
            || updated.length != g || removed.length != g || marked.length != g
            || ids.length != g || gridLabel.length != g
            || deletedCoords.length != (long) deletedAt.length * d) {
          throw new ModelFormatException("D-Stream state arrays disagree in length or clock");
        }
        for (int j = 0; j < d; j++) {
          if (lo[j] > hi[j]) {
            throw new ModelFormatException("invalid range in dimension " + j);
          }
        }
        System.arraycopy(lo, 0, c.lo, 0, d);
        System.arraycopy(hi, 0, c.hi, 0, d);
        c.thresholds();
        for (int i = 0; i < g; i++) {
          System.arraycopy(coords, i * d, c.cell, 0, d);
          if (!(density[i] > 0) || !(density[i] <= StateLimits.MAX_TOTAL_WEIGHT) || !(updated[i] <= c.last)
              || !(removed[i] <= c.last) || marked[i] > c.last || ids[i] < 0
              || ids[i] >= next || (i > 0 && ids[i] <= ids[i - 1])
              || (gridLabel[i] < ClusterModel.NOISE) || gridLabel[i] >= c.labels.nextLabel()
              || c.cells.find(c.cell) >= 0) {
            throw new ModelFormatException("invalid grid " + i);
          }
          c.append(c.cell, density[i], updated[i], removed[i], marked[i]);
          c.ids[i] = ids[i];
          c.gridLabel[i] = gridLabel[i];
        }
        c.nextId = next;
        double latest = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < deletedAt.length; k++) {
          System.arraycopy(deletedCoords, k * d, c.cell, 0, d);
          // records are oldest first (NaN: the grid is live again); expiry relies on the order
          if (!(Double.isNaN(deletedAt[k]) || deletedAt[k] <= c.last) || c.deleted.find(c.cell) >= 0
              || deletedAt[k] < latest) {
            throw new ModelFormatException("invalid deleted-grid record " + k);
          }
          if (!Double.isNaN(deletedAt[k])) {
            latest = deletedAt[k];
          }
          c.deleted.add(c.cell);
          if (k >= c.deletedAt.length) {
            c.deletedAt = Arrays.copyOf(c.deletedAt, c.deleted.capacity());
          }
          c.deletedAt[k] = deletedAt[k];
        }
        return c;
      });

  @Override
  public String toString() {
    return "Dstream[" + params + ", grids=" + gridCount() + ", seen=" + seen + "]";
  }
}
