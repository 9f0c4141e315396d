package io.eddy.eval;

import io.eddy.ClusterModel;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The contingency table of a clustering against true classes: {@code count(i, j)} is the
 * number of points of class {@code classes()[i]} put in cluster {@code clusters()[j]}; and
 * the external indices computed from it: the Rand index, adjusted or not; mutual information,
 * normalized four ways or adjusted for chance; homogeneity, completeness and V-measure;
 * Fowlkes–Mallows; purity.
 *
 * <p>Classes and clusters are sorted by label. Predicted {@link ClusterModel#NOISE} labels
 * are handled by a {@link NoisePolicy} ({@link NoisePolicy#CLUSTER} by default, which is
 * what scikit-learn computes); under {@link NoisePolicy#SINGLETONS} each noise point is one
 * column, labelled NOISE.
 *
 * <p>Immutable and thread-safe. Building costs O(n log n) time and O(r·c) memory for r
 * classes and c clusters; each index then costs O(r·c), the adjusted mutual information
 * O(r·c·n) at worst. Values equal scikit-learn 1.2's ({@code adjusted_rand_score},
 * {@code rand_score}, {@code mutual_info_score}, {@code normalized_mutual_info_score} and
 * {@code adjusted_mutual_info_score} with each {@code average_method},
 * {@code homogeneity_completeness_v_measure}, {@code fowlkes_mallows_score}) to 1e-10.
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
   * The pairs of points by agreement, exact for any n: {@code {both together, together only
   * in the clustering, together only in the classes, both apart}}, as ordered pairs (each
   * unordered pair twice), scikit-learn's {@code pair_confusion_matrix} {C11, C01, C10, C00}.
   */
  private BigInteger[] pairCounts() {
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
    return new BigInteger[] {tp, fp, fn, tn};
  }

  /**
   * The adjusted Rand index (Hubert &amp; Arabie 1985): agreement over pairs of points,
   * corrected for chance. 1 for identical partitions, about 0 for independent ones, can be
   * negative. Computed from exact pair counts (no overflow for any n).
   */
  public double adjustedRand() {
    BigInteger[] pairs = pairCounts();
    BigInteger tp = pairs[0];
    BigInteger fp = pairs[1];
    BigInteger fn = pairs[2];
    BigInteger tn = pairs[3];
    if (fn.signum() == 0 && fp.signum() == 0) {
      return 1.0;
    }
    BigInteger num = tp.multiply(tn).subtract(fn.multiply(fp));
    BigInteger den = tp.add(fn).multiply(fn.add(tn)).add(tp.add(fp).multiply(fp.add(tn)));
    return 2.0 * num.doubleValue() / den.doubleValue();
  }

  /**
   * The Rand index (Rand 1971), not adjusted for chance: the share of pairs of points on which
   * the clustering and the classes agree (together in both or apart in both). In [0, 1]; 1
   * for identical partitions and, as scikit-learn's {@code rand_score}, for a single point.
   */
  public double rand() {
    BigInteger[] pairs = pairCounts();
    BigInteger agree = pairs[0].add(pairs[3]);
    BigInteger all = agree.add(pairs[1]).add(pairs[2]);
    if (all.signum() == 0 || agree.equals(all)) {
      return 1.0;
    }
    return agree.doubleValue() / all.doubleValue();
  }

  /**
   * The Fowlkes–Mallows index (1983): the geometric mean of pair precision and pair recall,
   * {@code TP / sqrt((TP + FP)(TP + FN))} over pairs of points. In [0, 1]; 0 when no pair is
   * together in both, as scikit-learn's {@code fowlkes_mallows_score}.
   */
  public double fowlkesMallows() {
    BigInteger[] pairs = pairCounts();
    BigInteger tp = pairs[0];
    if (tp.signum() == 0) {
      return 0.0;
    }
    double t = tp.doubleValue();
    return Math.sqrt(t / tp.add(pairs[1]).doubleValue()) * Math.sqrt(t / tp.add(pairs[2]).doubleValue());
  }

  private static BigInteger sumOfSquares(long[] v) {
    BigInteger s = BigInteger.ZERO;
    for (long x : v) {
      s = s.add(BigInteger.valueOf(x).multiply(BigInteger.valueOf(x)));
    }
    return s;
  }

  /**
   * How {@link #normalizedMutualInformation(Normalization)} and
   * {@link #adjustedMutualInformation(Normalization)} scale the mutual information: by a mean
   * of the two entropies, scikit-learn's {@code average_method}.
   */
  public enum Normalization {
    /** {@code (H(T) + H(C)) / 2}, scikit-learn's default. */
    ARITHMETIC,
    /** {@code sqrt(H(T) H(C))}. */
    GEOMETRIC,
    /** {@code min(H(T), H(C))}. */
    MIN,
    /** {@code max(H(T), H(C))}. */
    MAX;

    double of(double u, double v) {
      return switch (this) {
        case ARITHMETIC -> (u + v) / 2;
        case GEOMETRIC -> Math.sqrt(u * v);
        case MIN -> Math.min(u, v);
        case MAX -> Math.max(u, v);
      };
    }
  }

  /**
   * The mutual information {@code I(T; C)} between classes and clusters, in nats (natural
   * logarithms): scikit-learn's {@code mutual_info_score}. 0 for independent labelings.
   */
  public double mutualInformation() {
    long[] a = rowSums();
    long[] b = columnSums();
    int r = classes.length;
    int c = clusters.length;
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
    return Math.max(mi, 0.0);
  }

  /** The entropy of the classes, {@code H(T)}, in nats. */
  public double classEntropy() {
    return entropy(rowSums(), total);
  }

  /** The entropy of the clusters, {@code H(C)}, in nats. */
  public double clusterEntropy() {
    return entropy(columnSums(), total);
  }

  /**
   * The normalized mutual information with arithmetic normalization,
   * {@code I(T; C) / ((H(T) + H(C)) / 2)}, natural logarithms. 1 for identical partitions,
   * 0 for independent ones; 1 when both have a single label, 0 when exactly one does.
   */
  public double normalizedMutualInformation() {
    return normalizedMutualInformation(Normalization.ARITHMETIC);
  }

  /**
   * The normalized mutual information {@code I(T; C) / mean(H(T), H(C))} with the given mean:
   * scikit-learn's {@code normalized_mutual_info_score(average_method=...)}. 1 when both
   * labelings have a single label, 0 when the mutual information is 0.
   */
  public double normalizedMutualInformation(Normalization normalization) {
    requireNormalization(normalization);
    if (classes.length == 1 && clusters.length == 1) {
      return 1.0;
    }
    double mi = mutualInformation();
    if (mi <= 0) {
      return 0.0;
    }
    return mi / normalization.of(classEntropy(), clusterEntropy());
  }

  /**
   * The adjusted mutual information (Vinh, Epps &amp; Bailey 2010) with arithmetic
   * normalization, scikit-learn's default; see {@link #adjustedMutualInformation(Normalization)}.
   */
  public double adjustedMutualInformation() {
    return adjustedMutualInformation(Normalization.ARITHMETIC);
  }

  /**
   * The adjusted mutual information {@code (I - E[I]) / (mean(H(T), H(C)) - E[I])}, where
   * {@code E[I]} is the mutual information expected between random labelings with the same
   * class and cluster sizes (the hypergeometric model): scikit-learn's
   * {@code adjusted_mutual_info_score}. 1 for identical partitions, about 0 for independent
   * ones, can be negative; 1 when both labelings have a single label or every point is its
   * own class and cluster. Costs O(r·c·n) time in the worst case and O(n) memory.
   */
  public double adjustedMutualInformation(Normalization normalization) {
    requireNormalization(normalization);
    int r = classes.length;
    int c = clusters.length;
    if ((r == 1 && c == 1) || (r == total && c == total)) {
      return 1.0;
    }
    double mi = mutualInformation();
    double emi = expectedMutualInformation();
    double denominator = normalization.of(classEntropy(), clusterEntropy()) - emi;
    // As scikit-learn: keep the sign, never divide by less than one ulp of 1.
    denominator = denominator < 0 ? Math.min(denominator, -Math.ulp(1.0)) : Math.max(denominator, Math.ulp(1.0));
    return (mi - emi) / denominator;
  }

  /**
   * The expected mutual information under the hypergeometric model: for every class i,
   * cluster j and possible overlap m, the probability of that overlap times its term
   * {@code (m/n) log(n m / (a_i b_j))}. The probabilities come from log-factorials.
   */
  private double expectedMutualInformation() {
    long[] a = rowSums();
    long[] b = columnSums();
    int n = Math.toIntExact(total);
    double[] logFactorial = new double[n + 1];
    for (int v = 2; v <= n; v++) {
      logFactorial[v] = logFactorial[v - 1] + Math.log(v);
    }
    double logN = Math.log(n);
    double emi = 0;
    for (long ai : a) {
      for (long bj : b) {
        int lo = (int) Math.max(1, ai + bj - n);
        int hi = (int) Math.min(ai, bj);
        // The overlap-independent part of the log-probability.
        double fixed = logFactorial[(int) ai] + logFactorial[(int) bj] + logFactorial[(int) (n - ai)]
            + logFactorial[(int) (n - bj)] - logFactorial[n];
        double logAb = Math.log((double) ai) + Math.log((double) bj);
        for (int m = lo; m <= hi; m++) {
          double logP = fixed - logFactorial[m] - logFactorial[(int) (ai - m)] - logFactorial[(int) (bj - m)]
              - logFactorial[(int) (n - ai - bj + m)];
          emi += ((double) m / n) * (logN + Math.log(m) - logAb) * Math.exp(logP);
        }
      }
    }
    return emi;
  }

  /**
   * Homogeneity (Rosenberg &amp; Hirschberg 2007): {@code I(T; C) / H(T)}, 1 when every cluster
   * holds points of a single class; 1 when there is a single class.
   */
  public double homogeneity() {
    double h = classEntropy();
    return h == 0 ? 1.0 : mutualInformation() / h;
  }

  /**
   * Completeness: {@code I(T; C) / H(C)}, 1 when every class lies in a single cluster; 1 when
   * there is a single cluster.
   */
  public double completeness() {
    double h = clusterEntropy();
    return h == 0 ? 1.0 : mutualInformation() / h;
  }

  /** The V-measure with beta 1: the harmonic mean of homogeneity and completeness. */
  public double vMeasure() {
    return vMeasure(1.0);
  }

  /**
   * The V-measure {@code (1 + beta) h c / (beta h + c)}: scikit-learn's {@code v_measure_score};
   * beta &gt; 1 weighs completeness more, beta &lt; 1 homogeneity. 0 when both are 0.
   *
   * @param beta a finite weight &ge; 0
   * @throws IllegalArgumentException if beta is negative or not finite
   */
  public double vMeasure(double beta) {
    if (!(beta >= 0) || beta == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("beta is " + beta + ", expected a finite value >= 0");
    }
    double h = homogeneity();
    double c = completeness();
    return h + c == 0 ? 0.0 : (1 + beta) * h * c / (beta * h + c);
  }

  private static void requireNormalization(Normalization normalization) {
    if (normalization == null) {
      throw new IllegalArgumentException("normalization is null");
    }
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
