package io.eddy.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.eddy.ClusterModel;
import io.eddy.SegmentEvent;
import io.eddy.features.Pipeline;
import io.eddy.features.SegmentationBundle;
import io.eddy.online.ConcurrentClusterer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A segmentation dashboard in the browser, served beside a running service or a saved model:
 * an overview scatter with segment cards, a prediction form, batch scoring of a CSV upload,
 * analytics (sizes, profiles in original units, quality indices) and, for a learning
 * clusterer, a live page updated by server-sent events.
 *
 * <pre>{@code
 * ConcurrentClusterer<?> shared = ConcurrentClusterer.wrap(clusterer, 1_000, Duration.ofMillis(200));
 * try (Dashboard d = Dashboard.start(shared, Dashboard.Options.DEFAULTS.withPort(8080)
 *     .withFeatureNames(List.of("items", "value")))) {
 *   // the service learns through shared.learn(x) and may d.offer(x) to draw recent points
 * }
 * }</pre>
 *
 * <h2>HTTP API</h2>
 * <ul>
 *   <li>{@code GET /api/model}: the segments (label, name, size, centre and profile in original
 *       units, position on the scatter), the recent sample, quality indices.
 *   <li>{@code POST /api/score}: a {@code text/csv} body with a header line returns the CSV with
 *       {@code segment,name,distance,confidence} appended ({@code outlier_score} instead of
 *       confidence for a density model), as {@code eddy score} writes it; an {@code
 *       application/json} body {@code {"point": [...]}} returns the point's score as JSON.
 *       Malformed input is a 400 whose plain-text body says what is wrong (and on which line);
 *       a body past {@link Options#uploadLimit()} is a 413; before the clusterer's first
 *       snapshot, a 503.
 *   <li>{@code GET /api/events}: server-sent events, one {@code tick} per {@link
 *       Options#interval()} while a clusterer learns, with the segment events since the
 *       previous tick: the clusterer's own lineage (births, vanishings, merges, splits, with its
 *       labels) if it keeps one, as DBSTREAM, DenStream and D-Stream do; otherwise births,
 *       vanishings and merges guessed by comparing successive snapshots.
 * </ul>
 *
 * <p><b>Consistency.</b> Each request answers from one published snapshot of the clusterer
 * (see {@link ConcurrentClusterer}): it never sees a half-updated model, and may lag the
 * learner by the wrapper's publication interval.
 *
 * <p><b>Threads.</b> Requests run on a pool of {@value #THREADS} daemon threads (an event
 * stream holds one while it is open, so at most {@value #MAX_EVENT_CLIENTS} streams are
 * accepted; more get a 503). A live dashboard also runs one daemon ticker thread. Scoring
 * costs the pipeline's transform plus O(k·d) per row; the indices of the live page cost a
 * sampled silhouette of at most 400 points per tick.
 *
 * <p><b>Security.</b> The server binds to {@code 127.0.0.1} by default, so only the local
 * machine reaches it, and logs the address it is bound to when it starts. It has no
 * authentication: bind to another address only on a trusted network or behind a proxy that
 * authenticates. Uploads are read through a size limit. Nothing is fetched from the internet:
 * the page and its chart library (uPlot) are served from the jar.
 *
 * <p><b>System property.</b> Unless already set, the class sets {@code
 * sun.net.httpserver.nodelay=true} when it loads (see the comment in the source for why), which
 * also applies to any other JDK HTTP server the application starts afterwards.
 *
 * <p>Thread-safe. {@link #close()} stops the server and its threads.
 */
public final class Dashboard implements AutoCloseable {

  /** Request threads. */
  public static final int THREADS = 16;
  /** Concurrent event streams. */
  public static final int MAX_EVENT_CLIENTS = 8;

  private static final System.Logger LOG = System.getLogger(Dashboard.class.getName());

  static {
    // Without TCP_NODELAY the JDK's server answers a small keep-alive request only after the
    // client's delayed acknowledgement: ScoreLoad measured a median of 47 ms per JSON score
    // against 8 ms with it. The server reads the property once, when its first instance starts,
    // so it is set here unless the application chose otherwise.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }
  private static final String WEBJARS = "META-INF/resources/webjars/";

  /**
   * How to serve.
   *
   * @param port the TCP port, 0 for any free one ({@link #port()} tells which); default 0
   * @param bind the address to listen on; default {@code 127.0.0.1} (this machine only)
   * @param featureNames the names of the raw features, in the order points are given; default
   *     the pipeline's input names, or {@code x1, x2, ...}
   * @param pipeline for a clusterer that learns transformed rows: the fitted pipeline from raw
   *     rows (original units) to the clusterer's space, so that forms, uploads and profiles
   *     speak original units; null (the default) when the clusterer learns raw rows
   * @param density whether the clusterer is a density model (noise, outlier scores); default false
   * @param uploadLimit the largest request body in bytes; default 10 MiB
   * @param sampleSize how many recent points {@link #offer} keeps for the scatter and the
   *     quality indices; default 2,000
   * @param interval how often the live page is updated; default 1 s
   * @param title the page title; default "Eddy"
   */
  public record Options(int port, String bind, List<String> featureNames, Pipeline pipeline, boolean density,
      long uploadLimit, int sampleSize, Duration interval, String title) {

    /** The defaults. */
    public static final Options DEFAULTS = new Options(0, "127.0.0.1", List.of(), null, false, 10L << 20, 2_000,
        Duration.ofSeconds(1), "Eddy");

    /** Validates. */
    public Options {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port is " + port + ", expected 0..65535");
      }
      if (bind == null || bind.isBlank()) {
        throw new IllegalArgumentException("the bind address is blank");
      }
      featureNames = List.copyOf(featureNames == null ? List.of() : featureNames);
      if (uploadLimit < 1) {
        throw new IllegalArgumentException("uploadLimit is " + uploadLimit + ", expected at least 1 byte");
      }
      if (sampleSize < 0) {
        throw new IllegalArgumentException("sampleSize is " + sampleSize + ", expected at least 0");
      }
      if (interval == null || interval.toMillis() < 10) {
        throw new IllegalArgumentException("interval is " + interval + ", expected at least 10 ms");
      }
      if (title == null) {
        throw new IllegalArgumentException("title is null");
      }
    }

    public Options withPort(int v) {
      return new Options(v, bind, featureNames, pipeline, density, uploadLimit, sampleSize, interval, title);
    }

    public Options withBind(String v) {
      return new Options(port, v, featureNames, pipeline, density, uploadLimit, sampleSize, interval, title);
    }

    public Options withFeatureNames(List<String> v) {
      return new Options(port, bind, v, pipeline, density, uploadLimit, sampleSize, interval, title);
    }

    public Options withPipeline(Pipeline v) {
      return new Options(port, bind, featureNames, v, density, uploadLimit, sampleSize, interval, title);
    }

    public Options withDensity(boolean v) {
      return new Options(port, bind, featureNames, pipeline, v, uploadLimit, sampleSize, interval, title);
    }

    public Options withUploadLimit(long v) {
      return new Options(port, bind, featureNames, pipeline, density, v, sampleSize, interval, title);
    }

    public Options withSampleSize(int v) {
      return new Options(port, bind, featureNames, pipeline, density, uploadLimit, v, interval, title);
    }

    public Options withInterval(Duration v) {
      return new Options(port, bind, featureNames, pipeline, density, uploadLimit, sampleSize, v, title);
    }

    public Options withTitle(String v) {
      return new Options(port, bind, featureNames, pipeline, density, uploadLimit, sampleSize, interval, v);
    }
  }

  private final Options options;
  private final ConcurrentClusterer<?> clusterer;
  private final SegmentationBundle bundle;
  private final Pipeline pipeline;
  private final Sample sample;
  private final Events events = new Events(MAX_EVENT_CLIENTS);
  private final Map<String, byte[]> assets = new ConcurrentHashMap<>();
  private final Object building = new Object();
  private final HttpServer server;
  private final ExecutorService pool;
  private final ScheduledExecutorService ticker;
  private final URI uri;
  private volatile ModelView view;

  private Dashboard(ConcurrentClusterer<?> clusterer, SegmentationBundle bundle, Options options) throws IOException {
    this.options = options;
    this.clusterer = clusterer;
    this.bundle = bundle;
    this.pipeline = bundle != null ? bundle.pipeline() : pipelineFor(clusterer, options);
    this.sample = new Sample(options.sampleSize(), pipeline.inputDimension());
    InetAddress address = InetAddress.getByName(options.bind());
    server = HttpServer.create(new InetSocketAddress(address, options.port()), 64);
    pool = Executors.newFixedThreadPool(THREADS, daemon("eddy-dashboard-http-"));
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
    int port = server.getAddress().getPort();
    String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    uri = URI.create("http://" + host + ":" + port + "/");
    if (clusterer != null) {
      ticker = Executors.newSingleThreadScheduledExecutor(daemon("eddy-dashboard-ticker-"));
      Live live = new Live();
      long every = options.interval().toMillis();
      ticker.scheduleWithFixedDelay(() -> tick(live), 0, every, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
    LOG.log(System.Logger.Level.INFO, "Eddy dashboard listening on " + uri
        + (address.isLoopbackAddress() ? " (this machine only)" : " (reachable from the network: no authentication)"));
  }

  /**
   * Starts a dashboard on a learning clusterer: the pages follow its published snapshots.
   *
   * @param clusterer the shared clusterer the service learns through
   * @param options where to listen and how to read points; the feature names (or pipeline) are
   *     needed if the clusterer has not learned a point yet
   * @throws IOException if the address cannot be bound
   * @throws IllegalArgumentException if the feature names do not fit the clusterer
   */
  public static Dashboard start(ConcurrentClusterer<?> clusterer, Options options) throws IOException {
    if (clusterer == null || options == null) {
      throw new IllegalArgumentException("clusterer and options must be given");
    }
    return new Dashboard(clusterer, null, options);
  }

  /**
   * Starts a dashboard on a saved segmentation (a static model; the live page says so). The
   * options' feature names and pipeline are ignored: the bundle has its own.
   *
   * @throws IOException if the address cannot be bound
   */
  public static Dashboard start(SegmentationBundle bundle, Options options) throws IOException {
    if (bundle == null || options == null) {
      throw new IllegalArgumentException("bundle and options must be given");
    }
    return new Dashboard(null, bundle, options);
  }

  private static Pipeline pipelineFor(ConcurrentClusterer<?> c, Options o) {
    if (o.pipeline() != null) {
      if (!o.featureNames().isEmpty() && !o.featureNames().equals(o.pipeline().inputNames())) {
        throw new IllegalArgumentException("featureNames " + o.featureNames() + " differ from the pipeline's inputs "
            + o.pipeline().inputNames());
      }
      if (c.dimension() > 0 && c.dimension() != o.pipeline().outputDimension()) {
        throw new IllegalArgumentException("the pipeline produces " + o.pipeline().outputDimension()
            + " features but the clusterer has dimension " + c.dimension());
      }
      return o.pipeline();
    }
    List<String> names = o.featureNames();
    if (names.isEmpty()) {
      if (c.dimension() == 0) {
        throw new IllegalArgumentException("the clusterer has learned nothing yet: give the feature names "
            + "(Options.withFeatureNames) or a pipeline");
      }
      List<String> x = new ArrayList<>();
      for (int j = 1; j <= c.dimension(); j++) {
        x.add("x" + j);
      }
      names = x;
    } else if (c.dimension() > 0 && c.dimension() != names.size()) {
      throw new IllegalArgumentException(names.size() + " feature names for a clusterer of dimension "
          + c.dimension());
    }
    return new Pipeline(names, List.of(), List.of());
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The page's address, for example {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return uri;
  }

  /**
   * Keeps a copy of a recent point, in original units (the features' order), for the scatter
   * and the quality indices: the last {@link Options#sampleSize()} are kept. Cheap (one copy
   * under a lock); call it for every learned point or for a sample of them.
   *
   * @throws IllegalArgumentException if the point has the wrong length or is not finite
   */
  public void offer(double[] raw) {
    sample.offer(raw);
  }

  /** Stops the server and its threads; open event streams end. Idempotent. */
  @Override
  public void close() {
    events.close();
    if (ticker != null) {
      ticker.shutdownNow();
    }
    server.stop(0);
    pool.shutdownNow();
  }

  // ---- model views -------------------------------------------------------------------------

  /** The view of the current snapshot, or null if the clusterer has none yet. */
  ModelView current() {
    ClusterModel m;
    if (clusterer != null) {
      if (!clusterer.isReady()) {
        return null;
      }
      m = clusterer.snapshot();
    } else {
      m = bundle.model();
    }
    ModelView v = view;
    if (fresh(v, m)) {
      return v;
    }
    synchronized (building) {
      v = view;
      if (fresh(v, m)) {
        return v;
      }
      long version = sample.version();
      double[][] pts = sample.points();
      v = clusterer != null ? ModelView.live(m, pipeline, options.density(), pts, version)
          : ModelView.of(bundle, pts, version);
      view = v;
      return v;
    }
  }

  // A view is rebuilt for a new snapshot, and for new sample points at most once a second.
  private boolean fresh(ModelView v, ClusterModel m) {
    return v != null && v.model == m
        && (v.sampleVersion == sample.version() || System.nanoTime() - v.builtAt < 1_000_000_000L);
  }

  private void tick(Live live) {
    try {
      // The sequence is read before the events: events published in between are then passed
      // on now rather than twice.
      long sequence = clusterer.lineageSequence();
      List<SegmentEvent> fresh = sequence > 0 ? clusterer.events(live.lineageSequence()) : null;
      ModelView v = current();
      events.publish("tick", live.tick(v, clusterer.seen(), fresh, sequence));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "live update failed", e);
    }
  }

  // ---- HTTP --------------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      try {
        if (path.equals("/api/score")) {
          if (!method.equals("POST")) {
            send(ex, 405, "text/plain", "POST a text/csv or application/json body to /api/score");
            return;
          }
          score(ex);
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
          send(ex, 405, "text/plain", method + " is not allowed on " + path);
        } else if (path.equals("/api/model")) {
          model(ex);
        } else if (path.equals("/api/events")) {
          events(ex);
        } else if (path.equals("/") || path.equals("/index.html")) {
          asset(ex, "web/index.html");
        } else if (path.startsWith("/static/")) {
          asset(ex, "web/" + path.substring("/static/".length()));
        } else if (path.startsWith("/webjars/")) {
          asset(ex, WEBJARS + path.substring("/webjars/".length()));
        } else {
          send(ex, 404, "text/plain", "no page " + path);
        }
      } catch (Upload.TooLarge e) {
        send(ex, 413, "text/plain", e.getMessage());
      } catch (IllegalArgumentException e) {
        send(ex, 400, "text/plain", e.getMessage());
      } catch (NotReady e) {
        send(ex, 503, "text/plain", e.getMessage());
      } catch (IOException e) {
        throw e;
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "request " + method + " " + path + " failed", e);
        send(ex, 500, "text/plain", "internal error: " + e);
      }
    }
  }

  private static final class NotReady extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotReady(String message) {
      super(message, null, false, false);
    }
  }

  private ModelView ready() {
    ModelView v = current();
    if (v == null) {
      throw new NotReady("no model yet: the clusterer has learned " + clusterer.seen()
          + " points and published no clustering");
    }
    return v;
  }

  private void model(HttpExchange ex) throws IOException {
    ModelView v = current();
    Json j = new Json().beginObject();
    j.field("title", options.title()).field("live", clusterer != null)
        .field("seen", clusterer != null ? clusterer.seen() : -1).field("ready", v != null)
        .field("uploadLimit", options.uploadLimit());
    j.name("features").values(v != null ? v.features : pipeline.inputNames());
    if (v != null) {
      j.field("density", v.bundle.density()).name("scoreColumns").values(io.eddy.features.ScoreColumns.header(
          v.bundle.density()));
      j.name("axes").beginArray().value(v.projection.axes[0]).value(v.projection.axes[1]).endArray();
      j.name("populationMean").values(v.populationMean);
      double total = 0;
      for (double s : v.sizes) {
        total += s;
      }
      j.name("segments").beginArray();
      for (int s = 0; s < v.labels.length; s++) {
        double[] centre = v.centresOriginal[s];
        double[] xy = v.projection.originalUnits() && !Double.isNaN(centre[0]) ? v.projection.raw(centre, s)
            : v.projection.model(v.centres[s]);
        j.beginObject().field("label", v.labels[s]).field("name", v.names[s]).field("size", v.sizes[s])
            .field("share", total > 0 ? v.sizes[s] / total : Double.NaN).name("center").values(centre)
            .name("profile").values(v.profiles[s]).name("xy").values(xy).endObject();
      }
      j.endArray();
      j.name("sample").beginObject().name("x").beginArray();
      double[][] xy = new double[v.sampleRaw.length][];
      for (int i = 0; i < xy.length; i++) {
        int slot = v.slot(v.sampleLabels[i]);
        xy[i] = v.projection.originalUnits() ? v.projection.raw(v.sampleRaw[i], slot)
            : v.projection.model(v.sampleModel[i]);
        j.value(xy[i][0]);
      }
      j.endArray().name("y").beginArray();
      for (double[] p : xy) {
        j.value(p[1]);
      }
      j.endArray().name("labels").beginArray();
      for (int l : v.sampleLabels) {
        j.value(l);
      }
      j.endArray().endObject();
      ModelView.Quality q = v.quality();
      j.name("quality").beginObject().field("silhouette", q.silhouette()).field("silhouetteSe", q.silhouetteSe())
          .field("daviesBouldin", q.daviesBouldin()).field("calinskiHarabasz", q.calinskiHarabasz())
          .field("points", q.points()).endObject();
    }
    send(ex, 200, "application/json", j.endObject().toString());
  }

  private void score(HttpExchange ex) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    String mime = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!mime.equals("text/csv") && !mime.equals("application/json")) {
      send(ex, 415, "text/plain", "Content-Type is '" + (type == null ? "" : type)
          + "', expected text/csv (a table with a header line) or application/json ({\"point\": [...]})");
      return;
    }
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > options.uploadLimit()) {
          throw new Upload.TooLarge(options.uploadLimit());
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Content-Length '" + length + "' is not a number");
      }
    }
    ModelView v = ready();
    InputStream body = new Upload(ex.getRequestBody(), options.uploadLimit());
    if (mime.equals("text/csv")) {
      CsvScoring.Result r = CsvScoring.score(new InputStreamReader(body, StandardCharsets.UTF_8), v.bundle);
      ex.getResponseHeaders().set("X-Eddy-Rows", Long.toString(r.rows()));
      ex.getResponseHeaders().set("X-Eddy-Dropped", Long.toString(r.dropped()));
      send(ex, 200, "text/csv", r.csv());
      return;
    }
    double[] point = Json.readPoint(new String(body.readAllBytes(), StandardCharsets.UTF_8));
    List<String> f = v.features;
    if (point.length != f.size()) {
      throw new IllegalArgumentException("the point has " + point.length + " values, expected " + f.size()
          + " in this order: " + CsvScoring.quoted(f));
    }
    SegmentationBundle.Score s = v.bundle.score(point);
    int slot = v.slot(s.segment());
    double[] xy = v.projection.raw(point, slot);
    Json j = new Json().beginObject().field("segment", s.segment()).field("name", s.name())
        .field("distance", s.distance()).field("confidence", s.confidence()).field("outlierScore", s.outlierScore())
        .name("xy").values(xy).endObject();
    send(ex, 200, "application/json", j.toString());
  }

  private void events(HttpExchange ex) throws IOException {
    OutputStream out = ex.getResponseBody();
    if (clusterer == null) {
      // A saved model does not change: one event says so and the stream ends. The page closes
      // its EventSource on that event; another client retries only after a minute.
      ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      ex.sendResponseHeaders(200, 0);
      out.write("retry: 60000\nevent: static\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      return;
    }
    boolean accepted = events.stream(out, () -> {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      ex.getResponseHeaders().set("Cache-Control", "no-cache");
      try {
        ex.sendResponseHeaders(200, 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (!accepted) {
      send(ex, 503, "text/plain", "too many event streams open (at most " + MAX_EVENT_CLIENTS + ")");
    }
  }

  private void asset(HttpExchange ex, String name) throws IOException {
    if (name.contains("..") || name.contains("//") || name.endsWith("/")) {
      send(ex, 404, "text/plain", "no such file");
      return;
    }
    byte[] bytes = assets.computeIfAbsent(name, n -> {
      try (InputStream in = n.startsWith(WEBJARS) ? Dashboard.class.getClassLoader().getResourceAsStream(n)
          : Dashboard.class.getResourceAsStream(n)) {
        return in == null ? new byte[0] : in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (bytes.length == 0) {
      send(ex, 404, "text/plain", "no such file");
      return;
    }
    ex.getResponseHeaders().set("Content-Type", contentType(name));
    if (name.endsWith(".html")) {
      // The page's scripts come from this server only.
      ex.getResponseHeaders().set("Content-Security-Policy",
          "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:");
    }
    ex.sendResponseHeaders(200, ex.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
    if (!ex.getRequestMethod().equals("HEAD")) {
      ex.getResponseBody().write(bytes);
    }
  }

  private static String contentType(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (n.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (n.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (n.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "application/octet-stream";
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      ex.getResponseBody().write(bytes);
    }
  }
}
