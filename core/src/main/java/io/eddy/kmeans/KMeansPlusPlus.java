package io.eddy.kmeans;

import io.eddy.Points;
import io.eddy.math.Euclid;
import java.util.SplittableRandom;

/**
 * Greedy k-means++ seeding: chooses k initial centers among the data points so that they are
 * spread out, with an expected cost within O(log k) of the optimum.
 *
 * <p>The first center is a point drawn with probability proportional to its weight. Each
 * further center is chosen greedily: {@code 2 + floor(ln k)} candidates are drawn with
 * probability proportional to weight × squared distance to the nearest center chosen so far
 * (the D² weighting of Arthur and Vassilvitskii), and the candidate that most reduces the
 * total weighted squared distance is kept. This is the variant scikit-learn uses; like
 * scikit-learn from version 1.3, the draws honour sample weights.
 *
 * <p>If the data have fewer distinct points of positive weight than k, some centers repeat;
 * callers that cannot accept that check beforehand ({@link KMeans} does).
 *
 * <p>Cost: O(n·k·d·(2 + ln k)) time at worst and O(n·(3 + ln k)) extra memory. A candidate's
 * distance to a point is skipped when the triangle inequality shows that the candidate cannot
 * come closer than the point's current center (its squared distance to that center is at least
 * four times the point's), which leaves the result unchanged and saves most of the work once a
 * few centers are chosen. Stateless and
 * thread-safe; all randomness comes from the generator passed in.
 *
 * <p>References: D. Arthur and S. Vassilvitskii, "k-means++: The advantages of careful
 * seeding", SODA 2007 (the greedy variant is discussed in its section 6).
 */
public final class KMeansPlusPlus {

  private KMeansPlusPlus() {}

  /**
   * The number of candidates tried for each center after the first: {@code 2 + floor(ln k)}.
   */
  public static int localTrials(int k) {
    return 2 + (int) Math.log(k);
  }

  /**
   * Chooses k initial centers among the rows of {@code data}.
   *
   * @param data n points of dimension d, finite; not modified
   * @param weights one finite non-negative weight per point with a positive sum, or
   *     {@code null} for all ones; not modified
   * @param k the number of centers, 1 &le; k &le; n
   * @param rng the source of randomness; advanced
   * @return the centers, row-major in a new array of length k·d
   * @throws IllegalArgumentException if the data, the weights or k are invalid
   */
  public static double[] centers(double[][] data, double[] weights, int k, SplittableRandom rng) {
    int d = Points.requireData(data);
    int n = data.length;
    if (weights != null) {
      Points.requireWeights(weights, n);
    }
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k is " + k + ", expected in [1, " + n + "] (the number of points)");
    }
    double[] x = flatten(data, d);
    try (Chunks chunks = new Chunks(n, localTrials(k), 1)) {
      return centers(x, n, d, weights == null ? ones(n) : weights, k, rng, chunks);
    }
  }

  static double[] flatten(double[][] data, int d) {
    double[] x = new double[data.length * d];
    for (int i = 0; i < data.length; i++) {
      System.arraycopy(data[i], 0, x, i * d, d);
    }
    return x;
  }

  static double[] ones(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    return w;
  }

  /**
   * The seeding on flat data, with the distance passes spread over {@code chunks}; the result
   * does not depend on the number of threads.
   */
  static double[] centers(double[] x, int n, int d, double[] w, int k, SplittableRandom rng,
      Chunks chunks) {
    final int trials = localTrials(k);
    double[] centers = new double[k * d];
    double[] cum = new double[n];

    double acc = 0;
    for (int i = 0; i < n; i++) {
      acc += w[i];
      cum[i] = acc;
    }
    int first = search(cum, rng.nextDouble() * acc);
    System.arraycopy(x, first * d, centers, 0, d);
    if (k == 1) {
      return centers;
    }

    double[] closest = new double[n];
    // The chosen center each point is closest to: with the distances between a candidate and
    // the chosen centers it lets the triangle inequality skip most distance computations.
    int[] owner = new int[n];
    chunks.forEach(c -> {
      for (int i = chunks.start(c), end = chunks.end(c); i < end; i++) {
        closest[i] = Euclid.squaredDistance(x, i * d, centers, 0, d);
      }
    });

    double[] candidate = new double[trials * n];
    int[] ids = new int[trials];
    double[] toCenters = new double[trials * k];
    double[] partial = new double[chunks.count * trials];
    for (int center = 1; center < k; center++) {
      acc = 0;
      for (int i = 0; i < n; i++) {
        acc += w[i] * closest[i];
        cum[i] = acc;
      }
      for (int t = 0; t < trials; t++) {
        ids[t] = search(cum, rng.nextDouble() * acc);
        for (int j = 0; j < center; j++) {
          toCenters[t * k + j] = Euclid.squaredDistance(x, ids[t] * d, centers, j * d, d);
        }
      }
      java.util.Arrays.fill(partial, 0.0);
      chunks.forEach(c -> {
        int base = c * trials;
        // One pass over the chunk's points for all candidates: each point is read from memory
        // once per center instead of once per candidate. Each candidate's potential is still
        // summed over the points in order.
        for (int i = chunks.start(c), end = chunks.end(c); i < end; i++) {
          int xo = i * d;
          double ci = closest[i];
          double wi = w[i];
          int a = owner[i];
          for (int t = 0; t < trials; t++) {
            double m = ci;
            // |x - cand| >= |cand - c_a| - |x - c_a| >= |x - c_a| when |cand - c_a|² >= 4|x - c_a|²:
            // the candidate cannot come closer than the point's current center (the factor
            // 4.0000001 keeps rounding on the safe side).
            if (toCenters[t * k + a] < 4.0000001 * ci) {
              double dist = Euclid.squaredDistance(x, xo, x, ids[t] * d, d);
              if (dist < ci) {
                m = dist;
              }
            }
            candidate[t * n + i] = m;
            partial[base + t] += wi * m;
          }
        }
      });
      int best = 0;
      double bestPot = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        double pot = 0;
        for (int c = 0; c < chunks.count; c++) {
          pot += partial[c * trials + t];
        }
        if (pot < bestPot) {
          bestPot = pot;
          best = t;
        }
      }
      final int row = best * n;
      final int chosen = center;
      chunks.forEach(c -> {
        for (int i = chunks.start(c), end = chunks.end(c); i < end; i++) {
          double v = candidate[row + i];
          if (v < closest[i]) {
            closest[i] = v;
            owner[i] = chosen;
          }
        }
      });
      System.arraycopy(x, ids[best] * d, centers, center * d, d);
    }
    return centers;
  }

  /**
   * The first index whose cumulative mass exceeds {@code r}, so that points of zero mass are
   * never drawn; the last index if none does (all mass zero).
   */
  private static int search(double[] cum, double r) {
    int lo = 0;
    int hi = cum.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] > r) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
