package io.eddy.kmeans;

import io.eddy.CentroidModel;
import io.eddy.Points;
import io.eddy.io.StateCodec;
import io.eddy.math.Euclid;
import java.util.Arrays;

/**
 * A clustering by k centers: each point belongs to its nearest center (ties to the lowest
 * label). The model of the k-means family's online clusterers.
 *
 * <p>Immutable and thread-safe. {@link #predict(double[])} costs O(k·d) and allocates nothing.
 */
public final class Centroids implements CentroidModel {

  private final int k;
  private final int d;
  private final double[] centers;
  private final double[] weights;

  /**
   * A model with the given centers and weights.
   *
   * @param centers k centers of dimension d, row-major in one array of length k·d; copied
   * @param dimension d &ge; 1
   * @param weights the weight (point count) of each center, finite and &ge; 0; copied
   * @throws IllegalArgumentException if the shapes disagree or a value is not finite
   */
  public Centroids(double[] centers, int dimension, double[] weights) {
    if (centers == null || weights == null) {
      throw new IllegalArgumentException((centers == null ? "centers" : "weights") + " is null");
    }
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
            + " at index " + (i % dimension));
      }
    }
    for (int j = 0; j < count; j++) {
      if (!(weights[j] >= 0) || weights[j] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("weight " + j + " is " + weights[j] + ", expected a finite value >= 0");
      }
    }
    this.k = count;
    this.d = dimension;
    this.centers = centers.clone();
    this.weights = weights.clone();
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

  @Override
  public double weight(int label) {
    checkLabel(label);
    return weights[label];
  }

  /**
   * The squared distance from {@code point} to every center, written into {@code out}.
   *
   * @param out an array of length {@link #clusterCount()}; modified
   */
  public void squaredDistances(double[] point, double[] out) {
    Points.require(point, d);
    if (out == null || out.length != k) {
      throw new IllegalArgumentException("out has length " + (out == null ? "null" : out.length) + ", expected " + k);
    }
    for (int j = 0; j < k; j++) {
      out[j] = Euclid.squaredDistance(point, centers, j);
    }
  }

  /** The centers as one row-major array of length k·d, a copy. */
  public double[] flatCenters() {
    return centers.clone();
  }

  /** The weight of every center, in label order, a copy. */
  public double[] weights() {
    return weights.clone();
  }

  private void checkLabel(int label) {
    if (label < 0 || label >= k) {
      throw new IllegalArgumentException("label " + label + " is not in [0, " + k + ")");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Centroids
        && ((Centroids) o).d == d
        && Arrays.equals(((Centroids) o).centers, centers)
        && Arrays.equals(((Centroids) o).weights, weights);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(centers) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "Centroids[k=" + k + ", d=" + d + "]";
  }

  /** The codec {@link io.eddy.io.ModelIO} uses for this model. */
  static final StateCodec<Centroids> CODEC = StateCodec.of("centroids", 1, Centroids.class,
      (m, out) -> {
        out.writeInt(m.d);
        out.writeDoubles(m.centers);
        out.writeDoubles(m.weights);
      },
      (in, version) -> {
        int d = in.readInt(1, Integer.MAX_VALUE);
        double[] c = in.readDoubles();
        double[] w = in.readDoubles();
        return new Centroids(c, d, w);
      });
}
