package io.eddy.app;

import io.eddy.ClusterModel;
import io.eddy.eval.SegmentProfiles;
import io.eddy.features.Pca;
import io.eddy.features.Pipeline;
import io.eddy.features.ScoreColumns;
import io.eddy.features.SegmentationBundle;
import io.eddy.features.csv.CsvWriter;
import io.eddy.hierarchy.HierarchicalModel;
import io.eddy.io.ModelIO;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fitted segmentation of a table and everything written about it: the bundle, assignments,
 * profiles, charts and the report's segment sections. Shared by {@code segment}, {@code rfm}
 * and {@code stream}. Not thread-safe.
 */
final class Segmentation {

  final List<String> features;
  final double[][] raw;
  final Pipeline pipeline;
  final double[][] z;
  final double[][] original;
  final double[] populationMean;
  final double[] populationStd;
  final ClusterModel model;
  final boolean density;
  final int[] labels;
  final int[] slots;
  final Modeling.Quality quality;
  final double fitSeconds;
  SegmentationBundle bundle;

  private Segmentation(List<String> features, double[][] raw, Pipeline pipeline, double[][] z, ClusterModel model,
      boolean density, int[] labels, double fitSeconds, Map<String, String> info, long seed) {
    this.features = features;
    this.raw = raw;
    this.pipeline = pipeline;
    this.z = z;
    this.model = model;
    this.density = density;
    this.labels = labels;
    this.fitSeconds = fitSeconds;
    this.original = Modeling.imputed(pipeline, raw);
    double[][] ms = Modeling.meanAndStd(original);
    this.populationMean = ms[0];
    this.populationStd = ms[1];
    int[] modelLabels = model.labels();
    this.slots = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      slots[i] = labels[i] == ClusterModel.NOISE ? -1 : Arrays.binarySearch(modelLabels, labels[i]);
    }
    this.quality = Modeling.quality(z, labels, seed);
    this.bundle = SegmentationBundle.train(pipeline, model, raw, z, labels, density, info);
  }

  /** Scales, fits and assigns. */
  static Segmentation fit(List<String> features, double[][] raw, Modeling.Scale scale, boolean impute,
      String algorithm, Map<String, String> params, Map<String, String> info, long seed, Progress progress) {
    return fit(features, raw, Modeling.pipeline(features, raw, scale, impute), algorithm, params, info, seed,
        progress);
  }

  /** Fits and assigns, with a fitted pipeline. */
  static Segmentation fit(List<String> features, double[][] raw, Pipeline p, String algorithm,
      Map<String, String> params, Map<String, String> info, long seed, Progress progress) {
    double[][] z = p.transformAll(raw);
    Modeling.Fitted f = Modeling.fit(algorithm, params, z, progress);
    progress.phase("fitted " + f.model().clusterCount() + " segments in " + Report.num(f.seconds()) + " s");
    return new Segmentation(features, raw, p, z, f.model(), f.density(), f.labels(), f.seconds(), info, seed);
  }

  /** A segmentation of a model fitted elsewhere (the stream's final snapshot). */
  static Segmentation of(List<String> features, double[][] raw, Pipeline p, ClusterModel model, boolean density,
      Map<String, String> info, long seed) {
    double[][] z = p.transformAll(raw);
    return new Segmentation(features, raw, p, z, model, density, model.predict(z), 0, info, seed);
  }

  /** The feature columns for the report, with those left out as not features. */
  static String columnsNote(Table t) {
    return String.join(", ", t.columns) + (t.leftOut.isEmpty() ? ""
        : " (left out as not features: " + String.join(", ", t.leftOut) + ")");
  }

  /** Names the segments. */
  void name(Map<Integer, String> names) {
    bundle = bundle.withNames(names);
  }

  /** Names from each segment's most distinctive features. */
  Map<Integer, String> distinctiveNames() {
    return Personas.describe(bundle, populationMean, populationStd);
  }

  List<String> names() {
    List<String> out = new ArrayList<>();
    for (SegmentationBundle.Segment s : bundle.segments()) {
      out.add(s.name());
    }
    return out;
  }

  long[] sizes() {
    long[] out = new long[bundle.segments().size()];
    for (int s : slots) {
      if (s >= 0) {
        out[s]++;
      }
    }
    return out;
  }

  /** The segment name of every row ("noise" for noise). */
  String nameOf(int row) {
    return slots[row] < 0 ? "noise" : bundle.segments().get(slots[row]).name();
  }

  void writeBundle(Path file) throws IOException {
    ModelIO.write(bundle, file);
  }

  /** The score columns of the assignments: confidence, or the outlier score for density models. */
  List<String> scoreHeader() {
    return ScoreColumns.header(density);
  }

  /** Input rows with their segment, name, distance and confidence (or outlier score). */
  void writeAssignments(Path file, Table t) throws IOException {
    SegmentationBundle b = bundle;
    try (ScoredCsv out = new ScoredCsv(java.nio.file.Files.newOutputStream(file), t.header, density)) {
      for (int i = 0; i < z.length; i++) {
        out.row(t, i, b.scoreTransformed(z[i]));
      }
    }
  }

  static void fillScore(Object[] row, int at, SegmentationBundle.Score s, boolean density) {
    ScoreColumns.fill(row, at, s, density);
  }

  /** Six significant digits, as in every scored file. */
  static double round(double v) {
    return ScoreColumns.round(v);
  }

  SegmentProfiles profiles() {
    return SegmentProfiles.of(original, labels, null, features);
  }

  /** One line per segment and feature: segment, name, size, share and the feature's summary. */
  void writeProfiles(Path file) throws IOException {
    try (CsvWriter out = CsvWriter.open(file, List.of("segment", "name", "size", "share", "feature", "mean", "std",
        "min", "q1", "median", "q3", "max"))) {
      for (SegmentProfiles.Profile p : profiles().profiles()) {
        String name = p.label() == ClusterModel.NOISE ? "noise" : bundle.segment(p.label()).name();
        for (int j = 0; j < features.size(); j++) {
          SegmentProfiles.FeatureSummary f = p.features().get(j);
          out.row(p.label() == ClusterModel.NOISE ? "noise" : Integer.toString(p.label()), name, p.size(),
              round(p.share()), features.get(j), round(f.mean()), round(f.std()), round(f.min()), round(f.q1()),
              round(f.median()), round(f.q3()), round(f.max()));
        }
      }
    }
  }

  /** Scatter with centres, sizes, profiles, and the dendrogram for hierarchical models. */
  List<Charts.Image> charts(long seed) {
    List<Charts.Image> out = new ArrayList<>();
    out.add(scatter(seed));
    out.add(Charts.sizes("sizes.png", "Segment sizes", "rows", names(), sizes()));
    double[][] means = new double[bundle.segments().size()][];
    for (int s = 0; s < means.length; s++) {
      means[s] = bundle.segments().get(s).profile();
    }
    out.add(Charts.profiles(names(), features, means, populationMean));
    if (model instanceof HierarchicalModel) {
      HierarchicalModel h = (HierarchicalModel) model;
      var d = h.dendrogram();
      int k = h.clusterCount();
      int m = d.mergeCount();
      // The cut lies between the last merge kept and the first one undone.
      double cut = k >= 2 && m - k + 1 >= 0 && m - k + 1 < m ? (d.height(m - k) + d.height(m - k + 1)) / 2 : 0;
      out.add(Charts.dendrogram(d, 30, cut));
    }
    return out;
  }

  private Charts.Image scatter(long seed) {
    int d = features.size();
    double[][] centres = bundle.centres();
    if (d == 2) {
      double[][] c = new double[centres.length][];
      for (int i = 0; i < c.length; i++) {
        c[i] = Modeling.toOriginal(pipeline, centres[i]);
      }
      return Charts.scatter("Segments", features.get(0), features.get(1), i -> original[i], slots, names(), c, seed);
    }
    if (d == 1) {
      return Charts.scatter("Segments", features.get(0), "segment", i -> new double[] {original[i][0], slots[i]},
          slots, names(), null, seed);
    }
    int[] rows = Charts.sample(z.length, 20_000, seed);
    double[][] fitRows = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      fitRows[i] = z[rows[i]];
    }
    Pca pca = Pca.fit(Pca.Params.components(2), fitRows, pipeline.outputNames());
    double[] ratio = pca.explainedVarianceRatio();
    double[][] c = pca.transformAll(centres);
    // Only the rows the chart draws are projected.
    return Charts.scatter("Segments (principal components of the scaled features)",
        String.format(Locale.ROOT, "PC1 (%.1f%% of variance)", 100 * ratio[0]),
        String.format(Locale.ROOT, "PC2 (%.1f%% of variance)", 100 * ratio[1]), i -> pca.transform(z[i]), slots,
        names(), c, seed);
  }

  /** The segment table and quality indices. */
  void report(Report r) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("segments", Integer.toString(quality.clusters()));
    if (density) {
      q.put("noise rows", Integer.toString(quality.noise()));
    }
    String sampled = " (sampled: " + Modeling.SILHOUETTE_SAMPLE + " rows scored against "
        + Modeling.SILHOUETTE_REFERENCE + ")";
    q.put("silhouette (higher is better, -1..1)", Report.num(quality.silhouette())
        + (quality.silhouetteSe() > 0 ? " ± " + Report.num(quality.silhouetteSe()) + sampled : ""));
    q.put("Davies–Bouldin (lower is better)", Report.num(quality.daviesBouldin()));
    q.put("Calinski–Harabasz (higher is better)", Report.num(quality.calinskiHarabasz()));
    q.put("within-segment sum of squares (scaled units)", Report.num(quality.wcss()));
    q.put("fit time", Report.num(fitSeconds) + " s");
    r.heading("Quality").keyValues(q);
    List<String> header = new ArrayList<>(List.of("key (model label)", "name", "rows", "share"));
    for (String f : features) {
      header.add(f + " (mean)");
    }
    List<List<String>> rows = new ArrayList<>();
    List<Color> colours = new ArrayList<>();
    long[] sizes = sizes();
    long total = z.length;
    for (int s = 0; s < bundle.segments().size(); s++) {
      SegmentationBundle.Segment seg = bundle.segments().get(s);
      List<String> row = new ArrayList<>(List.of((s + 1) + " (label " + seg.label() + ")", seg.name(), Long.toString(sizes[s]),
          String.format(Locale.ROOT, "%.1f%%", 100.0 * sizes[s] / total)));
      for (double v : seg.profile()) {
        row.add(Report.num(v));
      }
      rows.add(row);
      colours.add(Charts.color(s));
    }
    double[] all = populationMean;
    List<String> pop = new ArrayList<>(List.of("all", "", Long.toString(total), "100%"));
    for (double v : all) {
      pop.add(Report.num(v));
    }
    rows.add(pop);
    colours.add(null);
    r.heading("Segments").table(header, rows, colours);
  }

  /** The data summary of the rows segmented. */
  void dataSummary(Report r, Map<String, String> extra) {
    // Without imputation the population's mean and std are the raw rows': two passes saved.
    dataSummary(r, features, raw, extra, original == raw ? new double[][] {populationMean, populationStd}
        : Modeling.meanAndStd(raw));
  }

  /** The data summary: per feature, count, missing, min, mean, max in original units. */
  static void dataSummary(Report r, List<String> features, double[][] raw, Map<String, String> extra) {
    dataSummary(r, features, raw, extra, Modeling.meanAndStd(raw));
  }

  private static void dataSummary(Report r, List<String> features, double[][] raw, Map<String, String> extra,
      double[][] ms) {
    r.heading("Data").keyValues(extra);
    List<List<String>> rows = new ArrayList<>();
    int d = features.size();
    double[] min = new double[d];
    double[] max = new double[d];
    long[] missing = new long[d];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (double[] x : raw) {
      for (int j = 0; j < d; j++) {
        if (Double.isNaN(x[j])) {
          missing[j]++;
        } else {
          min[j] = Math.min(min[j], x[j]);
          max[j] = Math.max(max[j], x[j]);
        }
      }
    }
    for (int j = 0; j < d; j++) {
      rows.add(List.of(features.get(j), Long.toString(missing[j]), Report.num(min[j]), Report.num(ms[0][j]),
          Report.num(ms[1][j]), Report.num(max[j])));
    }
    r.table(List.of("feature", "missing", "min", "mean", "std", "max"), rows, null);
  }
}
