package io.eddy.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.ClusterModel;
import io.eddy.SegmentEvent;
import io.eddy.features.ScoreColumns;
import io.eddy.features.SegmentationBundle;
import io.eddy.online.ConcurrentClusterer;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP API, through a real client against a server on an ephemeral loopback port. */
@Timeout(60)
class DashboardApiTest {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static SegmentationBundle bundle;
  static Dashboard saved;

  @BeforeAll
  static void start() throws Exception {
    bundle = Fixtures.bundle();
    saved = Dashboard.start(bundle, Dashboard.Options.DEFAULTS.withUploadLimit(4_000));
    for (double[] x : Fixtures.customers(300, 11)) {
      saved.offer(x);
    }
  }

  @AfterAll
  static void stop() {
    saved.close();
  }

  static HttpResponse<String> post(Dashboard d, String type, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(d.uri().resolve("/api/score")).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(Dashboard d, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(d.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String text) {
    return new org.openqa.selenium.json.Json().toType(text, Map.class);
  }

  static double number(Object o) {
    return ((Number) o).doubleValue();
  }

  @Test
  void bindsToLoopbackByDefault() {
    assertThat(saved.uri().getHost()).isEqualTo("127.0.0.1");
    assertThat(saved.port()).isPositive();
  }

  @Test
  @SuppressWarnings("unchecked")
  void modelJsonHasEverySegmentWithItsCentreInOriginalUnits() throws Exception {
    HttpResponse<String> r = get(saved, "/api/model");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    Map<String, Object> m = json(r.body());
    assertThat(m.get("features")).isEqualTo(Fixtures.FEATURES);
    List<Map<String, Object>> segs = (List<Map<String, Object>>) m.get("segments");
    assertThat(segs).hasSize(3);
    for (Map<String, Object> s : segs) {
      int label = ((Number) s.get("label")).intValue();
      SegmentationBundle.Segment expected = bundle.segment(label);
      assertThat(s.get("name")).isEqualTo(expected.name());
      assertThat(number(s.get("size"))).isEqualTo(expected.size());
      List<Number> centre = (List<Number>) s.get("center");
      // The centre comes back to original units: within a few units of one of the true groups.
      double best = Double.POSITIVE_INFINITY;
      for (double[] c : Fixtures.CENTRES) {
        best = Math.min(best, Math.hypot(centre.get(0).doubleValue() - c[0], centre.get(1).doubleValue() - c[1]));
      }
      assertThat(best).isLessThan(2.0);
    }
    assertThat(((List<?>) ((Map<String, Object>) m.get("sample")).get("x"))).hasSize(300);
    Map<String, Object> q = (Map<String, Object>) m.get("quality");
    // Three separated blobs: a high silhouette, a low Davies-Bouldin.
    assertThat(number(q.get("silhouette"))).isGreaterThan(0.7);
    assertThat(number(q.get("daviesBouldin"))).isLessThan(0.5);
    assertThat(number(q.get("calinskiHarabasz"))).isGreaterThan(100);
  }

  @Test
  void csvRoundTripAppendsTheSameScoresAsTheLibrary() throws Exception {
    double[][] rows = Fixtures.customers(60, 99);
    HttpResponse<String> r = post(saved, "text/csv", Fixtures.csv(rows));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<CSVRecord> out = CSVFormat.RFC4180.parse(new java.io.StringReader(r.body())).getRecords();
    assertThat(out.get(0).toList()).containsExactly("id", "income", "spending", "segment", "name", "distance",
        "confidence");
    assertThat(out).hasSize(61);
    for (int i = 0; i < rows.length; i++) {
      CSVRecord row = out.get(i + 1);
      SegmentationBundle.Score s = bundle.score(rows[i]);
      assertThat(row.get(0)).isEqualTo("c" + i);
      assertThat(Double.parseDouble(row.get(1))).isEqualTo(rows[i][0]);
      assertThat(row.get(3)).isEqualTo(Integer.toString(s.segment()));
      assertThat(row.get(4)).isEqualTo(s.name());
      assertThat(Double.parseDouble(row.get(5))).isEqualTo(ScoreColumns.round(s.distance()));
      assertThat(Double.parseDouble(row.get(6))).isEqualTo(ScoreColumns.round(s.confidence()));
    }
    assertThat(r.headers().firstValue("X-Eddy-Rows")).hasValue("60");
  }

  @Test
  void rowsWithAMissingFeatureAreDroppedAndCounted() throws Exception {
    HttpResponse<String> r = post(saved, "text/csv", "income,spending\n30,80\n70,NA\n,20\n105,70\n");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body().lines().count()).isEqualTo(3);
    assertThat(r.headers().firstValue("X-Eddy-Dropped")).hasValue("2");
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonScoreEqualsTheLibrarysScoreAndPlacesThePoint() throws Exception {
    double[] point = {72, 18};
    HttpResponse<String> r = post(saved, "application/json", "{ \"point\" : [72, 18.0] }");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Map<String, Object> m = json(r.body());
    SegmentationBundle.Score s = bundle.score(point);
    assertThat(((Number) m.get("segment")).intValue()).isEqualTo(s.segment());
    assertThat(m.get("name")).isEqualTo(s.name());
    assertThat(number(m.get("distance"))).isEqualTo(s.distance());
    assertThat(number(m.get("confidence"))).isEqualTo(s.confidence());
    // Two features: the scatter is in original units, so the point sits at its own values.
    assertThat((List<Number>) m.get("xy")).extracting(Number::doubleValue).containsExactly(72.0, 18.0);
  }

  @Test
  void malformedInputIsA400WithTheCommandLinesMessage() throws Exception {
    HttpResponse<String> r = post(saved, "application/json", "{\"point\": [1, 2, 3]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("the point has 3 values, expected 2 in this order: \"income\", \"spending\"");

    r = post(saved, "text/csv", "income,spending\n30,80\n70,abc\n");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("line 3: column 'spending' is 'abc', expected a finite number");

    r = post(saved, "text/csv", "income,age\n30,80\n");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).startsWith("no column 'spending' in the upload").contains("\"income\", \"age\"");

    r = post(saved, "text/csv", "income,spending\n30,80,1\n");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("line 2: 3 cells, expected 2 (one per header column)");

    r = post(saved, "application/json", "{\"points\": [1, 2]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("{\"point\": [numbers]}");

    r = post(saved, "application/json", "{\"point\": [1, \"x\"]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("expected a number");

    r = post(saved, "application/xml", "<point/>");
    assertThat(r.statusCode()).isEqualTo(415);

    assertThat(get(saved, "/api/score").statusCode()).isEqualTo(405);
    assertThat(get(saved, "/static/../Dashboard.class").statusCode()).isEqualTo(404);
  }

  @Test
  void bodiesPastTheLimitAre413WithOrWithoutALength() throws Exception {
    String big = Fixtures.csv(Fixtures.customers(200, 5));
    assertThat(big.length()).isGreaterThan(4_000);
    HttpResponse<String> r = post(saved, "text/csv", big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("4000 bytes");
    // Chunked: no Content-Length, so the limit is found while streaming.
    byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
    r = HTTP.send(HttpRequest.newBuilder(saved.uri().resolve("/api/score")).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    // Just under the limit passes.
    assertThat(post(saved, "text/csv", Fixtures.csv(Fixtures.customers(40, 5))).statusCode()).isEqualTo(200);
  }

  @Test
  void pageAndChartLibraryAreServedFromTheJar() throws Exception {
    HttpResponse<String> page = get(saved, "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").doesNotContain("https://");
    HttpResponse<String> lib = get(saved, "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
    assertThat(lib.statusCode()).isEqualTo(200);
    assertThat(lib.body()).contains("uPlot");
    assertThat(get(saved, "/static/app.js").statusCode()).isEqualTo(200);
    assertThat(get(saved, "/nope").statusCode()).isEqualTo(404);
  }

  /** A learner thread feeding the clusterer (and the dashboard's sample) until stopped. */
  static final class Learner implements AutoCloseable {
    final AtomicBoolean running = new AtomicBoolean(true);
    final Thread thread;

    Learner(ConcurrentClusterer<?> c, Dashboard d, long pauseMicros) {
      thread = new Thread(() -> {
        long i = 0;
        while (running.get()) {
          double[][] batch = Fixtures.customers(30, i++);
          for (double[] x : batch) {
            c.learn(x);
            d.offer(x);
          }
          if (pauseMicros > 0) {
            try {
              TimeUnit.MICROSECONDS.sleep(pauseMicros);
            } catch (InterruptedException e) {
              return;
            }
          }
        }
      });
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(5_000);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void serverSentEventsDeliverTicksWhileLearning() throws Exception {
    ConcurrentClusterer<?> c = Fixtures.clusterer();
    try (Dashboard d = Dashboard.start(c, Dashboard.Options.DEFAULTS.withFeatureNames(Fixtures.FEATURES)
        .withInterval(Duration.ofMillis(100)));
        Learner l = new Learner(c, d, 2_000)) {
      HttpResponse<java.io.InputStream> r = HTTP.send(HttpRequest.newBuilder(d.uri().resolve("/api/events")).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
      List<Map<String, Object>> ticks = new ArrayList<>();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
        String event = null;
        for (String line; ticks.size() < 5 && (line = in.readLine()) != null; ) {
          if (line.startsWith("event: ")) {
            event = line.substring(7);
          } else if (line.startsWith("data: ") && "tick".equals(event)) {
            ticks.add(json(line.substring(6)));
          }
        }
      }
      assertThat(ticks).hasSize(5);
      double first = number(ticks.get(0).get("seen"));
      double last = number(ticks.get(4).get("seen"));
      assertThat(last).isGreaterThan(first);
      Map<String, Object> t = ticks.get(4);
      assertThat(t.get("ready")).isEqualTo(true);
      assertThat(((Number) t.get("segments")).intValue()).isEqualTo(3);
      assertThat((List<Object>) t.get("drift")).hasSize(3);
      assertThat(number(t.get("rate"))).isPositive();
    }
  }

  /** Reads the ticks of a dashboard's event stream on its own thread, so that none is missed while the test learns. */
  static final class TickReader implements AutoCloseable {
    final BlockingQueue<Map<String, Object>> ticks = new LinkedBlockingQueue<>();
    final Thread thread;
    final InputStream body;

    TickReader(Dashboard d) throws Exception {
      HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(d.uri().resolve("/api/events")).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertThat(r.statusCode()).isEqualTo(200);
      body = r.body();
      thread = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
          String event = null;
          for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("event: ")) {
              event = line.substring(7);
            } else if (line.startsWith("data: ") && "tick".equals(event)) {
              ticks.add(json(line.substring(6)));
            }
          }
        } catch (java.io.IOException e) {
          // The stream was closed.
        }
      });
      thread.setDaemon(true);
      thread.start();
    }

    /** The next tick, waiting up to 20 s. */
    Map<String, Object> next() throws InterruptedException {
      Map<String, Object> t = ticks.poll(20, TimeUnit.SECONDS);
      assertThat(t).as("a tick within 20 s").isNotNull();
      return t;
    }

    @Override
    public void close() throws Exception {
      body.close();
    }
  }

  static String describe(Map<String, Object> e) {
    return e.get("type") + " " + e.get("from") + " " + e.get("to");
  }

  static String describe(SegmentEvent e) {
    String type = switch (e.kind()) {
      case BORN -> "birth";
      case VANISHED -> "vanish";
      case MERGED -> "merge";
      case SPLIT -> "split";
    };
    return type + " " + e.from() + " " + e.to();
  }

  @Test
  @SuppressWarnings("unchecked")
  void serverSentEventsCarryTheLineageOfADensityClustererWithItsLabels() throws Exception {
    ConcurrentClusterer<?> c = Fixtures.dbstream();
    try (Dashboard d = Dashboard.start(c, Dashboard.Options.DEFAULTS.withFeatureNames(Fixtures.XY).withDensity(true)
        .withInterval(Duration.ofMillis(20)));
        TickReader reader = new TickReader(d)) {
      SplittableRandom rng = new SplittableRandom(3);
      List<List<Map<String, Object>>> byPhase = new ArrayList<>();
      List<ClusterModel> ends = new ArrayList<>();
      List<Map<String, Object>> lineageTicks = new ArrayList<>();
      Map<String, Object> last = null;
      int t = 0;
      for (int phase = 0; phase < 3; phase++) {
        for (int i = 0; i < Fixtures.PHASE; i++) {
          double[] x = Fixtures.scripted(t++, rng);
          c.learn(x);
          d.offer(x);
        }
        c.publish();
        ends.add(c.snapshot());
        long sequence = c.lineageSequence();
        List<Map<String, Object>> these = new ArrayList<>();
        // Every tick up to the first that has seen the whole phase and its last reclustering.
        do {
          last = reader.next();
          if (Boolean.TRUE.equals(last.get("lineage"))) {
            lineageTicks.add(last);
          }
          these.addAll((List<Map<String, Object>>) last.get("events"));
        } while (number(last.get("seen")) < t || number(last.get("sequence")) < sequence);
        byPhase.add(these);
      }
      // Once the clusterer has reclustered, every tick speaks from its lineage; the first says
      // so, and no event of the heuristic survives it.
      assertThat(lineageTicks).isNotEmpty();
      assertThat(lineageTicks.get(0)).containsEntry("restart", true);
      List<String> passedOn = new ArrayList<>();
      for (List<Map<String, Object>> these : byPhase) {
        for (Map<String, Object> e : these) {
          passedOn.add(describe(e));
        }
      }
      int heuristic = passedOn.size();
      for (Map<String, Object> tick : lineageTicks) {
        heuristic -= ((List<?>) tick.get("events")).size();
      }
      List<String> lineage = passedOn.subList(heuristic, passedOn.size());
      // Exactly the clusterer's events, each once, in order.
      assertThat(lineage).isEqualTo(c.events(0).stream().map(DashboardApiTest::describe).toList());

      // With the labels of the snapshots: A and B born, then C, then B vanished.
      int a = ends.get(0).predict(new double[] {0, 0});
      int b = ends.get(0).predict(new double[] {10, 0});
      int cLabel = ends.get(1).predict(new double[] {0, 12});
      assertThat(a).isNotEqualTo(ClusterModel.NOISE);
      assertThat(b).isNotIn(a, ClusterModel.NOISE);
      assertThat(cLabel).isNotIn(a, b, ClusterModel.NOISE);
      assertThat(byPhase.get(0)).extracting(DashboardApiTest::describe)
          .contains("birth [] [" + a + "]", "birth [] [" + b + "]");
      assertThat(byPhase.get(1)).extracting(DashboardApiTest::describe).contains("birth [] [" + cLabel + "]");
      assertThat(byPhase.get(2)).extracting(DashboardApiTest::describe).contains("vanish [" + b + "] []");
      assertThat(ends.get(2).predict(new double[] {10, 0})).isEqualTo(ClusterModel.NOISE);
      // The page's totals count those events.
      Map<String, Object> totals = (Map<String, Object>) last.get("totals");
      assertThat(number(totals.get("births"))).isEqualTo(lineage.stream().filter(e -> e.startsWith("birth")).count());
      assertThat(number(totals.get("vanishings")))
          .isEqualTo(lineage.stream().filter(e -> e.startsWith("vanish")).count()).isPositive();
      assertThat(number(totals.get("merges")) + number(totals.get("splits")))
          .isEqualTo(lineage.stream().filter(e -> e.startsWith("merge") || e.startsWith("split")).count());
      // The live segments of the last tick are those of the model the API answers from.
      List<Object> segments = (List<Object>) json(get(d, "/api/model").body()).get("segments");
      assertThat(segments).extracting(s -> ((Number) ((Map<String, Object>) s).get("label")).intValue())
          .contains(a, cLabel).doesNotContain(b);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void concurrentScoringWhileLearningNeverFails() throws Exception {
    ConcurrentClusterer<?> c = Fixtures.clusterer();
    try (Dashboard d = Dashboard.start(c, Dashboard.Options.DEFAULTS.withFeatureNames(Fixtures.FEATURES)
        .withInterval(Duration.ofMillis(50)));
        Learner l = new Learner(c, d, 500)) {
      while (!c.isReady()) {
        Thread.sleep(5);
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int seed = t;
          results.add(pool.submit(() -> {
            List<String> problems = new ArrayList<>();
            double[][] pts = Fixtures.customers(30, 1000 + seed);
            for (int i = 0; i < pts.length; i++) {
              HttpResponse<String> r = i % 3 == 0
                  ? post(d, "text/csv", Fixtures.csv(Arrays.copyOfRange(pts, i, Math.min(pts.length, i + 10))))
                  : i % 3 == 1 ? post(d, "application/json", "{\"point\":[" + pts[i][0] + "," + pts[i][1] + "]}")
                  : get(d, "/api/model");
              if (r.statusCode() != 200) {
                problems.add(r.statusCode() + " " + r.body());
              } else if (i % 3 == 1) {
                int segment = ((Number) json(r.body()).get("segment")).intValue();
                if (segment < 0 || segment > 2) {
                  problems.add("segment " + segment);
                }
              }
            }
            return problems;
          }));
        }
        for (Future<List<String>> f : results) {
          assertThat(f.get(50, TimeUnit.SECONDS)).isEmpty();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(c.seen()).isGreaterThan(100);
    }
  }

  @Test
  void aLiveDashboardWithoutAClusteringYetAnswers503ToScores() throws Exception {
    ConcurrentClusterer<?> c = Fixtures.clusterer();
    try (Dashboard d = Dashboard.start(c, Dashboard.Options.DEFAULTS.withFeatureNames(Fixtures.FEATURES))) {
      HttpResponse<String> r = post(d, "application/json", "{\"point\":[1,2]}");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).contains("no model yet");
      assertThat(json(get(d, "/api/model").body()).get("ready")).isEqualTo(false);
    }
  }
}
