package io.eddy.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options several commands share, as picocli mixins. */
final class Options {

  private Options() {}

  /** Verbosity. */
  static final class Common {
    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stderr but errors.")
    boolean quiet;

    Progress progress() {
      return Progress.onStderr(quiet);
    }
  }

  /** Which columns of a table, and how to treat them. */
  static final class Table {
    @Option(names = {"-c", "--columns"}, split = ",", paramLabel = "NAME",
        description = "Numeric columns to use, comma-separated. Default: every numeric column except those that "
            + "are not features: the time column, columns named like an identifier (id, customer_id, CustomerID, "
            + "userId, index, an empty name) and columns holding the row number (0, 1, 2... or 1, 2, 3...); the "
            + "run says which it left out.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--scale", defaultValue = "standard", paramLabel = "HOW",
        completionCandidates = ScaleCandidates.class,
        description = "Scaling before clustering: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--missing", defaultValue = "drop", paramLabel = "POLICY",
        completionCandidates = MissingCandidates.class,
        description = "Rows with a missing value (empty, NA, NaN, null, ?) in a chosen column: drop them, "
            + "fail, or impute-mean (the saved model then imputes too). Default: ${DEFAULT-VALUE}.")
    String missing;

    @Option(names = "--delimiter", defaultValue = ",", paramLabel = "CHAR",
        description = "Cell separator, an ASCII character (default: ${DEFAULT-VALUE}).")
    char delimiter;

    io.eddy.app.Table read(java.nio.file.Path file, Progress progress) throws java.io.IOException {
      return read(file, List.of(), progress);
    }

    /**
     * Reads the table.
     *
     * @param notFeatures columns the command uses otherwise (the time column): features only when
     *     listed in {@code --columns}
     */
    io.eddy.app.Table read(java.nio.file.Path file, List<String> notFeatures, Progress progress)
        throws java.io.IOException {
      io.eddy.app.Table t = io.eddy.app.Table.read(file, columns, notFeatures, missingPolicy(), delimiter, progress);
      progress.phase("read " + t.size() + " rows x " + t.columns.size() + " columns from " + file
          + (t.dropped > 0 ? "; dropped " + t.dropped + " rows with missing values" : "")
          + (t.leftOut.isEmpty() ? "" : "; left out as not features: " + io.eddy.app.Table.quoted(t.leftOut)
              + " (name them in --columns to use them)"));
      return t;
    }

    io.eddy.app.Table.Missing missingPolicy() {
      return io.eddy.app.Table.Missing.parse(missing);
    }

    Modeling.Scale scaling() {
      return Modeling.Scale.parse(scale);
    }
  }

  /** The clusterer and its parameters. */
  static final class Algorithm {
    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
        description = "A parameter of the algorithm (repeatable); eddy list shows them all.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
        description = "Seed of the samples drawn for charts and indices (default: ${DEFAULT-VALUE}); "
            + "the algorithm's own seed is --param seed=N.")
    long seed;

    @Option(names = "--no-charts", description = "Draw no chart (the report then has tables only): faster in scripts.")
    boolean noCharts;

    // Not --format: rfm's --format names its input's format.
    @Option(names = "--chart-format", defaultValue = "png", paramLabel = "FORMAT",
        completionCandidates = ChartFormatCandidates.class, converter = ChartFormatConverter.class,
        description = "Chart files: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); the report embeds the PNG "
            + "when there is one, else the SVG.")
    Charts.Format chartFormat;

    /** The chart format. */
    Charts.Format format() {
      return chartFormat;
    }

    /** The chart format, or null with {@code --no-charts}. */
    Charts.Format charts() {
      return noCharts ? null : chartFormat;
    }
  }

  static final class ScaleCandidates extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    ScaleCandidates() {
      super(List.of("standard", "minmax", "robust", "none"));
    }
  }

  /** Parses {@code --chart-format} while the command line is read, before any work. */
  static final class ChartFormatConverter implements picocli.CommandLine.ITypeConverter<Charts.Format> {
    @Override
    public Charts.Format convert(String value) {
      try {
        return Charts.Format.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  static final class ChartFormatCandidates extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    ChartFormatCandidates() {
      super(List.of("png", "svg", "both"));
    }
  }

  static final class MissingCandidates extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    MissingCandidates() {
      super(List.of("drop", "fail", "impute-mean"));
    }
  }

  /**
   * The registered names, for completion: looked up when iterated (help, completion), not when
   * the command line is built, which would load every clusterer at every start.
   */
  static final class AlgorithmCandidates implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return io.eddy.Clusterers.names().iterator();
    }
  }
}
