package io.eddy.app;

import io.eddy.eval.KSweep;
import io.eddy.features.Pipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eddy choose-k}: a sweep over k with quality indices, charts and a recommendation. */
@Command(name = "choose-k", mixinStandardHelpOptions = true,
    description = {"Fits the algorithm for each k in a range and writes to DIR the sweep table (sweep.csv: "
        + "WCSS, silhouette, Davies–Bouldin, Calinski–Harabasz, BIC where defined), elbow.png, silhouette.png "
        + "(bic.png for mixtures) and report.html.",
        "Prints the recommended k on standard output: the best silhouette, or the elbow of the WCSS curve "
            + "(Kneedle) when no silhouette is defined."})
final class ChooseKCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DATA.csv", description = "The table: UTF-8 CSV with a header line.")
  Path data;

  @Mixin
  Options.Table table;

  @Option(names = {"-a", "--algorithm"}, defaultValue = "kmeans", paramLabel = "NAME",
      completionCandidates = KCandidates.class,
      description = "A batch clusterer with a parameter k: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  String algorithm;

  @Option(names = "--k", defaultValue = "2..10", paramLabel = "MIN..MAX",
      description = "The range of k (default: ${DEFAULT-VALUE}).")
  String range;

  @Mixin
  Options.Algorithm algo;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Mixin
  Options.Common common;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  static final class KCandidates extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    KCandidates() {
      super(List.of("kmeans", "gmm", "hierarchical"));
    }
  }

  /** Parses "MIN..MAX" (or a single k). */
  static int[] parseRange(String s) {
    String[] parts = s.split("\\.\\.", -1);
    try {
      int lo = Integer.parseInt(parts[0].trim());
      int hi = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : lo;
      if (parts.length > 2 || lo < 1 || hi < lo) {
        throw new NumberFormatException();
      }
      return new int[] {lo, hi};
    } catch (NumberFormatException e) {
      throw AppException.usage("--k '" + s + "' is not a range MIN..MAX with 1 <= MIN <= MAX, e.g. 2..10");
    }
  }

  @Override
  public Integer call() throws Exception {
    Progress progress = common.progress();
    int[] k = parseRange(range);
    Modeling.Scale scale = table.scaling();
    Modeling.provider(algorithm);
    Table t = table.read(data, progress);
    Pipeline p = Modeling.pipeline(t.columns, t.values, scale, table.missingPolicy() == Table.Missing.IMPUTE_MEAN);
    double[][] z = p.transformAll(t.values);
    KSweep.Result sweep = sweep(algorithm, algo.params, z, k, algo.seed, progress);
    int best = recommended(sweep);
    try (OutputDir dir = new OutputDir(out)) {
      Files.writeString(dir.file("sweep.csv"), sweep.toCsv(), StandardCharsets.UTF_8);
      List<Charts.Image> charts = algo.noCharts ? List.of() : charts(sweep, best);
      Charts.saveAll(charts, dir, algo.format());
      Report r = new Report("Choosing k for " + data.getFileName());
      Map<String, String> info = new LinkedHashMap<>();
      info.put("data", data.toString());
      info.put("columns", Segmentation.columnsNote(t));
      info.put("algorithm", algorithm);
      info.put("parameters", algo.params.isEmpty() ? "defaults" : algo.params.toString());
      info.put("scaling", scale.id());
      info.put("k", k[0] + ".." + k[1]);
      info.put("recommended k", Integer.toString(best));
      info.put("elbow (Kneedle)", sweep.elbow().isPresent() ? Integer.toString(sweep.elbow().getAsInt()) : "none");
      r.heading("Run").keyValues(info);
      Map<String, String> summary = new LinkedHashMap<>();
      summary.put("rows used", Integer.toString(t.size()));
      summary.put("rows dropped for missing values", Long.toString(t.dropped));
      Segmentation.dataSummary(r, t.columns, t.values, summary);
      table(r, sweep);
      r.heading("Charts");
      for (Charts.Image c : charts) {
        r.image(c);
      }
      r.write(dir.file("report.html"));
      dir.commit();
    }
    progress.phase("recommended k = " + best + "; wrote " + out);
    spec.commandLine().getOut().println(best);
    spec.commandLine().getOut().flush();
    return Eddy.OK;
  }

  static KSweep.Result sweep(String algorithm, Map<String, String> params, double[][] z, int[] k, long seed,
      Progress progress) {
    if (k[1] > z.length - 1) {
      throw AppException.usage("--k up to " + k[1] + " needs more than " + k[1] + " rows; the data have " + z.length);
    }
    progress.phase("fitting " + algorithm + " for k = " + k[0] + ".." + k[1] + " on " + z.length + " rows");
    try {
      return KSweep.run(algorithm, params, z, KSweep.Params.DEFAULTS.withRange(k[0], k[1]).withSeed(seed)
          .withSilhouetteSampleSize(2000));
    } catch (IllegalArgumentException e) {
      throw AppException.usage(e.getMessage());
    }
  }

  static int recommended(KSweep.Result sweep) {
    if (sweep.bestSilhouette().isPresent()) {
      return sweep.bestSilhouette().getAsInt();
    }
    if (sweep.elbow().isPresent()) {
      return sweep.elbow().getAsInt();
    }
    return sweep.rows().get(0).k();
  }

  static List<Charts.Image> charts(KSweep.Result sweep, int chosen) {
    List<KSweep.Row> rows = sweep.rows();
    int[] ks = new int[rows.size()];
    double[] wcss = new double[ks.length];
    double[] sil = new double[ks.length];
    double[] bic = new double[ks.length];
    boolean hasBic = false;
    for (int i = 0; i < ks.length; i++) {
      ks[i] = rows.get(i).k();
      wcss[i] = rows.get(i).wcss();
      sil[i] = rows.get(i).silhouette();
      bic[i] = rows.get(i).bic();
      hasBic |= Double.isFinite(bic[i]);
    }
    List<Charts.Image> out = new ArrayList<>();
    int elbow = sweep.elbow().isPresent() ? sweep.elbow().getAsInt() : -1;
    out.add(Charts.againstK("elbow.png", "Elbow: within-segment sum of squares against k", "WCSS (scaled units)",
        ks, wcss, elbow, "elbow (Kneedle)"));
    out.add(Charts.againstK("silhouette.png", "Silhouette against k", "silhouette", ks, sil,
        sweep.bestSilhouette().isPresent() ? sweep.bestSilhouette().getAsInt() : -1, "best"));
    if (hasBic) {
      int bestBic = -1;
      double low = Double.POSITIVE_INFINITY;
      for (int i = 0; i < ks.length; i++) {
        if (bic[i] < low) {
          low = bic[i];
          bestBic = ks[i];
        }
      }
      out.add(Charts.againstK("bic.png", "BIC against k (lower is better)", "BIC", ks, bic, bestBic, "lowest"));
    }
    return out;
  }

  static void table(Report r, KSweep.Result sweep) {
    List<List<String>> rows = new ArrayList<>();
    for (KSweep.Row row : sweep.rows()) {
      rows.add(List.of(Integer.toString(row.k()), Integer.toString(row.clusters()), Report.num(row.wcss()),
          Report.num(row.silhouette()), Report.num(row.daviesBouldin()), Report.num(row.calinskiHarabasz()),
          Report.num(row.bic()), Report.num(row.fitMillis())));
    }
    r.heading("Sweep").table(List.of("k", "segments", "WCSS", "silhouette", "Davies–Bouldin", "Calinski–Harabasz",
        "BIC", "fit ms"), rows, null);
  }
}
