package io.eddy.online;

import io.eddy.CentroidModel;
import io.eddy.Points;
import io.eddy.hierarchy.Dendrogram;
import io.eddy.hierarchy.HierarchicalClustering;
import io.eddy.hierarchy.Linkage;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.math.Euclid;
import java.util.Arrays;

/**
 * A BIRCH clustering: the subclusters read off the CF tree's leaves, in leaf order, and the
 * cluster each belongs to after the global step.
 *
 * <p>A point gets the label of its nearest subcluster centre (ties to the first in leaf
 * order), as scikit-learn's {@code Birch.predict}. With k &ge; 1 and at least k subclusters the
 * labels are {@code 0..k-1}, numbered exactly as scikit-learn numbers them: the subcluster
 * centres, unweighted, are clustered by Ward linkage (scipy's {@code ward}, which
 * {@code AgglomerativeClustering} uses) and the tree is cut by undoing its last k − 1 merges,
 * labelling the remaining subtrees in the order of scikit-learn's heap ({@code _hc_cut}). With
 * k = 0, or fewer than k subclusters, each subcluster is its own cluster, labelled by its
 * index in leaf order.
 *
 * <p>{@link #center(int)} is the weighted mean of a cluster's subclusters (its points' mean),
 * {@link #weight(int)} the number of points it summarises.
 *
 * <p>Immutable and thread-safe. {@link #predict(double[])} costs O(m·d) for m subclusters and
 * allocates nothing.
 */
public final class BirchModel implements CentroidModel {

  /**
   * Up to this many subclusters (the default bound) the global step uses the distance matrix,
   * scipy's algorithm and tie rules in O(m²) time and 8·m²/2 bytes (64 MiB at 4096), unless the
   * free heap cannot hold it; otherwise the vector form, O(m·d) memory and about O(m²·d) time
   * (9,914 subclusters in 8-D: about 9 s), equal up to ties.
   */
  static final int MATRIX_LIMIT = 4096;

  private final int d;
  private final int k;
  private final double threshold;
  private final int m;
  private final double[] subCenters;
  private final double[] subWeights;
  private final int[] subLabels;
  private final int clusters;
  private final double[] centers;
  private final double[] weights;

  private BirchModel(int d, int k, double threshold, double[] subCenters, double[] subWeights, int[] subLabels) {
    this.d = d;
    this.k = k;
    this.threshold = threshold;
    this.m = subWeights.length;
    this.subCenters = subCenters;
    this.subWeights = subWeights;
    this.subLabels = subLabels;
    int c = 0;
    for (int label : subLabels) {
      c = Math.max(c, label + 1);
    }
    this.clusters = c;
    this.centers = new double[c * d];
    this.weights = new double[c];
    for (int i = 0; i < m; i++) {
      int label = subLabels[i];
      weights[label] += subWeights[i];
      for (int j = 0; j < d; j++) {
        centers[label * d + j] += subWeights[i] * subCenters[i * d + j];
      }
    }
    for (int label = 0; label < c; label++) {
      for (int j = 0; j < d; j++) {
        centers[label * d + j] /= weights[label];
      }
    }
  }

  /**
   * The model of the given subclusters after the global step.
   *
   * @param subCenters m rows of dimension d, row-major; kept
   * @param subWeights m weights &gt; 0; kept
   */
  static BirchModel of(int d, int k, double threshold, double[] subCenters, double[] subWeights) {
    return new BirchModel(d, k, threshold, subCenters, subWeights, globalLabels(subCenters, subWeights.length, d, k));
  }

  /** scikit-learn's global step: Ward on the centres, cut as {@code _hc_cut}. */
  static int[] globalLabels(double[] centres, int m, int d, int k) {
    int[] labels = new int[m];
    if (k == 0 || m < k) {
      for (int i = 0; i < m; i++) {
        labels[i] = i;
      }
      return labels;
    }
    if (k == 1 || m == 1) {
      return labels;
    }
    double[][] rows = new double[m][];
    for (int i = 0; i < m; i++) {
      rows[i] = Arrays.copyOfRange(centres, i * d, (i + 1) * d);
    }
    HierarchicalClustering.Params ward = HierarchicalClustering.Params.DEFAULTS.withLinkage(Linkage.WARD);
    if (m <= MATRIX_LIMIT) {
      try {
        return cut(new HierarchicalClustering(ward.withStorage(HierarchicalClustering.Storage.MATRIX)).dendrogram(rows), k);
      } catch (IllegalStateException matrixTooLarge) {
        // the free heap cannot hold the matrix: the vector form needs O(m·d)
      }
    }
    return cut(new HierarchicalClustering(ward.withStorage(HierarchicalClustering.Storage.VECTORS)).dendrogram(rows), k);
  }

  /**
   * scikit-learn's {@code _hc_cut}: starting from the root, k − 1 times replace the highest
   * node by its two children, in a binary heap of negated ids run exactly as CPython's
   * {@code heapq} runs it; the subtree at heap position i gets label i.
   */
  static int[] cut(Dendrogram tree, int k) {
    int m = tree.leafCount();
    int[] heap = new int[k];
    int len = 1;
    heap[0] = -(2 * m - 2);
    for (int step = 0; step < k - 1; step++) {
      int row = -heap[0] - m;
      heap[len] = -tree.left(row);
      siftDown(heap, 0, len);
      len++;
      int item = -tree.right(row);
      if (heap[0] < item) {
        heap[0] = item;
        siftUp(heap, 0, len);
      }
    }
    int[] labels = new int[m];
    int[] stack = new int[m];
    for (int i = 0; i < len; i++) {
      int top = 0;
      stack[top++] = -heap[i];
      while (top > 0) {
        int node = stack[--top];
        if (node < m) {
          labels[node] = i;
        } else {
          stack[top++] = tree.left(node - m);
          stack[top++] = tree.right(node - m);
        }
      }
    }
    return labels;
  }

