package io.eddy.benchmarks.dashboard;

import io.eddy.ClusterModel;
import io.eddy.dashboard.Dashboard;
import io.eddy.features.Pipeline;
import io.eddy.features.SegmentationBundle;
import io.eddy.online.ConcurrentClusterer;
import io.eddy.online.SequentialKMeans;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on the dashboard's {@code POST /api/score} while a stream learns: a loopback load
 * generator ({@link HttpClient}, {@code clients} concurrent clients, each sending its next
 * request when the previous answer arrives) against a dashboard on a sequential k-means (k = 8,
 * d = 8) that learns a paced stream on another thread. Two request shapes: one point as JSON,
 * and a CSV of 100 rows. Reports throughput and latency percentiles, and beside them the same
 * scoring done in-process without HTTP (a {@link SegmentationBundle} on the same snapshot, the
 * same number of threads), as a ratio. Not a test and not JMH: wall-clock, bounded in count and
 * time, with a warm-up pass that is not counted.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.eddy.benchmarks.dashboard.ScoreLoad [clients=8] [requests per client=2000] [seconds=20]
 * [learn rate, points/s=20000]}.
 */
public final class ScoreLoad {

  private static final int DIM = 8;
  private static final int K = 8;
  private static final int CSV_ROWS = 100;

  private ScoreLoad() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int perClient = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    double learnRate = args.length > 3 ? Double.parseDouble(args[3]) : 20_000;
    System.out.printf(Locale.ROOT, "load average at start: %s%n", load());
    List<String> names = new ArrayList<>();
    for (int j = 1; j <= DIM; j++) {
      names.add("x" + j);
    }
    ConcurrentClusterer<?> shared = ConcurrentClusterer.wrap(new SequentialKMeans(SequentialKMeans.Params.DEFAULTS
        .withK(K)), 1_000, Duration.ofMillis(100));
    SplittableRandom r = new SplittableRandom(1);
    double[][] centres = new double[K][DIM];
    for (double[] c : centres) {
      for (int j = 0; j < DIM; j++) {
        c[j] = 10 * r.nextDouble();
      }
    }
    for (int i = 0; i < 5_000; i++) {
      shared.learn(point(centres, r));
    }
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong learned = new AtomicLong();
    try (Dashboard d = Dashboard.start(shared, Dashboard.Options.DEFAULTS.withFeatureNames(names))) {
      Thread learner = new Thread(() -> {
        SplittableRandom lr = new SplittableRandom(2);
        long start = System.nanoTime();
        for (long i = 0; running.get(); i++) {
          double[] x = point(centres, lr);
          shared.learn(x);
          d.offer(x);
          learned.incrementAndGet();
          long wait = start + (long) ((i + 1) * 1e9 / learnRate) - System.nanoTime();
          if (wait > 1_000_000) {
            try {
              TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
              return;
            }
          }
        }
      }, "learner");
      learner.setDaemon(true);
      learner.start();
      HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
      URI score = d.uri().resolve("/api/score");
      String[] json = new String[1_000];
      String[] csv = new String[50];
      SplittableRandom qr = new SplittableRandom(3);
      for (int i = 0; i < json.length; i++) {
        json[i] = "{\"point\":" + Arrays.toString(point(centres, qr)).replace(" ", "") + "}";
      }
      for (int i = 0; i < csv.length; i++) {
        StringBuilder sb = new StringBuilder(String.join(",", names)).append('\n');
        for (int k = 0; k < CSV_ROWS; k++) {
          double[] x = point(centres, qr);
          for (int j = 0; j < DIM; j++) {
            sb.append(j == 0 ? "" : ",").append(x[j]);
          }
          sb.append('\n');
        }
        csv[i] = sb.toString();
      }
      HttpRequest.Builder jsonReq = HttpRequest.newBuilder(score).header("Content-Type", "application/json");
      HttpRequest.Builder csvReq = HttpRequest.newBuilder(score).header("Content-Type", "text/csv");
      // Warm-up, not counted: the JIT compiles the server and the client.
      drive(http, jsonReq, json, clients, Math.min(perClient, 500), 5);
      drive(http, csvReq, csv, clients, Math.min(perClient / 10, 50), 5);
      long before = learned.get();
      long t0 = System.nanoTime();
      Result a = drive(http, jsonReq, json, clients, perClient, seconds);
      Result b = drive(http, csvReq, csv, clients, Math.max(1, perClient / 10), seconds);
      double learnedRate = (learned.get() - before) / ((System.nanoTime() - t0) / 1e9);
      // The same scoring in process: a bundle on the current snapshot, the same points, the same threads.
      ClusterModel snapshot = shared.snapshot();
      double[][] sample = new double[2_000][];
      for (int i = 0; i < sample.length; i++) {
        sample[i] = point(centres, qr);
      }
      SegmentationBundle bundle = SegmentationBundle.train(new Pipeline(names, List.of(), List.of()), snapshot,
          sample, false, Map.of());
      double[][] pts = new double[json.length][];
      SplittableRandom pr = new SplittableRandom(3);
      for (int i = 0; i < pts.length; i++) {
        pts[i] = point(centres, pr);
      }
      double inProcess = inProcess(bundle, pts, clients, Math.max(a.count, 200_000) / clients);
      running.set(false);
      learner.join();
      System.out.printf(Locale.ROOT, "clients %d, stream learning at %.0f points/s meanwhile%n", clients, learnedRate);
      a.print("JSON, 1 point", 1);
      b.print("CSV, " + CSV_ROWS + " rows", CSV_ROWS);
      System.out.printf(Locale.ROOT, "in process, no HTTP: %.0f points/s; ratio to JSON over HTTP %.1f, to CSV "
          + "rows over HTTP %.1f%n", inProcess, inProcess / a.perSecond, inProcess / (b.perSecond * CSV_ROWS));
      System.out.printf(Locale.ROOT, "load average at end: %s%n", load());
      ((ExecutorService) http.executor().orElseThrow()).shutdownNow();
    }
  }

  private static double[] point(double[][] centres, SplittableRandom r) {
    double[] c = centres[r.nextInt(centres.length)];
    double[] x = new double[DIM];
    for (int j = 0; j < DIM; j++) {
      x[j] = c[j] + (r.nextDouble() - 0.5) * 2;
    }
    return x;
  }

  private record Result(int count, double perSecond, long[] nanos, int errors) {
    void print(String what, int rows) {
      long[] s = nanos.clone();
      Arrays.sort(s);
      System.out.printf(Locale.ROOT, "%-14s %7d requests, %8.0f requests/s (%8.0f rows/s), latency ms p50 %.2f "
          + "p90 %.2f p99 %.2f max %.2f, errors %d%n", what, count, perSecond, perSecond * rows, ms(s, 0.5),
          ms(s, 0.9), ms(s, 0.99), s.length == 0 ? 0 : s[s.length - 1] / 1e6, errors);
    }

    private static double ms(long[] sorted, double q) {
      return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
    }
  }

  /** {@code clients} closed loops of at most {@code perClient} requests or {@code seconds}. */
  private static Result drive(HttpClient http, HttpRequest.Builder req, String[] bodies, int clients, int perClient,
      int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long t0 = System.nanoTime();
    List<Future<long[]>> futures = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    for (int c = 0; c < clients; c++) {
      int offset = c * 7;
      futures.add(pool.submit(() -> {
        long[] lat = new long[perClient];
        int n = 0;
        while (n < perClient && System.nanoTime() < deadline) {
          HttpRequest q = req.copy().POST(HttpRequest.BodyPublishers.ofString(bodies[(offset + n) % bodies.length]))
              .build();
          long s = System.nanoTime();
          HttpResponse<String> resp = http.send(q, HttpResponse.BodyHandlers.ofString());
          lat[n++] = System.nanoTime() - s;
          if (resp.statusCode() != 200) {
            errors.incrementAndGet();
          }
        }
        return Arrays.copyOf(lat, n);
      }));
    }
    List<long[]> all = new ArrayList<>();
    int total = 0;
    for (Future<long[]> f : futures) {
      long[] l = f.get();
      all.add(l);
      total += l.length;
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    long[] merged = new long[total];
    int at = 0;
    for (long[] l : all) {
      System.arraycopy(l, 0, merged, at, l.length);
      at += l.length;
    }
    return new Result(total, total / elapsed, merged, (int) errors.get());
  }

  private static double inProcess(SegmentationBundle bundle, double[][] pts, int threads, int perThread)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int pass = 0; pass < 2; pass++) {
        long t0 = System.nanoTime();
        List<Future<Double>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          // Each thread its own copy, as the bundle's javadoc advises for heavy scoring.
          SegmentationBundle mine = bundle.copy();
          fs.add(pool.submit(() -> {
            double sink = 0;
            for (int i = 0; i < perThread; i++) {
              sink += mine.score(pts[i % pts.length]).distance();
            }
            return sink;
          }));
        }
        double sink = 0;
        for (Future<Double> f : fs) {
          sink += f.get();
        }
        double rate = (double) threads * perThread / ((System.nanoTime() - t0) / 1e9);
        if (pass == 1) {
          return sink == 42 ? rate + 1e-9 : rate;
        }
      }
      throw new AssertionError();
    } finally {
      pool.shutdownNow();
    }
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
