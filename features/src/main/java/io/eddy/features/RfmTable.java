package io.eddy.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A snapshot of RFM values for a set of customers as of one reference time, with quintile
 * scores, and the cleaning report of the transactions behind it. Immutable.
 *
 * <p>Scores are 1 to 5 by quintile: for frequency and monetary total, a customer scores
 * {@code 1 + floor(5 · (number of customers with a strictly smaller value) / n)}; for recency
 * the same with "strictly more recent" (a smaller recency), so 5 is always best. Tied values
 * share a score, so heavily tied features (most customers buy once) use fewer than five
 * levels rather than splitting equal customers arbitrarily.
 */
public final class RfmTable {

  /**
   * One customer.
   *
   * @param customerId the customer
   * @param recencyDays days from the last purchase to the reference time
   * @param frequency the number of purchases
   * @param monetary the total spend
   * @param meanSpend spend per purchase
   * @param tenureDays days from the first purchase to the reference time
   * @param recencyScore 1..5, 5 the most recent (0 when not scored)
   * @param frequencyScore 1..5, 5 the most frequent (0 when not scored)
   * @param monetaryScore 1..5, 5 the highest spend (0 when not scored)
   */
  public record Row(String customerId, double recencyDays, long frequency, double monetary, double meanSpend,
      double tenureDays, int recencyScore, int frequencyScore, int monetaryScore) {

    /** The scores as one number, e.g. 545 for R=5, F=4, M=5. */
    public int rfmCode() {
      return recencyScore * 100 + frequencyScore * 10 + monetaryScore;
    }
  }

  /** The names of the columns of {@link #matrix()}. */
  public static final List<String> FEATURE_NAMES =
      List.of("recency_days", "frequency", "monetary", "mean_spend", "tenure_days");

  private final List<Row> rows;
  private final CleaningReport report;

  private RfmTable(List<Row> rows, CleaningReport report) {
    this.rows = List.copyOf(rows);
    this.report = report;
  }

  static RfmTable scored(List<Row> raw, CleaningReport report) {
    int n = raw.size();
    double[] rec = new double[n];
    double[] freq = new double[n];
    double[] mon = new double[n];
    for (int i = 0; i < n; i++) {
      rec[i] = raw.get(i).recencyDays();
      freq[i] = raw.get(i).frequency();
      mon[i] = raw.get(i).monetary();
    }
    double[] recSorted = rec.clone();
    double[] freqSorted = freq.clone();
    double[] monSorted = mon.clone();
    Arrays.sort(recSorted);
    Arrays.sort(freqSorted);
    Arrays.sort(monSorted);
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Row r = raw.get(i);
      int rs = score(n - countAtMost(recSorted, rec[i]), n);
      int fs = score(countLess(freqSorted, freq[i]), n);
      int ms = score(countLess(monSorted, mon[i]), n);
      rows.add(new Row(r.customerId(), r.recencyDays(), r.frequency(), r.monetary(), r.meanSpend(), r.tenureDays(),
          rs, fs, ms));
    }
    return new RfmTable(rows, report);
  }

  private static int score(int below, int n) {
    return 1 + (int) ((5L * below) / n);
  }

  private static int countLess(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int countAtMost(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The customers, sorted by id. */
  public List<Row> rows() {
    return rows;
  }

  /** The number of customers. */
  public int size() {
    return rows.size();
  }

  /** What cleaning did to the transactions behind the table. */
  public CleaningReport report() {
    return report;
  }

  /** The customer with this id, or {@code null}. O(log n). */
  public Row find(String customerId) {
    int lo = 0;
    int hi = rows.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = rows.get(mid).customerId().compareTo(customerId);
      if (c == 0) {
        return rows.get(mid);
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }

  /** One row per customer with the columns {@link #FEATURE_NAMES}, ready for a pipeline. */
  public double[][] matrix() {
    double[][] m = new double[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      Row r = rows.get(i);
      m[i] = new double[] {r.recencyDays(), r.frequency(), r.monetary(), r.meanSpend(), r.tenureDays()};
    }
    return m;
  }
}
