package io.eddy.app;

import io.eddy.Capability;
import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.dashboard.Dashboard;
import io.eddy.features.Pipeline;
import io.eddy.features.SegmentationBundle;
import io.eddy.online.ConcurrentClusterer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eddy serve}: the dashboard on a saved model, or on a stream learned while you watch. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the segmentation dashboard (overview, predict, batch, analytics, live) until Ctrl-C.",
        "  --model DIR/model.eddy     a model saved by segment, rfm or stream (--data adds rows to draw)",
        "  --stream EVENTS.csv        learns the rows in file order at --rate rows per second with an online "
            + "clusterer, while the Live page follows it",
        "The server listens on 127.0.0.1 (this machine only) unless --bind says otherwise; it has no "
            + "authentication."})
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--model", paramLabel = "MODEL", description = "A model.eddy file to serve.")
  Path model;

  @Option(names = "--data", paramLabel = "DATA.csv",
      description = "With --model: rows with the model's feature columns to draw and to measure quality on.")
  Path data;

  @Option(names = "--stream", paramLabel = "EVENTS.csv", description = "Events to learn, one per row, in order.")
  Path stream;

  @Mixin
  Options.Table table;

  @Option(names = {"-a", "--algorithm"}, defaultValue = "sequential-kmeans", paramLabel = "NAME",
      completionCandidates = Options.AlgorithmCandidates.class,
      description = "With --stream: an online clusterer (eddy list). Default: ${DEFAULT-VALUE}.")
  String algorithm;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
      description = "A parameter of the algorithm (repeatable); eddy list shows them all.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--rate", defaultValue = "1000", paramLabel = "ROWS_PER_S",
      description = "With --stream: rows learned per second, 0 for as fast as possible (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--warmup", defaultValue = "1000", paramLabel = "N",
      description = "With --stream: rows the scaling is fitted on (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
      description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String bind;

  @Option(names = "--upload-limit", defaultValue = "10", paramLabel = "MIB",
      description = "Largest CSV upload in MiB (default: ${DEFAULT-VALUE}).")
  int uploadLimit;

  @Mixin
  Options.Common common;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if ((model == null) == (stream == null)) {
      throw AppException.usage("give either --model or --stream, not " + (model == null ? "neither" : "both"));
    }
    if (data != null && model == null) {
      throw AppException.usage("--data goes with --model");
    }
    if (!(rate >= 0) || warmup < 2 || uploadLimit < 1) {
      throw AppException.usage("--rate must be >= 0, --warmup >= 2 and --upload-limit >= 1");
    }
    Progress progress = common.progress();
    Dashboard.Options options;
    try {
      options = Dashboard.Options.DEFAULTS.withPort(port).withBind(bind).withUploadLimit((long) uploadLimit << 20);
    } catch (IllegalArgumentException e) {
      throw AppException.usage(e.getMessage());
    }
    Dashboard dashboard;
    Thread learner = null;
    if (model != null) {
      SegmentationBundle b = ScoreCommand.load(model);
      dashboard = Dashboard.start(b, options.withTitle("Eddy · " + model));
      if (data != null) {
        Table t = Table.read(data, b.featureNames(), Table.Missing.DROP, table.delimiter, progress);
        offerAll(dashboard, t.values);
      }
    } else {
      Table t = table.read(stream, progress);
      double[][] head = Arrays.copyOf(t.values, Math.min(warmup, t.size()));
      Pipeline p = Modeling.pipeline(t.columns, head, table.scaling(),
          table.missingPolicy() == Table.Missing.IMPUTE_MEAN);
      OnlineClusterer<?> inner;
      try {
        inner = Clusterers.online(algorithm, params);
      } catch (IllegalArgumentException e) {
        throw AppException.usage(e.getMessage());
      }
      // Readers see a new snapshot about ten times a second, whatever the pace.
      ConcurrentClusterer<?> shared = ConcurrentClusterer.wrap(inner,
          rate > 0 ? Math.max(1, (long) (rate / 10)) : 10_000, Duration.ofMillis(100));
      boolean density = Modeling.provider(algorithm).capabilities().contains(Capability.NOISE);
      dashboard = Dashboard.start(shared, options.withPipeline(p).withDensity(density)
          .withTitle("Eddy · " + algorithm + " on " + stream.getFileName()));
      learner = learn(shared, dashboard, p, t, progress);
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("eddy serve: dashboard at " + dashboard.uri() + (dashboard.uri().getHost().startsWith("127.")
        ? " (bound to " + bind + ": this machine only)" : " (bound to " + bind + ": reachable from the network, "
        + "no authentication)") + "; Ctrl-C to stop");
    err.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Dashboard d = dashboard;
    Thread hook = new Thread(() -> {
      d.close();
      stopped.countDown();
    }, "eddy-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // Stopped by the embedding program (the tests): close as Ctrl-C would.
      Thread.currentThread().interrupt();
    } finally {
      if (learner != null) {
        learner.interrupt();
        learner.join(TimeUnit.SECONDS.toMillis(5));
      }
      dashboard.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down.
      }
    }
    return Eddy.OK;
  }

  private static void offerAll(Dashboard d, double[][] rows) {
    for (double[] x : rows) {
      if (finite(x)) {
        d.offer(x);
      }
    }
  }

  private static boolean finite(double[] x) {
    for (double v : x) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Learns the table's rows in order, paced at {@link #rate}, on a daemon thread. */
  private Thread learn(ConcurrentClusterer<?> shared, Dashboard d, Pipeline p, Table t, Progress progress) {
    double[][] z = p.transformAll(t.values);
    List<String> names = t.columns;
    Thread th = new Thread(() -> {
      long start = System.nanoTime();
      for (int i = 0; i < z.length && !Thread.currentThread().isInterrupted(); i++) {
        try {
          shared.learn(z[i]);
        } catch (IllegalArgumentException e) {
          System.err.println("eddy serve: " + stream + " line " + t.lines[i] + ": " + e.getMessage()
              + "; learning stopped");
          return;
        }
        if (finite(t.values[i])) {
          d.offer(t.values[i]);
        }
        if (rate > 0) {
          long due = start + (long) ((i + 1) * 1e9 / rate);
          long wait = due - System.nanoTime();
          if (wait > 1_000_000) {
            try {
              TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
              return;
            }
          }
        }
      }
      shared.publish();
      progress.phase("learnt all " + z.length + " rows of " + stream + " (" + names.size()
          + " features); still serving");
    }, "eddy-serve-learner");
    th.setDaemon(true);
    th.start();
    return th;
  }
}
