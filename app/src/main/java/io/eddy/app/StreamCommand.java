package io.eddy.app;

import io.eddy.CentroidModel;
import io.eddy.ClusterModel;
import io.eddy.DecayingClusterer;
import io.eddy.OnlineClusterer;
import io.eddy.eval.PrequentialEvaluator;
import io.eddy.features.Pipeline;
import io.eddy.features.csv.CsvWriter;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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

/** {@code eddy stream}: learn a table row by row and watch the segments move. */
@Command(name = "stream", mixinStandardHelpOptions = true,
    description = {"Learns the rows in file order with an online clusterer, evaluated prequentially (each row is "
        + "assigned before it is learnt), and writes to DIR:",
        "  checkpoints.csv  per checkpoint: segments, window silhouette, WCSS, noise share, rows per second",
        "  centres.csv      per checkpoint and segment: weight and centre in original units",
        "  events.csv       segment births and deaths",
        "  drift.png, segments-over-time.png, quality-over-time.png, the final segments' charts, model.eddy "
            + "and report.html.",
        "The scaling is fitted on the first --warmup rows. With --time-column, decaying clusterers (denstream, "
            + "dbstream) decay by event time: numbers are used as given, ISO dates or date-times become days "
            + "since the first row."})
final class StreamCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "EVENTS.csv", description = "Events, one per row, in arrival order.")
  Path data;

  @Mixin
  Options.Table table;

  @Option(names = {"-a", "--algorithm"}, defaultValue = "sequential-kmeans", paramLabel = "NAME",
      completionCandidates = Options.AlgorithmCandidates.class,
      description = "An online clusterer (eddy list). Default: ${DEFAULT-VALUE}.")
  String algorithm;

  @Mixin
  Options.Algorithm algo;

  @Option(names = "--time-column", paramLabel = "T", description = "The event time column, if any.")
  String timeColumn;

  @Option(names = "--checkpoints", defaultValue = "50", paramLabel = "N",
      description = "How many checkpoints along the stream (default: ${DEFAULT-VALUE}).")
  int checkpoints;

  @Option(names = "--window", defaultValue = "1000", paramLabel = "N",
      description = "Rows in the sliding window the quality is measured on (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--warmup", defaultValue = "1000", paramLabel = "N",
      description = "Rows the scaling is fitted on (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Mixin
  Options.Common common;

  /** Passes each row's event time to a decaying clusterer. */
  static final class Timed<M extends ClusterModel> implements OnlineClusterer<M> {
    final DecayingClusterer<M> inner;
    double time;

    Timed(DecayingClusterer<M> inner) {
      this.inner = inner;
    }

    @Override
    public void learn(double[] point) {
      inner.learn(point, 1.0, Math.max(time, inner.time()));
    }

    @Override
    public int predict(double[] point) {
      return inner.predict(point);
    }

    @Override
    public M snapshot() {
      return inner.snapshot();
    }

    @Override
    public long seen() {
      return inner.seen();
    }

    @Override
    public int dimension() {
      return inner.dimension();
    }
  }

  @Override
  public Integer call() throws Exception {
    Progress progress = common.progress();
    if (checkpoints < 2 || window < 2 || warmup < 2) {
      throw AppException.usage("--checkpoints, --window and --warmup must be at least 2");
    }
    Modeling.Scale scale = table.scaling();
    Table t = table.read(data, timeColumn == null ? List.of() : List.of(timeColumn), progress);
    double[] times = timeColumn == null ? null : times(t);
    double[][] head = Arrays.copyOf(t.values, Math.min(warmup, t.size()));
    Pipeline p = Modeling.pipeline(t.columns, head, scale, table.missingPolicy() == Table.Missing.IMPUTE_MEAN);
    double[][] z = p.transformAll(t.values);
    OnlineClusterer<?> learner;
    try {
      learner = io.eddy.Clusterers.online(algorithm, algo.params);
    } catch (IllegalArgumentException e) {
      throw AppException.usage(e.getMessage());
    }
    Timed<?> timed = times != null && learner instanceof DecayingClusterer ? timed((DecayingClusterer<?>) learner)
        : null;
    OnlineClusterer<?> driven = timed != null ? timed : learner;
    int interval = Math.max(1, t.size() / checkpoints);
    PrequentialEvaluator eval = new PrequentialEvaluator(driven,
        PrequentialEvaluator.Params.DEFAULTS.withCheckpointInterval(Integer.MAX_VALUE).withWindowSize(window));
    List<Double> xs = new ArrayList<>();
    List<PrequentialEvaluator.Checkpoint> marks = new ArrayList<>();
    Map<Integer, List<double[]>> paths = new TreeMap<>();
    List<Object[]> centreRows = new ArrayList<>();
    List<Object[]> events = new ArrayList<>();
    List<double[]> born = new ArrayList<>();
    List<double[]> gone = new ArrayList<>();
    int[] previous = new int[0];
    progress.start("learning", t.size());
    long t0 = System.nanoTime();
    for (int i = 0; i < t.size(); i++) {
      if (timed != null) {
        timed.time = times[i];
      }
      try {
        eval.accept(z[i]);
      } catch (IllegalArgumentException e) {
        throw AppException.data(data + " line " + t.lines[i] + ": " + e.getMessage());
      }
      if ((i + 1) % interval == 0 || i == t.size() - 1) {
        double x = times == null ? i + 1 : times[i];
        PrequentialEvaluator.Checkpoint c = eval.checkpoint();
        marks.add(c);
        xs.add(x);
        ClusterModel m = snapshotIfReady(driven);
        int[] labels = m == null ? new int[0] : m.labels();
        for (int l : labels) {
          if (Arrays.binarySearch(previous, l) < 0) {
            events.add(new Object[] {i + 1, x, "birth", l});
            born.add(new double[] {x, labels.length});
          }
          if (m instanceof CentroidModel) {
            double[] centre = ((CentroidModel) m).center(l);
            firstCentres.putIfAbsent(l, centre);
            paths.computeIfAbsent(l, k -> new ArrayList<>())
                .add(new double[] {marks.size() - 1, distance(centre, firstCentres.get(l))});
            Object[] row = new Object[4 + centre.length];
            row[0] = i + 1;
            row[1] = x;
            row[2] = l;
            row[3] = ((CentroidModel) m).weight(l);
            double[] orig = Modeling.toOriginal(p, centre);
            for (int j = 0; j < orig.length; j++) {
              row[4 + j] = Segmentation.round(orig[j]);
            }
            centreRows.add(row);
          }
        }
        for (int l : previous) {
          if (Arrays.binarySearch(labels, l) < 0) {
            events.add(new Object[] {i + 1, x, "death", l});
            gone.add(new double[] {x, labels.length});
          }
        }
        previous = labels;
      }
      if ((i & 1023) == 0) {
        progress.update(i);
      }
    }
    progress.finish();
    double seconds = (System.nanoTime() - t0) / 1e9;
    progress.phase("learnt " + t.size() + " rows in " + Report.num(seconds) + " s; " + previous.length + " segments");
    ClusterModel last;
    try {
      last = driven.snapshot();
    } catch (IllegalStateException e) {
      throw AppException.data(algorithm + " has no model after " + t.size() + " rows: " + e.getMessage()
          + "; give it a longer stream or other parameters (eddy list)");
    }
    if (last.clusterCount() == 0) {
      throw AppException.data(algorithm + " found no cluster in the stream; try other parameters (eddy list)");
    }
    Map<String, String> info = new LinkedHashMap<>();
    info.put("command", "stream");
    info.put("data", data.toString());
    info.put("columns", Segmentation.columnsNote(t));
    info.put("algorithm", algorithm);
    info.put("parameters", algo.params.isEmpty() ? "defaults" : algo.params.toString());
    info.put("scaling", scale.id() + " (fitted on the first " + head.length + " rows)");
    info.put("time column", timeColumn == null ? "none (x axis: rows seen)" : timeColumn
        + (timed != null ? " (decay by event time)" : ""));
    info.put("checkpoint every", interval + " rows");
    info.put("sliding window", window + " rows");
    info.put("learning throughput", Report.num(t.size() / seconds) + " rows/s (including evaluation)");
    Segmentation s = Segmentation.of(t.columns, t.values, p, last,
        Modeling.provider(algorithm).capabilities().contains(io.eddy.Capability.NOISE), info, algo.seed);
    s.name(s.distinctiveNames());
    String xTitle = times == null ? "rows seen" : timeColumn + (dates ? " (days since first row)" : "");
    double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
    List<Charts.Image> charts = new ArrayList<>();
    if (!algo.noCharts) {
      List<String> names = new ArrayList<>();
      List<double[]> ys = new ArrayList<>();
      List<Color> colours = new ArrayList<>();
      int[] finalLabels = last.labels();
      for (Map.Entry<Integer, List<double[]>> e : paths.entrySet()) {
        double[] y = new double[x.length];
        Arrays.fill(y, Double.NaN);
        for (double[] pt : e.getValue()) {
          y[(int) pt[0]] = pt[1];
        }
        int slot = Arrays.binarySearch(finalLabels, e.getKey());
        names.add(slot >= 0 ? s.bundle.segments().get(slot).name() : "segment " + e.getKey() + " (gone)");
        ys.add(y);
        colours.add(slot >= 0 ? Charts.color(slot) : Charts.NOISE);
      }
      charts.add(Charts.lines("drift.png", "Centroid drift: distance from each centre's first position", xTitle,
          "distance (scaled units)", x, names, ys, colours));
      double[] count = new double[x.length];
      double[] sil = new double[x.length];
      double[] noise = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        count[i] = marks.get(i).clusters();
        sil[i] = marks.get(i).silhouette();
        noise[i] = marks.get(i).noiseShare();
      }
      charts.add(Charts.countWithEvents("Segments over time, with births and deaths", xTitle, x, count,
          Charts.column(born.toArray(new double[0][]), 0), Charts.column(born.toArray(new double[0][]), 1),
          Charts.column(gone.toArray(new double[0][]), 0), Charts.column(gone.toArray(new double[0][]), 1)));
      charts.add(Charts.lines("quality-over-time.png", "Quality over time (sliding window of " + window + " rows)",
          xTitle, "value", x, List.of("silhouette", "unassigned share (noise, or before a first clustering)"), List.of(sil, noise),
          List.of(Charts.color(0), Charts.NOISE.darker())));
      charts.addAll(s.charts(algo.seed));
    }
    try (OutputDir dir = new OutputDir(out)) {
      Files.writeString(dir.file("checkpoints.csv"), eval.report().toCsv(), StandardCharsets.UTF_8);
      List<String> h = new ArrayList<>(List.of("seen", "x", "segment", "weight"));
      h.addAll(t.columns);
      try (CsvWriter w = CsvWriter.open(dir.file("centres.csv"), h)) {
        for (Object[] row : centreRows) {
          w.row(row);
        }
      }
      try (CsvWriter w = CsvWriter.open(dir.file("events.csv"), List.of("seen", "x", "event", "segment"))) {
        for (Object[] row : events) {
          w.row(row);
        }
      }
      s.writeBundle(dir.file("model.eddy"));
      s.writeProfiles(dir.file("profiles.csv"));
      Charts.saveAll(charts, dir, algo.format());
      Report r = new Report("Stream segmentation of " + data.getFileName());
      r.heading("Run").keyValues(info);
      Map<String, String> summary = new LinkedHashMap<>();
      summary.put("rows learnt", Integer.toString(t.size()));
      summary.put("rows dropped for missing values", Long.toString(t.dropped));
      summary.put("births", Long.toString(events.stream().filter(e -> "birth".equals(e[2])).count()));
      summary.put("deaths", Long.toString(events.stream().filter(e -> "death".equals(e[2])).count()));
      s.dataSummary(r, summary);
      r.paragraph("Segments and quality of the final model over all rows:");
      s.report(r);
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

  // Each segment's centre when first seen, in model space, for its drift.
  private final Map<Integer, double[]> firstCentres = new TreeMap<>();
  // Whether the time column held dates (then x is in days since the first row).
  private boolean dates;

  /** The model so far, or null while the clusterer is still warming up (it has none yet). */
  private static ClusterModel snapshotIfReady(OnlineClusterer<?> c) {
    try {
      return c.snapshot();
    } catch (IllegalStateException e) {
      return null;
    }
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return Math.sqrt(s);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Timed<?> timed(DecayingClusterer<?> c) {
    return new Timed(c);
  }

  private double[] times(Table t) {
    int col = t.header.indexOf(timeColumn);
    if (col < 0) {
      throw AppException.usage("no time column '" + timeColumn + "' in " + data + "; available columns: "
          + Table.quoted(t.header));
    }
    double[] out = new double[t.size()];
    double origin = Double.NaN;
    for (int i = 0; i < out.length; i++) {
      String text = t.cell(i, col).trim();
      double v;
      try {
        v = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        v = Double.NaN;
      }
      if (!Double.isFinite(v)) {
        long millis = epochMillis(text, t.lines[i]);
        dates = true;
        if (Double.isNaN(origin)) {
          origin = millis;
        }
        v = (millis - origin) / 86_400_000.0;
      }
      out[i] = v;
    }
    return out;
  }

  private long epochMillis(String text, long line) {
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw AppException.data(data + " line " + line + ": time '" + text + "' is neither a number nor an ISO date "
          + "or date-time (" + String.format(Locale.ROOT, "e.g. %s", "2024-03-01T12:30:00") + ")");
    }
  }
}
