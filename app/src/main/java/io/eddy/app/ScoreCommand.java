package io.eddy.app;

import io.eddy.features.ScoreColumns;
import io.eddy.features.SegmentationBundle;
import io.eddy.features.SimpleImputer;
import io.eddy.features.csv.CsvWriter;
import io.eddy.io.ModelIO;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eddy score}: segments of new rows, or of one point, with a saved bundle. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Scores new rows with a model saved by segment, rfm or stream: segment, name, distance to "
        + "the segment's centre (scaled units) and confidence (for density models, the outlier score).",
        "Confidence is the membership probability for mixtures and the margin 1 - d1/d2 otherwise "
            + "(d1: distance to the segment's centre, d2: to the nearest other centre)."})
final class ScoreCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "MODEL", description = "A model.eddy file.")
  Path model;

  @Parameters(index = "1", arity = "0..1", paramLabel = "DATA.csv",
      description = "Rows to score: a CSV with the model's feature columns (others are copied through).")
  Path data;

  @Option(names = "--point", split = ",", paramLabel = "X",
      description = "One point, its values in the model's feature order, comma-separated.")
  double[] point;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "Where to write the scored rows (default: standard output).")
  Path out;

  @Option(names = "--missing", defaultValue = "drop", paramLabel = "POLICY",
      completionCandidates = Options.MissingCandidates.class,
      description = "Rows with a missing feature: drop or fail; a model fitted with impute-mean imputes them. "
          + "Default: ${DEFAULT-VALUE}.")
  String missing;

  @Option(names = "--delimiter", defaultValue = ",", paramLabel = "CHAR", description = "Cell separator.")
  char delimiter;

  @Mixin
  Options.Common common;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if ((data == null) == (point == null)) {
      throw AppException.usage("give either DATA.csv or --point, not " + (data == null ? "neither" : "both"));
    }
    SegmentationBundle b = load(model);
    List<String> header = new ArrayList<>(ScoreColumns.header(b.density()));
    if (point != null) {
      if (point.length != b.featureNames().size()) {
        throw AppException.usage("--point has " + point.length + " values, expected " + b.featureNames().size()
            + " in this order: " + Table.quoted(b.featureNames()));
      }
      SegmentationBundle.Score s = score(b, point, "--point");
      PrintWriter w = spec.commandLine().getOut();
      try (CsvWriter csv = new CsvWriter(new NonClosing(w), header)) {
        Object[] row = new Object[4];
        Segmentation.fillScore(row, 0, s, b.density());
        csv.row(row);
      }
      w.flush();
      return Eddy.OK;
    }
    Progress progress = common.progress();
    boolean imputes = !b.pipeline().steps().isEmpty() && b.pipeline().steps().get(0) instanceof SimpleImputer;
    Table.Missing policy = imputes ? Table.Missing.IMPUTE_MEAN : Table.Missing.parse(missing);
    if (policy == Table.Missing.IMPUTE_MEAN && !imputes) {
      throw AppException.usage("this model was not fitted with --missing impute-mean; use drop or fail");
    }
    Table t = Table.read(data, b.featureNames(), policy, delimiter, progress);
    progress.phase("read " + t.size() + " rows" + (t.dropped > 0 ? ", dropped " + t.dropped + " with missing values"
        : ""));
    Path tmp = out == null ? null : Files.createTempFile(out.toAbsolutePath().getParent(), "." + out.getFileName(),
        ".partial");
    try {
      OutputStream o = out == null ? new NonClosingStream(System.out) : Files.newOutputStream(tmp);
      try (ScoredCsv csv = new ScoredCsv(o, t.header, b.density())) {
        for (int i = 0; i < t.size(); i++) {
          csv.row(t, i, score(b, t.values[i], data + " line " + t.lines[i]));
        }
      }
      if (tmp != null) {
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        tmp = null;
      }
    } finally {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
    progress.phase("scored " + t.size() + " rows" + (out == null ? "" : " into " + out));
    return Eddy.OK;
  }

  private static SegmentationBundle.Score score(SegmentationBundle b, double[] x, String where) {
    try {
      return b.score(x);
    } catch (IllegalArgumentException e) {
      throw AppException.data(where + ": " + e.getMessage());
    }
  }

  static SegmentationBundle load(Path file) throws IOException {
    try {
      return ModelIO.read(file, SegmentationBundle.class);
    } catch (NoSuchFileException e) {
      throw AppException.usage("no such model file: " + file);
    }
  }

  /** Lets a CSV writer close standard output's stream without closing it. */
  static final class NonClosingStream extends java.io.FilterOutputStream {
    NonClosingStream(OutputStream o) {
      super(o);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** Lets a CSV writer close without closing standard output. */
  static final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer w) {
      super(w);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
