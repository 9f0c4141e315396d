package io.eddy.flink;

import io.eddy.features.StandardScaler;
import io.eddy.features.Transformer;
import io.eddy.features.csv.CsvReader;
import io.eddy.io.ModelIO;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * The runnable segmentation job ({@code flink/target/eddy-flink-job.jar}). With
 * {@code java -jar} it runs on a local mini-cluster; submitted with {@code flink run} it runs
 * on that cluster.
 *
 * <pre>
 * java -jar eddy-flink-job.jar --input customers.csv --columns "Age,Income" --standardize \
 *     --algorithm sequential-kmeans --param k=5 --parallelism 2 --merge-every 1000 --out out/
 * java -jar eddy-flink-job.jar --kafka-bootstrap localhost:9092 --topic events \
 *     --algorithm minibatch-kmeans --param k=8 --parallelism 4 --merge-every 10s
 * </pre>
 *
 * <p>With {@code --out DIR} (bounded input only) it writes {@code DIR/model.eddy} (the last
 * merged model, readable by {@link ModelIO}), {@code DIR/state.eddy} (the merged learning
 * state) and {@code DIR/assignments.csv} ({@code id,segment,score,model_version}, by id).
 * With Kafka it also writes assignments and snapshots to Kafka topics; see {@link KafkaIO}.
 */
public final class EddyFlinkJob {

  static final String USAGE = """
      Usage: eddy-flink-job (--input FILE.csv | --kafka-bootstrap HOST:PORT --topic T)
                            --algorithm NAME [--param k=v ...] [options]
        --parallelism P           learners and assigners (default 2)
        --merge-every N|DURATION  merge every N events, or every 500ms, 10s, 5m... (default 10000)
        --event-time              a DURATION is in event time (row number or Kafka timestamp)
        --out DIR                 write model.eddy, state.eddy, assignments.csv (bounded input)
        --columns A,B,...         CSV feature columns (default: the numeric ones but the id)
        --id-column NAME          CSV id column (default: the row number)
        --standardize             fit a standard scaler on the CSV and apply it in the job
        --pipeline FILE.eddy      a fitted feature transformer (ModelIO) applied in the job
        --assignments-topic T     default: <topic>-assignments
        --snapshots-topic T       default: <topic>-snapshots
        --sync-topic T            Kafka: learners continue from every merged model, which comes
                                  back through T (one partition, this job's only); with
                                  checkpoints each sync waits for one, so checkpoint often
        --group-id G              Kafka consumer group (default eddy-flink)
        --bounded                 Kafka: stop at the offsets latest when the job starts
        --checkpoint-every DURATION  checkpoints (default: off; 10s with Kafka, whose sinks
                                  commit exactly once at checkpoints)
      Mergeable clusterers: %s
      """;

  private EddyFlinkJob() {
  }

