package io.eddy.kmeans;

import io.eddy.math.Euclid;

/** Distances between centers, for the bounds of Hamerly's and Elkan's algorithms. */
final class CenterDistances {

  private CenterDistances() {}

  /**
   * Writes half the Euclidean distance between every pair of centers into {@code halfPair}
   * (k·k, symmetric, zero diagonal) and, for each center, the least of those to another center
   * into {@code half} ({@code +inf} when k = 1).
   */
  static void halfPairs(double[] centers, int k, int d, double[] halfPair, double[] half) {
    java.util.Arrays.fill(half, Double.POSITIVE_INFINITY);
    for (int a = 0; a < k; a++) {
      halfPair[a * k + a] = 0;
      for (int b = a + 1; b < k; b++) {
        double h = 0.5 * Math.sqrt(Euclid.squaredDistance(centers, a * d, centers, b * d, d));
        halfPair[a * k + b] = h;
        halfPair[b * k + a] = h;
        if (h < half[a]) {
          half[a] = h;
        }
        if (h < half[b]) {
          half[b] = h;
        }
      }
    }
  }

  /** Writes half the distance from each center to its nearest other center into {@code half}. */
  static void halfToNearest(double[] centers, int k, int d, double[] half) {
    java.util.Arrays.fill(half, Double.POSITIVE_INFINITY);
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        double h = 0.5 * Math.sqrt(Euclid.squaredDistance(centers, a * d, centers, b * d, d));
        if (h < half[a]) {
          half[a] = h;
        }
        if (h < half[b]) {
          half[b] = h;
        }
      }
    }
  }
}
