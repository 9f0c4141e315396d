package io.eddy.online;

import java.util.Arrays;

/**
 * Macro clusters summarised from their micro-clusters: the weight is the sum of the members'
 * weights and the centre their weighted mean, ordered by label.
 */
record MacroClusters(int[] labels, double[] centers, double[] weights) {

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
    return new MacroClusters(labels, sums, weights);
  }
}