  /** CPython's {@code heapq._siftdown}. */
  private static void siftDown(int[] heap, int start, int pos) {
    int item = heap[pos];
    while (pos > start) {
      int parent = (pos - 1) >> 1;
      if (item < heap[parent]) {
        heap[pos] = heap[parent];
        pos = parent;
      } else {
        break;
      }
    }
    heap[pos] = item;
  }

  /** CPython's {@code heapq._siftup}: the smaller child rises to a leaf, then the item sifts down. */
  private static void siftUp(int[] heap, int pos, int end) {
    int start = pos;
    int item = heap[pos];
    int child = 2 * pos + 1;
    while (child < end) {
      int right = child + 1;
      if (right < end && !(heap[child] < heap[right])) {
        child = right;
      }
      heap[pos] = heap[child];
      pos = child;
      child = 2 * pos + 1;
    }
    heap[pos] = item;
    siftDown(heap, start, pos);
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public int clusterCount() {
    return clusters;
  }

  @Override
  public int predict(double[] point) {
    Points.require(point, d);
    return subLabels[nearest(point)];
  }

  private int nearest(double[] x) {
    int best = 0;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      double dist = Euclid.squaredDistance(x, 0, subCenters, i * d, d);
      if (dist < bestDist) {
        bestDist = dist;
        best = i;
      }
    }
    return best;
  }

  @Override
  public double[] center(int label) {
    requireLabel(label);
    return Arrays.copyOfRange(centers, label * d, (label + 1) * d);
  }

  @Override
  public double weight(int label) {
    requireLabel(label);
    return weights[label];
  }

  private void requireLabel(int label) {
    if (label < 0 || label >= clusters) {
      throw new IllegalArgumentException("label " + label + " is not in [0, " + clusters + ")");
    }
  }

  /** The number of clusters asked for (scikit-learn's {@code n_clusters}); 0 for none. */
  public int k() {
    return k;
  }

  /** The subcluster threshold in effect when the model was taken (it grows when the tree is rebuilt). */
  public double threshold() {
    return threshold;
  }

  /** The number of subclusters, m. */
  public int subclusterCount() {
    return m;
  }

  /** The subcluster centres in leaf order (scikit-learn's {@code subcluster_centers_}), a new m x d array. */
  public double[][] subclusterCenters() {
    double[][] out = new double[m][];
    for (int i = 0; i < m; i++) {
      out[i] = Arrays.copyOfRange(subCenters, i * d, (i + 1) * d);
    }
    return out;
  }

  /** The number of points (total weight) of each subcluster, in leaf order; a new array. */
  public double[] subclusterWeights() {
    return subWeights.clone();
  }

  /** The cluster of each subcluster (scikit-learn's {@code subcluster_labels_}); a new array. */
  public int[] subclusterLabels() {
    return subLabels.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BirchModel other && d == other.d && k == other.k
        && Double.compare(threshold, other.threshold) == 0
        && Arrays.equals(subCenters, other.subCenters) && Arrays.equals(subWeights, other.subWeights)
        && Arrays.equals(subLabels, other.subLabels);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(subCenters) + Arrays.hashCode(subLabels);
  }

  @Override
  public String toString() {
    return "BirchModel[k=" + k + ", clusters=" + clusters + ", subclusters=" + m + ", d=" + d + "]";
  }

  /** Writes the subclusters and their labels; the cluster centres are derived again on reading. */
  static final StateCodec<BirchModel> CODEC = StateCodec.of("birch.model", 1, BirchModel.class,
      (model, out) -> {
        out.writeInt(model.d);
        out.writeInt(model.k);
        out.writeDouble(model.threshold);
        out.writeDoubles(model.subCenters);
        out.writeDoubles(model.subWeights);
        out.writeInts(model.subLabels);
      },
      (in, version) -> {
        int d = in.readInt(1, Integer.MAX_VALUE);
        int k = in.readInt(0, Integer.MAX_VALUE);
        double threshold = in.readDouble();
        double[] centres = in.readDoubles();
        double[] weights = in.readDoubles();
        int[] labels = in.readInts();
        int m = weights.length;
        if (!(threshold > 0) || threshold == Double.POSITIVE_INFINITY) {
          throw new ModelFormatException("birch model threshold " + threshold + " is not a finite value > 0");
        }
        if (m == 0 || centres.length != (long) m * d || labels.length != m) {
          throw new ModelFormatException("birch model has " + centres.length + " centre values, "
              + m + " weights and " + labels.length + " labels for d = " + d);
        }
        boolean[] used = new boolean[m];
        int clusters = 0;
        for (int i = 0; i < m; i++) {
          if (!Double.isFinite(weights[i]) || !(weights[i] > 0)) {
            throw new ModelFormatException("subcluster weight " + weights[i] + " is not a finite value > 0");
          }
          if (labels[i] < 0 || labels[i] >= m) {
            throw new ModelFormatException("subcluster label " + labels[i] + " is not in [0, " + m + ")");
          }
          used[labels[i]] = true;
          clusters = Math.max(clusters, labels[i] + 1);
        }
        for (int c = 0; c < clusters; c++) {
          if (!used[c]) {
            throw new ModelFormatException("cluster labels skip " + c);
          }
        }
        for (double v : centres) {
          if (!Double.isFinite(v)) {
            throw new ModelFormatException("subcluster centre value " + v + " is not finite");
          }
        }
        return new BirchModel(d, k, threshold, centres, weights, labels);
      });
}
