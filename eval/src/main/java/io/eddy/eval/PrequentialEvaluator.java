package io.eddy.eval;

import io.eddy.ClusterModel;
import io.eddy.OnlineClusterer;
import io.eddy.Points;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Prequential ("test, then train") evaluation of an {@link OnlineClusterer} over a stream:
 * each point is first assigned by the clusterer as it stands, then learned. Every
 * {@link Params#checkpointInterval()} points a {@link Checkpoint} records the number of
 * clusters, the throughput since the last checkpoint, and quality over a sliding window of
 * the last {@link Params#windowSize()} points: WCSS and silhouette of the window under its
 * prequential labels and, when true labels are given, the adjusted Rand index and purity
 * against them. With {@link Params#silhouetteSample()} set, each checkpoint also reports the
 * silhouette of the whole stream so far under its prequential labels, estimated in bounded
 * memory from a uniform reservoir sample of that many points ({@link StreamingSilhouette}),
 * with its standard error. The checkpoints export as CSV, so a plot of quality over time is one
 * step away.
 *
 * <pre>{@code
 * PrequentialEvaluator.Report r = PrequentialEvaluator.run(clusterer, points, truth,
 *     PrequentialEvaluator.Params.DEFAULTS);
 * r.writeCsv(writer);
 * }</pre>
 *
 * <p><b>Conventions.</b> A point the clusterer cannot assign yet ({@code predict} throws
 * {@link IllegalStateException} before it has a clustering) counts as
 * {@link ClusterModel#NOISE}. Window indices leave NOISE points out of WCSS and silhouette
 * and follow {@link Params#noisePolicy()} for ARI and purity. An index the window cannot
 * support (fewer than 2 clusters for the silhouette, no truth) is NaN. The throughput is
 * points per second of wall-clock time between checkpoints, excluding the time spent
 * computing the checkpoints themselves: it includes {@code predict}, {@code learn} and the
 * evaluator's O(d) bookkeeping per point.
 *
 * <p><b>Cost.</b> O(W·d) memory for a window of W points (the window holds copies; the
 * caller's arrays are never retained). Per checkpoint O(W·d) plus O(W²·d) for the silhouette
 * (which can be turned off), on {@link Params#threads()} threads; with a stream-silhouette
 * sample of S points, O(S·d) more memory, O(d) more per point and O(S²·d) per checkpoint.
 * Not thread-safe: like the
 * clusterer it drives, use it from one thread.
 */
public final class PrequentialEvaluator {

  /**
   * How to evaluate.
   *
   * @param checkpointInterval points between checkpoints, &ge; 1 (default 1000)
   * @param windowSize the sliding window the quality indices see, in [2, {@link
   *     StreamingSilhouette#MAX_CAPACITY}] (default 1000); its memory grows with the points seen
   * @param silhouette whether to compute the window silhouette (default true)
   * @param noisePolicy NOISE handling for ARI and purity (default {@link NoisePolicy#CLUSTER})
   * @param threads threads for the silhouette, &ge; 1 (default 1, so as not to disturb the
   *     throughput figures of a service)
   * @param silhouetteSample the size of the reservoir sample for the whole-stream silhouette,
   *     0 for none (the default) or in [2, {@link StreamingSilhouette#MAX_CAPACITY}]
   * @param seed the seed of that reservoir's draws (default 42)
   */
  public record Params(int checkpointInterval, int windowSize, boolean silhouette,
      NoisePolicy noisePolicy, int threads, int silhouetteSample, long seed) {

    /**
     * Checkpoints every 1000 points over a window of 1000, window silhouette on, no
     * whole-stream silhouette, one thread.
     */
    public static final Params DEFAULTS = new Params(1000, 1000, true, NoisePolicy.CLUSTER, 1, 0, 42);

    /** Validates every field. */
    public Params {
      if (checkpointInterval < 1) {
        throw new IllegalArgumentException("checkpointInterval is " + checkpointInterval + ", expected at least 1");
      }
      if (windowSize < 2 || windowSize > StreamingSilhouette.MAX_CAPACITY) {
        throw new IllegalArgumentException("windowSize is " + windowSize + ", expected a value in [2, "
            + StreamingSilhouette.MAX_CAPACITY + "] (StreamingSilhouette.MAX_CAPACITY)");
      }
      if (noisePolicy == null) {
        throw new IllegalArgumentException("noisePolicy is null, expected one of CLUSTER, SINGLETONS, EXCLUDE");
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads is " + threads + ", expected at least 1");
      }
      if (silhouetteSample < 0 || silhouetteSample == 1 || silhouetteSample > StreamingSilhouette.MAX_CAPACITY) {
        throw new IllegalArgumentException("silhouetteSample is " + silhouetteSample
            + ", expected 0 (none) or a value in [2, " + StreamingSilhouette.MAX_CAPACITY
            + "] (StreamingSilhouette.MAX_CAPACITY)");
      }
    }

    /** A copy with another checkpoint interval. */
    public Params withCheckpointInterval(int checkpointInterval) {
      return new Params(checkpointInterval, windowSize, silhouette, noisePolicy, threads,
          silhouetteSample, seed);
    }

    /** A copy with another window size. */
    public Params withWindowSize(int windowSize) {
      return new Params(checkpointInterval, windowSize, silhouette, noisePolicy, threads,
          silhouetteSample, seed);
    }

    /** A copy with the silhouette on or off. */
    public Params withSilhouette(boolean silhouette) {
      return new Params(checkpointInterval, windowSize, silhouette, noisePolicy, threads,
          silhouetteSample, seed);
    }

    /** A copy with another noise policy. */
    public Params withNoisePolicy(NoisePolicy noisePolicy) {
      return new Params(checkpointInterval, windowSize, silhouette, noisePolicy, threads,
          silhouetteSample, seed);
    }

    /**
     * A copy with a whole-stream silhouette estimated from a reservoir of {@code sample}
     * points (0 for none).
     */
    public Params withSilhouetteSample(int sample) {
      return new Params(checkpointInterval, windowSize, silhouette, noisePolicy, threads, sample, seed);
    }

    /** A copy with another seed for the reservoir sample. */
    public Params withSeed(long seed) {
      return new Params(checkpointInterval, windowSize, silhouette, noisePolicy, threads,
          silhouetteSample, seed);
    }

    /** A copy with another thread count. */
    public Params withThreads(int threads) {
      return new Params(checkpointInterval, windowSize, silhouette, noisePolicy, threads,
          silhouetteSample, seed);
    }
  }

  /**
   * The state of the evaluation after {@code seen} points.
   *
   * @param seen points evaluated so far
   * @param clusters the clusterer's cluster count now (0 before it has a clustering)
   * @param window points in the window (min(seen, windowSize))
   * @param noiseShare the share of window points assigned NOISE
   * @param wcss WCSS of the window's clustered points under their prequential labels; finite
   *     (points are within {@link io.eddy.Points#MAX_ABS}), NaN only when every window point
   *     is NOISE or the window is empty
   * @param silhouette their silhouette, NaN if off or undefined
   * @param adjustedRand ARI of the window's prequential labels against the truth, NaN without
   * @param purity purity likewise, NaN without truth
   * @param pointsPerSecond throughput since the previous checkpoint
   * @param streamSilhouette the silhouette of every point so far under its prequential label,
   *     estimated from the reservoir sample; NaN without one or when undefined
   * @param streamSilhouetteError its standard error, NaN likewise
   */
  public record Checkpoint(long seen, int clusters, int window, double noiseShare, double wcss,
      double silhouette, double adjustedRand, double purity, double pointsPerSecond,
      double streamSilhouette, double streamSilhouetteError) {}

  /** The checkpoints of a run. Immutable. */
  public static final class Report {
    private final List<Checkpoint> checkpoints;
    private final long seen;
    private final double seconds;

    Report(List<Checkpoint> checkpoints, long seen, double seconds) {
      this.checkpoints = Collections.unmodifiableList(new ArrayList<>(checkpoints));
      this.seen = seen;
      this.seconds = seconds;
    }

    /** The checkpoints in stream order. */
    public List<Checkpoint> checkpoints() {
      return checkpoints;
    }

    /** The number of points evaluated. */
    public long seen() {
      return seen;
    }

    /** Overall throughput, points per second of predict-and-learn time. */
    public double pointsPerSecond() {
      return seen / seconds;
    }

    /** Writes the checkpoints as CSV, header first. Does not close {@code out}. */
    public void writeCsv(Appendable out) {
      Csv csv = new Csv(out).line("seen,clusters,window,noise_share,wcss,silhouette,ari,purity,points_per_second,"
          + "stream_silhouette,stream_silhouette_se");
      for (Checkpoint c : checkpoints) {
        csv.field(c.seen()).field(c.clusters()).field(c.window()).field(c.noiseShare()).field(c.wcss())
            .field(c.silhouette()).field(c.adjustedRand()).field(c.purity()).field(c.pointsPerSecond())
            .field(c.streamSilhouette()).field(c.streamSilhouetteError()).end();
      }
    }

    /** The CSV as a string. */
    public String toCsv() {
      return Csv.render(this::writeCsv);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%10s %8s %8s %12s %10s %8s %8s %12s%n",
          "seen", "clusters", "noise", "WCSS", "silhouette", "ARI", "purity", "points/s"));
      for (Checkpoint c : checkpoints) {
        sb.append(String.format(Locale.ROOT, "%10d %8d %8.3f %12.6g %10.4f %8.4f %8.4f %12.4g%n",
            c.seen(), c.clusters(), c.noiseShare(), c.wcss(), c.silhouette(), c.adjustedRand(),
            c.purity(), c.pointsPerSecond()));
      }
      return sb.append(String.format(Locale.ROOT, "%d points, %.4g points/s overall", seen, pointsPerSecond()))
          .toString();
    }
  }

  private final OnlineClusterer<?> clusterer;
  private final Params params;
  private final List<Checkpoint> checkpoints = new ArrayList<>();
  /** The window's points and labels, grown by doubling up to the window size as points arrive. */
  private double[][] window = new double[0][];
  private int[] predicted = new int[0];
  private int[] truth = new int[0];
  private int head;
  private int filled;
  private long seen;
  private boolean labelled;
  private long lastMark;
  private long busyNanos;
  /** The whole-stream sample, or null without one. */
  private final StreamingSilhouette stream;

  /**
   * An evaluator of {@code clusterer}, which it drives: from now on, feed points through
   * {@link #accept(double[])} or {@link #accept(double[], int)} only.
   */
  public PrequentialEvaluator(OnlineClusterer<?> clusterer, Params params) {
    if (clusterer == null || params == null) {
      throw new IllegalArgumentException((clusterer == null ? "clusterer" : "params") + " is null");
    }
    this.clusterer = clusterer;
    this.params = params;
    this.stream = params.silhouetteSample() == 0 ? null
        : new StreamingSilhouette(params.silhouetteSample(), StreamingSilhouette.Sampling.RESERVOIR, params.seed());
    this.lastMark = System.nanoTime();
  }

  /**
   * Assigns {@code point} with the clusterer as it stands, then learns it; records a
   * checkpoint when one is due.
   *
   * @return the prequential label of the point (NOISE if the clusterer had no clustering)
   * @throws IllegalArgumentException if the clusterer rejects the point (nothing changes),
   *     or if points with and without true labels are mixed
   */
  public int accept(double[] point) {
    if (labelled && seen > 0) {
      throw new IllegalArgumentException("this stream has true labels; use accept(point, label)");
    }
    return step(point, 0);
  }

  /** As {@link #accept(double[])}, with the point's true label (any integer). */
  public int accept(double[] point, int label) {
    if (!labelled && seen > 0) {
      throw new IllegalArgumentException("this stream has no true labels; use accept(point)");
    }
    labelled = true;
    return step(point, label);
  }

  private int step(double[] point, int label) {
    int assigned;
    try {
      assigned = clusterer.predict(point);
    } catch (IllegalStateException e) {
      // No clustering yet: nothing to assign to.
      Points.require(point, clusterer.dimension());
      assigned = ClusterModel.NOISE;
    }
    clusterer.learn(point);
    int w = params.windowSize();
    if (head == window.length) {
      // Only while the window fills (head == filled then): doubling, so a huge window size
      // costs memory only for the points that arrive.
      int grown = (int) Math.min(w, Math.max(16L, 2L * window.length));
      window = Arrays.copyOf(window, grown);
      predicted = Arrays.copyOf(predicted, grown);
      truth = Arrays.copyOf(truth, grown);
    }
    if (window[head] == null) {
      window[head] = new double[point.length];
    }
    System.arraycopy(point, 0, window[head], 0, point.length);
    predicted[head] = assigned;
    truth[head] = label;
    if (stream != null) {
      stream.add(point, assigned);
    }
    head = head + 1 == w ? 0 : head + 1;
    filled = Math.min(filled + 1, w);
    seen++;
    if (seen % params.checkpointInterval() == 0) {
      checkpoint();
    }
    return assigned;
  }

  /** Records a checkpoint now, whether or not one is due (for example at the end of a stream). */
  public Checkpoint checkpoint() {
    long now = System.nanoTime();
    long since = now - lastMark;
    busyNanos += since;
    long previous = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).seen();
    double rate = (seen - previous) / (since / 1e9);
    int clusters;
    try {
      clusters = seen == 0 ? 0 : clusterer.snapshot().clusterCount();
    } catch (IllegalStateException e) {
      clusters = 0;
    }
    Checkpoint c = evaluate(clusters, rate);
    checkpoints.add(c);
    lastMark = System.nanoTime();
    return c;
  }

  private Checkpoint evaluate(int clusters, double rate) {
    int n = filled;
    if (n == 0) {
      return new Checkpoint(seen, clusters, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, rate,
          Double.NaN, Double.NaN);
    }
    double[][] points = new double[n][];
    int[] labels = new int[n];
    int[] classes = new int[n];
    int start = filled < params.windowSize() ? 0 : head;
    for (int i = 0; i < n; i++) {
      int slot = (start + i) % params.windowSize();
      points[i] = window[slot];
      labels[i] = predicted[slot];
      classes[i] = truth[slot];
    }
    Labeling l = Labeling.of(labels);
    double noiseShare = (double) l.noise / n;
    double wcss = l.k >= 1 ? InternalIndices.wcss(points, l) : Double.NaN;
    double sil = Double.NaN;
    if (params.silhouette() && l.k >= 2 && l.k < l.clustered()) {
      sil = Silhouette.exact(points, labels, params.threads()).score();
    }
    double ari = Double.NaN;
    double purity = Double.NaN;
    if (labelled && !(params.noisePolicy() == NoisePolicy.EXCLUDE && l.noise == n)) {
      ContingencyTable t = ContingencyTable.of(classes, labels, params.noisePolicy());
      ari = t.adjustedRand();
      purity = t.purity();
    }
    double streamSil = Double.NaN;
    double streamError = Double.NaN;
    if (stream != null) {
      Silhouette.Estimate e = stream.estimate(params.threads());
      streamSil = e.score();
      streamError = e.standardError();
    }
    return new Checkpoint(seen, clusters, n, noiseShare, wcss, sil, ari, purity, rate, streamSil, streamError);
  }

  /** The checkpoints so far. */
  public Report report() {
    return new Report(checkpoints, seen, (busyNanos + (System.nanoTime() - lastMark)) / 1e9);
  }

  /**
   * Evaluates {@code clusterer} over {@code points}, with a final checkpoint at the end if
   * the stream length is not a multiple of the interval.
   *
   * @param points the stream, in order; not modified
   * @param truth one true label per point, or null
   * @throws IllegalArgumentException if truth has the wrong length or a point is rejected
   */
  public static Report run(OnlineClusterer<?> clusterer, double[][] points, int[] truth, Params params) {
    if (points == null) {
      throw new IllegalArgumentException("points is null");
    }
    if (truth != null && truth.length != points.length) {
      throw new IllegalArgumentException("truth has length " + truth.length
          + ", expected one label per point (" + points.length + ")");
    }
    PrequentialEvaluator e = new PrequentialEvaluator(clusterer, params);
    for (int i = 0; i < points.length; i++) {
      if (truth == null) {
        e.accept(points[i]);
      } else {
        e.accept(points[i], truth[i]);
      }
    }
    return e.finish();
  }

  /** Evaluates {@code clusterer} over an unlabelled stream; see {@link #run(OnlineClusterer, double[][], int[], Params)}. */
  public static Report run(OnlineClusterer<?> clusterer, Iterator<double[]> points, Params params) {
    if (points == null) {
      throw new IllegalArgumentException("points is null");
    }
    PrequentialEvaluator e = new PrequentialEvaluator(clusterer, params);
    while (points.hasNext()) {
      e.accept(points.next());
    }
    return e.finish();
  }

  private Report finish() {
    if (seen % params.checkpointInterval() != 0) {
      checkpoint();
    }
    return report();
  }
}
