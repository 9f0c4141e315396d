package io.eddy.hierarchy;

import io.eddy.Clusterer;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.Points;
import io.eddy.math.Pairwise;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Agglomerative hierarchical clustering with the seven standard linkages, after Müllner,
 * "Modern hierarchical, agglomerative clustering algorithms" (arXiv:1109.2378), the
 * algorithms of fastcluster and scipy.
 *
 * <p>{@link #dendrogram(double[][])} builds the whole merge tree; {@link #fit(double[][])}
 * also cuts it, into {@link Params#k() k} clusters or at a {@link Params#height() height}, and
 * returns a {@link HierarchicalModel} that scores new points. The tree can be cut again at any
 * level without refitting ({@link HierarchicalModel#recut(int)}).
 *
 * <p>Algorithms, for n points of dimension d:
 * <table>
 *   <caption>Algorithm and cost per linkage</caption>
 *   <tr><th>linkage</th><th>{@link Storage#MATRIX}</th><th>{@link Storage#VECTORS}</th><th>{@link Storage#AUTO} (default)</th></tr>
 *   <tr><td>single</td><td colspan="2">minimum spanning tree by Prim on the points: O(n²·d) time, O(n) memory besides the points</td><td>vectors</td></tr>
 *   <tr><td>complete, average, weighted</td><td>NN-chain, O(n²) time after the O(n²·d) matrix, 8·n(n−1)/2 bytes</td><td>not available</td><td>matrix</td></tr>
 *   <tr><td>ward</td><td>NN-chain on the matrix</td><td>generic algorithm on the centers (each merge replaces two centers by their weighted mean), O(n·d) memory, O(n²·d) time or more</td><td>vectors</td></tr>
 *   <tr><td>centroid, median</td><td>generic algorithm on the matrix, O(n²) to O(n³) time</td><td>generic algorithm on the centers, O(n·d) memory</td><td>vectors</td></tr>
 * </table>
 * {@link Storage#AUTO} takes the vector form wherever there is one: for these four linkages
 * it was faster than the matrix at every size measured (n = 1,000 to 20,000, d = 8;
 * benchmarks/results/hier.md), besides needing no n(n−1)/2 matrix. Before allocating a matrix, the fit checks
 * that it fits the free heap and otherwise throws an {@link IllegalArgumentException} naming
 * the memory needed and the alternative. The matrix fill and the long nearest-neighbour scans
 * of the vector forms run on {@code threads} threads, with the same result for any number.
 * On large n the matrix linkages read the matrix column by column, one memory page per read:
 * a JVM started with {@code -XX:+UseTransparentHugePages} (Linux) ran complete linkage at
 * n = 20,000 about a fifth faster (benchmarks/results/hier.md).
 *
 * <p>Results follow scipy 1.10's {@code linkage(X, method)}: the same heights (Euclidean for
 * every linkage, Ward included) and, with the matrix storage, the same scans, tie rules
 * (ties go to the lowest index) and Lance–Williams arithmetic, so the merges come out in the
 * same rows with the same ids; our golden tests check this row for row, ties included, for
 * all seven linkages on planted blobs, iris and wine (see {@link Dendrogram} for the row
 * order). What holds for the vector forms:
 * <ul>
 *   <li>single linkage: the same heights as scipy in every row, ties or not (they are the
 *       sorted edges of a minimum spanning tree);</li>
 *   <li>Ward, centroid and median without tied candidate merges: scipy's merges, with heights
 *       equal to rounding (computed from centers: about 1e-12 relative, or about 1e-15 for
 *       the zero height of duplicate points);</li>
 *   <li>with ties, another of the tied pairs may merge first, and later heights can then
 *       differ from scipy's (for centroid and median by several percent on points of a small
 *       integer grid). What always holds is that each row merges, to rounding, a pair at the
 *       least dissimilarity among the clusters present at that step: the tree is one the
 *       linkage's definition allows, the one scipy builds when its tie order agrees.</li>
 * </ul>
 * Choose {@link Storage#MATRIX} to reproduce scipy row for row on data with ties.
 *
 * <p>Deterministic (no randomness), reusable and thread-safe: a fit allocates its own state.
 */
public final class HierarchicalClustering implements Clusterer<HierarchicalModel> {

  /** Where cluster distances live during a fit. */
  public enum Storage implements Parameter.Choice {
    /**
     * The fastest path for the linkage (the default): {@link #VECTORS} for single, Ward,
     * centroid and median linkage, {@link #MATRIX} for complete, average and weighted, which
     * have no vector form. Heights are scipy's to rounding either way; see the class comment
     * for what holds under ties.
     */
    AUTO,
    /**
     * A condensed n(n−1)/2 distance matrix, about 4·n² bytes of heap: the only form of
     * complete, average and weighted linkage, and the one that reproduces scipy row for row
     * under ties.
     */
    MATRIX,
    /**
     * Only the points and cluster centers, O(n·d): for Ward, centroid and median. Single
     * linkage never builds a matrix; with this storage it compares squared distances, which
     * is faster, and with {@link #MATRIX} it compares rooted distances as scipy does, so that
     * its tie-breaking is scipy's too.
     */
    VECTORS;

    /** The lower-case name used by the registry and in saved files. */
    @Override
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The configuration of a hierarchical clustering.
   *
   * @param linkage the linkage; default {@link Linkage#WARD}
   * @param k the number of clusters {@link #fit} cuts the tree into (scipy's maxclust), or 0
   *     to cut by {@code height} instead; default 2
   * @param height the height at which {@link #fit} cuts the tree (scipy's distance criterion;
   *     units of the data), or {@code +∞} to cut by {@code k}; default +∞. Exactly one of k &gt; 0
   *     and a finite height must be given.
   * @param storage auto, matrix or vectors; default {@link Storage#AUTO}
   * @param threads threads for the distance matrix and the nearest-neighbour searches, the
   *     caller's included, in [0, 4096]; 0 (the default) means all available processors; the
   *     result does not depend on it
   */
  public record Params(Linkage linkage, int k, double height, Storage storage, int threads) {

    static final Parameter LINKAGE = Parameter.ofEnum("linkage", Linkage.class, Linkage.WARD,
        "how the distance between clusters is defined");
    static final Parameter K = Parameter.ofInt("k", 2, 0, Integer.MAX_VALUE,
        "number of clusters to cut the tree into (scipy maxclust); 0 to cut by height");
    static final Parameter HEIGHT = Parameter.ofDouble("height", Double.POSITIVE_INFINITY, 0, true,
        Double.POSITIVE_INFINITY, true, "height to cut the tree at (scipy distance criterion); inf to cut by k");
    static final Parameter STORAGE = Parameter.ofEnum("storage", Storage.class, Storage.AUTO,
        "auto: the fastest path for the linkage; matrix: n(n-1)/2 distances;"
            + " vectors: O(n*d) memory for single, ward, centroid, median");
    static final Parameter THREADS = Parameter.ofThreads(
        "threads for the distance matrix and the nearest-neighbour searches; the result does not depend on it");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, LINKAGE, K, HEIGHT, STORAGE, THREADS);

    /** Ward linkage, cut into 2 clusters, storage chosen automatically. */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates every field. */
    public Params {
      LINKAGE.check(linkage);
      STORAGE.check(storage);
      K.check(k);
      HEIGHT.check(height);
      THREADS.check(threads);
      boolean byHeight = height != Double.POSITIVE_INFINITY;
      if ((k > 0) == byHeight) {
        throw new IllegalArgumentException(byHeight
            ? "set either k or height: got k=" + k + " and height=" + height + "; set k=0 to cut by height"
            : "set either k or height: got k=0 and height=inf; give k >= 1 or a finite height");
      }
      if (storage == Storage.VECTORS && !(linkage.isGeometric() || linkage == Linkage.SINGLE)) {
        throw new IllegalArgumentException("storage must be matrix for " + linkage.id()
            + " linkage, which has no vector form (vectors: single, ward, centroid, median); got vectors");
      }
    }

    /** A copy with another linkage. */
    public Params withLinkage(Linkage linkage) {
      return SPEC.with(this, LINKAGE, linkage);
    }

    /** A copy that cuts into k clusters (and not by height). */
    public Params withK(int k) {
      return cut(k, Double.POSITIVE_INFINITY);
    }

    /** A copy that cuts at the given height (and not by k). */
    public Params withHeight(double height) {
      return cut(0, height);
    }

    /** A copy with another number of threads. */
    public Params withThreads(int threads) {
      return SPEC.with(this, THREADS, threads);
    }

    private Params cut(int k, double height) {
      Map<String, Object> m = new java.util.HashMap<>(SPEC.toMap(this));
      m.put("k", k);
      m.put("height", height);
      return SPEC.from(m);
    }

    /** A copy with another storage. */
    public Params withStorage(Storage storage) {
      return SPEC.with(this, STORAGE, storage);
    }
  }

  private final Params params;

  /** A clusterer with the given configuration. */
  public HierarchicalClustering(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params must not be null");
    }
    this.params = params;
  }

  /** A clusterer with {@link Params#DEFAULTS}. */
  public HierarchicalClustering() {
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
   * The merge tree of {@code data}.
   *
   * @param data n &ge; 1 points of one dimension, finite; not modified, not retained
   * @throws IllegalArgumentException if the data are empty, ragged or not finite, or if the
   *     storage needs the matrix and the matrix does not fit the free heap (checked before
   *     allocating it; the message names the memory needed and the alternative)
   */
  public Dendrogram dendrogram(double[][] data) {
    int d = Points.requireData(data);
    return build(flatten(data, d), data.length, d);
  }

  /**
   * The merge tree cut as {@link #params()} says.
   *
   * @throws IllegalArgumentException if the data are invalid, k exceeds the number of points,
   *     or the matrix does not fit the free heap, as for {@link #dendrogram}
   */
  @Override
  public HierarchicalModel fit(double[][] data) {
    int d = Points.requireData(data);
    int n = data.length;
    if (params.k() > n) {
      throw new IllegalArgumentException("k is " + params.k() + " but the data have only " + n + " points");
    }
    double[] x = flatten(data, d);
    Dendrogram tree = build(x, n, d);
    int[] labels = params.k() > 0 ? tree.cutByCount(params.k()) : tree.cutByHeight(params.height());
    return new HierarchicalModel(params.linkage(), tree, labels, x, d, true);
  }

  private Dendrogram build(double[] x, int n, int d) {
    Linkage linkage = params.linkage();
    if (n == 1) {
      return new Dendrogram(1, new int[0], new int[0], new double[0], new int[0]);
    }
    Storage storage = resolve(linkage, params.storage());
    if (linkage == Linkage.SINGLE) {
      return Agglomeration.primSingle(x, n, d, storage == Storage.MATRIX);
    }
    int t = params.threads() == 0 ? Runtime.getRuntime().availableProcessors() : params.threads();
    if (storage == Storage.VECTORS) {
      return VectorAgglomeration.generic(x, n, d, linkage, t);
    }
    MemoryCheck.requireCondensed(n, linkage.id() + " linkage");
    double[] dist = new double[(int) Pairwise.pairs(n)];
    Pairwise.condensed(x, n, d, dist, t);
    return fromMatrix(dist, n, linkage);
  }

  /** The storage {@link Storage#AUTO} stands for; other storages stand for themselves. */
  static Storage resolve(Linkage linkage, Storage storage) {
    if (storage != Storage.AUTO) {
      return storage;
    }
    return linkage == Linkage.SINGLE || linkage.isGeometric() ? Storage.VECTORS : Storage.MATRIX;
  }

  private static Dendrogram fromMatrix(double[] dist, int n, Linkage linkage) {
    switch (linkage) {
      case SINGLE:
        return Agglomeration.primSingle(dist, n);
      case CENTROID:
      case MEDIAN:
        return Agglomeration.generic(dist, n, linkage);
      default:
        return Agglomeration.nnChain(dist, n, linkage);
    }
  }

  /**
   * The merge tree from precomputed distances, for any dissimilarity (scipy's
   * {@code linkage(y, method)} on a condensed matrix). Ward, centroid and median assume the
   * distances are Euclidean.
   *
   * @param condensed the n(n−1)/2 distances in {@link Pairwise#index} order, finite and &ge; 0;
   *     not modified (a working copy is made)
   * @param n the number of points, &ge; 1
   * @throws IllegalArgumentException if the length does not match n or a distance is invalid
   */
  public static Dendrogram linkage(double[] condensed, int n, Linkage linkage) {
    Objects.requireNonNull(linkage, "linkage");
    if (n < 1 || n > Pairwise.MAX_CONDENSED_POINTS || condensed.length != Pairwise.pairs(n)) {
      throw new IllegalArgumentException("condensed has length " + condensed.length + ", expected n(n-1)/2 = "
          + Pairwise.pairs(Math.max(n, 0)) + " for n = " + n);
    }
    for (int i = 0; i < condensed.length; i++) {
      double v = condensed[i];
      if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("distance " + i + " is " + v + ", expected a finite value >= 0");
      }
    }
    if (n == 1) {
      return new Dendrogram(1, new int[0], new int[0], new double[0], new int[0]);
    }
    if (linkage == Linkage.SINGLE) {
      return Agglomeration.primSingle(condensed, n);
    }
    MemoryCheck.requireCondensed(n, linkage.id() + " linkage");
    return fromMatrix(condensed.clone(), n, linkage);
  }

  private static double[] flatten(double[][] data, int d) {
    if ((long) data.length * d > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("data have " + data.length + " points of dimension " + d
          + ", more than the 2^31 values one array holds");
    }
    double[] x = new double[data.length * d];
    for (int i = 0; i < data.length; i++) {
      System.arraycopy(data[i], 0, x, i * d, d);
    }
    return x;
  }

  @Override
  public String toString() {
    return "HierarchicalClustering" + params;
  }
}
