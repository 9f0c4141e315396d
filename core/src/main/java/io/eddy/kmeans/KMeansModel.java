package io.eddy.kmeans;

import io.eddy.CentroidModel;
import io.eddy.Points;
import io.eddy.io.StateCodec;
import java.util.Arrays;

/**
 * A k-means clustering fitted by {@link KMeans}: k centers, and what the fit found on its
 * training data (inertia, iterations, labels).
 *
 * <p>A point belongs to its nearest center by Euclidean distance; ties go to the lowest label.
 * Immutable and thread-safe. {@link #predict(double[])} costs O(k·d) and allocates nothing.
 */
public final class KMeansModel implements CentroidModel {

  private final Centroids centroids;
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
    this.centroids = new Centroids(centers, dimension, weights);
    if (labels == null) {
      throw new IllegalArgumentException("labels is null; pass an empty array when there are none");
    }
    int count = centroids.clusterCount();
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
    this.inertia = inertia;
    this.iterations = iterations;
    this.converged = converged;
    this.labels = labels.clone();
  }

  /** The centers and weights alone, as the k-means family's common model. */
  public Centroids centroids() {
    return centroids;
  }

  @Override
  public int dimension() {
    return centroids.dimension();
  }

  @Override
  public int clusterCount() {
    return centroids.clusterCount();
  }

  @Override
  public int predict(double[] point) {
    return centroids.predict(point);
  }

  @Override
  public double[] center(int label) {
    return centroids.center(label);
  }

  /** The centers as one row-major array of length k·d, a copy. */
  public double[] flatCenters() {
    return centroids.flatCenters();
  }

  /** The total sample weight of the training points in the cluster (their count if unweighted). */
  @Override
  public double weight(int label) {
    return centroids.weight(label);
  }

  /**
   * The Euclidean distance (not squared) from {@code point} to every center, as scikit-learn's
   * {@code transform}.
   *
   * @param point a finite vector of length {@link #dimension()}; not modified
   * @return a new array of length k
   */
  public double[] transform(double[] point) {
    double[] out = new double[clusterCount()];
    transform(point, out);
    return out;
  }

  /**
   * As {@link #transform(double[])}, writing into {@code out} instead of allocating.
   *
   * @param out an array of length k; modified
   */
  public void transform(double[] point, double[] out) {
    centroids.squaredDistances(point, out);
    for (int j = 0; j < out.length; j++) {
      out[j] = Math.sqrt(out[j]);
    }
  }

  /** {@link #transform(double[])} of every point, as a new n × k array. */
  public double[][] transform(double[][] points) {
    Points.requireAll(points, dimension());
    double[][] out = new double[points.length][clusterCount()];
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

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof KMeansModel)) {
      return false;
    }
    KMeansModel m = (KMeansModel) o;
    return m.centroids.equals(centroids)
        && Double.compare(m.inertia, inertia) == 0 && m.iterations == iterations
        && m.converged == converged && Arrays.equals(m.labels, labels);
  }

  @Override
  public int hashCode() {
    return 31 * centroids.hashCode() + Double.hashCode(inertia);
  }

  @Override
  public String toString() {
    return "KMeansModel[k=" + clusterCount() + ", d=" + dimension() + ", inertia=" + inertia + ", iterations=" + iterations + "]";
  }

  /** The codec {@link io.eddy.io.ModelIO} uses for this model ({@code "kmeans.model"}). */
  static final StateCodec<KMeansModel> CODEC = StateCodec.of("kmeans.model", 1, KMeansModel.class,
      (m, out) -> {
        out.writeInt(m.dimension());
        out.writeDoubles(m.centroids.flatCenters());
        out.writeDoubles(m.centroids.weights());
        out.writeDouble(m.inertia);
        out.writeInt(m.iterations);
        out.writeBoolean(m.converged);
        out.writeInts(m.labels);
      },
      (in, version) -> {
        int d = in.readInt(1, Integer.MAX_VALUE);
        double[] c = in.readDoubles();
        double[] w = in.readDoubles();
        double inertia = in.readDouble();
        int iterations = in.readInt(0, Integer.MAX_VALUE);
        boolean converged = in.readBoolean();
        int[] labels = in.readInts();
        return new KMeansModel(c, d, w, inertia, iterations, converged, labels);
      });
}
