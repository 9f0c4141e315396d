package io.eddy.mixture;

import io.eddy.Clusterer;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.Points;
import io.eddy.math.Chunks;
import io.eddy.math.Gaussian;
import io.eddy.math.Weights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Gaussian mixture fitted by expectation-maximisation (Dempster, Laird and Rubin, JRSS-B 1977)
 * with full, diagonal, spherical or tied covariances, following the semantics of
 * scikit-learn's {@code GaussianMixture}: {@code regCovar} added to every covariance
 * diagonal, the E-step in log space with log-sum-exp, precision Cholesky factors, convergence
 * when the mean log-likelihood gains less than {@code tol}, and the best of {@code nInit}
 * runs by final mean log-likelihood.
 *
 * <p>From the same initial parameters ({@link #fit(double[][], double[], GaussianMixtureModel)})
 * it reproduces scikit-learn 1.2's per-iteration log-likelihoods and final parameters to
 * about 1e-12 relative. The initialisations ({@link Init}) are scikit-learn's, with Eddy's own
 * random numbers. {@link #warmStart} continues a previous fit, as scikit-learn's
 * {@code warm_start=True}, with the previous model passed explicitly rather than kept inside
 * the (immutable) clusterer.
 *
 * <p>Awkward data (duplicate points, a component left with a single point, more dimensions
 * than points in a component) never yield NaN or infinity: {@code regCovar} keeps covariances
 * positive definite, and a covariance that is still not positive definite in floating point
 * gets a small extra ridge; a component that cannot be repaired is reported by an
 * {@link IllegalStateException} naming it.
 *
 * <p>Cost per iteration: O(n·k·d²) for full and tied covariances, O(n·k·d) otherwise, plus
 * O(k·d³) for the factorisations; memory O(n·k) for the responsibilities. Large inputs are
 * split into fixed chunks of 1,024 points that run on
 * {@link Params#threads()} threads; partial sums are reduced in chunk order, so the result is
 * bit-for-bit the same on any number of threads.
 *
 * <p>Immutable; {@link #fit} may be called from several threads at once.
 */
public final class GaussianMixture implements Clusterer<GaussianMixtureModel> {

  /** Added to every component's weight, as scikit-learn does, so that no weight is 0. */
  static final double WEIGHT_FLOOR = 10 * Math.ulp(1.0);

  /** How the responsibilities of the first iteration are chosen. */
  public enum Init implements Parameter.Choice {
    /**
     * Hard labels of a weighted {@link io.eddy.kmeans.KMeans} fit (one k-means++ start), as
     * scikit-learn's {@code "kmeans"}. With fewer than k distinct points, each distinct value
     * is one component and the others start empty.
     */
    KMEANS("kmeans"),
    /**
     * Only the k k-means++ seed points, one per component, as scikit-learn's
     * {@code "k-means++"}: the first covariances are then {@code regCovar} times the identity.
     */
    KMEANS_PLUS_PLUS("kmeans++"),
    /** Uniform random responsibilities normalised per point, as scikit-learn's {@code "random"}. */
    RANDOM("random");

    private final String id;

    Init(String id) {
      this.id = id;
    }

    /** The lower-case name used in the registry and in saved files. */
    @Override
    public String id() {
      return id;
    }
  }

  /** Sees the mean log-likelihood of every EM iteration, for progress display. */
  @FunctionalInterface
  public interface IterationListener {
    /**
     * Called on the fitting thread after each E-step.
     *
     * @param run the initialisation, {@code 0..nInit-1}
     * @param iteration the iteration within the run, from 1
     * @param meanLogLikelihood the weighted mean log-likelihood of the data under the
     *     parameters of the previous iteration (scikit-learn's {@code lower_bound_})
     */
    void iteration(int run, int iteration, double meanLogLikelihood);
  }

  /**
   * The configuration of a {@link GaussianMixture}.
   *
   * @param k the number of components, in [1, 2^24] (default 1, as scikit-learn)
   * @param covariance the covariance type (default {@link CovarianceType#FULL})
   * @param init the initialisation (default {@link Init#KMEANS})
   * @param nInit the number of initialisations, the best of which is kept, &ge; 1 (default 1)
   * @param maxIter the maximum number of EM iterations per initialisation, &ge; 1 (default 100)
   * @param tol convergence threshold on the gain of the mean log-likelihood, &ge; 0 (default 1e-3)
   * @param regCovar non-negative value added to every covariance diagonal (default 1e-6)
   * @param seed seed of all random choices (default {@link Parameter#DEFAULT_SEED})
   * @param threads threads for large inputs, in [0, 4096]; 0 means all available processors
   *     (default 0). Does not change the result.
   */
  public record Params(int k, CovarianceType covariance, Init init, int nInit, int maxIter,
      double tol, double regCovar, long seed, int threads) {

    static final Parameter K = Parameter.ofInt("k", 1, 1, 1 << 24, "number of mixture components");
    static final Parameter COVARIANCE = Parameter.ofEnum("covariance", CovarianceType.class,
        CovarianceType.FULL, "covariance shape: full, diagonal, spherical (one variance) or tied (one shared matrix)");
    static final Parameter INIT = Parameter.ofEnum("init", Init.class, Init.KMEANS,
        "initial responsibilities: k-means labels, k-means++ seeds or uniform random");
    static final Parameter N_INIT = Parameter.ofInt("nInit", 1, 1, Integer.MAX_VALUE,
        "number of initialisations; the one with the best log-likelihood is kept");
    static final Parameter MAX_ITER = Parameter.ofInt("maxIter", 100, 1, Integer.MAX_VALUE,
        "maximum EM iterations per initialisation");
    static final Parameter TOL = Parameter.ofDouble("tol", 1e-3, 0, true, Double.POSITIVE_INFINITY, false,
        "stop when the mean log-likelihood gains less than this");
    static final Parameter REG_COVAR = Parameter.ofDouble("regCovar", 1e-6, 0, true,
        Double.POSITIVE_INFINITY, false, "added to every covariance diagonal to keep it positive definite");
    static final Parameter SEED = Parameter.ofSeed("seed of the initialisation");
    static final Parameter THREADS = Parameter.ofThreads("threads for large inputs, 0 for all processors; does not change the result");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, K, COVARIANCE, INIT,
        N_INIT, MAX_ITER, TOL, REG_COVAR, SEED, THREADS);

    /** The defaults. */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates every field. */
    public Params {
      K.check(k);
      COVARIANCE.check(covariance);
      INIT.check(init);
      N_INIT.check(nInit);
      MAX_ITER.check(maxIter);
      TOL.check(tol);
      REG_COVAR.check(regCovar);
      THREADS.check(threads);
    }

    /** A copy with another {@code k}. */
    public Params withK(int k) {
      return SPEC.with(this, K, k);
    }

    /** A copy with another covariance type. */
    public Params withCovariance(CovarianceType covariance) {
      return SPEC.with(this, COVARIANCE, covariance);
    }

    /** A copy with another initialisation. */
    public Params withInit(Init init) {
      return SPEC.with(this, INIT, init);
    }

    /** A copy with another number of initialisations. */
    public Params withNInit(int nInit) {
      return SPEC.with(this, N_INIT, nInit);
    }

    /** A copy with another iteration limit. */
    public Params withMaxIter(int maxIter) {
      return SPEC.with(this, MAX_ITER, maxIter);
    }

    /** A copy with another convergence threshold. */
    public Params withTol(double tol) {
      return SPEC.with(this, TOL, tol);
    }

    /** A copy with another covariance regularisation. */
    public Params withRegCovar(double regCovar) {
      return SPEC.with(this, REG_COVAR, regCovar);
    }

    /** A copy with another seed. */
    public Params withSeed(long seed) {
      return SPEC.with(this, SEED, seed);
    }

    /** A copy with another thread count. */
    public Params withThreads(int threads) {
      return SPEC.with(this, THREADS, threads);
    }
  }

  private final Params params;
  private final IterationListener listener;

  /** A mixture with the given configuration. */
  public GaussianMixture(Params params) {
    this(params, null);
  }

  /**
   * A mixture with the given configuration whose fits report every iteration to
   * {@code listener}.
   *
   * @param listener called on the fitting thread; may be null
   */
  public GaussianMixture(Params params, IterationListener listener) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
    this.listener = listener;
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
   * Fits the mixture by EM.
   *
   * @param data n &ge; k finite points of one dimension; not modified, not retained
   * @throws IllegalArgumentException if the data are invalid or fewer than k points, or if
   *     {@code regCovar} is 0 and a covariance is ill-defined (a variance that is rounding
   *     noise, as collapsed points give), for every covariance type, or if n·k, or k·d² for
   *     full and tied covariances, exceeds what one Java array holds (about 2^31 values)
   * @throws IllegalStateException if a component's covariance cannot be repaired
   */
  @Override
  public GaussianMixtureModel fit(double[][] data) {
    return fit(data, null, null);
  }

  /**
   * Fits the mixture to weighted data: a weight of 2 counts a point twice.
   *
   * @param weights one finite weight &ge; 0 per point, positive sum; not modified
   */
  @Override
  public GaussianMixtureModel fit(double[][] data, double[] weights) {
    Points.requireData(data);
    Points.requireWeights(weights, data.length);
    return fit(data, weights, null);
  }

  /**
   * Runs EM from the parameters of {@code start} (weights, means and covariances) instead of
   * an initialisation, like scikit-learn's {@code weights_init}, {@code means_init} and
   * {@code precisions_init}; {@code nInit} is then irrelevant and one run is made.
   *
   * @param weights one weight per point, or null for all ones
   * @param start a model of this configuration's k and covariance type and the data's
   *     dimension, or null to initialise as configured
   */
  public GaussianMixtureModel fit(double[][] data, double[] weights, GaussianMixtureModel start) {
    return fit(data, weights, start, Double.NEGATIVE_INFINITY);
  }

  /**
   * Continues EM from a previous fit, as scikit-learn's {@code warm_start=True} does on a
   * later {@code fit}: one run ({@code nInit} is ignored) from the parameters of
   * {@code previous}, whose final lower bound is the first iteration's reference for
   * convergence. A fit that converged, continued on the same data, therefore stops after one
   * iteration; on new data (more rows, a later window) it adapts the previous solution instead
   * of starting over. {@code previous} is not changed: the result is a new model, and the
   * iteration count and convergence flag are those of this continuation.
   *
   * <p>Unlike {@link #fit(double[][], double[], GaussianMixtureModel)}, which starts from
   * given parameters as scikit-learn's {@code means_init} and the like (the first iteration
   * is never a convergence), this carries the previous lower bound; for a model built with
   * {@link GaussianMixtureModel#of}, which has none, the two are the same.
   *
   * @param data n &ge; k finite points of {@code previous}'s dimension; not modified
   * @param weights one weight per point, or null for all ones; not modified
   * @param previous a model of this configuration's k and covariance type
   * @throws IllegalArgumentException if {@code previous} is null or its shape does not match,
   *     or as {@link #fit(double[][])}
   */
  public GaussianMixtureModel warmStart(double[][] data, double[] weights, GaussianMixtureModel previous) {
    if (previous == null) {
      throw new IllegalArgumentException("previous is null, expected the model to continue from");
    }
    double bound = previous.lowerBound();
    return fit(data, weights, previous, Double.isNaN(bound) ? Double.NEGATIVE_INFINITY : bound);
  }

  private GaussianMixtureModel fit(double[][] data, double[] weights, GaussianMixtureModel start,
      double startBound) {
    int d = Points.requireData(data);
    int n = data.length;
    if (weights != null) {
      Points.requireWeights(weights, n);
      // EM depends on the weights' ratios only: a tiny scale would only lose them to rounding.
      weights = Weights.scaled(weights, Weights.unitSumShift(weights));
    }
    int k = params.k;
    if (n < k) {
      throw new IllegalArgumentException("data has " + n + " points, expected at least k = " + k);
    }
    if (start != null) {
      Components s = start.components();
      if (s.k != k || s.d != d || s.type != params.covariance) {
        throw new IllegalArgumentException("start model has k=" + s.k + ", dimension " + s.d
            + ", covariance " + s.type.id() + "; expected k=" + k + ", dimension " + d
            + ", covariance " + params.covariance.id());
      }
    }
    requireArraySizes(n, d, k, params.covariance);
    int threads = params.threads == 0 ? Runtime.getRuntime().availableProcessors() : params.threads;
    try (Chunks chunks = Chunks.ofSize(n, CHUNK, threads)) {
      threads = Math.min(threads, chunks.count);
      Em em = new Em(data, weights, params, chunks);
      SplittableRandom rng = new SplittableRandom(params.seed);
      int runs = start == null ? params.nInit : 1;
      Run best = null;
      for (int run = 0; run < runs; run++) {
        Components init;
        if (start == null) {
          Seeding.responsibilities(params.init, data, weights, k, threads, rng, em.resp);
          em.accumulateFirstMoments();
          init = em.mStep(em.totalWeight);
        } else {
          init = start.components();
        }
        Run r = em.iterate(init, startBound, run, listener);
        if (best == null || r.lowerBound > best.lowerBound) {
          best = r;
        }
      }
      return new GaussianMixtureModel(best.components, best.converged, best.iterations, best.lowerBound);
    }
  }

  /** The outcome of one EM run. */
  /** Points per chunk of the E and M steps: fixed, so that partial sums never depend on the thread count. */
  private static final int CHUNK = 1024;

  /**
   * Checks, before allocating, that EM's largest arrays fit one Java array each: the n·k
   * responsibilities and the k·d² (full, tied) or k·d scatter of a chunk. Their products
   * wrapped in int arithmetic: n = k = 46,341 gave a NegativeArraySizeException, and k = 1,
   * d = 65,536 full covariances an empty scatter and an ArrayIndexOutOfBoundsException.
   */
  private static void requireArraySizes(int n, int d, int k, CovarianceType type) {
    long responsibilities = (long) n * k;
    boolean square = type == CovarianceType.FULL || type == CovarianceType.TIED;
    long scatter = square ? (long) k * d * d : (long) k * d;
    long limit = Integer.MAX_VALUE - 8;
    if (responsibilities > limit || scatter > limit) {
      throw new IllegalArgumentException("a mixture of " + k + " components on " + n + " points of dimension " + d
          + " needs " + responsibilities + " responsibilities (n*k) and " + type.id() + " scatter sums of "
          + scatter + (square ? " (k*d*d)" : " (k*d)") + " values, more than one Java array holds (" + limit
          + "); use fewer components, " + (square ? "diagonal or spherical covariances, " : "")
          + "fewer dimensions or a sample of the points");
    }
  }

  private static final class Run {
    final Components components;
    final boolean converged;
    final int iterations;
    final double lowerBound;

    Run(Components components, boolean converged, int iterations, double lowerBound) {
      this.components = components;
      this.converged = converged;
      this.iterations = iterations;
      this.lowerBound = lowerBound;
    }
  }

  /** The working state of one fit: responsibilities and per-chunk partial sums. */
  private static final class Em {
    final double[][] x;
    final double[] w;
    final int n;
    final int d;
    final int k;
    final Params params;
    final Chunks chunks;
    final double[] resp;
    final double totalWeight;
    final double[] partialLogLik;
    final double[][] partialMass;
    final double[][] partialSum;
    final double[][] partialScatter;
    final double[] mass;
    final double[] means;

    Em(double[][] x, double[] w, Params params, Chunks chunks) {
      this.x = x;
      this.w = w;
      this.n = x.length;
      this.d = x[0].length;
      this.k = params.k;
      this.params = params;
      this.chunks = chunks;
      this.resp = new double[n * k];
      double tw = 0;
      if (w == null) {
        tw = n;
      } else {
        for (int i = 0; i < n; i++) {
          tw += w[i];
        }
      }
      this.totalWeight = tw;
      this.partialLogLik = new double[chunks.count];
      this.partialMass = new double[chunks.count][k];
      this.partialSum = new double[chunks.count][k * d];
      boolean square = params.covariance == CovarianceType.FULL || params.covariance == CovarianceType.TIED;
      this.partialScatter = new double[chunks.count][square ? k * d * d : k * d];
      this.mass = new double[k];
      this.means = new double[k * d];
    }

    Run iterate(Components start, double startBound, int run, IterationListener listener) {
      Components current = start;
      double lowerBound = startBound;
      boolean converged = false;
      int iteration = 0;
      while (iteration < params.maxIter) {
        iteration++;
        double previous = lowerBound;
        lowerBound = eStep(current);
        if (listener != null) {
          listener.iteration(run, iteration, lowerBound);
        }
        current = mStep(Double.NaN);
        if (Math.abs(lowerBound - previous) < params.tol) {
          converged = true;
          break;
        }
      }
      return new Run(current, converged, iteration, lowerBound);
    }

    /**
     * Computes the responsibilities under {@code c} and, fused into the same pass, the first
     * moments of the next M-step; returns the weighted mean log-likelihood.
     */
    double eStep(Components c) {
      chunks.forEach(chunk -> {
        int from = chunks.start(chunk);
        int to = chunks.end(chunk);
        double[] logp = new double[k];
        double[] scratch = new double[d];
        double sum = 0;
        for (int i = from; i < to; i++) {
          double lse = c.density.posteriors(x[i], logp, scratch);
          System.arraycopy(logp, 0, resp, i * k, k);
          double wi = w == null ? 1.0 : w[i];
          if (wi != 0) {
            sum += wi * lse;
          }
        }
        partialLogLik[chunk] = sum;
        firstMoments(chunk, from, to);
      });
      double total = 0;
      for (int chunk = 0; chunk < chunks.count; chunk++) {
        total += partialLogLik[chunk];
      }
      double mean = total / totalWeight;
      if (!Double.isFinite(mean)) {
        throw new IllegalStateException("the log-likelihood of the data is " + mean
            + ": the data's values are too large for the covariances; rescale the data");
      }
      return mean;
    }

    void accumulateFirstMoments() {
      chunks.forEach(chunk -> firstMoments(chunk, chunks.start(chunk), chunks.end(chunk)));
    }

    private void firstMoments(int chunk, int from, int to) {
      double[] m = partialMass[chunk];
      double[] s = partialSum[chunk];
      java.util.Arrays.fill(m, 0.0);
      java.util.Arrays.fill(s, 0.0);
      for (int i = from; i < to; i++) {
        double wi = w == null ? 1.0 : w[i];
        double[] xi = x[i];
        int off = i * k;
        for (int c = 0; c < k; c++) {
          double r = wi * resp[off + c];
          if (r == 0) {
            continue;
          }
          m[c] += r;
          int so = c * d;
          for (int j = 0; j < d; j++) {
            s[so + j] += r * xi[j];
          }
        }
      }
    }

    /**
     * Without regularisation, rejects a covariance whose variance along some feature is
     * rounding noise: at most {@code n·eps·var + (n·|mean|·eps)²} for the component's mass n
     * (scikit-learn's test for a constant feature). Collapsed or duplicate points give such
     * variances (1e-32 for points at 0.1), which in floating point can still look positive
     * definite; the model would then be a spike that rounding alone shaped.
     */
    private void requireWellDefined(double[] cov, double massSum) {
      CovarianceType type = params.covariance;
      boolean tied = type == CovarianceType.TIED;
      boolean spherical = type == CovarianceType.SPHERICAL;
      for (int c = 0; c < (tied ? 1 : k); c++) {
        double n = tied ? massSum : mass[c];
        for (int j = 0; j < (spherical ? 1 : d); j++) {
          // The largest mean magnitude the variance is compared with: of this feature (over
          // every component when tied), or of any feature for one spherical variance.
          double m = 0;
          for (int cc = tied ? 0 : c; cc < (tied ? k : c + 1); cc++) {
            for (int jj = spherical ? 0 : j; jj < (spherical ? d : j + 1); jj++) {
              m = Math.max(m, Math.abs(means[cc * d + jj]));
            }
          }
          double var = switch (type) {
            case FULL -> cov[c * d * d + j * d + j];
            case TIED -> cov[j * d + j];
            case DIAGONAL -> cov[c * d + j];
            case SPHERICAL -> cov[c];
          };
          double eps = Math.ulp(1.0);
          if (var <= n * eps * var + (n * m * eps) * (n * m * eps)) {
            throw new IllegalArgumentException("regCovar is 0 and the " + type.id() + " covariance of "
                + (tied ? "the components" : "component " + c) + " is ill-defined: "
                + (spherical ? "its variance" : "the variance of feature " + j) + " is " + var
                + ", rounding noise for values up to " + m + " (collapsed or duplicate points); "
                + "set regCovar > 0 (the default is 1e-6) or use fewer components");
          }
        }
      }
    }

    /**
     * The M-step from the responsibilities and first moments in place.
     *
     * @param weightDivisor the divisor of the weights: the total data weight at initialisation
     *     (as scikit-learn), or NaN for the sum of the component masses
     */
    Components mStep(double weightDivisor) {
      java.util.Arrays.fill(mass, 0.0);
      java.util.Arrays.fill(means, 0.0);
      for (int chunk = 0; chunk < chunks.count; chunk++) {
        double[] m = partialMass[chunk];
        double[] s = partialSum[chunk];
        for (int c = 0; c < k; c++) {
          mass[c] += m[c];
        }
        for (int j = 0; j < k * d; j++) {
          means[j] += s[j];
        }
      }
      double massSum = 0;
      for (int c = 0; c < k; c++) {
        mass[c] += WEIGHT_FLOOR;
        massSum += mass[c];
        for (int j = 0; j < d; j++) {
          means[c * d + j] /= mass[c];
        }
      }
      CovarianceType type = params.covariance;
      boolean square = type == CovarianceType.FULL || type == CovarianceType.TIED;
      chunks.forEach(chunk -> {
        int from = chunks.start(chunk);
        int to = chunks.end(chunk);
        double[] acc = partialScatter[chunk];
        java.util.Arrays.fill(acc, 0.0);
        double[] diff = new double[d];
        for (int i = from; i < to; i++) {
          double wi = w == null ? 1.0 : w[i];
          double[] xi = x[i];
          int off = i * k;
          for (int c = 0; c < k; c++) {
            double r = wi * resp[off + c];
            if (r == 0) {
              continue;
            }
            int mo = c * d;
            if (square) {
              for (int j = 0; j < d; j++) {
                diff[j] = xi[j] - means[mo + j];
              }
              Gaussian.addOuterLower(acc, c * d * d, diff, r, d);
            } else {
              for (int j = 0; j < d; j++) {
                double t = xi[j] - means[mo + j];
                acc[mo + j] += r * t * t;
              }
            }
          }
        }
      });
      double[] scatter = new double[partialScatter[0].length];
      for (int chunk = 0; chunk < chunks.count; chunk++) {
        double[] acc = partialScatter[chunk];
        for (int j = 0; j < scatter.length; j++) {
          scatter[j] += acc[j];
        }
      }
      double reg = params.regCovar;
      double[] cov = new double[type.covarianceLength(k, d)];
      switch (type) {
        case FULL:
          for (int c = 0; c < k; c++) {
            int off = c * d * d;
            for (int j = 0; j < d * d; j++) {
              cov[off + j] = scatter[off + j] / mass[c];
            }
            Gaussian.symmetrizeFromLower(cov, off, d);
            for (int j = 0; j < d; j++) {
              cov[off + j * d + j] += reg;
            }
          }
          break;
        case TIED:
          for (int c = 0; c < k; c++) {
            int off = c * d * d;
            for (int j = 0; j < d * d; j++) {
              cov[j] += scatter[off + j];
            }
          }
          for (int j = 0; j < d * d; j++) {
            cov[j] /= massSum;
          }
          Gaussian.symmetrizeFromLower(cov, 0, d);
          for (int j = 0; j < d; j++) {
            cov[j * d + j] += reg;
          }
          break;
        case DIAGONAL:
          for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
              cov[c * d + j] = scatter[c * d + j] / mass[c] + reg;
            }
          }
          break;
        default:
          for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
              s += scatter[c * d + j] / mass[c] + reg;
            }
            cov[c] = s / d;
          }
      }
      if (reg == 0) {
        requireWellDefined(cov, massSum);
      }
      double divisor = Double.isNaN(weightDivisor) ? massSum : weightDivisor;
      double[] weights = new double[k];
      for (int c = 0; c < k; c++) {
        weights[c] = mass[c] / divisor;
      }
      return Components.of(type, k, d, weights, means, cov, false);
    }
  }
}
