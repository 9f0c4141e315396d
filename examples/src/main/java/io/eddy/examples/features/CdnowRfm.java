package io.eddy.examples.features;

import io.eddy.eval.Silhouette;
import io.eddy.features.CleaningRule;
import io.eddy.features.IncrementalRfm;
import io.eddy.features.Log1pTransformer;
import io.eddy.features.Pipeline;
import io.eddy.features.Rfm;
import io.eddy.features.RfmTable;
import io.eddy.features.StandardScaler;
import io.eddy.features.Transaction;
import io.eddy.features.csv.CsvReader;
import io.eddy.features.csv.CsvResult;
import io.eddy.kmeans.KMeans;
import io.eddy.kmeans.KMeansModel;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * RFM segmentation of the CDNOW purchase log (Fader, Hardie and Lee): read the
 * whitespace-separated log, clean and count, build RFM per customer as of the day after the
 * last purchase, log-transform and standardise recency, frequency and monetary value, and
 * segment with k-means.
 *
 * <pre>
 * java -cp examples/target/eddy-examples.jar io.eddy.examples.features.CdnowRfm path/to/cdnow_transactions.txt
 * </pre>
 * The file has no header: {@code customer_id yyyymmdd number_of_cds dollar_value}.
 */
public final class CdnowRfm {

  private CdnowRfm() {}

  /** Runs on the file given as the first argument. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: CdnowRfm <cdnow_transactions.txt>");
      System.exit(2);
    }
    CsvReader reader = new CsvReader(CsvReader.Params.DEFAULTS.withWhitespaceSeparated(true)
        .withColumns(List.of("customer", "date", "cds", "dollars")).withBadRows(CsvReader.BadRows.SKIP));
    long t0 = System.nanoTime();
    CsvResult<Transaction> log = reader.readTransactions(Path.of(args[0]),
        CsvReader.TransactionColumns.of("customer", "date", DateTimeFormatter.BASIC_ISO_DATE, "cds", "dollars"));
    long t1 = System.nanoTime();
    System.out.printf(Locale.ROOT, "read %d transactions (%d bad rows skipped) in %.0f ms%n",
        log.rows().size(), log.skipped(), (t1 - t0) / 1e6);

    IncrementalRfm.Params[] configs = {IncrementalRfm.Params.DEFAULTS,
        IncrementalRfm.Params.DEFAULTS.withDropDuplicates(false),
        new IncrementalRfm.Params(false, false)};
    for (IncrementalRfm.Params config : configs) {
      long s0 = System.nanoTime();
      RfmTable table = Rfm.compute(log.rows(), config);
      long s1 = System.nanoTime();
      System.out.printf(Locale.ROOT, "%nRFM with %s: %d customers in %.0f ms; cleaning: %s%n",
          config, table.size(), (s1 - s0) / 1e6, table.report());
      summarize(table);
    }

    RfmTable table = Rfm.compute(log.rows(), new IncrementalRfm.Params(false, false));
    double[][] x = new double[table.size()][];
    for (int i = 0; i < x.length; i++) {
      RfmTable.Row r = table.rows().get(i);
      x[i] = new double[] {r.recencyDays(), r.frequency(), r.monetary()};
    }
    List<String> names = List.of("recency_days", "frequency", "monetary");
    Pipeline p = Pipeline.builder(names)
        .then(Log1pTransformer.Params.DEFAULTS, List.of("frequency", "monetary"))
        .then(StandardScaler.Params.DEFAULTS)
        .fit(x);
    double[][] z = p.transformAll(x);
    System.out.printf(Locale.ROOT, "%nk-means on log1p + standardised (recency, frequency, monetary), %d customers%n",
        z.length);
    for (int k = 3; k <= 6; k++) {
      KMeansModel m = new KMeans(KMeans.Params.DEFAULTS.withK(k).withNInit(4).withSeed(1)).fit(z);
      int[] labels = m.predict(z);
      Silhouette.Estimate s = Silhouette.sampled(z, labels, 4000, 7, 1);
      System.out.printf(Locale.ROOT, "k=%d silhouette(sample 4000)=%.3f%n", k, s.score());
    }
    KMeansModel m = new KMeans(KMeans.Params.DEFAULTS.withK(4).withNInit(4).withSeed(1)).fit(z);
    int[] labels = m.predict(z);
    System.out.println("segments at k=4 (centres back in original units):");
    System.out.println("  size   recency_days  frequency  monetary");
    for (int c = 0; c < 4; c++) {
      int size = 0;
      double[] mean = new double[3];
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c) {
          size++;
          for (int j = 0; j < 3; j++) {
            mean[j] += x[i][j];
          }
        }
      }
      System.out.printf(Locale.ROOT, "  %5d  %12.1f  %9.2f  %8.2f%n", size, mean[0] / size, mean[1] / size,
          mean[2] / size);
    }
  }

  private static void summarize(RfmTable table) {
    double[] rec = new double[table.size()];
    double[] freq = new double[table.size()];
    double[] mon = new double[table.size()];
    int[] rScore = new int[6];
    int[] fScore = new int[6];
    int[] mScore = new int[6];
    for (int i = 0; i < rec.length; i++) {
      RfmTable.Row r = table.rows().get(i);
      rec[i] = r.recencyDays();
      freq[i] = r.frequency();
      mon[i] = r.monetary();
      rScore[r.recencyScore()]++;
      fScore[r.frequencyScore()]++;
      mScore[r.monetaryScore()]++;
    }
    System.out.printf(Locale.ROOT, "  recency days  %s%n  frequency     %s%n  monetary $    %s%n",
        quartiles(rec), quartiles(freq), quartiles(mon));
    System.out.printf(Locale.ROOT, "  score counts 1..5: R %s  F %s  M %s%n", counts(rScore), counts(fScore),
        counts(mScore));
    System.out.printf(Locale.ROOT, "  dropped: duplicates %d, non-positive price %d%n",
        table.report().dropped(CleaningRule.DUPLICATE), table.report().dropped(CleaningRule.NON_POSITIVE_PRICE));
  }

  private static String counts(int[] c) {
    return "[" + c[1] + ", " + c[2] + ", " + c[3] + ", " + c[4] + ", " + c[5] + "]";
  }

  private static String quartiles(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    double mean = 0;
    for (double x : s) {
      mean += x;
    }
    mean /= s.length;
    return String.format(Locale.ROOT, "min %.2f  q1 %.2f  median %.2f  q3 %.2f  max %.2f  mean %.2f",
        s[0], s[s.length / 4], s[s.length / 2], s[3 * s.length / 4], s[s.length - 1], mean);
  }
}