  /** Runs the job; exits with status 2 on bad arguments. */
  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      usage(System.err, e.getMessage());
      System.exit(2);
      return;
    }
    run(o, System.out);
  }

  private static void usage(PrintStream out, String problem) {
    if (problem != null) {
      out.println("error: " + problem);
    }
    out.printf(Locale.ROOT, USAGE, io.eddy.Clusterers.withCapability(io.eddy.Capability.MERGEABLE));
  }

  /** The parsed command line. */
  record Options(Path input, String bootstrap, String topic, JobSpec spec, Path out, List<String> columns,
      String idColumn, boolean standardize, Path pipeline, String assignmentsTopic, String snapshotsTopic,
      String groupId, boolean bounded, long checkpointMillis, String syncTopic) {

    static Options parse(String[] args) {
      Map<String, String> params = new LinkedHashMap<>();
      Map<String, String> flags = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--standardize", "--bounded", "--event-time" -> flags.put(a, "true");
          case "--help", "-h" -> throw new IllegalArgumentException((String) null);
          default -> {
            if (!a.startsWith("--") || i + 1 >= args.length) {
              throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String v = args[++i];
            if (a.equals("--param")) {
              int eq = v.indexOf('=');
              if (eq <= 0) {
                throw new IllegalArgumentException("--param takes name=value, got '" + v + "'");
              }
              params.put(v.substring(0, eq).trim(), v.substring(eq + 1).trim());
            } else {
              flags.put(a, v);
            }
          }
        }
      }
      for (String k : flags.keySet()) {
        if (!List.of("--input", "--kafka-bootstrap", "--topic", "--algorithm", "--parallelism", "--merge-every",
            "--out", "--columns", "--id-column", "--standardize", "--pipeline", "--assignments-topic",
            "--snapshots-topic", "--group-id", "--bounded", "--event-time", "--checkpoint-every", "--sync-topic")
            .contains(k)) {
          throw new IllegalArgumentException("unknown option " + k);
        }
      }
      Path input = flags.containsKey("--input") ? Path.of(flags.get("--input")) : null;
      String bootstrap = flags.get("--kafka-bootstrap");
      String topic = flags.get("--topic");
      if ((input == null) == (bootstrap == null) || (bootstrap == null) != (topic == null)) {
        throw new IllegalArgumentException("give either --input FILE.csv or --kafka-bootstrap HOST:PORT --topic T");
      }
      if (!flags.containsKey("--algorithm")) {
        throw new IllegalArgumentException("--algorithm is required");
      }
      boolean bounded = flags.containsKey("--bounded");
      Path out = flags.containsKey("--out") ? Path.of(flags.get("--out")) : null;
      if (out != null && bootstrap != null && !bounded) {
        throw new IllegalArgumentException("--out needs a bounded input: add --bounded to read Kafka up to now");
      }
      if (flags.containsKey("--standardize") && (input == null || flags.containsKey("--pipeline"))) {
        throw new IllegalArgumentException("--standardize fits on a CSV --input and excludes --pipeline");
      }
      long[] every = JobSpec.parseMergeEvery(flags.getOrDefault("--merge-every", "10000"));
      int parallelism = integer(flags.getOrDefault("--parallelism", "2"), "--parallelism");
      JobSpec spec = new JobSpec(flags.get("--algorithm"), params, parallelism, every[0], every[1],
          flags.containsKey("--event-time"));
      long checkpoint = bootstrap != null ? 10_000 : 0;
      if (flags.containsKey("--checkpoint-every")) {
        long[] c = JobSpec.parseMergeEvery(flags.get("--checkpoint-every"));
        if (c[1] == 0) {
          throw new IllegalArgumentException("--checkpoint-every takes a duration such as 10s");
        }
        checkpoint = c[1];
      }
      if (flags.containsKey("--sync-topic") && bootstrap == null) {
        throw new IllegalArgumentException("--sync-topic needs --kafka-bootstrap");
      }
      List<String> columns = flags.containsKey("--columns") ? List.of(flags.get("--columns").split(",")) : null;
      return new Options(input, bootstrap, topic, spec, out, columns, flags.get("--id-column"),
          flags.containsKey("--standardize"), flags.containsKey("--pipeline") ? Path.of(flags.get("--pipeline")) : null,
          flags.getOrDefault("--assignments-topic", topic + "-assignments"),
          flags.getOrDefault("--snapshots-topic", topic + "-snapshots"),
          flags.getOrDefault("--group-id", "eddy-flink"), bounded, checkpoint, flags.get("--sync-topic"));
    }

    private static int integer(String v, String name) {
      try {
        return Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be an integer, got '" + v + "'");
      }
    }
  }

  /** Builds and runs the job; returns the last snapshot, or null if no model became ready. */
  static ModelSnapshot run(Options o, PrintStream log) throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(o.spec().parallelism());
    if (o.checkpointMillis() > 0) {
      env.enableCheckpointing(o.checkpointMillis());
      // A few restarts from the last checkpoint, then the failure surfaces (Flink's default
      // with checkpoints restarts forever).
      Configuration restart = new Configuration();
      restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
      restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
      env.configure(restart);
    }
    byte[] pipeline = o.pipeline() == null ? null : Files.readAllBytes(o.pipeline());
    if (pipeline != null) {
      ModelIO.fromBytes(pipeline, Transformer.class);
    }
    DataStream<Event> events;
    WatermarkStrategy<Event> watermarks = o.spec().eventTime()
        ? WatermarkStrategy.<Event>forMonotonousTimestamps().withTimestampAssigner((e, t) -> e.time)
        : WatermarkStrategy.noWatermarks();
    if (o.input() != null) {
      List<Event> rows = readCsv(o);
      if (o.standardize()) {
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < x.length; i++) {
          x[i] = rows.get(i).features;
        }
        pipeline = ModelIO.toBytes(StandardScaler.fit(x));
      }
      log.printf(Locale.ROOT, "read %d rows of %d features from %s%n", rows.size(),
          rows.isEmpty() ? 0 : rows.get(0).features.length, o.input());
      events = env.fromData(rows, SegmentationJob.EVENT).setParallelism(1)
          .assignTimestampsAndWatermarks(watermarks).setParallelism(1);
    } else {
      events = env.fromSource(KafkaIO.source(o.bootstrap(), o.topic(), o.groupId(), o.bounded()), watermarks,
          "kafka-events");
    }
    SegmentationJob.Outputs outs = SegmentationJob.build(events, o.spec(), pipeline,
        o.syncTopic() == null ? null : o.bootstrap(), o.syncTopic());
    if (o.bootstrap() != null) {
      String prefix = "eddy-" + o.spec().algorithm() + "-" + o.topic();
      outs.assignments().sinkTo(KafkaIO.assignmentSink(o.bootstrap(), o.assignmentsTopic(), prefix + "-assignments"))
          .name("assignments").uid(o.spec().algorithm() + "/assignments-out");
      outs.snapshots().filter(s -> s.model != null).setParallelism(1)
          .sinkTo(KafkaIO.snapshotSink(o.bootstrap(), o.snapshotsTopic(), prefix + "-snapshots")).setParallelism(1)
          .name("snapshots").uid(o.spec().algorithm() + "/snapshots-out");
    }
    if (o.out() == null) {
      env.execute("eddy segmentation: " + o.spec().algorithm());
      return null;
    }
    CloseableIterator<Assignment> assigned = outs.assignments().collectAsync();
    CloseableIterator<ModelSnapshot> snapshots = outs.snapshots().collectAsync();
    long start = System.nanoTime();
    List<Assignment> all = new ArrayList<>();
    Latest merged;
    // Each collect sink blocks the job while its bounded buffer is full, so both must be drained
    // while the job runs: behind a blocking execute() the job stalls for good once the
    // assignments outgrow the buffer (200,000 events did). The snapshots drain on a second thread.
    try (assigned; snapshots) {
      JobClient job = env.executeAsync("eddy segmentation: " + o.spec().algorithm());
      // Only the latest snapshot is written: the others are counted, not kept (each holds a model).
      FutureTask<Latest> drain = new FutureTask<>(() -> {
        Latest latest = new Latest();
        snapshots.forEachRemaining(latest::offer);
        return latest;
      });
      Thread drainer = new Thread(drain, "eddy-snapshots");
      drainer.setDaemon(true);
      drainer.start();
      assigned.forEachRemaining(all::add);
      try {
        merged = drain.get();
        job.getJobExecutionResult().get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }
    ModelSnapshot last = merged.last;
    long count = merged.count;
    double seconds = (System.nanoTime() - start) / 1e9;
    Files.createDirectories(o.out());
    all.sort(Comparator.comparingLong(a -> a.id));
    try (BufferedWriter w = Files.newBufferedWriter(o.out().resolve("assignments.csv"), StandardCharsets.UTF_8)) {
      w.write("id,segment,score,model_version\n");
      for (Assignment a : all) {
        w.write(a.toCsv() + "," + a.modelVersion + "\n");
      }
    }
    if (last == null || last.model == null) {
      log.printf(Locale.ROOT, "no model: the clusterer was never ready (%d events)%n", all.size());
      return null;
    }
    Files.write(o.out().resolve("model.eddy"), last.model);
    Files.write(o.out().resolve("state.eddy"), last.state);
    log.printf(Locale.ROOT, "%d events assigned, %d merged models, the last from %d events, in %.1f s; wrote %s%n",
        all.size(), count, last.seen, seconds, o.out());
    return last;
  }

  /** The snapshot of the highest version among those offered, and how many were offered. */
  private static final class Latest {
    ModelSnapshot last;
    long count;

    void offer(ModelSnapshot s) {
      count++;
      if (last == null || s.version > last.version) {
        last = s;
      }
    }
  }

  /** The CSV's rows as events: the feature columns, and the id column or row number. */
  static List<Event> readCsv(Options o) throws IOException {
    List<String> columns = o.columns() != null ? o.columns() : numericColumns(o.input(), o.idColumn());
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(o.input() + " has no numeric column; name them with --columns");
    }
    CsvReader reader = new CsvReader(CsvReader.Params.DEFAULTS);
    return reader.read(o.input(), row -> {
      double[] x = new double[columns.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = row.doubleValue(columns.get(i).trim());
      }
      long id = o.idColumn() != null ? row.longValue(o.idColumn()) : row.line() - 2;
      return new Event(id, x, row.line() - 2);
    }).rows();
  }

  /** The columns whose first value is a number, the id column excepted. */
  private static List<String> numericColumns(Path file, String idColumn) throws IOException {
    List<String> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      CSVRecord first = parser.iterator().hasNext() ? parser.iterator().next() : null;
      for (String name : parser.getHeaderNames()) {
        if (first == null || name.equals(idColumn)) {
          continue;
        }
        try {
          Double.parseDouble(first.get(name).trim());
          out.add(name);
        } catch (NumberFormatException notNumeric) {
          // a categorical column: left out unless a pipeline encodes it
        }
      }
    }
    return out;
  }
}
