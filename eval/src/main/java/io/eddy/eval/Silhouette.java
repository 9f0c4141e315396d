package io.eddy.eval;

import io.eddy.ClusterModel;
import io.eddy.math.DistanceSums;
import io.eddy.math.Euclid;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The silhouette coefficient (Rousseeuw 1987): for each point, {@code s = (b - a) / max(a, b)}
 * where {@code a} is its mean Euclidean distance to the other points of its cluster and
 * {@code b} the smallest mean distance to the points of another cluster. The score is the
 * mean of {@code s} over the points; it lies in [-1, 1], higher is better.
 *
 * <p><b>Definition.</b> Exactly scikit-learn's ({@code silhouette_samples},
 * {@code silhouette_score}): a point alone in its cluster scores 0, and so does a point with
 * {@code a = b = 0}. {@link ClusterModel#NOISE} points are left out altogether (they neither
 * score nor count in other points' a and b) and are counted in the result. The values equal
 * scikit-learn 1.2's to 1e-10 on its bundled data sets.
 *
 * <p><b>Exact computation</b> ({@link #exact}, {@link #samples}): O(m²·d) time for m
 * clustered points, O(m·(d + threads)) extra memory (a cluster-major copy of the data and
 * one distance buffer per thread; the distance matrix is never formed). The work is split into fixed blocks of rows shared by
 * the threads; each row's sums are accumulated in an order fixed by the data alone and the
 * final mean is reduced in point order, so the result is bit-identical for any thread count.
 * The kernel is {@link DistanceSums}.
 *
 * <p><b>Estimates for large n.</b> {@link #sampled} computes the exact silhouette of a
 * uniform sample of points (each against all points, O(s·m·d)) and reports the mean with its
 * standard error. {@link #simplified} replaces the mean distances by distances to the
 * cluster means (Hruschka et al. 2004), O(m·k·d); it is a different index, useful for ranking.
 *
 * <p>Every method throws {@link IllegalArgumentException} naming the problem for: data that
 * are null, ragged, not finite or of fewer than 2 points; labels of the wrong length; all
 * points NOISE; fewer than 2 clustered points; fewer than 2 clusters; as many clusters as
 * clustered points. Inputs are not modified. All methods are thread-safe.
 *
 * <p>Any finite data are accepted: the silhouette is scale-invariant, so data beyond
 * {@link io.eddy.Points#MAX_ABS} are rescaled by a power of two (exactly) before the distances
 * are summed, and no distance overflows.
 */
public final class Silhouette {

  /** Rows per unit of work; fixed so that the partition does not depend on the thread count. */
  private static final int BLOCK = 64;

  /** Below this many distance evaluations, threads cost more than they save. */
  private static final long PARALLEL_THRESHOLD = 1L << 21;

  private Silhouette() {}

  /**
   * A silhouette score.
   *
   * @param score the mean silhouette of the scored points, in [-1, 1]
   * @param scored the number of points averaged (the clustered points)
   * @param noise the number of NOISE points left out
   */
  public record Result(double score, int scored, int noise) {}

  /**
   * A sampled silhouette estimate.
   *
   * @param score the mean silhouette of the sampled points: an unbiased estimate of the
   *     exact score
   * @param standardError its standard error, with the finite-population correction (0 when
   *     every point is sampled)
   * @param sampleSize the number of points sampled
   * @param population the number of clustered points sampled from
   * @param noise the number of NOISE points left out
   */
  public record Estimate(double score, double standardError, int sampleSize, int population, int noise) {}

  /** The exact silhouette using every available processor. */
  public static Result exact(double[][] data, int[] labels) {
    return exact(data, labels, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The exact silhouette.
   *
   * @param data n &ge; 2 finite points of one dimension; not modified
   * @param labels one label per point; not modified
   * @param threads the number of threads to use, &ge; 1 (the calling thread is one of them)
   */
  public static Result exact(double[][] data, int[] labels, int threads) {
    return mean(samples(data, labels, threads));
  }

  /** The mean of the non-NaN (clustered) values of {@code s}, in point order. */
  private static Result mean(double[] s) {
    double sum = 0;
    int scored = 0;
    for (double v : s) {
      if (!Double.isNaN(v)) {
        sum += v;
        scored++;
      }
    }
    return new Result(sum / scored, scored, s.length - scored);
  }

  /** The silhouette of each point using every available processor; see {@link #samples(double[][], int[], int)}. */
  public static double[] samples(double[][] data, int[] labels) {
    return samples(data, labels, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The silhouette of each point: scikit-learn's {@code silhouette_samples}.
   *
   * @param threads the number of threads to use, &ge; 1
   * @return a new array, one value per point, NaN for NOISE points
   */
  public static double[] samples(double[][] data, int[] labels, int threads) {
    requireThreads(threads);
    Labeling l = Labeling.forPartitionIndex(data, labels);
    data = Labeling.inRange(data);
    Layout layout = new Layout(data, l);
    int m = layout.m;
    double[] byPosition = new double[m];
    int[] positions = new int[m];
    for (int p = 0; p < m; p++) {
      positions[p] = p;
    }
    layout.score(positions, byPosition, threads);
    double[] out = new double[l.n];
    Arrays.fill(out, Double.NaN);
    for (int p = 0; p < m; p++) {
      out[layout.order[p]] = byPosition[p];
    }
    return out;
  }

  /**
   * The silhouette from a precomputed distance matrix, for any distance: scikit-learn's
   * {@code silhouette_score(distances, labels, metric="precomputed")}; see
   * {@link #precomputedSamples}.
   */
  public static Result precomputed(double[][] distances, int[] labels) {
    return mean(precomputedSamples(distances, labels));
  }

  /**
   * The silhouette of each point from a precomputed distance matrix: scikit-learn's
   * {@code silhouette_samples(distances, labels, metric="precomputed")}. Row i holds the
   * distances from point i, read as given (the matrix need not be symmetric). NOISE points are
   * left out as in {@link #samples}. O(n²) time on the calling thread, O(k) extra memory.
   *
   * @param distances an n &times; n matrix, finite, &ge; 0, with a zero diagonal; not modified
   * @param labels one label per point; not modified
   * @return a new array, one value per point, NaN for NOISE points
   * @throws IllegalArgumentException if the matrix is not square, has a negative or
   *     non-finite entry or a non-zero diagonal, or for the labels as {@link #samples}
   */
  public static double[] precomputedSamples(double[][] distances, int[] labels) {
    Labeling l = Labeling.forPartitionIndex(distances, labels);
    int n = l.n;
    for (int i = 0; i < n; i++) {
      double[] row = distances[i];
      if (row.length != n) {
        throw new IllegalArgumentException("distances has rows of length " + row.length + " for " + n
            + " points, expected a square matrix");
      }
      if (row[i] != 0) {
        throw new IllegalArgumentException("distances[" + i + "][" + i + "] is " + row[i] + ", expected 0");
      }
      for (int j = 0; j < n; j++) {
        if (row[j] < 0) {
          throw new IllegalArgumentException("distances[" + i + "][" + j + "] is " + row[j] + ", expected >= 0");
        }
      }
    }
    double[] out = new double[n];
    Arrays.fill(out, Double.NaN);
    double[] sums = new double[l.k];
    for (int i = 0; i < n; i++) {
      int own = l.index[i];
      if (own < 0) {
        continue;
      }
      Arrays.fill(sums, 0.0);
      double[] row = distances[i];
      for (int j = 0; j < n; j++) {
        int c = l.index[j];
        if (c >= 0) {
          sums[c] += row[j];
        }
      }
      out[i] = fromClusterSums(sums, 0, own, l.sizes);
    }
    return out;
  }

  /**
   * A silhouette estimate from {@code sampleSize} clustered points drawn uniformly without
   * replacement, each scored exactly against all points. Unlike scikit-learn's
   * {@code sample_size} (which scores a subsample against itself), the estimate is unbiased
   * and comes with its standard error. With {@code sampleSize} &ge; the clustered points it
   * is the exact value with error 0.
   *
   * @param sampleSize the number of points to score, &ge; 2
   * @param seed the seed of the sample
   * @param threads the number of threads to use, &ge; 1
   */
  public static Estimate sampled(double[][] data, int[] labels, int sampleSize, long seed, int threads) {
    requireThreads(threads);
    if (sampleSize < 2) {
      throw new IllegalArgumentException("sampleSize is " + sampleSize + ", expected at least 2");
    }
    Labeling l = Labeling.forPartitionIndex(data, labels);
    data = Labeling.inRange(data);
    Layout layout = new Layout(data, l);
    int m = layout.m;
    int s = Math.min(sampleSize, m);
    int[] pool = new int[m];
    for (int p = 0; p < m; p++) {
      pool[p] = p;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < s; i++) {
      int j = i + rng.nextInt(m - i);
      int t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    int[] chosen = Arrays.copyOf(pool, s);
    // Score in position order so that the work blocks are cache-friendly and the sum is fixed.
    Arrays.sort(chosen);
    double[] values = new double[s];
    layout.score(chosen, values, threads);
    double mean = SegmentProfiles.mean(values, s);
    double variance = SegmentProfiles.sumOfSquaredDeviations(values, s, mean) / (s - 1);
    double fpc = 1.0 - (double) s / m;
    double se = s == m ? 0.0 : Math.sqrt(variance / s * fpc);
    return new Estimate(mean, se, s, m, l.noise);
  }

  /** {@link #sampled(double[][], int[], int, long, int)} using every available processor. */
  public static Estimate sampled(double[][] data, int[] labels, int sampleSize, long seed) {
    return sampled(data, labels, sampleSize, seed, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The simplified (centroid) silhouette: as the silhouette, with {@code a} the distance
   * to the point's cluster mean and {@code b} the distance to the nearest other cluster
   * mean. A point alone in its cluster scores 0, as in the exact silhouette. O(m·k·d) time
   * and O(k·d) memory, on the calling thread.
   */
  public static Result simplified(double[][] data, int[] labels) {
    Labeling l = Labeling.forPartitionIndex(data, labels);
    data = Labeling.inRange(data);
    int d = data[0].length;
    double[] means = l.means(data);
    double sum = 0;
    for (int i = 0; i < l.n; i++) {
      int own = l.index[i];
      if (own < 0 || l.sizes[own] == 1) {
        continue;
      }
      double a = Math.sqrt(Euclid.squaredDistance(data[i], 0, means, own * d, d));
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < l.k; c++) {
        if (c != own) {
          b = Math.min(b, Euclid.squaredDistance(data[i], 0, means, c * d, d));
        }
      }
      b = Math.sqrt(b);
      sum += pointScore(a, b);
    }
    return new Result(sum / l.clustered(), l.clustered(), l.noise);
  }

  /**
   * A point's silhouette from its distance sums to each cluster, {@code sums[off .. off+k)}:
   * 0 alone in its cluster, else from a (mean to its own cluster, itself excluded) and b
   * (smallest mean to another cluster).
   */
  private static double fromClusterSums(double[] sums, int off, int own, int[] sizes) {
    if (sizes[own] == 1) {
      return 0.0;
    }
    double a = sums[off + own] / (sizes[own] - 1);
    double b = Double.POSITIVE_INFINITY;
    for (int c = 0; c < sizes.length; c++) {
      if (c != own) {
        b = Math.min(b, sums[off + c] / sizes[c]);
      }
    }
    return pointScore(a, b);
  }

  /** A point's silhouette from a and b, with scikit-learn's 0 for 0/0. */
  private static double pointScore(double a, double b) {
    double max = Math.max(a, b);
    return max > 0 ? (b - a) / max : 0.0;
  }

  private static void requireThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads is " + threads + ", expected at least 1");
    }
  }

  /** The clustered points, cluster-major and column-major, as {@link DistanceSums} wants them. */
  private static final class Layout {
    final int m;
    final int d;
    final int k;
    /** Feature f of the point at position p is {@code cols[f][p]}. */
    final double[][] cols;
    final int[] start;
    final int[] sizes;
    /** The original index of the point at each position. */
    final int[] order;
    /** The cluster of the point at each position. */
    final int[] cluster;

    Layout(double[][] data, Labeling l) {
      m = l.clustered();
      d = data[0].length;
      k = l.k;
      sizes = l.sizes;
      start = new int[k + 1];
      for (int c = 0; c < k; c++) {
        start[c + 1] = start[c] + sizes[c];
      }
      int[] next = Arrays.copyOf(start, k);
      order = new int[m];
      cluster = new int[m];
      for (int i = 0; i < l.n; i++) {
        int c = l.index[i];
        if (c >= 0) {
          int p = next[c]++;
          order[p] = i;
          cluster[p] = c;
        }
      }
      cols = new double[d][m];
      for (int p = 0; p < m; p++) {
        double[] x = data[order[p]];
        for (int f = 0; f < d; f++) {
          cols[f][p] = x[f];
        }
      }
    }

    /** Writes the silhouette of the point at {@code positions[i]} into {@code out[i]}. */
    void score(int[] positions, double[] out, int threads) {
      int blocks = (positions.length + BLOCK - 1) / BLOCK;
      int workers = (int) Math.min(threads, blocks);
      if ((long) positions.length * m * d < PARALLEL_THRESHOLD) {
        workers = 1;
      }
      AtomicInteger nextBlock = new AtomicInteger();
      Runnable work = () -> {
        double[] xs = new double[BLOCK * d];
        double[] buf = new double[m];
        double[] sums = new double[BLOCK * k];
        for (int b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
          int from = b * BLOCK;
          int count = Math.min(positions.length, from + BLOCK) - from;
          DistanceSums.clusterSums(cols, positions, from, count, start, k, xs, buf, sums);
          for (int r = 0; r < count; r++) {
            out[from + r] = scoreOne(positions[from + r], sums, r * k);
          }
        }
      };
      if (workers == 1) {
        work.run();
        return;
      }
      Thread[] helpers = new Thread[workers - 1];
      for (int t = 0; t < helpers.length; t++) {
        helpers[t] = new Thread(work, "eddy-silhouette-" + t);
        helpers[t].setDaemon(true);
        helpers[t].start();
      }
      work.run();
      boolean interrupted = false;
      for (Thread h : helpers) {
        while (true) {
          try {
            h.join();
            break;
          } catch (InterruptedException e) {
            // The helpers write into arrays we are about to return: wait for them regardless.
            interrupted = true;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    /** The silhouette of the point at position p from its cluster sums {@code sums[off .. off+k)}. */
    private double scoreOne(int p, double[] sums, int off) {
      return fromClusterSums(sums, off, cluster[p], sizes);
    }
  }
}
