package io.eddy.online;

import java.util.Arrays;

/**
 * Macro clusters summarised from their micro-clusters: the weight is the sum of the members'
 * weights and the centre their weighted mean, ordered by label; and the label of every
 * micro-cluster ({@link io.eddy.ClusterModel#NOISE} outside every macro cluster).
 */
record MacroClusters(int[] labels, double[] centers, double[] weights, int[] microLabels) {

  /**
   * @param microCenters m centres of dimension d, row-major
   * @param microWeights the weight of each micro-cluster
   * @param component the component of each micro-cluster, or -1
   * @param componentLabels the label of each component
   */
  static MacroClusters of(double[] microCenters, int d, double[] microWeights, int[] component,
      int m, int components, int[] componentLabels) {
    Integer[] order = new Integer[components];
    for (int c = 0; c < components; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (x, y) -> Integer.compare(componentLabels[x], componentLabels[y]));
    int[] rank = new int[components];
    int[] labels = new int[components];
    for (int k = 0; k < components; k++) {
      rank[order[k]] = k;
      labels[k] = componentLabels[order[k]];
    }
    double[] sums = new double[components * d];
    double[] weights = new double[components];
    for (int i = 0; i < m; i++) {
      int c = component[i];
      if (c < 0) {
        continue;
      }
      int k = rank[c];
      double w = microWeights[i];
      weights[k] += w;
      for (int j = 0; j < d; j++) {
        sums[k * d + j] += w * microCenters[i * d + j];
      }
    }
    for (int k = 0; k < components; k++) {
      for (int j = 0; j < d; j++) {
        sums[k * d + j] /= weights[k];
      }
    }
    int[] microLabels = new int[m];
    for (int i = 0; i < m; i++) {
      microLabels[i] = component[i] < 0 ? io.eddy.ClusterModel.NOISE : componentLabels[component[i]];
    }
    return new MacroClusters(labels, sums, weights, microLabels);
  }

  /**
   * The index of {@code label} in the increasing {@code labels}.
   *
   * @throws IllegalArgumentException if it is not one of them
   */
  static int indexOfLabel(int[] labels, int label) {
    int i = Arrays.binarySearch(labels, label);
    if (i < 0) {
      throw new IllegalArgumentException("label " + label + " is not one of " + Arrays.toString(labels));
    }
    return i;
  }
}
