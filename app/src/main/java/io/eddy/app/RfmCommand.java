package io.eddy.app;

import io.eddy.eval.KSweep;
import io.eddy.features.IncrementalRfm;
import io.eddy.features.Log1pTransformer;
import io.eddy.features.Pipeline;
import io.eddy.features.Rfm;
import io.eddy.features.RfmTable;
import io.eddy.features.StandardScaler;
import io.eddy.features.Transaction;
import io.eddy.features.csv.CsvDataException;
import io.eddy.features.csv.CsvReader;
import io.eddy.features.csv.CsvResult;
import io.eddy.features.csv.CsvWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eddy rfm}: customers' recency, frequency and monetary value, segmented and named. */
@Command(name = "rfm", mixinStandardHelpOptions = true,
    description = {"Builds the RFM table of a transaction log (with counted cleaning: missing customer, "
        + "cancellations, non-positive amounts, duplicate lines), segments customers on log-scaled recency, "
        + "frequency and monetary value, names segments from the RFM segment map, and writes to DIR:",
        "  rfm.csv        per customer: RFM values, R/F/M scores 1..5, map segment, cluster segment and name",
        "  model.eddy, profiles.csv, sweep.csv (when k is chosen), the charts and report.html",
        "The RFM segment map names a customer from its R and F scores; --segment-map FILE replaces it with lines "
            + "'name = pattern', the pattern a regular expression over the two digits RF, first match wins, "
            + "e.g. 'champions = 5[45]'."})
