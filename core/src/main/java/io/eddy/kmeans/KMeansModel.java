package io.eddy.kmeans;

import io.eddy.CentroidModel;
import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import io.eddy.math.Euclid;
import java.io.IOException;
import java.util.Arrays;

/**
 * A k-means clustering fitted by {@link KMeans}: k centers, and what the fit found on its
 * training data (inertia, iterations, labels).
 *
 * <p>A point belongs to its nearest center by Euclidean distance; ties go to the lowest label.
 * Immutable and thread-safe. {@link #predict(double[])} costs O(k·d) and allocates nothing.
 */
public final class KMeansModel implements CentroidModel {

  private final int k;
  private final int d;
  private final double[] centers;
  private final double[] weights;
  private final double inertia;
  private final int iterations;
  private final boolean converged;
  private final int[] labels;

  /**
   * A model from its parts; everything is validated and copied.
   *
   * @param centers k centers row-major in one array of length k·d, finite
   * @param dimension d &ge; 1
   * @param weights the total sample weight of the training points of each cluster, finite, &ge; 0
   * @param inertia the weighted sum of squared distances from the training points to their
   *     centers, finite, &ge; 0
   * @param iterations the number of iterations of the fit, &ge; 0 (0 if the centers were not fitted)
   * @param converged whether the fit stopped by its convergence test rather than by its
   *     iteration limit
   * @param labels the label of each training point, each in {@code [0, k)}; may be empty
   * @throws IllegalArgumentException if a part is invalid or the shapes disagree
   */
  public KMeansModel(double[] centers, int dimension, double[] weights, double inertia,
      int iterations, boolean converged, int[] labels) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension is " + dimension + ", expected at least 1");
    }
    if (centers.length == 0 || centers.length % dimension != 0) {
      throw new IllegalArgumentException("centers has length " + centers.length
          + ", expected a positive multiple of the dimension " + dimension);
    }
    int count = centers.length / dimension;
    if (weights.length != count) {
      throw new IllegalArgumentException("weights has length " + weights.length + ", expected " + count);
    }
    for (int i = 0; i < centers.length; i++) {
      if (!Double.isFinite(centers[i])) {
        throw new IllegalArgumentException("center " + (i / dimension) + " has " + centers[i]
            + " at index " + (i % dimension) + ", expected a finite value");
      }
    }
    for (int j = 0; j < count; j++) {
      if (!(weights[j] >= 0) || weights[j] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("weight " + j + " is " + weights[j] + ", expected a finite value >= 0");
      }
    }
    if (!(inertia >= 0) || inertia == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("inertia is " + inertia + ", expected a finite value >= 0");
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations is " + iterations + ", expected >= 0");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= count) {
        throw new IllegalArgumentException("label of training point " + i + " is " + labels[i]
            + ", expected in [0, " + count + ")");
      }
    }
    this.k = count;
    this.d = dimension;
    this.centers = centers.clone();
    this.weights = weights.clone();
    this.inertia = inertia;
    this.iterations = iterations;
    this.converged = converged;
    this.labels = labels.clone();
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public int clusterCount() {
    return k;
  }

  @Override
  public int predict(double[] point) {
    Points.require(point, d);
    return Euclid.nearest(point, centers, k);
  }

  @Override
  public double[] center(int label) {
    checkLabel(label);
    return Arrays.copyOfRange(centers, label * d, (label + 1) * d);
  }

  /** The centers as one row-major array of length k·d, a copy. */
  public double[] flatCenters() {
    return centers.clone();
  }

  /** The total sample weight of the training points in the cluster (their count if unweighted). */
  @Override
  public double weight(int label) {
    checkLabel(label);
    return weights[label];
  }

  /**
   * The Euclidean distance (not squared) from {@code point} to every center, as scikit-learn's
   * {@code transform}.
   *
   * @param point a finite vector of length {@link #dimension()}; not modified
   * @return a new array of length k
   */
  public double[] transform(double[] point) {
    double[] out = new double[k];
    transform(point, out);
    return out;
  }

  /**
   * As {@link #transform(double[])}, writing into {@code out} instead of allocating.
   *
   * @param out an array of length k; modified
   */
  public void transform(double[] point, double[] out) {
    Points.require(point, d);
    if (out.length != k) {
      throw new IllegalArgumentException("out has length " + out.length + ", expected " + k);
    }
    for (int j = 0; j < k; j++) {
      out[j] = Math.sqrt(Euclid.squaredDistance(point, 0, centers, j * d, d));
    }
  }

  /** {@link #transform(double[])} of every point, as a new n × k array. */
  public double[][] transform(double[][] points) {
    Points.requireAll(points, d);
    double[][] out = new double[points.length][k];
    for (int i = 0; i < points.length; i++) {
      transform(points[i], out[i]);
    }
    return out;
  }

  /**
   * The weighted sum of squared distances from the training points to their nearest centers
   * (scikit-learn's {@code inertia_}).
   */
  public double inertia() {
    return inertia;
  }

  /** The number of iterations the fit ran (scikit-learn's {@code n_iter_}). */
  public int iterations() {
    return iterations;
  }

  /** Whether the fit met its convergence test before the iteration limit. */
  public boolean converged() {
    return converged;
  }

  /** The label of every training point, in input order (a copy; empty for a model built without them). */
  public int[] trainingLabels() {
    return labels.clone();
  }

  private void checkLabel(int label) {
    if (label < 0 || label >= k) {
      throw new IllegalArgumentException("label " + label + " is not in [0, " + k + ")");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof KMeansModel)) {
      return false;
    }
    KMeansModel m = (KMeansModel) o;
    return m.d == d && Arrays.equals(m.centers, centers) && Arrays.equals(m.weights, weights)
        && Double.compare(m.inertia, inertia) == 0 && m.iterations == iterations
        && m.converged == converged && Arrays.equals(m.labels, labels);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(centers) + Double.hashCode(inertia);
  }

  @Override
  public String toString() {
    return "KMeansModel[k=" + k + ", d=" + d + ", inertia=" + inertia + ", iterations=" + iterations + "]";
  }

  /** The codec {@link io.eddy.io.ModelIO} uses for this model ({@code "kmeans.model"}). */
  public static final StateCodec<KMeansModel> CODEC = new StateCodec<>() {
    @Override
    public String name() {
      return "kmeans.model";
    }

    @Override
    public int version() {
      return 1;
    }

    @Override
    public Class<KMeansModel> type() {
      return KMeansModel.class;
    }

    @Override
    public void write(KMeansModel m, StateOutput out) throws IOException {
      out.writeInt(m.d);
      out.writeDoubles(m.centers);
      out.writeDoubles(m.weights);
      out.writeDouble(m.inertia);
      out.writeInt(m.iterations);
      out.writeBoolean(m.converged);
      out.writeInts(m.labels);
    }

    @Override
    public KMeansModel read(StateInput in, int version) throws ModelFormatException {
      int d = in.readInt(1, Integer.MAX_VALUE);
      double[] c = in.readDoubles();
      double[] w = in.readDoubles();
      double inertia = in.readDouble();
      int iterations = in.readInt(0, Integer.MAX_VALUE);
      boolean converged = in.readBoolean();
      int[] labels = in.readInts();
      return new KMeansModel(c, d, w, inertia, iterations, converged, labels);
    }
  };
}
