package io.eddy.eval;

import io.eddy.ClusterModel;
import io.eddy.Points;
import java.util.Arrays;

/**
 * A validated labelling of n points, with the cluster labels renumbered {@code 0..k-1} in
 * increasing order of the original labels and {@link ClusterModel#NOISE} points set aside.
 * The shared front door of every internal index, so that all of them reject bad input with
 * the same messages.
 */
final class Labeling {

  /** Number of points, noise included. */
  final int n;
  /** Number of clusters (distinct labels other than NOISE). */
  final int k;
  /** Per point, its cluster index in {@code 0..k-1}, or -1 for NOISE. */
  final int[] index;
  /** The original label of each cluster index, increasing. */
  final int[] labels;
  /** Points per cluster index. */
  final int[] sizes;
  /** Number of NOISE points. */
  final int noise;

  private Labeling(int n, int k, int[] index, int[] labels, int[] sizes, int noise) {
    this.n = n;
    this.k = k;
    this.index = index;
    this.labels = labels;
    this.sizes = sizes;
    this.noise = noise;
  }

  /** Number of clustered (non-NOISE) points. */
  int clustered() {
    return n - noise;
  }

  /** Labels only: checks the array and renumbers; no constraint on counts. */
  static Labeling of(int[] labels) {
    if (labels == null) {
      throw new IllegalArgumentException("labels is null");
    }
    int n = labels.length;
    int[] sorted = labels.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    int noise = 0;
    for (int i = 0; i < n; i++) {
      if (sorted[i] == ClusterModel.NOISE) {
        noise++;
      } else if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    int[] unique = new int[distinct];
    for (int i = 0, u = 0; i < n; i++) {
      if (sorted[i] != ClusterModel.NOISE && (i == 0 || sorted[i] != sorted[i - 1])) {
        unique[u++] = sorted[i];
      }
    }
    int[] index = new int[n];
    int[] sizes = new int[distinct];
    for (int i = 0; i < n; i++) {
      if (labels[i] == ClusterModel.NOISE) {
        index[i] = -1;
      } else {
        int c = Arrays.binarySearch(unique, labels[i]);
        index[i] = c;
        sizes[c]++;
      }
    }
    return new Labeling(n, distinct, index, unique, sizes, noise);
  }

  /**
   * Checks {@code data} and {@code labels} for an internal index: finite data of one
   * dimension, one label per point, at least two clustered points, at least two clusters.
   *
   * @return the labelling
   * @throws IllegalArgumentException naming the problem
   */
  static Labeling forIndex(double[][] data, int[] labels) {
    requireData(data);
    if (labels == null) {
      throw new IllegalArgumentException("labels is null");
    }
    if (labels.length != data.length) {
      throw new IllegalArgumentException("labels has length " + labels.length
          + ", expected one label per point (" + data.length + ")");
    }
    Labeling l = of(labels);
    if (l.noise == l.n) {
      throw new IllegalArgumentException("all " + l.n + " points are NOISE, expected at least 2 clustered points");
    }
    if (l.clustered() < 2) {
      throw new IllegalArgumentException("only " + l.clustered()
          + " clustered (non-NOISE) point, expected at least 2");
    }
    if (l.k < 2) {
      throw new IllegalArgumentException("labels have " + l.k + " cluster, expected at least 2");
    }
    return l;
  }

  /**
   * As {@link #forIndex}, also requiring fewer clusters than clustered points, as the
   * silhouette, Davies–Bouldin and Calinski–Harabasz indices do (scikit-learn's rule).
   */
  static Labeling forPartitionIndex(double[][] data, int[] labels) {
    Labeling l = forIndex(data, labels);
    if (l.k >= l.clustered()) {
      throw new IllegalArgumentException("labels have " + l.k + " clusters for " + l.clustered()
          + " clustered points, expected between 2 and " + (l.clustered() - 1));
    }
    return l;
  }

  /** Checks a data set: non-null, at least 2 points, one dimension, finite. */
  static int requireData(double[][] data) {
    if (data == null) {
      throw new IllegalArgumentException("data is null");
    }
    if (data.length < 2) {
      throw new IllegalArgumentException("data has " + data.length + " point"
          + (data.length == 1 ? "" : "s") + ", expected at least 2");
    }
    return Points.requireFiniteData(data);
  }

  /**
   * {@code data} itself when every coordinate lies within {@link Points#MAX_ABS}, otherwise a
   * copy multiplied by a power of two that brings the largest to about 1. Powers of two scale
   * exactly, so scale-invariant indices (silhouette, Davies–Bouldin, Calinski–Harabasz) give
   * the value they would with unlimited range, where squared distances of such data would
   * overflow.
   */
  static double[][] inRange(double[][] data) {
    return scaled(data, rangeShift(data));
  }

  /**
   * The power of two (an exponent, &le; 0) that {@link #inRange} scales {@code data} by: 0
   * when every coordinate lies within {@link Points#MAX_ABS}.
   */
  static int rangeShift(double[][] data) {
    double max = 0;
    for (double[] row : data) {
      for (double v : row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return shiftFor(max);
  }

  /**
   * The power of two that brings values of largest magnitude {@code max} below 1 when {@code max}
   * is beyond {@link Points#MAX_ABS}, else 0.
   */
  static int shiftFor(double max) {
    return max <= Points.MAX_ABS ? 0 : -Math.getExponent(max) - 1;
  }

  /** {@code data} times 2^{@code shift}: itself for 0, else a scaled copy. */
  static double[][] scaled(double[][] data, int shift) {
    if (shift == 0) {
      return data;
    }
    double[][] out = new double[data.length][];
    for (int i = 0; i < data.length; i++) {
      out[i] = scaled(data[i], shift);
    }
    return out;
  }

  /** {@code row} times 2^{@code shift}: itself for 0, else a scaled copy. */
  static double[] scaled(double[] row, int shift) {
    if (shift == 0) {
      return row;
    }
    double scale = Math.scalb(1.0, shift);
    double[] out = new double[row.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = row[j] * scale;
    }
    return out;
  }

  /** The mean of each cluster as a flat row-major {@code double[k * d]}; noise is ignored. */
  double[] means(double[][] data) {
    int d = data[0].length;
    double[] means = new double[k * d];
    for (int i = 0; i < n; i++) {
      int c = index[i];
      if (c >= 0) {
        double[] x = data[i];
        int off = c * d;
        for (int j = 0; j < d; j++) {
          means[off + j] += x[j];
        }
      }
    }
    for (int c = 0; c < k; c++) {
      int off = c * d;
      for (int j = 0; j < d; j++) {
        means[off + j] /= sizes[c];
      }
    }
    return means;
  }
}