final class RfmCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "TRANSACTIONS", description = "The transaction log.")
  Path data;

  @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
      description = "csv (header line; columns named by the options below) or cdnow (whitespace-separated, no "
          + "header: customer id, yyyymmdd date, quantity, amount). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--customer-column", defaultValue = "customer_id", paramLabel = "NAME",
      description = "Customer id column (csv). Default: ${DEFAULT-VALUE}.")
  String customerColumn;

  @Option(names = "--time-column", defaultValue = "date", paramLabel = "NAME",
      description = "Date or date-time column (csv). Default: ${DEFAULT-VALUE}.")
  String timeColumn;

  @Option(names = "--time-format", defaultValue = "yyyy-MM-dd", paramLabel = "PATTERN",
      description = "Its java.time pattern (csv). Default: ${DEFAULT-VALUE}.")
  String timeFormat;

  @Option(names = "--amount-column", defaultValue = "amount", paramLabel = "NAME",
      description = "Line total column (csv). Default: ${DEFAULT-VALUE}.")
  String amountColumn;

  @Option(names = "--quantity-column", paramLabel = "NAME", description = "Quantity column (csv), if any.")
  String quantityColumn;

  @Option(names = "--keep-duplicates", negatable = true, paramLabel = "",
      description = "Count identical lines as separate purchases (default: on for cdnow, whose log has one line "
          + "per customer, day and amount; off for csv).")
  Boolean keepDuplicates;

  @Option(names = "--keep-zero-amounts", description = "Count zero-amount lines as purchases.")
  boolean keepZeroAmounts;

  @Option(names = "--k", paramLabel = "K|MIN..MAX", defaultValue = "3..8",
      description = "The number of segments, or a range to choose it from by silhouette (default: ${DEFAULT-VALUE}; "
          + "k = 2 mostly splits recent buyers from the rest, which names little).")
  String k;

  @Option(names = {"-a", "--algorithm"}, defaultValue = "kmeans", paramLabel = "NAME",
      completionCandidates = ChooseKCommand.KCandidates.class,
      description = "A batch clusterer with a parameter k: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  String algorithm;

  @Mixin
  Options.Algorithm algo;

  @Option(names = "--segment-map", paramLabel = "FILE", description = "An RFM segment map replacing the standard one.")
  Path segmentMap;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Mixin
  Options.Common common;

  static final List<String> FEATURES = List.of("recency_days", "frequency", "monetary");

  @Override
  public Integer call() throws Exception {
    Progress progress = common.progress();
    boolean cdnow;
    if ("cdnow".equals(format)) {
      cdnow = true;
    } else if ("csv".equals(format)) {
      cdnow = false;
    } else {
      throw AppException.usage("--format '" + format + "' is not valid; valid values: csv, cdnow");
    }
    int[] range = ChooseKCommand.parseRange(k);
    Modeling.provider(algorithm);
    RfmSegmentMap map = segmentMap == null ? RfmSegmentMap.STANDARD : RfmSegmentMap.read(segmentMap);
    CsvResult<Transaction> log = read(cdnow);
    progress.phase("read " + log.rows().size() + " transactions from " + data);
    boolean dupes = keepDuplicates != null ? keepDuplicates : cdnow;
    RfmTable rfm = Rfm.compute(log.rows(), new IncrementalRfm.Params(!keepZeroAmounts, !dupes));
    if (rfm.size() < 2) {
      throw AppException.data(data + " has " + rfm.size() + " customer(s) after cleaning; at least 2 are needed");
    }
    progress.phase("RFM of " + rfm.size() + " customers; cleaning: " + rfm.report());
    double[][] raw = new double[rfm.size()][];
    for (int i = 0; i < raw.length; i++) {
      RfmTable.Row r = rfm.rows().get(i);
      raw[i] = new double[] {r.recencyDays(), r.frequency(), r.monetary()};
    }
    // Frequency and spend are heavy-tailed: log1p keeps a few big buyers from owning the scale.
    Pipeline p = Pipeline.builder(FEATURES)
        .then(Log1pTransformer.Params.DEFAULTS, List.of("frequency", "monetary"))
        .then(StandardScaler.Params.DEFAULTS)
        .fit(raw);
    double[][] z = p.transformAll(raw);
    KSweep.Result sweep = null;
    int chosen = range[0];
    if (range[0] != range[1]) {
      sweep = ChooseKCommand.sweep(algorithm, algo.params, z, range, algo.seed, progress);
      chosen = ChooseKCommand.recommended(sweep);
      progress.phase("chose k = " + chosen + " by silhouette");
    }
    Map<String, String> params = new LinkedHashMap<>(algo.params);
    params.put("k", Integer.toString(chosen));
    Map<String, String> info = new LinkedHashMap<>();
    info.put("command", "rfm");
    info.put("data", data.toString());
    info.put("format", format);
    info.put("algorithm", algorithm);
    info.put("parameters", params.toString());
    info.put("k", sweep == null ? Integer.toString(chosen) : chosen + " (best silhouette over " + k + ")");
    info.put("features", "recency_days, log1p(frequency), log1p(monetary), standardised");
    info.put("segment map", segmentMap == null ? "standard" : segmentMap.toString());
    Segmentation s = Segmentation.fit(FEATURES, raw, p, algorithm, params, info, algo.seed, progress);
    String[] persona = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      RfmTable.Row r = rfm.rows().get(i);
      persona[i] = map.name(r.recencyScore(), r.frequencyScore());
    }
    s.name(names(s, persona));
    try (OutputDir dir = new OutputDir(out)) {
      try (CsvWriter w = CsvWriter.open(dir.file("rfm.csv"), List.of("customer_id", "recency_days", "frequency",
          "monetary", "mean_spend", "tenure_days", "r_score", "f_score", "m_score", "rfm_code", "rfm_segment",
          "segment", "name"))) {
        for (int i = 0; i < raw.length; i++) {
          RfmTable.Row r = rfm.rows().get(i);
          w.row(r.customerId(), Segmentation.round(r.recencyDays()), r.frequency(), Segmentation.round(r.monetary()),
              Segmentation.round(r.meanSpend()), Segmentation.round(r.tenureDays()), r.recencyScore(),
              r.frequencyScore(), r.monetaryScore(), r.rfmCode(), persona[i], s.labels[i], s.nameOf(i));
        }
      }
      s.writeBundle(dir.file("model.eddy"));
      s.writeProfiles(dir.file("profiles.csv"));
      List<Charts.Image> charts = new ArrayList<>(algo.noCharts ? List.of() : s.charts(algo.seed));
      if (sweep != null) {
        Files.writeString(dir.file("sweep.csv"), sweep.toCsv(), StandardCharsets.UTF_8);
        if (!algo.noCharts) {
          charts.addAll(ChooseKCommand.charts(sweep, chosen));
        }
      }
      Map<String, Long> perPersona = new LinkedHashMap<>();
      for (RfmSegmentMap.Rule rule : map.rules()) {
        perPersona.put(rule.name(), 0L);
      }
      for (String n : persona) {
        perPersona.merge(n, 1L, Long::sum);
      }
      long[] counts = perPersona.values().stream().mapToLong(Long::longValue).toArray();
      if (!algo.noCharts) {
        charts.add(Charts.sizes("rfm-map.png", "Customers per RFM map segment", "customers",
            new ArrayList<>(perPersona.keySet()), counts));
      }
      Charts.saveAll(charts, dir, algo.format());
      Report r = new Report("RFM segmentation of " + data.getFileName());
      r.heading("Run").keyValues(info);
      Map<String, String> summary = new LinkedHashMap<>();
      summary.put("transactions read", Integer.toString(log.rows().size()));
      summary.put("lines skipped as unreadable", Long.toString(log.skipped()));
      summary.put("lines kept", Long.toString(rfm.report().kept()));
      rfm.report().droppedByRule().forEach((rule, n) -> summary.put("dropped: " + rule.name().toLowerCase(Locale.ROOT)
          .replace('_', ' '), Long.toString(n)));
      summary.put("customers", Integer.toString(rfm.size()));
      Segmentation.dataSummary(r, FEATURES, raw, summary);
      s.report(r);
      List<List<String>> rows = new ArrayList<>();
      perPersona.forEach((n, c) -> rows.add(List.of(n, Long.toString(c),
          String.format(Locale.ROOT, "%.1f%%", 100.0 * c / raw.length))));
      r.heading("RFM segment map").table(List.of("map segment", "customers", "share"), rows, null);
      if (sweep != null) {
        ChooseKCommand.table(r, sweep);
      }
      r.heading("Charts");
      for (Charts.Image c : charts) {
        r.image(c);
      }
      r.write(dir.file("report.html"));
      dir.commit();
    }
    progress.phase("wrote " + out);
    return Eddy.OK;
  }

  /**
   * Each cluster is named after the map segment most of its customers are in; clusters that
   * share one get their distinctive features added.
   */
  static Map<Integer, String> names(Segmentation s, String[] persona) {
    Map<Integer, Map<String, Integer>> counts = new TreeMap<>();
    for (int i = 0; i < persona.length; i++) {
      counts.computeIfAbsent(s.labels[i], l -> new HashMap<>()).merge(persona[i], 1, Integer::sum);
    }
    Map<Integer, String> dominant = new LinkedHashMap<>();
    Map<String, Integer> uses = new HashMap<>();
    counts.forEach((label, c) -> {
      String best = c.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
          .thenComparing(Map.Entry.comparingByKey())).get().getKey();
      dominant.put(label, best);
      uses.merge(best, 1, Integer::sum);
    });
    Map<Integer, String> distinctive = s.distinctiveNames();
    Map<Integer, String> out = new LinkedHashMap<>();
    dominant.forEach((label, name) -> out.put(label, uses.get(name) > 1 ? name + " · " + distinctive.get(label) : name));
    return Personas.unique(out);
  }

  private CsvResult<Transaction> read(boolean cdnow) throws Exception {
    CsvReader.Params params = CsvReader.Params.DEFAULTS;
    if (cdnow) {
      params = params.withWhitespaceSeparated(true).withColumns(List.of("customer", "date", "quantity", "amount"));
    }
    CsvReader reader = new CsvReader(params);
    DateTimeFormatter fmt;
    String customer = cdnow ? "customer" : customerColumn;
    String time = cdnow ? "date" : timeColumn;
    String amount = cdnow ? "amount" : amountColumn;
    String quantity = cdnow ? "quantity" : quantityColumn;
    try {
      fmt = cdnow ? DateTimeFormatter.BASIC_ISO_DATE : DateTimeFormatter.ofPattern(timeFormat, Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw AppException.usage("--time-format '" + timeFormat + "' is not a valid pattern: " + e.getMessage());
    }
    try (Reader in = Table.open(data)) {
      return reader.read(in, row -> Transaction.of(row.optionalString(customer), row.epochMillis(time, fmt),
          quantity == null ? 1 : row.doubleValue(quantity), row.doubleValue(amount)));
    } catch (CsvDataException e) {
      throw AppException.data(data + ": " + e.getMessage()
          + (cdnow ? "" : " (check --time-format and the column options)"));
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw AppException.usage(data + ": " + (m != null && m.startsWith("no column '")
          ? m.replace("; columns are ", "; available columns: ") + " (name the columns with --customer-column, "
              + "--time-column, --amount-column and --quantity-column)"
          : m));
    }
  }
}
