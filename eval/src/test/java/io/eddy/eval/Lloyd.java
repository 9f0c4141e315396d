package io.eddy.eval;

import io.eddy.Clusterer;
import io.eddy.Points;
import io.eddy.kmeans.Centroids;
import io.eddy.math.Euclid;

/**
 * A minimal batch k-means for the tests: farthest-point seeding from the first point, then
 * Lloyd iterations until the labels stop changing. Deterministic, no randomness.
 */
final class Lloyd implements Clusterer<Centroids> {

  final int k;

  Lloyd(int k) {
    this.k = k;
  }

  @Override
  public Centroids fit(double[][] data) {
    int d = Points.requireData(data);
    int n = data.length;
    double[] centers = new double[k * d];
    System.arraycopy(data[0], 0, centers, 0, d);
    double[] nearest = new double[n];
    java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (int c = 1; c < k; c++) {
      int far = 0;
      for (int i = 0; i < n; i++) {
        nearest[i] = Math.min(nearest[i], Euclid.squaredDistance(data[i], 0, centers, (c - 1) * d, d));
        if (nearest[i] > nearest[far]) {
          far = i;
        }
      }
      System.arraycopy(data[far], 0, centers, c * d, d);
    }
    int[] labels = new int[n];
    java.util.Arrays.fill(labels, -1);
    double[] weights = new double[k];
    for (int iter = 0; iter < 300; iter++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        int c = Euclid.nearest(data[i], centers, k);
        changed |= c != labels[i];
        labels[i] = c;
      }
      double[] sums = new double[k * d];
      java.util.Arrays.fill(weights, 0);
      for (int i = 0; i < n; i++) {
        weights[labels[i]]++;
        for (int j = 0; j < d; j++) {
          sums[labels[i] * d + j] += data[i][j];
        }
      }
      for (int c = 0; c < k; c++) {
        if (weights[c] > 0) {
          for (int j = 0; j < d; j++) {
            centers[c * d + j] = sums[c * d + j] / weights[c];
          }
        }
      }
      if (!changed) {
        break;
      }
    }
    return new Centroids(centers, d, weights);
  }
}
