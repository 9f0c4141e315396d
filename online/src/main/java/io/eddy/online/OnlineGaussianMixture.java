package io.eddy.online;

import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.math.Gaussian;
import io.eddy.math.MixtureDensity;
import io.eddy.mixture.CovarianceType;
import io.eddy.mixture.GaussianMixture;
import io.eddy.mixture.GaussianMixtureModel;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A Gaussian mixture learned online by stepwise EM (Cappé and Moulines, "On-line
 * expectation-maximization algorithm for latent data models", JRSS-B 71(3), 2009; Liang and
 * Klein, "Online EM for unsupervised models", NAACL 2009), with the covariance types of the
 * batch {@link GaussianMixture}.
 *
 * <p>The first {@link Params#effectiveWarmup()} points are buffered and fitted by batch EM
 * ({@link GaussianMixture} with k-means initialisation, the same covariance type,
 * {@code regCovar} and seed). From then on each point x, the t-th of the stream counting from
 * 0, takes one stochastic-approximation step on the expected sufficient statistics with the
 * step size η = (t + 2)<sup>-κ</sup>: with r<sub>c</sub> its responsibilities under the current
 * parameters, every component's weight π<sub>c</sub>, mean μ<sub>c</sub> and scatter
 * S<sub>c</sub> (π<sub>c</sub> times its covariance) become the weighted combination of
 * (1 - η) times the old statistics and η·r<sub>c</sub> times the point's, merged exactly as
 * weighted moments (a rank-one update of the centred scatter, never the raw second moment,
 * so no precision is lost to cancellation). The parameters follow at once (the M-step):
 * covariance S<sub>c</sub>/π<sub>c</sub> + {@code regCovar}·I, refactorised for the next point.
 * κ in (0.5, 1] trades speed of adaptation against noise; κ = 1 weights every point alike,
 * like a running average over the stream.
 *
 * <p><b>Forgetting.</b> That step size shrinks for ever, so after a long stream the mixture
 * hardly moves and stops following segments that drift. {@link Params#minStep()} puts a floor
 * under it: η = max((t + 2)<sup>-κ</sup>, η<sub>min</sub>). Once the schedule falls to the
 * floor, every point's influence decays geometrically, by (1 - η<sub>min</sub>) per later
 * point, a half-life of ln 2 / -ln(1 - η<sub>min</sub>) points (about 0.69 / η<sub>min</sub>;
 * 69 points at 0.01), so the statistics are exponentially weighted moments of the recent
 * stream and a component moving at speed v (per point of the stream) is followed with a lag of
 * about v / η<sub>min</sub>. The default 0 keeps the classic schedule, which converges
 * on a stationary stream.
 *
 * <p>Until the warm-up is complete {@link #predict(double[])} and {@link #snapshot()} throw
 * {@link IllegalStateException}. Snapshots are {@link GaussianMixtureModel}s (not fitted: their
 * {@code converged()} is false and {@code lowerBound()} NaN).
 *
 * <p>Cost: {@link #learn(double[])} takes O(k·d³) time (one Cholesky factorisation per
 * component) for full covariances, O(d³ + k·d²) for tied and O(k·d) otherwise, and allocates
 * nothing after the warm-up; {@link #predict(double[])} takes O(k·d²) and allocates nothing.
 * Memory is O(k·d²) plus the warm-up buffer, which is released after use. The statistics
 * (weights, means, centred scatters) are those of weighted moments, so two learners' states
 * can be merged. Not thread-safe: use from one thread at a time; snapshots are immutable.
 *
 * <p><b>Threads.</b> Shared between threads without {@link ConcurrentClusterer}, concurrent
 * {@code learn} calls lose points and can corrupt the state, and a {@code predict} during a
 * {@code learn} can throw or read a half-updated state; wrap it to share it.
 */
public final class OnlineGaussianMixture implements OnlineClusterer<GaussianMixtureModel>,
    Mergeable<OnlineGaussianMixture> {

  /** Weights never fall below this in denominators and logs, so no parameter becomes NaN. */
  static final double WEIGHT_FLOOR = 1e-300;

  /**
   * The configuration of an {@link OnlineGaussianMixture}.
   *
   * @param k the number of components, in [1, 2^24] (default 3)
   * @param covariance the covariance type (default {@link CovarianceType#FULL})
   * @param kappa the step-size exponent in (0.5, 1] (default 0.6)
   * @param minStep the floor under the step size, in [0, 1) (default 0, no floor): with a
   *     positive floor the mixture forgets old points with a half-life of
   *     ln 2 / -ln(1 - minStep) points and so follows drift
   * @param warmup the number of points fitted by batch EM before stepwise updates start; 0
   *     (the default) means 20·k; otherwise in [k, 2^24]
   * @param regCovar positive value added to every covariance diagonal (default 1e-6); unlike
   *     the batch mixture, 0 is not allowed, because a component that has only ever seen one
   *     point would then have no covariance at all and the stream cannot be stopped to repair it
   * @param seed the seed of the warm-up fit's initialisation (default {@link Parameter#DEFAULT_SEED})
   */
  public record Params(int k, CovarianceType covariance, double kappa, double minStep, int warmup,
      double regCovar, long seed) {

    static final Parameter K = Parameter.ofInt("k", 3, 1, 1 << 24, "number of mixture components");
    static final Parameter COVARIANCE = Parameter.ofEnum("covariance", CovarianceType.class,
        CovarianceType.FULL, "covariance shape: full, diagonal, spherical (one variance) or tied (one shared matrix)");
    static final Parameter KAPPA = Parameter.ofDouble("kappa", 0.6, 0.5, false, 1, true,
        "step size exponent: the t-th point weighs (t+2)^-kappa");
    static final Parameter MIN_STEP = Parameter.ofDouble("minStep", 0, 0, true, 1, false,
        "floor under the step size; > 0 forgets old points (half-life ln2/-ln(1-minStep) points) to follow drift");
    static final Parameter WARMUP = Parameter.ofInt("warmup", 0, 0, 1 << 24,
        "points fitted by batch EM before stepwise updates; 0 means 20*k");
    static final Parameter REG_COVAR = Parameter.ofPositive("regCovar", 1e-6,
        "added to every covariance diagonal to keep it positive definite");
    static final Parameter SEED = Parameter.ofSeed("seed of the warm-up fit");

    /** Every parameter, declared once: registry metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, K, COVARIANCE, KAPPA,
        MIN_STEP, WARMUP, REG_COVAR, SEED);

    /** The defaults. */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates every field. */
    public Params {
      K.check(k);
      COVARIANCE.check(covariance);
      KAPPA.check(kappa);
      MIN_STEP.check(minStep);
      WARMUP.check(warmup);
      REG_COVAR.check(regCovar);
      if (warmup != 0 && warmup < k) {
        throw new IllegalArgumentException("warmup must be 0 (meaning 20*k) or at least k = " + k
            + ", got " + warmup);
      }
    }

    /** The warm-up size in effect: {@link #warmup()}, or 20·k when it is 0. */
    public int effectiveWarmup() {
      return warmup != 0 ? warmup : (int) Math.min(1 << 24, 20L * k);
    }

    /** A copy with another k. */
    public Params withK(int k) {
      return SPEC.with(this, K, k);
    }

    /** A copy with another covariance type. */
    public Params withCovariance(CovarianceType covariance) {
      return SPEC.with(this, COVARIANCE, covariance);
    }

    /** A copy with another step-size exponent. */
    public Params withKappa(double kappa) {
      return SPEC.with(this, KAPPA, kappa);
    }

    /** A copy with another floor under the step size. */
    public Params withMinStep(double minStep) {
      return SPEC.with(this, MIN_STEP, minStep);
    }

    /**
     * A copy whose step size never falls below the rate that halves a point's influence every
     * {@code points} later points: minStep = 1 - 2^(-1/points).
     *
     * @throws IllegalArgumentException unless {@code points} is finite and positive
     */
    public Params withHalfLife(double points) {
      if (!(points > 0) || points == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("half-life is " + points + ", expected a positive number of points");
      }
      return withMinStep(-Math.expm1(-Math.log(2) / points));
    }

    /** A copy with another warm-up size. */
    public Params withWarmup(int warmup) {
      return SPEC.with(this, WARMUP, warmup);
    }

    /** A copy with another covariance regularisation. */
    public Params withRegCovar(double regCovar) {
      return SPEC.with(this, REG_COVAR, regCovar);
    }

    /** A copy with another seed. */
    public Params withSeed(long seed) {
      return SPEC.with(this, SEED, seed);
    }
  }

  private final Params params;
  private int d;
  private long seen;
  /** The warm-up buffer, row-major; null before the first point and after the warm-up. */
  private double[] buffer;
  private int buffered;
  /** Sufficient statistics, set when the warm-up ends: weights, means and centred scatters. */
  private double[] pi;
  private double[] mu;
  private double[] scatter;
  /** The parameters derived from the statistics, and scratch. */
  private MixtureDensity density;
  private double[] weights;
  private double[] cov;
  /** Posterior probabilities of the point being learned. */
  private double[] post;
  private double[] diff;
  private double[] coef;

  /** A learner with the given configuration. */
  public OnlineGaussianMixture(Params params) {
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

  private boolean square() {
    return params.covariance == CovarianceType.FULL || params.covariance == CovarianceType.TIED;
  }

  /**
   * Checks, before the dimension is set, that the warm-up buffer and the statistics of this
   * configuration fit in arrays for points of dimension {@code dim}.
   */
  private void requireFits(int dim) {
    long k = params.k;
    long scatter = params.covariance == CovarianceType.FULL ? k * dim * dim
        : params.covariance == CovarianceType.TIED ? (long) dim * dim : k * dim;
    long buffer = (long) params.effectiveWarmup() * dim;
    Sizes.require(Math.max(scatter, buffer), scatter + buffer + k * dim,
        k + " " + params.covariance.id() + " components and a warm-up of " + params.effectiveWarmup()
            + " points of dimension " + dim, "lower k, the warm-up or the dimension");
  }

  private int scatterLength() {
    int k = params.k;
    switch (params.covariance) {
      case FULL:
        return k * d * d;
      case TIED:
        return d * d;
      default:
        return k * d;
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the warm-up fit, run when this point completes the
   *     warm-up, fails (with a positive {@code regCovar} it has no reason to); the learner is
   *     then unchanged
   */
  @Override
  public void learn(double[] point) {
    Points.require(point, d);
    if (pi != null) {
      step(point);
      seen++;
      return;
    }
    boolean first = d == 0;
    if (first) {
      requireFits(point.length);
      d = point.length;
      buffer = new double[0];
    }
    if (buffered * d == buffer.length) {
      // Grown with the points that come, so a large warm-up costs memory only once it fills.
      int cap = (int) Math.min(params.effectiveWarmup(), Math.max(16, 2L * buffered));
      buffer = Arrays.copyOf(buffer, cap * d);
    }
    // The slot after the buffered points is not state until `buffered` counts it.
    System.arraycopy(point, 0, buffer, buffered * d, d);
    if (buffered + 1 == params.effectiveWarmup()) {
      try {
        warmUp(buffered + 1);
      } catch (RuntimeException e) {
        pi = null;
        if (first) {
          d = 0;
          buffer = null;
        }
        throw e;
      }
    } else {
      buffered++;
    }
    seen++;
  }

  /** Fits batch EM to the first n buffered points; changes nothing if the fit throws. */
  private void warmUp(int n) {
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = Arrays.copyOfRange(buffer, i * d, (i + 1) * d);
    }
    GaussianMixture.Params bp = GaussianMixture.Params.DEFAULTS.withK(params.k)
        .withCovariance(params.covariance).withRegCovar(params.regCovar).withSeed(params.seed)
        .withThreads(1);
    GaussianMixtureModel m = new GaussianMixture(bp).fit(rows);
    int k = params.k;
    allocate();
    double[] w = m.weights();
    double[] c = m.covariances();
    double reg = params.regCovar;
    for (int j = 0; j < k; j++) {
      pi[j] = w[j];
      System.arraycopy(m.center(j), 0, mu, j * d, d);
    }
    // Scatter = weight x (covariance - regCovar I): the statistics the M-step inverts.
    switch (params.covariance) {
      case FULL:
        for (int j = 0; j < k; j++) {
          for (int e = 0; e < d * d; e++) {
            scatter[j * d * d + e] = w[j] * (c[j * d * d + e] - (e % (d + 1) == 0 ? reg : 0));
          }
        }
        break;
      case TIED:
        for (int e = 0; e < d * d; e++) {
          scatter[e] = c[e] - (e % (d + 1) == 0 ? reg : 0);
        }
        break;
      case DIAGONAL:
        for (int e = 0; e < k * d; e++) {
          scatter[e] = w[e / d] * (c[e] - reg);
        }
        break;
      default:
        for (int e = 0; e < k * d; e++) {
          scatter[e] = w[e / d] * (c[e / d] - reg);
        }
    }
    refresh();
    buffer = null;
    buffered = 0;
  }

  private void allocate() {
    int k = params.k;
    pi = new double[k];
    mu = new double[k * d];
    scatter = new double[scatterLength()];
    density = new MixtureDensity(params.covariance.ordinal(), k, d);
    weights = new double[k];
    cov = new double[params.covariance.covarianceLength(k, d)];
    post = new double[k];
    diff = new double[d];
    coef = new double[k];
  }

  /**
   * One stepwise-EM step: E-step on x, statistics update, M-step. Allocates nothing. The only
   * failure (a point whose distance overflows) is detected before anything changes.
   */
  private void step(double[] x) {
    int k = params.k;
    if (!Double.isFinite(density.posteriors(x, post, diff))) {
      throw new IllegalArgumentException("point is so far from every component that its squared"
          + " distance overflows; rescale the data");
    }
    double eta = Math.max(Math.pow(seen + 2.0, -params.kappa), params.minStep);
    double keep = 1 - eta;
    for (int c = 0; c < k; c++) {
      double r = post[c];
      double a = keep * pi[c];
      double b = eta * r;
      double total = a + b;
      pi[c] = total;
      coef[c] = 0;
      if (total > 0 && b > 0) {
        int mo = c * d;
        double f = b / total;
        for (int j = 0; j < d; j++) {
          double t = x[j] - mu[mo + j];
          diff[j] = t;
          // a step toward x stops at x: with f near 1 the rounded step can overshoot it, past
          // Points.MAX_ABS when x lies there
          double v = mu[mo + j] + f * t;
          mu[mo + j] = t > 0 ? Math.min(v, x[j]) : Math.max(v, x[j]);
        }
        coef[c] = a * f;
      }
      switch (params.covariance) {
        case FULL:
          scaleLower(scatter, c * d * d, keep);
          if (coef[c] != 0) {
            Gaussian.addOuterLower(scatter, c * d * d, diff, coef[c], d);
          }
          break;
        case TIED:
          if (c == 0) {
            scaleLower(scatter, 0, keep);
          }
          if (coef[c] != 0) {
            Gaussian.addOuterLower(scatter, 0, diff, coef[c], d);
          }
          break;
        default: {
          int so = c * d;
          double cc = coef[c];
          for (int j = 0; j < d; j++) {
            double t = diff[j];
            scatter[so + j] = keep * scatter[so + j] + (cc != 0 ? cc * t * t : 0);
          }
        }
      }
    }
    refresh();
  }

  private void scaleLower(double[] a, int off, double factor) {
    for (int i = 0; i < d; i++) {
      int row = off + i * d;
      for (int j = 0; j <= i; j++) {
        a[row + j] *= factor;
      }
    }
  }

  /** The M-step: parameters from the statistics, then the densities' factorisation. */
  private void refresh() {
    int k = params.k;
    double reg = params.regCovar;
    double sum = 0;
    for (int c = 0; c < k; c++) {
      sum += Math.max(pi[c], WEIGHT_FLOOR);
    }
    for (int c = 0; c < k; c++) {
      weights[c] = Math.max(pi[c], WEIGHT_FLOOR) / sum;
    }
    switch (params.covariance) {
      case FULL:
        for (int c = 0; c < k; c++) {
          double m = Math.max(pi[c], WEIGHT_FLOOR);
          int off = c * d * d;
          for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
              cov[off + i * d + j] = scatter[off + i * d + j] / m;
            }
            cov[off + i * d + i] += reg;
          }
          Gaussian.symmetrizeFromLower(cov, off, d);
        }
        break;
      case TIED:
        for (int i = 0; i < d; i++) {
          for (int j = 0; j <= i; j++) {
            cov[i * d + j] = scatter[i * d + j] / sum;
          }
          cov[i * d + i] += reg;
        }
        Gaussian.symmetrizeFromLower(cov, 0, d);
        break;
      case DIAGONAL:
        for (int c = 0; c < k; c++) {
          double m = Math.max(pi[c], WEIGHT_FLOOR);
          for (int j = 0; j < d; j++) {
            cov[c * d + j] = scatter[c * d + j] / m + reg;
          }
        }
        break;
      default:
        for (int c = 0; c < k; c++) {
          double m = Math.max(pi[c], WEIGHT_FLOOR);
          double s = 0;
          for (int j = 0; j < d; j++) {
            s += scatter[c * d + j] / m + reg;
          }
          cov[c] = s / d;
        }
    }
    density.set(weights, mu, cov, false);
  }

  /**
   * The most probable component of {@code point} under the current parameters; equal to
   * {@code snapshot().predict(point)}.
   *
   * @throws IllegalStateException during the warm-up
   */
  @Override
  public int predict(double[] point) {
    Points.require(point, d);
    requireModel();
    return density.mostLikely(point, diff);
  }

  /**
   * The current mixture as an immutable model.
   *
   * @throws IllegalStateException during the warm-up
   */
  @Override
  public GaussianMixtureModel snapshot() {
    requireModel();
    int k = params.k;
    double[][] means = new double[k][];
    for (int c = 0; c < k; c++) {
      means[c] = Arrays.copyOfRange(density.means(), c * d, (c + 1) * d);
    }
    return GaussianMixtureModel.of(params.covariance, weights.clone(), means,
        density.covariances().clone());
  }

  /** Whether the warm-up is complete, so that {@link #predict} and {@link #snapshot} work. */
  @Override
  public boolean isReady() {
    return pi != null;
  }

  private void requireModel() {
    if (pi == null) {
      throw new IllegalStateException("online-gmm has seen " + seen + " of the "
          + params.effectiveWarmup() + " warm-up points it fits before it has a mixture");
    }
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
    return "OnlineGaussianMixture[" + params + ", seen=" + seen + "]";
  }

  // ---- persistence ----

  /**
   * The configuration (by name) and the full learning state. Version 1 stored the configuration
   * by position.
   */
  static final StateCodec<OnlineGaussianMixture> CODEC = StateCodec.of("online-gmm.state", 2,
      OnlineGaussianMixture.class,
      (g, out) -> {
        Params.SPEC.write(g.params, out);
        out.writeInt(g.d);
        out.writeLong(g.seen);
        if (g.d == 0) {
          return;
        }
        out.writeBoolean(g.pi == null);
        if (g.pi == null) {
          out.writeDoubles(Arrays.copyOf(g.buffer, g.buffered * g.d));
        } else {
          out.writeDoubles(g.pi);
          out.writeDoubles(g.mu);
          out.writeDoubles(g.scatter);
        }
      },
      (in, version) -> {
        Params p = version >= 2 ? Params.SPEC.read(in) : Params.SPEC.from(Map.of("k", in.readInt(),
            "covariance", in.readString(), "kappa", in.readDouble(), "warmup", in.readInt(),
            "regCovar", in.readDouble(), "seed", in.readLong()));
        OnlineGaussianMixture g = new OnlineGaussianMixture(p);
        g.d = in.readInt(0, Integer.MAX_VALUE);
        g.seen = in.readCount();
        if (g.d == 0 && g.seen != 0) {
          throw new ModelFormatException("invalid online-gmm state: dimension " + g.d + ", seen " + g.seen);
        }
        if (g.d == 0) {
          return g;
        }
        int warm = p.effectiveWarmup();
        if (in.readBoolean()) {
          if (g.seen >= warm) {
            throw new ModelFormatException(g.seen + " buffered points reach the warm-up of " + warm);
          }
          g.buffer = in.readFiniteDoubles((int) Math.min(Integer.MAX_VALUE, g.seen * g.d));
          g.buffered = (int) g.seen;
          return g;
        }
        if (g.seen < warm) {
          throw new ModelFormatException("statistics after " + g.seen + " points, before the warm-up of " + warm);
        }
        int k = p.k();
        double[] pi = in.readWeights(k);
        double[] mu = in.readFiniteDoubles((int) Math.min(Integer.MAX_VALUE, (long) k * g.d));
        StateLimits.requireCoordinates("a mixture's means", mu, 0, mu.length);
        double[] scatter = in.readFiniteDoubles(g.scatterLength());
        g.allocate();
        System.arraycopy(pi, 0, g.pi, 0, k);
        System.arraycopy(mu, 0, g.mu, 0, mu.length);
        System.arraycopy(scatter, 0, g.scatter, 0, scatter.length);
        g.refresh();
        return g;
      });

  // ---- merging (Mergeable) ----

  /**
   * Merges another online mixture of the same configuration into this one (see
   * {@link Mergeable}). The statistics are weighted moments, so they combine as the moments of
   * the union of two weighted samples, each side weighted by its {@code seen()}: weights
   * {@code π = α·π₁ + β·π₂}, means their π-weighted mean, scatters {@code α·S₁ + β·S₂} plus
   * the between-means term {@code (α·π₁·β·π₂/π)·δδᵀ} (per dimension for diagonal and
   * spherical, summed over components for tied). Components pair by index when the two sets of
   * means correspond, and closest pair first otherwise; the receiver's labels stay. Stepwise EM
   * weighs points by its step sizes, not equally (unless kappa = 1), and each side computed
   * responsibilities under its own parameters, so the merge is
   * {@link Mergeable.Kind#APPROXIMATE}. A side still warming up contributes its buffered
   * points, learned after the other side's state. Cost O(k·d²) plus one M-step.
   *
   * @throws IllegalArgumentException if {@code other} is null, this object, or has another
   *     configuration or dimension; nothing changes then
   */
  @Override
  public void merge(OnlineGaussianMixture other) {
    MergeChecks.require(this, other, params, other == null ? null : other.params, d,
        other == null ? 0 : other.d);
    if (other.seen == 0) {
      return;
    }
    long total = seen + other.seen;
    if (seen == 0) {
      adopt(MergeChecks.copyOf(other, OnlineGaussianMixture.class));
    } else if (pi == null && other.pi != null) {
      double[][] mine = pending();
      adopt(MergeChecks.copyOf(other, OnlineGaussianMixture.class));
      replay(mine);
    } else if (other.pi == null) {
      replay(other.pending());
    } else {
      combine(other);
    }
    seen = total;
  }

  /**
   * Becomes part {@code part} of {@code parts} of {@code merged} (see
   * {@link Mergeable#takePart}): the statistics are moments normalised by the weight seen, so
   * a part keeps the merged weights, means and scatters as they are and only {@code seen()},
   * the weight {@link #merge} gives each side, is split ({@link MergeChecks#share}); merging
   * the parts back averages identical moments with weights adding to the merged
   * {@code seen()}, which gives back the merged state up to rounding. A part then steps as a
   * learner that had seen its share. Returns false, changing nothing, while {@code merged} is
   * still warming up, or when the smallest share of its {@code seen()} would fall short of the
   * warm-up (more parts than the merged points allow). O(k·d²).
   */
  @Override
  public boolean takePart(OnlineGaussianMixture merged, int part, int parts) {
    Mergeable.super.takePart(merged, part, parts);
    MergeChecks.require(this, merged, params, merged.params, d, merged.d);
    if (merged.pi == null || merged.seen / parts < params.effectiveWarmup()) {
      // a part with statistics but a share of seen() below the warm-up is no learner's state
      return false;
    }
    OnlineGaussianMixture c = MergeChecks.copyOf(merged, OnlineGaussianMixture.class);
    c.seen = MergeChecks.share(merged.seen, part, parts);
    adopt(c);
    return true;
  }

  /** {@link Mergeable.Kind#APPROXIMATE}: see {@link #merge(OnlineGaussianMixture)}. */
  @Override
  public Mergeable.Kind mergeKind() {
    return Mergeable.Kind.APPROXIMATE;
  }

  private void combine(OnlineGaussianMixture other) {
    int k = params.k;
    double a = (double) seen / (seen + other.seen);
    double b = 1 - a;
    int[] slot = new int[k];
    if (CenterMerge.corresponds(mu, other.mu, k, d)) {
      for (int i = 0; i < k; i++) {
        slot[i] = i;
      }
    } else {
      slot = CenterMerge.matchTo(mu, other.mu, k, d);
    }
    double[] mine = scatter.clone();
    for (int e = 0; e < scatter.length; e++) {
      scatter[e] = a * mine[e];
    }
    double[] delta = new double[d];
    for (int i = 0; i < k; i++) {
      int j = slot[i];
      double pa = a * pi[j];
      double pb = b * other.pi[i];
      double p = pa + pb;
      double between = p > 0 ? pa * pb / p : 0;
      for (int e = 0; e < d; e++) {
        delta[e] = mu[j * d + e] - other.mu[i * d + e];
        if (p > 0) {
          double lo = Math.min(mu[j * d + e], other.mu[i * d + e]);
          double hi = Math.max(mu[j * d + e], other.mu[i * d + e]);
          // the weighted mean of two means lies between them, also after rounding
          mu[j * d + e] = Math.min(hi, Math.max(lo, (pa * mu[j * d + e] + pb * other.mu[i * d + e]) / p));
        }
      }
      pi[j] = p;
      switch (params.covariance) {
        case FULL -> {
          for (int e = 0; e < d * d; e++) {
            scatter[j * d * d + e] += b * other.scatter[i * d * d + e];
          }
          Gaussian.addOuterLower(scatter, j * d * d, delta, between, d);
        }
        case TIED -> Gaussian.addOuterLower(scatter, 0, delta, between, d);
        default -> {
          for (int e = 0; e < d; e++) {
            scatter[j * d + e] += b * other.scatter[i * d + e] + between * delta[e] * delta[e];
          }
        }
      }
    }
    if (params.covariance == CovarianceType.TIED) {
      for (int e = 0; e < d * d; e++) {
        scatter[e] += b * other.scatter[e];
      }
    }
    refresh();
  }

  /** The buffered warm-up points. */
  private double[][] pending() {
    double[][] rows = new double[buffered][];
    for (int i = 0; i < buffered; i++) {
      rows[i] = Arrays.copyOfRange(buffer, i * d, (i + 1) * d);
    }
    return rows;
  }

  private void replay(double[][] rows) {
    for (double[] row : rows) {
      learn(row);
    }
  }

  /** Takes over the whole state of {@code c}, a private copy. */
  private void adopt(OnlineGaussianMixture c) {
    d = c.d;
    seen = c.seen;
    buffer = c.buffer;
    buffered = c.buffered;
    pi = c.pi;
    mu = c.mu;
    scatter = c.scatter;
    density = c.density;
    weights = c.weights;
    cov = c.cov;
    post = c.post;
    diff = c.diff;
    coef = c.coef;
  }
}
