package io.eddy.eval;

import io.eddy.ClusterModel;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The contingency table of a clustering against true classes: {@code count(i, j)} is the
 * number of points of class {@code classes()[i]} put in cluster {@code clusters()[j]}; and
 * the external indices computed from it: adjusted Rand index, normalized mutual information
 * and purity.
 *
 * <p>Classes and clusters are sorted by label. Predicted {@link ClusterModel#NOISE} labels
 * are handled by a {@link NoisePolicy} ({@link NoisePolicy#CLUSTER} by default, which is
 * what scikit-learn computes); under {@link NoisePolicy#SINGLETONS} each noise point is one
 * column, labelled NOISE.
 *
 * <p>Immutable and thread-safe. Building costs O(n log n) time and O(r·c) memory for r
 * classes and c clusters; each index then costs O(r·c). Values equal scikit-learn 1.2's
 * {@code adjusted_rand_score} and {@code normalized_mutual_info_score} (arithmetic
 * normalization, its default) to 1e-10 relative.
 */
public final class ContingencyTable {

  private final int[] classes;
  private final int[] clusters;
  private final long[] counts;
  private final long total;
  private final int excluded;

  private ContingencyTable(int[] classes, int[] clusters, long[] counts, long total, int excluded) {
    this.classes = classes;
    this.clusters = clusters;
    this.counts = counts;
    this.total = total;
    this.excluded = excluded;
  }

  /** The table with the default {@link NoisePolicy#CLUSTER}. */
  public static ContingencyTable of(int[] truth, int[] predicted) {
    return of(truth, predicted, NoisePolicy.CLUSTER);
  }

  /**
   * The table of {@code predicted} against {@code truth}.
   *
   * @param truth the true class of each point, any integers; not modified
   * @param predicted the cluster of each point, NOISE allowed; not modified
   * @param policy what NOISE in {@code predicted} means
   * @throws IllegalArgumentException if an array is null, the lengths differ, there are no
   *     points, or every point is NOISE under {@link NoisePolicy#EXCLUDE}
   */
  public static ContingencyTable of(int[] truth, int[] predicted, NoisePolicy policy) {
    if (truth == null || predicted == null) {
      throw new IllegalArgumentException((truth == null ? "truth" : "predicted") + " is null");
    }
    if (policy == null) {
      throw new IllegalArgumentException("policy is null");
    }
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException("predicted has length " + predicted.length
          + ", expected one label per true label (" + truth.length + ")");
    }
    if (truth.length == 0) {
      throw new IllegalArgumentException("labels have 0 points, expected at least 1");
    }
    int n = truth.length;
    int noise = 0;
    for (int p : predicted) {
      if (p == ClusterModel.NOISE) {
        noise++;
      }
    }
    if (policy == NoisePolicy.EXCLUDE && noise == n) {
      throw new IllegalArgumentException("all " + n + " points are NOISE, nothing left to compare");
    }
    boolean split = policy != NoisePolicy.CLUSTER;
    // Compact the labels; noise points are counted out of the predicted distinct labels
    // when they are split off (singletons, or excluded).
    int[] kept = new int[split ? n - noise : n];
    int[] keptTruth = new int[kept.length];
    for (int i = 0, m = 0; i < n; i++) {
      if (!split || predicted[i] != ClusterModel.NOISE) {
        kept[m] = predicted[i];
        keptTruth[m++] = truth[i];
      }
    }
    int[] classLabels = distinct(policy == NoisePolicy.EXCLUDE ? keptTruth : truth);
    int[] clusterLabels = distinct(kept);
    int singles = policy == NoisePolicy.SINGLETONS ? noise : 0;
    int r = classLabels.length;
    int c = clusterLabels.length + singles;
    long[] counts = new long[r * c];
    int nextSingle = clusterLabels.length;
    for (int i = 0; i < n; i++) {
      boolean isNoise = predicted[i] == ClusterModel.NOISE;
      if (isNoise && policy == NoisePolicy.EXCLUDE) {
        continue;
      }
      int row = Arrays.binarySearch(classLabels, truth[i]);
      int col = isNoise && split ? nextSingle++ : Arrays.binarySearch(clusterLabels, predicted[i]);
      counts[row * c + col]++;
    }
    int[] columns = Arrays.copyOf(clusterLabels, c);
    Arrays.fill(columns, clusterLabels.length, c, ClusterModel.NOISE);
    int excluded = policy == NoisePolicy.EXCLUDE ? noise : 0;
    return new ContingencyTable(classLabels, columns, counts, n - excluded, excluded);
  }

  private static int[] distinct(int[] labels) {
    int[] s = labels.clone();
    Arrays.sort(s);
    int u = 0;
    for (int i = 0; i < s.length; i++) {
      if (i == 0 || s[i] != s[i - 1]) {
        s[u++] = s[i];
      }
    }
    return Arrays.copyOf(s, u);
  }

  /** The true classes (rows), increasing; a copy. */
  public int[] classes() {
    return classes.clone();
  }

  /** The clusters (columns), increasing, then one NOISE column per singleton; a copy. */
  public int[] clusters() {
    return clusters.clone();
  }

  /** The number of points of class row {@code row} in cluster column {@code column}. */
  public long count(int row, int column) {
    if (row < 0 || row >= classes.length || column < 0 || column >= clusters.length) {
      throw new IndexOutOfBoundsException("cell (" + row + ", " + column + ") outside a "
          + classes.length + " x " + clusters.length + " table");
    }
    return counts[row * clusters.length + column];
  }

  /** The number of points in the table (excluded NOISE points not counted). */
  public long total() {
    return total;
  }

  /** The number of NOISE points left out under {@link NoisePolicy#EXCLUDE}, else 0. */
  public int excluded() {
    return excluded;
  }

  private long[] rowSums() {
    int c = clusters.length;
    long[] out = new long[classes.length];
    for (int i = 0; i < classes.length; i++) {
      for (int j = 0; j < c; j++) {
        out[i] += counts[i * c + j];
      }
    }
    return out;
  }

  private long[] columnSums() {
    int c = clusters.length;
    long[] out = new long[c];
    for (int i = 0; i < classes.length; i++) {
      for (int j = 0; j < c; j++) {
        out[j] += counts[i * c + j];
      }
    }
    return out;
  }

  /**
   * The adjusted Rand index (Hubert &amp; Arabie 1985): agreement over pairs of points,
   * corrected for chance. 1 for identical partitions, about 0 for independent ones, can be
   * negative. Computed from exact pair counts (no overflow for any n).
   */
  public double adjustedRand() {
    BigInteger squares = BigInteger.ZERO;
    for (long v : counts) {
      squares = squares.add(BigInteger.valueOf(v).multiply(BigInteger.valueOf(v)));
    }
    BigInteger rowSquares = sumOfSquares(rowSums());
    BigInteger colSquares = sumOfSquares(columnSums());
    BigInteger n = BigInteger.valueOf(total);
    BigInteger tp = squares.subtract(n);
    BigInteger fp = colSquares.subtract(squares);
    BigInteger fn = rowSquares.subtract(squares);
    BigInteger tn = n.multiply(n).subtract(fp).subtract(fn).subtract(squares);
    if (fn.signum() == 0 && fp.signum() == 0) {
      return 1.0;
    }
    BigInteger num = tp.multiply(tn).subtract(fn.multiply(fp));
    BigInteger den = tp.add(fn).multiply(fn.add(tn)).add(tp.add(fp).multiply(fp.add(tn)));
    return 2.0 * num.doubleValue() / den.doubleValue();
  }

  private static BigInteger sumOfSquares(long[] v) {
    BigInteger s = BigInteger.ZERO;
    for (long x : v) {
      s = s.add(BigInteger.valueOf(x).multiply(BigInteger.valueOf(x)));
    }
    return s;
  }

  /**
   * The normalized mutual information with arithmetic normalization,
   * {@code I(T; C) / ((H(T) + H(C)) / 2)}, natural logarithms. 1 for identical partitions,
   * 0 for independent ones; 1 when both have a single label, 0 when exactly one does.
   */
  public double normalizedMutualInformation() {
    long[] a = rowSums();
    long[] b = columnSums();
    int r = classes.length;
    int c = clusters.length;
    if (r == 1 && c == 1) {
      return 1.0;
    }
    if (r == 1 || c == 1) {
      return 0.0;
    }
    double n = total;
    double logN = Math.log(n);
    double mi = 0;
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        long v = counts[i * c + j];
        if (v != 0) {
          double p = v / n;
          double logOuter = -Math.log((double) (a[i] * b[j])) + logN + logN;
          double term = p * (Math.log(v) - logN) + p * logOuter;
          if (Math.abs(term) >= Math.ulp(1.0)) {
            mi += term;
          }
        }
      }
    }
    if (mi <= 0) {
      return 0.0;
    }
    double normalizer = (entropy(a, n) + entropy(b, n)) / 2;
    return mi / normalizer;
  }

  private static double entropy(long[] sums, double n) {
    double logN = Math.log(n);
    double h = 0;
    for (long s : sums) {
      if (s > 0) {
        h -= (s / n) * (Math.log(s) - logN);
      }
    }
    return h;
  }

  /**
   * The purity: the share of points that belong to the majority class of their cluster.
   * In (0, 1]; 1 when every cluster is pure. It rewards many small clusters, so read it
   * beside ARI or NMI.
   */
  public double purity() {
    int c = clusters.length;
    long sum = 0;
    for (int j = 0; j < c; j++) {
      long best = 0;
      for (int i = 0; i < classes.length; i++) {
        best = Math.max(best, counts[i * c + j]);
      }
      sum += best;
    }
    return (double) sum / total;
  }

  /** The table as text: one line per class, one column per cluster. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("class\\cluster");
    for (int label : clusters) {
      sb.append('\t').append(label == ClusterModel.NOISE ? "NOISE" : Integer.toString(label));
    }
    int c = clusters.length;
    for (int i = 0; i < classes.length; i++) {
      sb.append('\n').append(classes[i]);
      for (int j = 0; j < c; j++) {
        sb.append('\t').append(counts[i * c + j]);
      }
    }
    return sb.toString();
  }
}
