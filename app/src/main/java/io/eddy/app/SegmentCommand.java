package io.eddy.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eddy segment}: fit a segmentation of a CSV table and write everything about it. */
@Command(name = "segment", mixinStandardHelpOptions = true,
    description = {"Segments the rows of a CSV table and writes to DIR:",
        "  assignments.csv  the input rows plus segment, name, distance and confidence "
            + "(outlier_score for density models)",
        "  model.eddy       the bundle (scaling, model, names, profiles) for eddy score",
        "  profiles.csv     per segment and feature: mean, std, quartiles, in original units",
        "  scatter.png, sizes.png, profiles.png (and dendrogram.png for hierarchical), report.html",
        "Nothing is left half-written in DIR if the command fails."})
final class SegmentCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DATA.csv", description = "The table: UTF-8 CSV with a header line.")
  Path data;

  @Mixin
  Options.Table table;

  @Option(names = {"-a", "--algorithm"}, defaultValue = "kmeans", paramLabel = "NAME",
      completionCandidates = Options.AlgorithmCandidates.class,
      description = "A registered clusterer (eddy list); batch if it has a batch form, otherwise online over "
          + "the rows in order. Default: ${DEFAULT-VALUE}.")
  String algorithm;

  @Mixin
  Options.Algorithm algo;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Mixin
  Options.Common common;

  @Override
  public Integer call() throws Exception {
    Progress progress = common.progress();
    Modeling.Scale scale = table.scaling();
    Table t = table.read(data, progress);
    Map<String, String> info = new LinkedHashMap<>();
    info.put("command", "segment");
    info.put("data", data.toString());
    info.put("columns", Segmentation.columnsNote(t));
    info.put("algorithm", algorithm);
    info.put("parameters", algo.params.isEmpty() ? "defaults" : algo.params.toString());
    info.put("scaling", scale.id());
    info.put("missing values", table.missingPolicy().id());
    Segmentation s = Segmentation.fit(t.columns, t.values, scale, table.missingPolicy() == Table.Missing.IMPUTE_MEAN,
        algorithm, algo.params, info, algo.seed, progress);
    s.name(s.distinctiveNames());
    try (OutputDir dir = new OutputDir(out)) {
      write(s, t, info, dir, algo.seed, algo.charts(), progress, "Segmentation of " + data.getFileName());
      dir.commit();
    }
    progress.phase("wrote " + out);
    return Eddy.OK;
  }

  /**
   * Writes the assignments, bundle, profiles, charts and report of a table's segmentation.
   *
   * @param draw the charts' format, or null for no charts
   */
  static void write(Segmentation s, Table t, Map<String, String> info, OutputDir dir, long seed, Charts.Format draw,
      Progress progress, String title) throws java.io.IOException {
    s.writeAssignments(dir.file("assignments.csv"), t);
    s.writeBundle(dir.file("model.eddy"));
    s.writeProfiles(dir.file("profiles.csv"));
    List<Charts.Image> charts = List.of();
    if (draw != null) {
      progress.phase("drawing charts");
      charts = s.charts(seed);
    }
    if (draw != null) {
      Charts.saveAll(charts, dir, draw);
    }
    Report r = new Report(title);
    r.heading("Run").keyValues(info);
    Map<String, String> summary = new LinkedHashMap<>();
    summary.put("file", t.file.toString());
    summary.put("rows used", Integer.toString(t.size()));
    summary.put("rows dropped for missing values", Long.toString(t.dropped));
    summary.put("missing cells", Long.toString(t.missingCells));
    summary.put("columns in file", Integer.toString(t.header.size()));
    s.dataSummary(r, summary);
    s.report(r);
    r.heading("Charts");
    for (Charts.Image c : charts) {
      r.image(c);
    }
    r.write(dir.file("report.html"));
  }
}
