package io.eddy.online;

import io.eddy.CentroidModel;
import io.eddy.OutlierModel;
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
 * <p><b>Noise rule and outlier score.</b> Every micro-cluster has a radius, the scale of where
 * its points lie: for DenStream the root-mean-square distance of its points to its centre,
 * floored (see {@link DenStream}); for DBSTREAM the fixed radius r. The
 * {@linkplain #outlierScore(double[]) outlier score} of a point is its distance to the nearest
 * clustered micro-cluster in units of that micro-cluster's radius, nearest meaning the least
 * such ratio: {@code min_i |x - c_i| / radius_i} over the micro-clusters that belong to a
 * macro cluster. A point belongs to the macro cluster of the micro-cluster that attains the
 * minimum (ties to the one listed first) when its score is at most
 * {@link #noiseThreshold()}; otherwise it is {@link #NOISE}. So a micro-cluster claims the ball
 * of radius {@code noiseThreshold()·radius_i} around its centre. With one radius for all
 * micro-clusters this is the nearest centre within that reach.
 *
 * <p>Labels are not contiguous: they are the stable segment ids handed out by the clusterer,
 * never reused once a segment vanished; {@link #labels()} lists them in increasing order.
 *
 * <p>The micro-clusters are exposed for plotting and inspection ({@link #microCenter},
 * {@link #microWeight}, {@link #microRadius}, {@link #microLabel}). Weights are faded to
 * {@link #time()}.
 *
 * <p>Immutable and thread-safe. {@link #predict(double[])} and {@link #outlierScore(double[])}
 * cost O(m·d) for m micro-clusters and allocate nothing.
 */
public abstract sealed class MicroClusterModel implements CentroidModel, OutlierModel
    permits DbstreamModel, DenStreamModel {

  /** The smallest micro-cluster radius a model holds: its square stays a normal double. */
  static final double MIN_RADIUS = 1e-100;

  private final int d;
  private final double reach;
  private final double threshold;
  private final double time;
  private final int[] labels;
  private final double[] centers;
  private final double[] weights;
  private final int m;
  private final double[] microCenters;
  private final double[] microWeights;
  private final double[] microRadii;
  /** The squares of the radii; null when every radius is {@link #reach}. */
  private final double[] microRadiiSquared;
  private final double reachSquared;
  private final int[] microLabels;

  /**
   * A model whose micro-clusters all have the radius {@code reach} and a noise threshold of 1:
   * a point within {@code reach} of the nearest clustered micro-cluster's centre belongs to
   * its macro cluster.
   */
  MicroClusterModel(int dimension, double reach, double time, int[] labels, double[] centers,
      double[] weights, double[] microCenters, double[] microWeights, int[] microLabels) {
    this(dimension, reach, 1.0, time, labels, centers, weights, microCenters, microWeights,
        null, microLabels);
  }

  /**
   * A model whose micro-cluster {@code i} has radius {@code microRadii[i]}.
   *
   * @param reach the clusterer's nominal radius (DenStream's epsilon), reported by
   *     {@link #reach()}
   * @param threshold the noise threshold, in radii; finite and &gt; 0
   * @param microRadii one finite radius &gt; 0 per micro-cluster, or null for {@code reach}
   *     everywhere
   */
  MicroClusterModel(int dimension, double reach, double threshold, double time, int[] labels,
      double[] centers, double[] weights, double[] microCenters, double[] microWeights,
      double[] microRadii, int[] microLabels) {
    if (dimension < 0) {
      throw new IllegalArgumentException("dimension is " + dimension + ", expected at least 0");
    }
    if (!(reach > 0) || reach == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("reach is " + reach + ", expected a finite value > 0");
    }
    if (!(threshold > 0) || threshold == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("noise threshold is " + threshold + ", expected a finite value > 0");
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
    if (microCenters.length != micro * dimension || microLabels.length != micro
        || (microRadii != null && microRadii.length != micro)) {
      throw new IllegalArgumentException("micro arrays have lengths " + microCenters.length
          + ", " + microLabels.length + " and " + (microRadii == null ? micro : microRadii.length)
          + ", expected " + (micro * dimension) + ", " + micro + " and " + micro);
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
    boolean uniform = true;
    if (microRadii != null) {
      for (int i = 0; i < micro; i++) {
        double r = microRadii[i];
        // The square must stay a positive normal double for the score's division.
        if (!(r >= MIN_RADIUS) || !(r <= 1e100)) {
          throw new IllegalArgumentException("micro-cluster radius " + i + " is " + r
              + ", expected a value in [1e-100, 1e100]");
        }
        uniform &= r == reach;
      }
    }
    this.d = dimension;
    this.reach = reach;
    this.reachSquared = reach * reach;
    this.threshold = threshold;
    this.time = time;
    this.labels = labels.clone();
    this.centers = centers.clone();
    this.weights = weights.clone();
    this.m = micro;
    this.microCenters = microCenters.clone();
    this.microWeights = microWeights.clone();
    if (uniform) {
      this.microRadii = null;
      this.microRadiiSquared = null;
    } else {
      this.microRadii = microRadii.clone();
      this.microRadiiSquared = new double[micro];
      for (int i = 0; i < micro; i++) {
        microRadiiSquared[i] = microRadii[i] * microRadii[i];
      }
    }
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
   * The macro cluster of the clustered micro-cluster with the least distance in radii, if that
   * {@linkplain #outlierScore(double[]) score} is at most {@link #noiseThreshold()}, else
   * {@link #NOISE}. Ties go to the micro-cluster listed first. Before anything was learned
   * (dimension 0) every valid point is {@link #NOISE}.
   */
  @Override
  public int predict(double[] point) {
    Points.require(point, d);
    int best = nearest(point);
    return best >= 0 && score(point, best) <= threshold ? microLabels[best] : NOISE;
  }

  /**
   * The distance from {@code point} to the nearest clustered micro-cluster, in units of that
   * micro-cluster's radius ({@code min_i |x - c_i| / radius_i}); {@code +infinity} when no
   * micro-cluster is clustered. Grows linearly with the distance from the micro-cluster that
   * attains it; {@link #predict(double[])} says {@link #NOISE} exactly when it exceeds
   * {@link #noiseThreshold()}.
   */
  @Override
  public double outlierScore(double[] point) {
    Points.require(point, d);
    int best = nearest(point);
    return best < 0 ? Double.POSITIVE_INFINITY : score(point, best);
  }

  /** The score above which a point is noise: the reach of a micro-cluster, in radii. */
  @Override
  public double noiseThreshold() {
    return threshold;
  }

  /** The clustered micro-cluster of least squared distance in radii, or -1. */
  private int nearest(double[] point) {
    int best = -1;
    double bestScore = Double.POSITIVE_INFINITY;
    double[] r2 = microRadiiSquared;
    for (int i = 0, off = 0; i < m; i++, off += d) {
      if (microLabels[i] == NOISE) {
        continue;
      }
      double dist = Euclid.squaredDistance(point, 0, microCenters, off, d);
      // With one radius the squared distance orders as the score does, without a division.
      double s = r2 == null ? dist : dist / r2[i];
      if (s < bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  private double score(double[] point, int i) {
    double dist = Euclid.squaredDistance(point, 0, microCenters, i * d, d);
    return Math.sqrt(dist / (microRadiiSquared == null ? reachSquared : microRadiiSquared[i]));
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
    return MacroClusters.indexOfLabel(labels, label);
  }

  /**
   * The clusterer's nominal radius: DBSTREAM's r, DenStream's epsilon. With one radius for all
   * micro-clusters (DBSTREAM, and models saved before micro-clusters had radii of their own)
   * it is every micro-cluster's radius, and with the threshold 1 the distance within which a
   * point belongs to the nearest micro-cluster's macro cluster.
   */
  public double reach() {
    return reach;
  }

  /**
   * The radius of micro-cluster {@code i}, the unit of {@link #outlierScore(double[])}: a
   * point within {@code noiseThreshold() * microRadius(i)} of its centre is not noise.
   */
  public double microRadius(int i) {
    checkMicro(i);
    return microRadii == null ? reach : microRadii[i];
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
        && Double.compare(x.threshold, threshold) == 0 && Arrays.equals(x.microRadii, microRadii)
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

  /**
   * Writes the noise threshold and the radii (empty when every radius is {@link #reach()}),
   * the fields a {@link Body} does not hold.
   */
  void writeRadii(StateOutput out) throws IOException {
    out.writeDouble(threshold);
    out.writeDoubles(microRadii == null ? new double[0] : microRadii);
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
