package io.eddy.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.SplittableRandom;

/** Small data sets with known structure, written by the tests themselves. */
final class TestData {

  private TestData() {}

  /** Five planted customer groups (income k$, spending 1..100), as in the classic mall table. */
  static final double[][] MALL_CENTRES = {{25, 20}, {25, 80}, {55, 50}, {88, 17}, {88, 82}};

  /**
   * A mall-like table: id, a quoted text column, income, spending; 40 rows per group in group
   * order, a byte-order mark first and a header with a comma in a quoted name.
   */
  static Path mall(Path dir) throws IOException {
    SplittableRandom r = new SplittableRandom(11);
    StringBuilder sb = new StringBuilder("\uFEFFCustomerID,\"Gender, self-described\",Annual Income (k$),"
        + "Spending Score (1-100)\n");
    int id = 1;
    for (int g = 0; g < MALL_CENTRES.length; g++) {
      for (int i = 0; i < 40; i++) {
        sb.append(String.format(Locale.ROOT, "%d,\"%s\",%.1f,%.1f%n", id++, i % 2 == 0 ? "F" : "M, other",
            MALL_CENTRES[g][0] + 5 * r.nextGaussian(), MALL_CENTRES[g][1] + 6 * r.nextGaussian()));
      }
    }
    Path f = dir.resolve("mall.csv");
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    return f;
  }

  /**
   * Sessions from three planted segments, one every minute from 2026-01-01, whose third
   * segment's spend drifts upward over the stream: time, items, value, minutes.
   */
  static Path sessions(Path dir, int n) throws IOException {
    SplittableRandom r = new SplittableRandom(5);
    StringBuilder sb = new StringBuilder("time,items,value,minutes\n");
    LocalDateTime t = LocalDateTime.of(2026, 1, 1, 0, 0);
    double[][] means = {{0.5, 5, 20}, {4, 60, 25}, {2, 300, 8}};
    for (int i = 0; i < n; i++) {
      int g = r.nextInt(3);
      double drift = g == 2 ? 200.0 * i / n : 0;
      sb.append(t.plusMinutes(i)).append(',')
          .append(String.format(Locale.ROOT, "%.2f,%.2f,%.2f%n", Math.max(0, means[g][0] + 0.4 * r.nextGaussian()),
              Math.max(0, means[g][1] + drift + 0.1 * means[g][1] * r.nextGaussian()),
              Math.max(0, means[g][2] + 2 * r.nextGaussian())));
    }
    Path f = dir.resolve("sessions.csv");
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    return f;
  }

  /**
   * A purchase log of 120 customers in three kinds: frequent recent big spenders, occasional
   * ones, and one-off buyers long ago. CSV (customer_id,date,amount) or CDNOW's layout.
   */
  static Path purchases(Path dir, boolean cdnow) throws IOException {
    SplittableRandom r = new SplittableRandom(3);
    StringBuilder sb = new StringBuilder(cdnow ? "" : "customer_id,date,amount\n");
    LocalDate start = LocalDate.of(2025, 1, 1);
    for (int c = 0; c < 120; c++) {
      int kind = c % 3;
      int purchases = kind == 0 ? 8 + r.nextInt(6) : kind == 1 ? 2 + r.nextInt(3) : 1;
      for (int p = 0; p < purchases; p++) {
        int day = kind == 0 ? 300 + r.nextInt(60) - 20 * p : kind == 1 ? 150 + r.nextInt(100) : r.nextInt(40);
        double amount = kind == 0 ? 80 + 20 * r.nextDouble() : kind == 1 ? 30 + 10 * r.nextDouble() : 10 + r.nextDouble();
        LocalDate d = start.plusDays(Math.max(0, day));
        if (cdnow) {
          sb.append(String.format(Locale.ROOT, " %05d %s  1   %.2f%n", c + 1, d.toString().replace("-", ""), amount));
        } else {
          sb.append(String.format(Locale.ROOT, "c%03d,%s,%.2f%n", c + 1, d, amount));
        }
      }
    }
    Path f = dir.resolve(cdnow ? "cdnow.txt" : "purchases.csv");
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    return f;
  }
}
