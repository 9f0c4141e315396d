package io.eddy.online;

import io.eddy.CentroidModel;
import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import io.eddy.math.Euclid;
import java.io.IOException;
import java.util.Arrays;

/**
 * A snapshot of a density-based stream clustering: macro clusters (the segments) with stable
 * labels, centres and weights, over the micro-clusters that summarise the stream.
 *
 * <p>A point belongs to the macro cluster of the nearest micro-cluster that is part of a macro
 * cluster, provided it lies within {@link #reach()} of that micro-cluster's centre (inclusive);
 * otherwise it is {@link #NOISE}. Labels are not contiguous: they are the stable segment ids
 * handed out by the clusterer, never reused once a segment vanished; {@link #labels()} lists
 * them in increasing order.
 *
 * <p>The micro-clusters are exposed for plotting and inspection ({@link #microCenter},
 * {@link #microWeight}, {@link #microLabel}). Weights are faded to {@link #time()}.
 *
 * <p>Immutable and thread-safe. {@link #predict(double[])} costs O(m·d) for m micro-clusters
 * and allocates nothing.
 */
public abstract sealed class MicroClusterModel implements CentroidModel
    permits DbstreamModel, DenStreamModel {

  private final int d;
  private final double reach;
  private final double reachSquared;
  private final double time;
  private final int[] labels;
  private final double[] centers;
  private final double[] weights;
  private final int m;
  private final double[] microCenters;
  private final double[] microWeights;
  private final int[] microLabels;

  MicroClusterModel(int dimension, double reach, double time, int[] labels, double[] centers,
      double[] weights, double[] microCenters, double[] microWeights, int[] microLabels) {
    if (dimension < 0) {
      throw new IllegalArgumentException("dimension is " + dimension + ", expected at least 0");
    }
    if (!(reach > 0) || reach == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("reach is " + reach + ", expected a finite value > 0");
    }
    if (!Double.isFinite(time)) {
      throw new IllegalArgumentException("time is " + time + ", expected a finite value");
    }
    int k = labels.length;
    int micro = microWeights.length;
    if (dimension == 0 && (k > 0 || micro > 0)) {
      throw new IllegalArgumentException("a model of dimension 0 can have no clusters");
    }
    if (centers.length != k * dimension || weights.length != k) {
      throw new IllegalArgumentException("macro arrays have lengths " + centers.length + " and "
          + weights.length + ", expected " + (k * dimension) + " and " + k);
    }
    if (microCenters.length != micro * dimension || microLabels.length != micro) {
      throw new IllegalArgumentException("micro arrays have lengths " + microCenters.length
          + " and " + microLabels.length + ", expected " + (micro * dimension) + " and " + micro);
    }
    for (int i = 0; i < k; i++) {
      if (labels[i] < 0 || (i > 0 && labels[i] <= labels[i - 1])) {
        throw new IllegalArgumentException("labels must be non-negative and increasing, got "
            + Arrays.toString(labels));
      }
    }
    requireFinite(centers, "macro centre");
    requireFinite(microCenters, "micro-cluster centre");
    requireWeights(weights, "macro weight");
    requireWeights(microWeights, "micro-cluster weight");
    for (int i = 0; i < micro; i++) {
      if (microLabels[i] != NOISE && Arrays.binarySearch(labels, microLabels[i]) < 0) {
        throw new IllegalArgumentException("micro-cluster " + i + " has label " + microLabels[i]
            + ", which is neither NOISE nor one of " + Arrays.toString(labels));
      }
    }
    this.d = dimension;
    this.reach = reach;
    this.reachSquared = reach * reach;
    this.time = time;
    this.labels = labels.clone();
    this.centers = centers.clone();
    this.weights = weights.clone();
    this.m = micro;
    this.microCenters = microCenters.clone();
    this.microWeights = microWeights.clone();
    this.microLabels = microLabels.clone();
  }

  private static void requireFinite(double[] a, String what) {
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i])) {
        throw new IllegalArgumentException(what + " value " + i + " is " + a[i] + ", expected a finite value");
      }
    }
  }

  private static void requireWeights(double[] a, String what) {
    for (int i = 0; i < a.length; i++) {
      if (!(a[i] >= 0) || a[i] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(what + " " + i + " is " + a[i] + ", expected a finite value >= 0");
      }
    }
  }

  /** The dimension, or 0 for the snapshot of a clusterer that has learned nothing. */
  @Override
  public int dimension() {
    return d;
  }

  @Override
  public int clusterCount() {
    return labels.length;
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  /**
   * The macro cluster of the nearest clustered micro-cluster within {@link #reach()}, else
   * {@link #NOISE}. Ties go to the micro-cluster listed first. Before anything was learned
   * (dimension 0) every valid point is {@link #NOISE}.
   */
  @Override
  public int predict(double[] point) {
    Points.require(point, d);
    int best = -1;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int i = 0, off = 0; i < m; i++, off += d) {
      if (microLabels[i] == NOISE) {
        continue;
      }
      double dist = Euclid.squaredDistance(point, 0, microCenters, off, d);
      if (dist < bestDist) {
        bestDist = dist;
        best = i;
      }
    }
    return best >= 0 && bestDist <= reachSquared ? microLabels[best] : NOISE;
  }

  @Override
  public double[] center(int label) {
    int i = index(label);
    return Arrays.copyOfRange(centers, i * d, (i + 1) * d);
  }

  /** The total faded weight of the macro cluster's micro-clusters. */
  @Override
  public double weight(int label) {
    return weights[index(label)];
  }

  private int index(int label) {
    int i = Arrays.binarySearch(labels, label);
    if (i < 0) {
      throw new IllegalArgumentException("label " + label + " is not one of " + Arrays.toString(labels));
    }
    return i;
  }

  /** The distance within which a point belongs to a micro-cluster's macro cluster. */
  public double reach() {
    return reach;
  }

  /** The clusterer's clock when the snapshot was taken. */
  public double time() {
    return time;
  }

  /** The number of micro-clusters (for DenStream: the potential micro-clusters). */
  public int microClusterCount() {
    return m;
  }

  /** The centre of micro-cluster {@code i}, {@code 0 <= i < microClusterCount()}, as a new array. */
  public double[] microCenter(int i) {
    checkMicro(i);
    return Arrays.copyOfRange(microCenters, i * d, (i + 1) * d);
  }

  /** The weight of micro-cluster {@code i}, faded to {@link #time()}. */
  public double microWeight(int i) {
    checkMicro(i);
    return microWeights[i];
  }

  /** The macro cluster micro-cluster {@code i} belongs to, or {@link #NOISE}. */
  public int microLabel(int i) {
    checkMicro(i);
    return microLabels[i];
  }

  private void checkMicro(int i) {
    if (i < 0 || i >= m) {
      throw new IllegalArgumentException("micro-cluster " + i + " is not in [0, " + m + ")");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    MicroClusterModel x = (MicroClusterModel) o;
    return x.d == d && Double.compare(x.reach, reach) == 0 && Double.compare(x.time, time) == 0
        && Arrays.equals(x.labels, labels) && Arrays.equals(x.centers, centers)
        && Arrays.equals(x.weights, weights) && Arrays.equals(x.microCenters, microCenters)
        && Arrays.equals(x.microWeights, microWeights) && Arrays.equals(x.microLabels, microLabels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(labels) + Arrays.hashCode(centers)) + Arrays.hashCode(microCenters);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[d=" + d + ", clusters=" + Arrays.toString(labels)
        + ", micro-clusters=" + m + ", time=" + time + "]";
  }

  void writeBody(StateOutput out) throws IOException {
    out.writeInt(d);
    out.writeDouble(reach);
    out.writeDouble(time);
    out.writeInts(labels);
    out.writeDoubles(centers);
    out.writeDoubles(weights);
    out.writeDoubles(microCenters);
    out.writeDoubles(microWeights);
    out.writeInts(microLabels);
  }

  /** The fields of a model as read back, in constructor order. */
  record Body(int dimension, double reach, double time, int[] labels, double[] centers,
      double[] weights, double[] microCenters, double[] microWeights, int[] microLabels) {

    static Body read(StateInput in) throws ModelFormatException {
      return new Body(in.readInt(0, Integer.MAX_VALUE), in.readDouble(), in.readDouble(),
          in.readInts(), in.readDoubles(), in.readDoubles(), in.readDoubles(), in.readDoubles(),
          in.readInts());
    }
  }
}
