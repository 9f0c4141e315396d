package io.eddy.mixture;

import io.eddy.Parameter;
import io.eddy.CentroidModel;
import io.eddy.LikelihoodModel;
import io.eddy.Points;
import io.eddy.SoftClusterModel;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.math.Gaussian;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A fitted Gaussian mixture: mixing weights, means and covariances of k components, with soft
 * memberships (the posterior probability of every component), log-likelihoods, BIC and AIC,
 * and sampling. {@link #predict(double[])} is the most probable component; labels are
 * {@code 0..k-1}; {@link #center(int)} is a component's mean and {@link #weight(int)} its
 * mixing weight.
 *
 * <p>Covariances are stored flat in the layout of their {@link CovarianceType}: k·d·d
 * (full, row-major per component), d·d (tied), k·d (diagonal) or k (spherical).
 *
 * <p>Immutable and thread-safe. {@link #predict(double[])} and
 * {@link #probabilities(double[], double[])} cost O(k·d²) for full and tied covariances,
 * O(k·d) otherwise, and allocate nothing after a thread's first call (a per-thread scratch
 * arrays of d and k doubles).
 */
public final class GaussianMixtureModel implements SoftClusterModel, CentroidModel, LikelihoodModel {

  private final Components comps;
  private final boolean converged;
  private final int iterations;
  private final double lowerBound;
  /** Per-thread scratch: d doubles for the kernels. */
  private final ThreadLocal<double[]> scratch;
  /** Per-thread scratch: k doubles of per-component log densities. */
  private final ThreadLocal<double[]> logScratch;

  GaussianMixtureModel(Components comps, boolean converged, int iterations, double lowerBound) {
    this.comps = comps;
    this.converged = converged;
    this.iterations = iterations;
    this.lowerBound = lowerBound;
    int d = comps.d;
    int k = comps.k;
    this.scratch = ThreadLocal.withInitial(() -> new double[d]);
    this.logScratch = ThreadLocal.withInitial(() -> new double[k]);
  }

  /**
   * A model with the given parameters, not fitted to data ({@link #converged()} false,
   * {@link #iterations()} 0, {@link #lowerBound()} NaN); for example the start of
   * {@link GaussianMixture#fit(double[][], double[], GaussianMixtureModel)}.
   *
   * @param type the covariance type
   * @param weights k finite mixing weights &ge; 0 summing to 1 within 1e-6; copied
   * @param means k means of one dimension d, finite; copied
   * @param covariances the covariances in the flat layout of {@code type}; for full and tied
   *     matrices only the lower triangle is read; each must be positive definite; copied
   * @throws IllegalArgumentException if a shape or value is invalid, naming it
   */
  public static GaussianMixtureModel of(CovarianceType type, double[] weights, double[][] means,
      double[] covariances) {
    return new GaussianMixtureModel(validate(type, weights, means, covariances), false, 0, Double.NaN);
  }

  private static Components validate(CovarianceType type, double[] weights, double[][] means,
      double[] covariances) {
    if (type == null) {
      throw new IllegalArgumentException("type is null");
    }
    if (weights == null || weights.length == 0) {
      throw new IllegalArgumentException("weights is empty, expected at least one component");
    }
    int k = weights.length;
    double sum = 0;
    for (int c = 0; c < k; c++) {
      double w = weights[c];
      if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("weight " + c + " is " + w + ", expected a finite value >= 0");
      }
      sum += w;
    }
    if (!(Math.abs(sum - 1) <= 1e-6)) {
      throw new IllegalArgumentException("weights sum to " + sum + ", expected 1");
    }
    if (means == null || means.length != k) {
      throw new IllegalArgumentException("means has " + (means == null ? 0 : means.length)
          + " rows, expected one per weight (" + k + ")");
    }
    int d = means[0] == null ? 0 : means[0].length;
    double[] flatMeans = new double[k * d];
    for (int c = 0; c < k; c++) {
      try {
        Points.require(means[c], d);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("mean " + c + ": " + e.getMessage(), e);
      }
      System.arraycopy(means[c], 0, flatMeans, c * d, d);
    }
    // In long arithmetic: k·d² of a forged record (k = 1, d = 65536) wraps to 0 in int, which
    // an empty array would match, and the density's d² buffers would then exhaust the heap.
    long needed = switch (type) {
      case FULL -> (long) k * d * d;
      case TIED -> (long) d * d;
      case DIAGONAL -> (long) k * d;
      case SPHERICAL -> k;
    };
    if (covariances == null || covariances.length != needed) {
      throw new IllegalArgumentException("covariances has length "
          + (covariances == null ? 0 : covariances.length) + ", expected " + needed + " for "
          + type.id() + " covariances of " + k + " components of dimension " + d);
    }
    int len = covariances.length;
    double[] cov = covariances.clone();
    for (int j = 0; j < len; j++) {
      if (!Double.isFinite(cov[j])) {
        throw new IllegalArgumentException("covariances has " + cov[j] + " at index " + j);
      }
    }
    if (type == CovarianceType.FULL || type == CovarianceType.TIED) {
      int blocks = type == CovarianceType.FULL ? k : 1;
      for (int b = 0; b < blocks; b++) {
        Gaussian.symmetrizeFromLower(cov, b * d * d, d);
      }
    }
    return Components.of(type, k, d, weights.clone(), flatMeans, cov, true);
  }

  Components components() {
    return comps;
  }

  @Override
  public int dimension() {
    return comps.d;
  }

  @Override
  public int clusterCount() {
    return comps.k;
  }

  /** The covariance type. */
  public CovarianceType covarianceType() {
    return comps.type;
  }

  /** The most probable component of {@code point} (ties to the lowest label). */
  @Override
  public int predict(double[] point) {
    Points.require(point, comps.d);
    return comps.density.mostLikely(point, scratch.get());
  }

  /**
   * {@inheritDoc} These are the posterior probabilities of the components, computed in log
   * space. For a point so extreme that its squared distance overflows, they are uniform.
   */
  @Override
  public void probabilities(double[] point, double[] out) {
    Points.require(point, comps.d);
    if (out == null || out.length != comps.k) {
      throw new IllegalArgumentException("out has length " + (out == null ? 0 : out.length)
          + ", expected " + comps.k);
    }
    comps.density.posteriors(point, out, scratch.get());
  }

  /** The log of the mixture density at {@code point}. */
  @Override
  public double logLikelihood(double[] point) {
    Points.require(point, comps.d);
    return comps.density.weightedLogDensities(point, logScratch.get(), scratch.get());
  }

  /** The mean log-likelihood of the points (scikit-learn's {@code score}); reuses scratch space. */
  @Override
  public double score(double[][] points) {
    Points.requireAll(points, comps.d);
    if (points.length == 0) {
      throw new IllegalArgumentException("points has 0 rows, expected at least 1");
    }
    double[] s = scratch.get();
    double[] logs = logScratch.get();
    double total = 0;
    for (double[] p : points) {
      total += comps.density.weightedLogDensities(p, logs, s);
    }
    return total / points.length;
  }

  /** The number of free parameters: covariances, means and k - 1 weights. */
  @Override
  public long freeParameters() {
    return comps.freeParameters();
  }


  /** Points drawn from the mixture, with the component each came from. */
  public record Sample(double[][] points, int[] components) {}

  /**
   * Draws {@code n} independent points: a component by its weight, then a Gaussian point of
   * that component.
   *
   * @param n the number of points, in [0, 2^31 - 9] (the most one Java array holds)
   * @param seed the seed; the same seed gives the same points
   */
  public Sample sample(int n, long seed) {
    if (n < 0 || n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("n must be in [0, " + (Integer.MAX_VALUE - 8)
          + "] (the most one Java array holds), got " + n);
    }
    int k = comps.k;
    int d = comps.d;
    double total = 0;
    for (int c = 0; c < k; c++) {
      total += comps.weights[c];
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] points = new double[n][d];
    int[] labels = new int[n];
    double[] z = new double[d];
    double[] chol = comps.density.choleskyFactors();
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble() * total;
      int c = 0;
      double acc = comps.weights[0];
      while (u >= acc && c < k - 1) {
        c++;
        acc += comps.weights[c];
      }
      labels[i] = c;
      for (int j = 0; j < d; j++) {
        z[j] = rng.nextGaussian();
      }
      double[] x = points[i];
      switch (comps.type) {
        case FULL:
        case TIED: {
          int off = comps.type == CovarianceType.FULL ? c * d * d : 0;
          for (int r = 0; r < d; r++) {
            double s = comps.means[c * d + r];
            for (int j = 0; j <= r; j++) {
              s += chol[off + r * d + j] * z[j];
            }
            x[r] = s;
          }
          break;
        }
        case DIAGONAL:
          for (int j = 0; j < d; j++) {
            x[j] = comps.means[c * d + j] + Math.sqrt(comps.covariances[c * d + j]) * z[j];
          }
          break;
        default: {
          double sd = Math.sqrt(comps.covariances[c]);
          for (int j = 0; j < d; j++) {
            x[j] = comps.means[c * d + j] + sd * z[j];
          }
        }
      }
    }
    return new Sample(points, labels);
  }

  @Override
  public double[] center(int label) {
    checkLabel(label);
    return Arrays.copyOfRange(comps.means, label * comps.d, (label + 1) * comps.d);
  }

  /** The mixing weight of the component. */
  @Override
  public double weight(int label) {
    checkLabel(label);
    return comps.weights[label];
  }

  /** The mixing weights, a new array. */
  public double[] weights() {
    return comps.weights.clone();
  }

  /** The means as a new k x d array. */
  public double[][] means() {
    return centers();
  }

  /** The covariances in the flat layout of {@link #covarianceType()}, a new array. */
  public double[] covariances() {
    return comps.covariances.clone();
  }

  /** The full d x d covariance matrix of a component, a new array. */
  public double[][] covariance(int label) {
    checkLabel(label);
    return comps.covarianceMatrix(label);
  }

  /**
   * The Cholesky factors of the precisions (inverse covariances) in the flat layout of
   * {@link #covarianceType()}, a new array: scikit-learn's {@code precisions_cholesky_}. Full
   * (k·d·d, row-major per component) and tied (d·d): the upper-triangular U with
   * U U<sup>T</sup> = &Sigma;<sup>-1</sup>, the transposed inverse of the covariance's lower
   * Cholesky factor; diagonal (k·d) and spherical (k): the inverse standard deviations. O(k·d²).
   */
  public double[] precisionsCholesky() {
    double[] w = comps.density.precisionFactors();
    if (!isSquare()) {
      return w.clone();
    }
    int d = comps.d;
    double[] u = new double[w.length];
    for (int off = 0; off < w.length; off += d * d) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          u[off + i * d + j] = w[off + j * d + i];
        }
      }
    }
    return u;
  }

  /**
   * The precisions (inverse covariances) in the flat layout of {@link #covarianceType()}, a
   * new array: scikit-learn's {@code precisions_}, computed as it does from the Cholesky
   * factors ({@code U U}<sup>T</sup> for full and tied, squares for diagonal and spherical).
   * O(k·d³) for full covariances.
   */
  public double[] precisions() {
    double[] w = comps.density.precisionFactors();
    double[] p = new double[w.length];
    if (!isSquare()) {
      for (int i = 0; i < w.length; i++) {
        p[i] = w[i] * w[i];
      }
      return p;
    }
    int d = comps.d;
    // W is lower triangular, so (W^T W)[i][j] sums over t >= max(i, j).
    for (int off = 0; off < w.length; off += d * d) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          double sum = 0;
          for (int t = Math.max(i, j); t < d; t++) {
            sum += w[off + t * d + i] * w[off + t * d + j];
          }
          p[off + i * d + j] = sum;
        }
      }
    }
    return p;
  }

  /** The full d x d precision matrix (inverse covariance) of a component, a new array. */
  public double[][] precision(int label) {
    checkLabel(label);
    int d = comps.d;
    double[] p = precisions();
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        out[i][j] = switch (comps.type) {
          case FULL -> p[label * d * d + i * d + j];
          case TIED -> p[i * d + j];
          case DIAGONAL -> i == j ? p[label * d + i] : 0.0;
          case SPHERICAL -> i == j ? p[label] : 0.0;
        };
      }
    }
    return out;
  }

  private boolean isSquare() {
    return comps.type == CovarianceType.FULL || comps.type == CovarianceType.TIED;
  }

  /**
   * Whether the EM run that produced this model (the kept one of {@code nInit}) converged
   * within its iteration limit. scikit-learn's {@code converged_} is instead true if any run
   * converged.
   */
  public boolean converged() {
    return converged;
  }

  /** The number of EM iterations of the run that produced this model (0 if not fitted). */
  public int iterations() {
    return iterations;
  }

  /**
   * The weighted mean log-likelihood of the training data at the last iteration (scikit-learn's
   * {@code lower_bound_}), or NaN if the model was not fitted.
   */
  public double lowerBound() {
    return lowerBound;
  }

  private void checkLabel(int label) {
    if (label < 0 || label >= comps.k) {
      throw new IllegalArgumentException("label " + label + " is not in [0, " + comps.k + ")");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GaussianMixtureModel)) {
      return false;
    }
    GaussianMixtureModel m = (GaussianMixtureModel) o;
    return m.comps.type == comps.type && m.comps.d == comps.d
        && Arrays.equals(m.comps.weights, comps.weights)
        && Arrays.equals(m.comps.means, comps.means)
        && Arrays.equals(m.comps.covariances, comps.covariances)
        && m.converged == converged && m.iterations == iterations
        && Double.compare(m.lowerBound, lowerBound) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(comps.type, Arrays.hashCode(comps.weights), Arrays.hashCode(comps.means),
        Arrays.hashCode(comps.covariances));
  }

  @Override
  public String toString() {
    return "GaussianMixtureModel[k=" + comps.k + ", d=" + comps.d + ", covariance="
        + comps.type.id() + ", converged=" + converged + ", iterations=" + iterations + "]";
  }

  /** The codec {@link io.eddy.io.ModelIO} uses for this model, named {@code "gmm.model"}. */
  static final StateCodec<GaussianMixtureModel> CODEC = StateCodec.of("gmm.model", 1, GaussianMixtureModel.class,
      (m, out) -> {
        Components c = m.comps;
        out.writeString(c.type.id());
        out.writeInt(c.k);
        out.writeInt(c.d);
        out.writeDoubles(c.weights);
        out.writeDoubles(c.means);
        out.writeDoubles(c.covariances);
        out.writeBoolean(m.converged);
        out.writeInt(m.iterations);
        out.writeDouble(m.lowerBound);
      },
      (in, version) -> {
        CovarianceType type = Parameter.Choice.of(CovarianceType.class, in.readString());
        int k = in.readInt(1, Integer.MAX_VALUE);
        int d = in.readInt(1, Integer.MAX_VALUE);
        double[] weights = in.readDoubles(k);
        double[] flat = in.readDoubles((int) Math.min(Integer.MAX_VALUE, (long) k * d));
        double[][] means = new double[k][];
        for (int c = 0; c < k; c++) {
          means[c] = Arrays.copyOfRange(flat, c * d, (c + 1) * d);
        }
        double[] cov = in.readDoubles();
        boolean converged = in.readBoolean();
        int iterations = in.readInt(0, Integer.MAX_VALUE);
        double lowerBound = in.readDouble();
        if (Double.isInfinite(lowerBound)) {
          throw new ModelFormatException("lower bound is " + lowerBound);
        }
        return new GaussianMixtureModel(validate(type, weights, means, cov), converged, iterations, lowerBound);
      });
}
