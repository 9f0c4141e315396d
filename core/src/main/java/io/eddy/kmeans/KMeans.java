package io.eddy.kmeans;

import io.eddy.Clusterer;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.Points;
import io.eddy.math.Chunks;
import io.eddy.math.Columns;
import io.eddy.math.Weights;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Batch k-means: partitions n points into k clusters so as to minimise the inertia, the
 * weighted sum of squared Euclidean distances from each point to its cluster's center.
 *
 * <p>The fit follows scikit-learn's {@code KMeans} (version 1.2) step for step, so that from
 * the same initial centers it reaches the same labels, centers and inertia:
 * <ol>
 *   <li>Initial centers by greedy {@link KMeansPlusPlus k-means++} ({@link Init#KMEANS_PLUS_PLUS}),
 *       by k distinct data points drawn uniformly ({@link Init#RANDOM}), or given explicitly
 *       ({@link #fit(double[][], double[], double[][])}).
 *   <li>Lloyd iterations: assign every point to its nearest center, then move every center to
 *       the weighted mean of its points. A cluster left with no weight takes the point farthest
 *       from its own center, as scikit-learn does.
 *   <li>Stop when no label changed, when the sum of squared center shifts is at most
 *       {@code tol} times the mean variance of the features, or after {@code maxIter}
 *       iterations; then, unless the labels were already stable, assign once more so that the
 *       labels agree with the final centers.
 *   <li>Repeat {@code nInit} times from different initial centers and keep the run of least
 *       inertia.
 * </ol>
 * The assignment step is exhaustive ({@link Algorithm#LLOYD}) or pruned with the triangle
 * inequality ({@link Algorithm#HAMERLY}, {@link Algorithm#ELKAN}); all three give the same
 * labels up to floating-point ties, and {@link Algorithm#AUTO} picks the fastest for the shape
 * of the data.
 *
 * <p>Per-point work is split into fixed chunks that run on {@code threads} threads; partial
 * sums are combined in chunk order, so the model is bit-for-bit the same whatever the number of
 * threads. Fitting twice with the same seed gives identical models. Each chunk keeps the sums of
 * its clusters up to date by moving only the points whose label changed, so an iteration in
 * which few labels change reads few points.
 *
 * <p>The data are copied once, column by column ({@code io.eddy.math.Columns}), so that
 * k-means++ and the exhaustive passes compute a range of points' distances to a center in SIMD
 * loops; the bounded passes of Hamerly and Elkan read the caller's rows directly. Distances are
 * always the exact sums of squared differences (no {@code |x|² − 2x·c + |c|²} shortcut).
 *
 * <p>Sample weights are supported ({@link #fit(double[][], double[])}): a weight of 2 counts a
 * point twice, a weight of 0 removes it. The data must hold at least k distinct points of
 * positive weight; otherwise {@code fit} throws {@link IllegalArgumentException} (so
 * zero-variance data can be fitted only with k = 1).
 *
 * <p>Cost per iteration: O(n·k·d) for Lloyd, usually much less for Hamerly and Elkan; memory
 * O(n·d) for the column copy plus O(n) (Lloyd, Hamerly) or O(n·k) (Elkan), and O(n·(2 + ln k))
 * during k-means++. The caller's rows must not change during {@code fit}. Thread-safe: a
 * {@code KMeans} holds only its parameters.
 *
 * <p>References: S. P. Lloyd, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 1982;
 * D. Arthur and S. Vassilvitskii, "k-means++", SODA 2007; G. Hamerly, "Making k-means even
 * faster", SDM 2010; C. Elkan, "Using the triangle inequality to accelerate k-means", ICML 2003.
 */
public final class KMeans implements Clusterer<KMeansModel> {

  /** How the initial centers are chosen. */
  public enum Init implements Parameter.Choice {
    /** Greedy k-means++ with {@code 2 + floor(ln k)} local trials ({@link KMeansPlusPlus}). */
    KMEANS_PLUS_PLUS("kmeans++"),
    /** k distinct data points of positive weight, drawn uniformly. */
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

  /** How each point's nearest center is found. */
  public enum Algorithm implements Parameter.Choice {
    /**
     * Hamerly for d &le; {@value KMeans#AUTO_HAMERLY_MAX_DIMENSION}; above, Elkan if its n·k
     * bounds take at most 128 MB, else Lloyd.
     */
    AUTO,
    /** Every point against every center. */
    LLOYD,
    /** One upper and one lower bound per point (Hamerly 2010); O(n) extra memory. */
    HAMERLY,
    /** An upper bound per point and a lower bound per point and center (Elkan 2003); O(n·k) extra memory. */
    ELKAN;

    /** The name used in the registry and in saved files. */
    @Override
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Up to this dimension {@link Algorithm#AUTO} chooses Hamerly. Measured on one thread, n =
   * 20,000 overlapping blobs: Hamerly is faster than Elkan at d = 8 and 64 for k = 16, 64 and
   * 128, and at d = 128 for k = 16; Elkan is faster at d = 256 (k = 16 and 64).
   */
  public static final int AUTO_HAMERLY_MAX_DIMENSION = 128;

  /**
   * The configuration of a {@link KMeans}.
   *
   * @param k the number of clusters, in [1, 2^24] (default 8)
   * @param init how initial centers are chosen (default k-means++)
   * @param nInit the number of runs from different initial centers, &ge; 1 (default 1); the run
   *     of least inertia is kept
   * @param maxIter the most iterations per run, &ge; 1 (default 300)
   * @param tol the convergence tolerance, &ge; 0, relative to the mean variance of the
   *     features (default 1e-4): a run stops when the sum of squared center shifts is at most
   *     {@code tol} × mean feature variance
   * @param algorithm the assignment step (default auto)
   * @param threads the number of threads, in [0, 4096], with 0 meaning the number of
   *     available processors (default 0); results do not depend on it
   * @param seed the seed of all randomness (default {@link Parameter#DEFAULT_SEED})
   */
  public record Params(int k, Init init, int nInit, int maxIter, double tol, Algorithm algorithm,
      int threads, long seed) {

    static final Parameter K = Parameter.ofInt("k", 8, 1, 1 << 24, "number of clusters");
    static final Parameter INIT = Parameter.ofEnum("init", Init.class, Init.KMEANS_PLUS_PLUS,
        "initial centers: greedy k-means++ or random data points");
    static final Parameter N_INIT = Parameter.ofInt("nInit", 1, 1, Integer.MAX_VALUE,
        "runs from different initial centers; the one of least inertia is kept");
    static final Parameter MAX_ITER = Parameter.ofInt("maxIter", 300, 1, Integer.MAX_VALUE,
        "most iterations per run");
    static final Parameter TOL = Parameter.ofDouble("tol", 1e-4, 0, true, Double.POSITIVE_INFINITY, false,
        "stop when the squared center shift is at most tol x mean feature variance");
    static final Parameter ALGORITHM = Parameter.ofEnum("algorithm", Algorithm.class, Algorithm.AUTO,
        "assignment step; all give the same result");
    static final Parameter THREADS = Parameter.ofThreads("threads, 0 = available processors; results do not depend on it");
    static final Parameter SEED = Parameter.ofSeed("seed of all randomness");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, K, INIT, N_INIT,
        MAX_ITER, TOL, ALGORITHM, THREADS, SEED);

    /** The defaults, as listed above. */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates every field. */
    public Params {
      K.check(k);
      INIT.check(init);
      N_INIT.check(nInit);
      MAX_ITER.check(maxIter);
      TOL.check(tol);
      ALGORITHM.check(algorithm);
      THREADS.check(threads);
    }

    /** A copy with another k. */
    public Params withK(int k) {
      return SPEC.with(this, K, k);
    }

    /** A copy with another initialisation. */
    public Params withInit(Init init) {
      return SPEC.with(this, INIT, init);
    }

    /** A copy with another number of runs. */
    public Params withNInit(int nInit) {
      return SPEC.with(this, N_INIT, nInit);
    }

    /** A copy with another iteration limit. */
    public Params withMaxIter(int maxIter) {
      return SPEC.with(this, MAX_ITER, maxIter);
    }

    /** A copy with another tolerance. */
    public Params withTol(double tol) {
      return SPEC.with(this, TOL, tol);
    }

    /** A copy with another assignment step. */
    public Params withAlgorithm(Algorithm algorithm) {
      return SPEC.with(this, ALGORITHM, algorithm);
    }

    /** A copy with another number of threads. */
    public Params withThreads(int threads) {
      return SPEC.with(this, THREADS, threads);
    }

    /** A copy with another seed. */
    public Params withSeed(long seed) {
      return SPEC.with(this, SEED, seed);
    }
  }

  private final Params params;

  /** A k-means with the given configuration. */
  public KMeans(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
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
  public KMeansModel fit(double[][] data) {
    return fit(data, null, null);
  }

  @Override
  public KMeansModel fit(double[][] data, double[] weights) {
    if (weights == null) {
      throw new IllegalArgumentException("weights is null");
    }
    return fit(data, weights, null);
  }

  /**
   * Fits from explicit initial centers (one run; {@code nInit} and {@code init} are ignored),
   * or as {@link #fit(double[][], double[])} if {@code initialCenters} is null.
   *
   * @param data n &ge; k points of one dimension d, finite; not modified, not retained
   * @param weights one finite non-negative weight per point with a positive sum, or null for
   *     all ones; not modified
   * @param initialCenters k finite centers of dimension d, or null; not modified
   * @throws IllegalArgumentException if an argument is invalid, the data have fewer than k
   *     distinct points of positive weight, or Elkan, chosen explicitly, would need more n·k
   *     bounds than one Java array holds
   */
  public KMeansModel fit(double[][] data, double[] weights, double[][] initialCenters) {
    if (data == null || data.length == 0 || data[0] == null || data[0].length == 0) {
      Points.requireData(data);
    }
    final int d = data[0].length;
    final int n = data.length;
    final int k = params.k;
    int shift = 0;
    if (weights != null) {
      Points.requireWeights(weights, n);
      shift = Weights.unitSumShift(weights);
      weights = Weights.scaled(weights, shift);
    }
    if (n < k) {
      throw new IllegalArgumentException("data has " + n + " points, expected at least k = " + k);
    }
    if (initialCenters != null) {
      if (initialCenters.length != k) {
        throw new IllegalArgumentException("initialCenters has " + initialCenters.length
            + " centers, expected k = " + k);
      }
      try {
        Points.requireAll(initialCenters, d);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("initialCenters " + e.getMessage(), e);
      }
    }
    int threads = params.threads == 0 ? Runtime.getRuntime().availableProcessors() : params.threads;
    try (Chunks chunks = Chunks.forPartials(n, (long) k * d + k, threads)) {
      return fit(data, weights, initialCenters, chunks, shift);
    }
  }

  /** The fit, with weights scaled by 2^{@code shift} (see {@link Weights}): undone on the model. */
  private KMeansModel fit(double[][] data, double[] weights, double[][] initialCenters,
      Chunks chunks, int shift) {
    final int d = data[0].length;
    final int n = data.length;
    final int k = params.k;
    // The copy checks the rows as it goes; a chunk that finds a bad one leaves the message to
    // Points, which names the first bad row whichever thread saw it.
    final Columns columns = Columns.allocate(n, d);
    boolean[] valid = new boolean[chunks.count];
    chunks.forEach(c -> valid[c] = columns.copyRows(data, chunks.start(c), chunks.end(c)));
    for (boolean v : valid) {
      if (!v) {
        Points.requireAll(data, d);
      }
    }
    requireDistinct(data, weights, k);

    double[] w = weights == null ? KMeansPlusPlus.ones(n) : weights.clone();
    double tol = params.tol == 0 ? 0 : params.tol * meanVariance(columns, chunks);
    Solver solver;
    Algorithm algorithm = resolve(params.algorithm, n, k, d);
    if (algorithm == Algorithm.ELKAN && (long) n * k > Integer.MAX_VALUE - 8) {
      // Chosen explicitly: AUTO picks Elkan only far below this.
      throw new IllegalArgumentException("Elkan's lower bounds for " + n + " points and k = " + k + " need n*k = "
          + (long) n * k + " values, more than one Java array holds; use algorithm HAMERLY, LLOYD or AUTO");
    }
    switch (algorithm) {
      case HAMERLY:
        solver = new HamerlySolver(columns, data, w, k, chunks);
        break;
      case ELKAN:
        solver = new ElkanSolver(columns, data, w, k, chunks);
        break;
      default:
        solver = new LloydSolver(columns, data, w, k, chunks);
    }
    Solver.Result best = null;
    if (initialCenters != null) {
      best = solver.run(KMeansPlusPlus.flatten(initialCenters, d), params.maxIter, tol);
    } else {
      SplittableRandom rng = new SplittableRandom(params.seed);
      for (int r = 0; r < params.nInit; r++) {
        double[] init = params.init == Init.KMEANS_PLUS_PLUS
            ? KMeansPlusPlus.centers(columns, w, k, rng, chunks)
            : randomCenters(columns, w, k, rng);
        Solver.Result result = solver.run(init, params.maxIter, tol);
        if (best == null || result.inertia < best.inertia) {
          best = result;
        }
      }
    }
    return new KMeansModel(best.centers, d, Weights.scaled(best.weights, -shift),
        Math.scalb(best.inertia, -shift), best.iterations, best.converged, best.labels);
  }

  /**
   * {@link Columns#meanVariance}, its two passes split over the chunks; the partial sums are
   * added in chunk order, so the value does not depend on the number of threads.
   */
  private static double meanVariance(Columns columns, Chunks chunks) {
    int d = columns.dimension();
    int n = columns.size();
    double[][] partial = new double[chunks.count][d];
    chunks.forEach(c -> columns.addColumnSums(chunks.start(c), chunks.end(c), partial[c]));
    double[] mean = new double[d];
    for (double[] p : partial) {
      for (int t = 0; t < d; t++) {
        mean[t] += p[t];
      }
    }
    for (int t = 0; t < d; t++) {
      mean[t] /= n;
    }
    double[][] squares = new double[chunks.count][d];
    chunks.forEach(c -> columns.addSquaredDeviations(chunks.start(c), chunks.end(c), mean, squares[c]));
    double[] total = new double[d];
    for (double[] p : squares) {
      for (int t = 0; t < d; t++) {
        total[t] += p[t];
      }
    }
    return Columns.meanVariance(total, n);
  }

  /** The algorithm {@link Algorithm#AUTO} stands for with data of this shape. */
  static Algorithm resolve(Algorithm a, int n, int k, int d) {
    if (a != Algorithm.AUTO) {
      return a;
    }
    if (d <= AUTO_HAMERLY_MAX_DIMENSION) {
      return Algorithm.HAMERLY;
    }
    return ElkanSolver.fits(n, k) ? Algorithm.ELKAN : Algorithm.LLOYD;
  }

  private static double[] randomCenters(Columns x, double[] w, int k, SplittableRandom rng) {
    int n = x.size();
    int d = x.dimension();
    int[] idx = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (w[i] > 0) {
        idx[m++] = i;
      }
    }
    double[] centers = new double[k * d];
    for (int j = 0; j < k; j++) {
      int r = j + rng.nextInt(m - j);
      int t = idx[j];
      idx[j] = idx[r];
      idx[r] = t;
      x.copyPoint(idx[j], centers, j * d);
    }
    return centers;
  }

  /** Throws unless the data hold at least k distinct points of positive weight. */
  private static void requireDistinct(double[][] data, double[] weights, int k) {
    Set<Row> seen = new HashSet<>();
    for (int i = 0; i < data.length && seen.size() < k; i++) {
      if (weights == null || weights[i] > 0) {
        seen.add(new Row(data[i]));
      }
    }
    if (seen.size() < k) {
      throw new IllegalArgumentException("data have " + seen.size()
          + " distinct points of positive weight, expected at least k = " + k);
    }
  }

  /** A point compared by value, with 0.0 equal to -0.0. */
  private static final class Row {
    private final double[] v;
    private final int hash;

    Row(double[] v) {
      this.v = v;
      int h = 1;
      for (double e : v) {
        h = 31 * h + Double.hashCode(e + 0.0);
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Row)) {
        return false;
      }
      double[] u = ((Row) o).v;
      for (int i = 0; i < v.length; i++) {
        if (v[i] != u[i]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  @Override
  public String toString() {
    return "KMeans" + params;
  }
}
