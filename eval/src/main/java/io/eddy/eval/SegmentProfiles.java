package io.eddy.eval;

import io.eddy.ClusterModel;
import io.eddy.Points;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Who is in each segment: per cluster its size, its share of all points and, per feature,
 * the mean, standard deviation, minimum, quartiles and maximum, in the original units when
 * given the inverse of the scaling the clusterer saw.
 *
 * <pre>{@code
 * // scaler: an io.eddy.features.StandardScaler fitted on the raw data
 * SegmentProfiles p = SegmentProfiles.of(scaledData, model.predict(scaledData),
 *     scaler::inverseTransform, List.of("recency", "frequency", "monetary"));
 * System.out.println(p);
 * }</pre>
 *
 * <p>Conventions: the standard deviation is the population one (divisor n, numpy's default);
 * quartiles interpolate linearly between order statistics (numpy's default
 * {@code percentile}, type 7 of Hyndman &amp; Fan). Points labelled
 * {@link ClusterModel#NOISE} form a segment of their own, labelled NOISE. Segments are in
 * increasing label order (NOISE first) and shares are of all points.
 *
 * <p>Immutable. Building costs O(n·d·log n) time and O(n·d) memory (a copy of the points
 * grouped by segment, in original units). Values equal numpy's to 1e-10 relative.
 */
public final class SegmentProfiles {

  /**
   * One feature within one segment.
   *
   * @param mean the mean
   * @param std the population standard deviation
   * @param min the smallest value
   * @param q1 the first quartile
   * @param median the median
   * @param q3 the third quartile
   * @param max the largest value
   */
  public record FeatureSummary(double mean, double std, double min, double q1, double median, double q3, double max) {}

  /**
   * One segment.
   *
   * @param label its label (NOISE for the noise points)
   * @param size its number of points
   * @param share size divided by the number of points
   * @param features one summary per feature, in feature order
   */
  public record Profile(int label, int size, double share, List<FeatureSummary> features) {}

  private final List<Profile> profiles;
  private final List<String> featureNames;
  private final int n;

  private SegmentProfiles(List<Profile> profiles, List<String> featureNames, int n) {
    this.profiles = Collections.unmodifiableList(profiles);
    this.featureNames = featureNames;
    this.n = n;
  }

  /** Profiles in the data's own units, features named {@code x0, x1, ...}. */
  public static SegmentProfiles of(double[][] data, int[] labels) {
    return of(data, labels, null, null);
  }

  /** Profiles of the segments {@code model} assigns. */
  public static SegmentProfiles of(double[][] data, ClusterModel model, UnaryOperator<double[]> inverse,
      List<String> featureNames) {
    if (model == null) {
      throw new IllegalArgumentException("model is null");
    }
    Points.requireData(data);
    return of(data, model.predict(data), inverse, featureNames);
  }

  /**
   * Profiles of labelled data.
   *
   * @param data n &ge; 1 finite points of one dimension, as the clusterer saw them; not modified
   * @param labels one label per point; not modified
   * @param inverse maps a point back to original units (the inverse of the scaling), or null
   *     for none; it receives a copy and must return finite points of one dimension
   * @param featureNames one non-null name per (original-unit) feature, or null for {@code x0,
   *     x1, ...}
   * @throws IllegalArgumentException if the data are invalid, labels have the wrong length,
   *     the inverse returns invalid points, or the names have the wrong count
   */
  public static SegmentProfiles of(double[][] data, int[] labels, UnaryOperator<double[]> inverse,
      List<String> featureNames) {
    Points.requireData(data);
    if (labels == null || labels.length != data.length) {
      throw new IllegalArgumentException("labels has length " + (labels == null ? 0 : labels.length)
          + ", expected one label per point (" + data.length + ")");
    }
    int n = data.length;
    double[][] points = data;
    if (inverse != null) {
      points = new double[n][];
      for (int i = 0; i < n; i++) {
        points[i] = inverse.apply(data[i].clone());
      }
      try {
        Points.requireAll(points, 0);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("inverse scaling: " + e.getMessage(), e);
      }
    }
    int d = points[0].length;
    List<String> names = new ArrayList<>();
    if (featureNames == null) {
      for (int f = 0; f < d; f++) {
        names.add("x" + f);
      }
    } else if (featureNames.size() != d) {
      throw new IllegalArgumentException("featureNames has " + featureNames.size() + " names, expected " + d);
    } else {
      for (String name : featureNames) {
        if (name == null) {
          throw new IllegalArgumentException("featureNames has a null name: " + featureNames);
        }
      }
      names.addAll(featureNames);
    }
    // Segments in label order, NOISE included as an ordinary label here.
    int[] sorted = labels.clone();
    Arrays.sort(sorted);
    int segments = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[segments++] = sorted[i];
      }
    }
    int[] segmentLabels = Arrays.copyOf(sorted, segments);
    int[] start = new int[segments + 1];
    int[] seg = new int[n];
    for (int i = 0; i < n; i++) {
      seg[i] = Arrays.binarySearch(segmentLabels, labels[i]);
      start[seg[i] + 1]++;
    }
    for (int s = 0; s < segments; s++) {
      start[s + 1] += start[s];
    }
    int[] next = Arrays.copyOf(start, segments);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[next[seg[i]]++] = i;
    }
    List<Profile> profiles = new ArrayList<>();
    // Columns are gathered a block of features at a time, in one pass over the segment's rows:
    // a pass per feature reached every row (its own array) d times, which cost more than the
    // quartiles. The block holds at most about 2^21 values (16 MB).
    int block = (int) Math.max(1, Math.min(d, (1L << 21) / Math.max(1, n)));
    double[] buf = new double[block * n];
    for (int s = 0; s < segments; s++) {
      int size = start[s + 1] - start[s];
      List<FeatureSummary> features = new ArrayList<>();
      for (int f0 = 0; f0 < d; f0 += block) {
        int width = Math.min(block, d - f0);
        for (int t = 0; t < size; t++) {
          double[] row = points[order[start[s] + t]];
          for (int b = 0; b < width; b++) {
            buf[b * size + t] = row[f0 + b];
          }
        }
        for (int b = 0; b < width; b++) {
          features.add(summarize(buf, b * size, size));
        }
      }
      profiles.add(new Profile(segmentLabels[s], size, (double) size / n, Collections.unmodifiableList(features)));
    }
    return new SegmentProfiles(profiles, Collections.unmodifiableList(names), n);
  }

  /** Summarizes {@code v[0..m)}; reorders it. */
  static FeatureSummary summarize(double[] v, int m) {
    return summarize(v, 0, m);
  }

  /**
   * Summarizes {@code v[off..off+m)}; reorders it. The quartiles are the same order statistics
   * a sort would give, found by selection: on 200,000 rows x 16 features a sort per segment
   * and feature was most of the profiles' cost.
   */
  static FeatureSummary summarize(double[] v, int off, int m) {
    int end = off + m;
    double mean = mean(v, off, m);
    // The deviations' pass also finds the extremes and any -0.0.
    double ss = 0;
    double min = v[off];
    double max = v[off];
    boolean negativeZero = false;
    for (int i = off; i < end; i++) {
      double x = v[i];
      double dev = x - mean;
      ss += dev * dev;
      min = Math.min(min, x);
      max = Math.max(max, x);
      negativeZero |= Double.doubleToRawLongBits(x) == NEGATIVE_ZERO;
    }
    Selected s = new Selected(v, off, m);
    if (negativeZero || m < 64) {
      // Selection compares with <, to which -0.0 and 0.0 are equal, while the sort orders them;
      // small slices sort as fast as they select.
      Arrays.sort(v, off, end);
      s.done = m - 1;
    }
    return new FeatureSummary(mean, Math.sqrt(ss / m), min, s.quantile(0.25), s.quantile(0.5), s.quantile(0.75),
        max);
  }

  private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

  /**
   * Quantiles of {@code v[off..off+m)} asked in increasing order, each found by selection in
   * the part of the slice above the previous one's order statistic.
   */
  private static final class Selected {
    private final double[] v;
    private final int off;
    private final int m;
    // The done+1 smallest values are in place, in v[off..off+done].
    int done = -1;

    Selected(double[] v, int off, int m) {
      this.v = v;
      this.off = off;
      this.m = m;
    }

    double quantile(double q) {
      double pos = q * (m - 1);
      int lo = (int) Math.floor(pos);
      if (lo >= m - 1) {
        return statistic(m - 1);
      }
      double t = pos - lo;
      double a = statistic(lo);
      double b = statistic(lo + 1);
      // Interpolate from the nearer end, as numpy does, so that t = 1 gives b exactly.
      return t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t);
    }

    /** The k-th smallest value (0-based), k at least the last one asked. */
    private double statistic(int k) {
      if (k > done) {
        if (k == done + 1 && done >= 0) {
          // The next order statistic is the smallest value above the selected ones.
          int at = off + done + 1;
          for (int i = at + 1; i < off + m; i++) {
            if (v[i] < v[at]) {
              at = i;
            }
          }
          swap(v, off + done + 1, at);
        } else {
          select(v, off + done + 1, off + m - 1, off + k);
        }
        done = k;
      }
      return v[off + k];
    }
  }

  /**
   * Rearranges {@code v[lo..hi]} so that {@code v[k]} is the value a sort would put there, with
   * no larger value before it and no smaller one after (Hoare's selection, median-of-three
   * pivots; a sort of the remaining range if the partitions stop shrinking).
   */
  static void select(double[] v, int lo, int hi, int k) {
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo + 1)) + 8;
    while (hi - lo > 16) {
      if (budget-- == 0) {
        Arrays.sort(v, lo, hi + 1);
        return;
      }
      int mid = (lo + hi) >>> 1;
      if (v[mid] < v[lo]) {
        swap(v, mid, lo);
      }
      if (v[hi] < v[lo]) {
        swap(v, hi, lo);
      }
      if (v[hi] < v[mid]) {
        swap(v, hi, mid);
      }
      double pivot = v[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (v[i] < pivot) {
          i++;
        }
        while (pivot < v[j]) {
          j--;
        }
        if (i <= j) {
          swap(v, i++, j--);
        }
      }
      // Now v[lo..j] <= pivot <= v[i..hi], and values strictly between j and i equal the pivot.
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
    Arrays.sort(v, lo, hi + 1);
  }

  private static void swap(double[] v, int i, int j) {
    double t = v[i];
    v[i] = v[j];
    v[j] = t;
  }

  /** The mean of {@code v[0..m)}, summed in index order. */
  static double mean(double[] v, int m) {
    return mean(v, 0, m);
  }

  /** The mean of {@code v[off..off+m)}, summed in index order. */
  private static double mean(double[] v, int off, int m) {
    double sum = 0;
    for (int i = off, end = off + m; i < end; i++) {
      sum += v[i];
    }
    return sum / m;
  }

  /** The sum of squared deviations of {@code v[0..m)} from {@code mean} (two-pass variance). */
  static double sumOfSquaredDeviations(double[] v, int m, double mean) {
    double ss = 0;
    for (int i = 0; i < m; i++) {
      double dev = v[i] - mean;
      ss += dev * dev;
    }
    return ss;
  }

  /** Linear interpolation between order statistics of sorted {@code v[0..m)}. */
  static double quantile(double[] v, int m, double q) {
    Selected sorted = new Selected(v, 0, m);
    sorted.done = m - 1;
    return sorted.quantile(q);
  }

  /** The segments, in increasing label order (NOISE first if present). */
  public List<Profile> profiles() {
    return profiles;
  }

  /** The feature names. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The number of points profiled. */
  public int pointCount() {
    return n;
  }

  /** The profile of the segment with {@code label}. */
  public Profile profile(int label) {
    for (Profile p : profiles) {
      if (p.label() == label) {
        return p;
      }
    }
    throw new IllegalArgumentException("no segment labelled " + label);
  }

  /**
   * Writes one CSV line per segment and feature, header first:
   * {@code segment,size,share,feature,mean,std,min,q1,median,q3,max}; the NOISE segment is
   * written as {@code noise}. Does not close {@code out}.
   */
  public void writeCsv(Appendable out) {
    Csv csv = new Csv(out).line("segment,size,share,feature,mean,std,min,q1,median,q3,max");
    for (Profile p : profiles) {
      for (int f = 0; f < featureNames.size(); f++) {
        FeatureSummary s = p.features().get(f);
        csv.field(p.label() == ClusterModel.NOISE ? "noise" : Integer.toString(p.label()))
            .field(p.size()).field(p.share()).field(featureNames.get(f))
            .field(s.mean()).field(s.std()).field(s.min()).field(s.q1()).field(s.median()).field(s.q3())
            .field(s.max()).end();
      }
    }
  }

  /** The CSV as a string. */
  public String toCsv() {
    return Csv.render(this::writeCsv);
  }

  /** A readable report: per segment a header line, then one line per feature. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Profile p : profiles) {
      sb.append(String.format(Locale.ROOT, "segment %s: %d points (%.1f%%)%n",
          p.label() == ClusterModel.NOISE ? "NOISE" : Integer.toString(p.label()), p.size(), 100 * p.share()));
      sb.append(String.format(Locale.ROOT, "  %-16s %12s %12s %12s %12s %12s %12s %12s%n",
          "feature", "mean", "std", "min", "q1", "median", "q3", "max"));
      for (int f = 0; f < featureNames.size(); f++) {
        FeatureSummary s = p.features().get(f);
        sb.append(String.format(Locale.ROOT, "  %-16s %12.5g %12.5g %12.5g %12.5g %12.5g %12.5g %12.5g%n",
            featureNames.get(f), s.mean(), s.std(), s.min(), s.q1(), s.median(), s.q3(), s.max()));
      }
    }
    return sb.toString();
  }
}
