package io.eddy.online;

import io.eddy.kmeans.Centroids;
import io.eddy.kmeans.KMeans;
import java.util.Arrays;

/**
 * What CluStream and StreamKM++ share: the offline weighted k-means on their summary's points
 * and the checks before merging two summaries.
 */
final class StreamSummaries {

  private StreamSummaries() {}

  /**
   * Weighted k-means (greedy k-means++ seeding, Lloyd, best of nInit runs, one thread) on the
   * summary's points.
   *
   * @throws IllegalStateException if fewer than k of the points are distinct
   */
  static Centroids cluster(String name, double[][] points, double[] weights, int k, int nInit, long seed,
      long seen) {
    if (distinct(points, k) < k) {
      throw new IllegalStateException(name + " needs " + k + " distinct summary points, has "
          + points.length + " summary points after " + seen + " points");
    }
    return new KMeans(KMeans.Params.DEFAULTS.withK(k).withNInit(nInit).withThreads(1).withSeed(seed))
        .fit(points, weights).centroids();
  }

  /** The number of distinct rows, counted up to {@code enough}. */
  private static int distinct(double[][] rows, int enough) {
    return distinct(rows, null, enough);
  }

  /**
   * The number of distinct rows of positive weight (every row if {@code weights} is null),
   * counted up to {@code enough}. O(n·enough·d).
   */
  static int distinct(double[][] rows, double[] weights, int enough) {
    int found = 0;
    for (int i = 0; i < rows.length && found < enough; i++) {
      boolean repeat = weights != null && !(weights[i] > 0);
      for (int j = 0; j < i && !repeat; j++) {
        repeat = (weights == null || weights[j] > 0) && Arrays.equals(rows[i], rows[j]);
      }
      found += repeat ? 0 : 1;
    }
    return found;
  }

  /**
   * Checks that {@code other} can be merged into {@code self}: another instance, of equal
   * parameters and, once both have one, equal dimension.
   *
   * @return whether the other has learned anything (a dimension)
   * @throws IllegalArgumentException if not
   */
  static boolean requireMergeable(String name, Object self, Object other, Object params, Object otherParams,
      int d, int otherD) {
    if (other == null || other == self) {
      throw new IllegalArgumentException("cannot merge with " + (other == null ? "null" : "itself"));
    }
    if (!otherParams.equals(params)) {
      throw new IllegalArgumentException("cannot merge " + name + " with other parameters: " + otherParams
          + " into " + params);
    }
    if (d != 0 && otherD != 0 && otherD != d) {
      throw new IllegalArgumentException("cannot merge dimension " + otherD + " into dimension " + d);
    }
    return otherD != 0;
  }

  /**
   * The checks of {@link io.eddy.Mergeable#takePart} for a summary, after the interface's own:
   * the arguments as {@link #requireMergeable}, and whether {@code merged} can be split,
   * having a clustering.
   *
   * @throws IllegalArgumentException if the arguments are invalid
   */
  static boolean splittable(String name, Object self, Object merged, Object params, Object mergedParams, int d,
      int mergedD, java.util.function.Supplier<?> snapshot) {
    return requireMergeable(name, self, merged, params, mergedParams, d, mergedD) && clusters(snapshot);
  }

  /**
   * Whether {@code snapshot} succeeds: the offline clustering throws
   * {@link IllegalStateException} while fewer than k distinct centres summarise the stream.
   */
  static boolean clusters(java.util.function.Supplier<?> snapshot) {
    try {
      snapshot.get();
      return true;
    } catch (IllegalStateException tooFewDistinctCentres) {
      return false;
    }
  }
}
