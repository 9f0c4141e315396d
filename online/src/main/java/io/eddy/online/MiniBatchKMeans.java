package io.eddy.online;

import io.eddy.Clusterer;
import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import io.eddy.Points;
import io.eddy.kmeans.Centroids;
import io.eddy.kmeans.KMeansModel;
import io.eddy.kmeans.KMeansPlusPlus;
import io.eddy.math.Columns;
import io.eddy.math.Euclid;
import io.eddy.math.FeatureVariance;
import io.eddy.math.Parallel;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Mini-batch k-means (Sculley 2010) with the semantics of scikit-learn 1.2's
 * {@code MiniBatchKMeans}: both an {@link OnlineClusterer} (scikit-learn's {@code partial_fit})
 * and a {@link Clusterer} (its {@code fit}).
 *
 * <p><b>One step</b> on a batch: assign each point to its nearest center; move every center
 * that received points to the exact weighted mean of what it has summarised so far and the new
 * points, {@code c ← (c·W + Σ w·x) / (W + Σ w)}, then {@code W += Σ w} (a per-center 1/count
 * learning rate; counts never decay); then, when some center has count 0 or at least 10·k
 * points have passed since the last time, replace every center whose count is below
 * {@code reassignmentRatio} × the largest count (at most half the batch of them, lowest counts
 * first) by batch points drawn uniformly without replacement, and give them the smallest count
 * among the others (as scikit-learn does; this also slows their learning rate).
 *
 * <p><b>Initialisation</b>: greedy {@link KMeansPlusPlus k-means++} on the first batch, or on
 * {@code initSize} points drawn from it with replacement if it is larger. If those points hold
 * fewer than k distinct values, some centers coincide until reassignment separates them.
 *
 * <p><b>Online use</b>: {@link #learn(double[][])} is one step on exactly the given points
 * (the first call needs at least k of them); {@link #learn(double[])} buffers points and steps
 * when {@code batchSize} are buffered (the first step waits for {@code max(batchSize, k)}).
 * {@link #predict(double[])} uses the current centers, and throws
 * {@link IllegalStateException} before the first step. {@code learn(double[])} and
 * {@code predict} allocate nothing once the buffer exists; a step costs O(b·k·d) for a batch of
 * b points. Memory: O((batchSize + k)·d). Not thread-safe: use from one thread at a time;
 * snapshots ({@link Centroids}, whose weights are the counts) are immutable.
 *
 * <p><b>Batch use</b>: {@link #fit(double[][])} runs {@code maxIter · n / batchSize} steps on
 * batches drawn from the data with replacement, stopping early when the exponentially weighted
 * average of the per-point batch inertia has not improved for {@code maxNoImprovement} steps,
 * or (with {@code tol > 0}) when the squared center change of a step is at most {@code tol} ×
 * the mean feature variance. The model's labels and inertia are computed on all the data. The
 * check of the data, the labelling of each batch and the final labelling use up to
 * {@code parallelism} threads; the model is the same whatever their number. A fit neither
 * reads nor changes the online learning state, so it is safe to call concurrently.
 *
 * <p>Deviations from scikit-learn: sample weights also weight the k-means++ draws; only one
 * initialisation is tried ({@code n_init = 1}, scikit-learn's "auto" for k-means++); the
 * random numbers differ, so results agree in distribution, not bit for bit.
 *
 * <p>Reference: D. Sculley, "Web-scale k-means clustering", WWW 2010.
 */
public final class MiniBatchKMeans implements OnlineClusterer<Centroids>, Clusterer<KMeansModel>,
    Mergeable<MiniBatchKMeans> {

  /**
   * The configuration of a {@link MiniBatchKMeans}.
   *
   * @param k the number of clusters, &ge; 1 (default 8)
   * @param batchSize points per step, &ge; 1 (default 1024)
   * @param maxIter the most passes over the data in {@link #fit} (epochs), &ge; 1 (default 100)
   * @param initSize points for the k-means++ initialisation, &ge; 0, 0 meaning 3·batchSize, or
   *     3·k if that is smaller than k (default 0); capped by the points available
   * @param reassignmentRatio centers whose count is below this fraction of the largest count
   *     are reassigned, in [0, 1] (default 0.01); 0 disables reassignment
   * @param maxNoImprovement {@link #fit} stops after this many steps without a new minimum of
   *     the smoothed batch inertia, &ge; 0, 0 disabling the rule (default 10)
   * @param tol {@link #fit} stops when a step moves the centers by at most this fraction of the
   *     mean feature variance (sum of squares), &ge; 0; 0 disables the rule (default 0)
   * @param seed the seed of all randomness (default 0)
   * @param parallelism threads with which {@link #fit} checks the data, labels its batches (in
   *     halves, from 512 points) and finally labels all the data, &ge; 0, 0 meaning the number
   *     of available processors (default 0); {@code learn} runs on the calling thread, and the
   *     model does not depend on this value
   */
  public record Params(int k, int batchSize, int maxIter, int initSize, double reassignmentRatio,
      int maxNoImprovement, double tol, long seed, int parallelism) {

    /** The defaults, as listed above. */
    public static final Params DEFAULTS = new Params(8, 1024, 100, 0, 0.01, 10, 0.0, 0L, 0);

    /** Validates every field. */
    public Params {
      if (k < 1) {
        throw new IllegalArgumentException("k must be in [1, " + Integer.MAX_VALUE + "], got " + k);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be in [1, " + Integer.MAX_VALUE + "], got " + batchSize);
      }
      if (maxIter < 1) {
        throw new IllegalArgumentException("maxIter must be in [1, " + Integer.MAX_VALUE + "], got " + maxIter);
      }
      if (initSize < 0) {
        throw new IllegalArgumentException("initSize must be in [0, " + Integer.MAX_VALUE
            + "] (0 = 3 x batchSize), got " + initSize);
      }
      if (!(reassignmentRatio >= 0 && reassignmentRatio <= 1)) {
        throw new IllegalArgumentException("reassignmentRatio must be in [0, 1], got " + reassignmentRatio);
      }
      if (maxNoImprovement < 0) {
        throw new IllegalArgumentException("maxNoImprovement must be in [0, " + Integer.MAX_VALUE
            + "] (0 = off), got " + maxNoImprovement);
      }
      if (!(tol >= 0) || tol == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("tol must be finite and >= 0, got " + tol);
      }
      if (parallelism < 0) {
        throw new IllegalArgumentException("parallelism must be in [0, " + Integer.MAX_VALUE
            + "] (0 = all processors), got " + parallelism);
      }
    }

    /** The initialisation sample size this configuration uses (before capping by the data). */
    public int effectiveInitSize() {
      if (initSize > 0) {
        return Math.max(initSize, k);
      }
      long s = 3L * batchSize;
      if (s < k) {
        s = 3L * k;
      }
      return (int) Math.min(Integer.MAX_VALUE, s);
    }

    /** A copy with another k. */
    public Params withK(int k) {
      return new Params(k, batchSize, maxIter, initSize, reassignmentRatio, maxNoImprovement, tol, seed, parallelism);
    }

    /** A copy with another batch size. */
    public Params withBatchSize(int batchSize) {
      return new Params(k, batchSize, maxIter, initSize, reassignmentRatio, maxNoImprovement, tol, seed, parallelism);
    }

    /** A copy with another epoch limit. */
    public Params withMaxIter(int maxIter) {
      return new Params(k, batchSize, maxIter, initSize, reassignmentRatio, maxNoImprovement, tol, seed, parallelism);
    }

    /** A copy with another initialisation sample size. */
    public Params withInitSize(int initSize) {
      return new Params(k, batchSize, maxIter, initSize, reassignmentRatio, maxNoImprovement, tol, seed, parallelism);
    }

    /** A copy with another reassignment ratio. */
    public Params withReassignmentRatio(double reassignmentRatio) {
      return new Params(k, batchSize, maxIter, initSize, reassignmentRatio, maxNoImprovement, tol, seed, parallelism);
    }

    /** A copy with another early-stopping patience. */
    public Params withMaxNoImprovement(int maxNoImprovement) {
      return new Params(k, batchSize, maxIter, initSize, reassignmentRatio, maxNoImprovement, tol, seed, parallelism);
    }

    /** A copy with another tolerance. */
    public Params withTol(double tol) {
      return new Params(k, batchSize, maxIter, initSize, reassignmentRatio, maxNoImprovement, tol, seed, parallelism);
    }

    /** A copy with another seed. */
    public Params withSeed(long seed) {
      return new Params(k, batchSize, maxIter, initSize, reassignmentRatio, maxNoImprovement, tol, seed, parallelism);
    }

    /** A copy with another number of threads for {@link MiniBatchKMeans#fit}. */
    public Params withParallelism(int parallelism) {
      return new Params(k, batchSize, maxIter, initSize, reassignmentRatio, maxNoImprovement, tol, seed, parallelism);
    }
  }

  private final Params params;

  // ---- online learning state (all of it is persisted by MiniBatchKMeansProvider.STATE_CODEC) ----
  private int d;
  private long seen;
  /** Non-null once the first step initialised the centers. */
  private double[] centers;
  private double[] counts;
  private long rngState;
  private long sinceReassign;
  private long steps;
  /** Points waiting for the next step of {@link #learn(double[])}. */
  private double[] buffer;
  private double[] bufferWeights;
  private int buffered;

  // ---- scratch, never persisted ----
  private Step step;

  /** A clusterer with the given configuration. */
  public MiniBatchKMeans(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
    this.rngState = params.seed;
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  // ------------------------------------------------------------------ online

  @Override
  public void learn(double[] point) {
    Points.require(point, d);
    buffer(point, 1.0);
  }

  /** Learns a weighted point; a weight of 2 counts it twice in the center means. */
  @Override
  public void learn(double[] point, double weight) {
    Points.require(point, d);
    Points.requireWeight(weight);
    buffer(point, weight);
  }

  private void buffer(double[] x, double w) {
    if (d == 0) {
      d = x.length;
    }
    if (buffer == null) {
      int cap = Math.max(params.batchSize, params.k);
      buffer = new double[cap * d];
      bufferWeights = new double[cap];
    }
    System.arraycopy(x, 0, buffer, buffered * d, d);
    bufferWeights[buffered++] = w;
    seen++;
    int due = centers == null ? Math.max(params.batchSize, params.k) : params.batchSize;
    if (buffered >= due) {
      int m = buffered;
      buffered = 0;
      stepOn(buffer, bufferWeights, m);
    }
  }

  /**
   * One mini-batch step on exactly these points (scikit-learn's {@code partial_fit}); points
   * buffered by {@link #learn(double[])} stay buffered. The first step initialises the centers
   * from these points, so it needs at least k of them.
   *
   * @throws IllegalArgumentException if a point is invalid or the first batch has fewer than
   *     k points; nothing is learned then
   */
  @Override
  public void learn(double[][] points) {
    learn(points, null);
  }

  /**
   * As {@link #learn(double[][])} with a weight per point.
   *
   * @param weights one finite weight &gt; 0 per point, or null for all ones; not modified
   */
  public void learn(double[][] points, double[] weights) {
    Points.requireAll(points, d);
    if (weights != null) {
      if (weights.length != points.length) {
        throw new IllegalArgumentException("weights has length " + weights.length
            + ", expected one per point (" + points.length + ")");
      }
      for (double w : weights) {
        Points.requireWeight(w);
      }
    }
    int m = points.length;
    if (m == 0) {
      return;
    }
    if (centers == null && m < params.k) {
      throw new IllegalArgumentException("the first batch has " + m + " points, expected at least k = "
          + params.k + " to initialise the centers");
    }
    if (d == 0) {
      d = points[0].length;
    }
    Step s = scratch(m);
    for (int i = 0; i < m; i++) {
      System.arraycopy(points[i], 0, s.batch, i * d, d);
      s.batchWeights[i] = weights == null ? 1.0 : weights[i];
    }
    seen += m;
    stepOn(s.batch, s.batchWeights, m);
  }

  private Step scratch(int m) {
    if (step == null || step.capacity < m || step.d != d) {
      step = new Step(params.k, d, Math.max(m, params.batchSize));
    }
    return step;
  }

  private void stepOn(double[] x, double[] w, int m) {
    if (centers == null) {
      centers = initialCenters(x, w, m);
      counts = new double[params.k];
    }
    Step s = scratch(m);
    boolean reassign = dueForReassignment(m);
    s.run(x, w, m, centers, counts, reassign, this);
    steps++;
  }

  private double[] initialCenters(double[] x, double[] w, int m) {
    int size = params.effectiveInitSize();
    double[][] sample;
    double[] sampleWeights;
    if (size < m) {
      sample = new double[size][];
      sampleWeights = new double[size];
      for (int i = 0; i < size; i++) {
        int r = nextInt(m);
        sample[i] = Arrays.copyOfRange(x, r * d, (r + 1) * d);
        sampleWeights[i] = w[r];
      }
    } else {
      sample = new double[m][];
      sampleWeights = Arrays.copyOf(w, m);
      for (int i = 0; i < m; i++) {
        sample[i] = Arrays.copyOfRange(x, i * d, (i + 1) * d);
      }
    }
    return KMeansPlusPlus.centers(sample, sampleWeights, params.k, new SplittableRandom(nextLong()));
  }

  /** scikit-learn's rule: reassign when a center is still empty or 10·k points have passed. */
  private boolean dueForReassignment(int m) {
    sinceReassign += m;
    boolean due = false;
    for (double c : counts) {
      if (c == 0) {
        due = true;
        break;
      }
    }
    if (due || sinceReassign >= 10L * params.k) {
      sinceReassign = 0;
      return true;
    }
    return false;
  }

  @Override
  public int predict(double[] point) {
    Points.require(point, d);
    requireCenters();
    return Euclid.nearest(point, centers, params.k);
  }

  @Override
  public Centroids snapshot() {
    requireCenters();
    return new Centroids(centers, d, counts);
  }

  private void requireCenters() {
    if (centers == null) {
      throw new IllegalStateException("minibatch-kmeans has no centers yet after " + seen
          + " points: the first step waits for " + Math.max(params.batchSize, params.k) + " points");
    }
  }

  /** Whether the first step has run, so that {@link #predict} and {@link #snapshot} work. */
  public boolean isReady() {
    return centers != null;
  }

  @Override
  public long seen() {
    return seen;
  }

  @Override
  public int dimension() {
    return d;
  }

  /** The number of steps taken by online learning so far. */
  public long steps() {
    return steps;
  }

  // ------------------------------------------------------------------ batch

  /**
   * Fits a model to {@code data} by mini-batch steps, as scikit-learn's {@code fit}; see the
   * class documentation. Does not touch the online state.
   *
   * @throws IllegalArgumentException if the data are invalid or have fewer than k points
   */
  @Override
  public KMeansModel fit(double[][] data) {
    return fitWeighted(data, null);
  }

  @Override
  public KMeansModel fit(double[][] data, double[] weights) {
    if (weights == null) {
      throw new IllegalArgumentException("weights is null");
    }
    return fitWeighted(data, weights);
  }

  private KMeansModel fitWeighted(double[][] data, double[] weights) {
    if (data == null || data.length == 0 || data[0] == null || data[0].length == 0) {
      Points.requireData(data);
    }
    int threads = params.parallelism == 0 ? Runtime.getRuntime().availableProcessors() : params.parallelism;
    try (Parallel workers = new Parallel(threads)) {
      return fitWeighted(data, weights, workers);
    }
  }

  private KMeansModel fitWeighted(double[][] data, double[] weights, Parallel workers) {
    int dim = data[0].length;
    int n = data.length;
    int blocks = (n + LABEL_BLOCK - 1) / LABEL_BLOCK;
    boolean[] fine = new boolean[blocks];
    workers.forEach(blocks, b -> fine[b] = rowsFine(data, b * LABEL_BLOCK, Math.min(n, (b + 1) * LABEL_BLOCK), dim));
    for (boolean f : fine) {
      if (!f) {
        Points.requireAll(data, dim); // names the first bad row
      }
    }
    if (weights != null) {
      Points.requireWeights(weights, n);
    }
    if (n < params.k) {
      throw new IllegalArgumentException("data has " + n + " points, expected at least k = " + params.k);
    }
    MiniBatchKMeans run = new MiniBatchKMeans(params);
    run.d = dim;
    int batch = Math.min(params.batchSize, n);
    double[] w = weights == null ? null : weights;
    double tolAbs = params.tol == 0 ? 0 : params.tol * FeatureVariance.mean(data, dim);

    int initSize = Math.min(params.effectiveInitSize(), n);
    double[][] sample = new double[initSize][];
    double[] sampleWeights = new double[initSize];
    for (int i = 0; i < initSize; i++) {
      int r = initSize < n ? run.nextInt(n) : i;
      sample[i] = data[r];
      sampleWeights[i] = w == null ? 1.0 : w[r];
    }
    run.centers = KMeansPlusPlus.centers(sample, sampleWeights, params.k, new SplittableRandom(run.nextLong()));
    run.counts = new double[params.k];

    Step s = run.scratch(batch);
    s.workers = workers;
    long nSteps = (long) params.maxIter * n / batch;
    double ewa = Double.NaN;
    double ewaMin = Double.NaN;
    int noImprovement = 0;
    double alpha = Math.min(1.0, batch * 2.0 / (n + 1));
    double[] old = tolAbs > 0 ? new double[params.k * dim] : null;
    long i = 0;
    boolean stopped = false;
    for (; i < nSteps; i++) {
      int[] drawn = s.drawn;
      for (int b = 0; b < batch; b++) {
        int r = run.nextInt(n);
        drawn[b] = r;
        s.batchWeights[b] = w == null ? 1.0 : w[r];
      }
      s.gather(data, batch, run.centers);
      if (old != null) {
        System.arraycopy(run.centers, 0, old, 0, old.length);
      }
      boolean reassign = run.dueForReassignment(batch);
      double batchInertia = s.run(s.batch, s.batchWeights, batch, run.centers, run.counts, reassign, run)
          / batch;
      if (i == 0) {
        continue; // the first batch's inertia reflects the initialisation only
      }
      ewa = Double.isNaN(ewa) ? batchInertia : ewa * (1 - alpha) + batchInertia * alpha;
      if (old != null && Euclid.squaredDistance(old, run.centers) <= tolAbs) {
        stopped = true;
        break;
      }
      if (Double.isNaN(ewaMin) || ewa < ewaMin) {
        noImprovement = 0;
        ewaMin = ewa;
      } else {
        noImprovement++;
      }
      if (params.maxNoImprovement > 0 && noImprovement >= params.maxNoImprovement) {
        stopped = true;
        break;
      }
    }
    long stepsRun = Math.min(i + 1, nSteps);
    int epochs = (int) Math.min(Integer.MAX_VALUE, (stepsRun * batch + n - 1) / n);

    int k = params.k;
    int[] labels = new int[n];
    double[] blockInertia = new double[blocks];
    double[] blockWeights = new double[blocks * k];
    ConcurrentLinkedQueue<Step> free = new ConcurrentLinkedQueue<>();
    final double[] centers = run.centers;
    workers.forEach(blocks, b -> {
      Step t = free.poll();
      if (t == null) {
        t = new Step(k, dim, LABEL_BLOCK);
      }
      int from = b * LABEL_BLOCK;
      int m = Math.min(n, from + LABEL_BLOCK) - from;
      for (int q = 0; q < m; q++) {
        t.columns.set(q, data[from + q], 0);
      }
      t.columns.nearest(0, m, centers, k, t.distances, t.steps, t.nearest, t.first, null);
      double sum = 0;
      for (int q = 0; q < m; q++) {
        int best = t.nearest[q];
        double wp = w == null ? 1.0 : w[from + q];
        labels[from + q] = best;
        blockWeights[b * k + best] += wp;
        sum += wp * t.first[q];
      }
      blockInertia[b] = sum;
      free.add(t);
    });
    double inertia = 0;
    double[] clusterWeights = new double[k];
    for (int b = 0; b < blocks; b++) {
      inertia += blockInertia[b];
      for (int j = 0; j < k; j++) {
        clusterWeights[j] += blockWeights[b * k + j];
      }
    }
    return new KMeansModel(run.centers, dim, clusterWeights, inertia, epochs, stopped, labels);
  }

  /** Whether rows {@code [from, to)} all have dimension d and finite values. */
  private static boolean rowsFine(double[][] data, int from, int to, int d) {
    for (int i = from; i < to; i++) {
      double[] row = data[i];
      if (row == null || row.length != d) {
        return false;
      }
      // NaN and the infinities are the only values whose product with zero is not zero.
      double check = 0;
      for (double v : row) {
        check += v * 0.0;
      }
      if (check != 0) {
        return false;
      }
    }
    return true;
  }

  /** Points per task of fit's checking and labelling passes. */
  private static final int LABEL_BLOCK = 4096;

  // ------------------------------------------------------------------ randomness

  /** SplitMix64: a generator whose whole state is one long, so that it persists exactly. */
  long nextLong() {
    long z = (rngState += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform int in [0, bound), without modulo bias. */
  int nextInt(int bound) {
    long r = nextLong() >>> 33;
    long m = r * bound;
    long l = m & 0x7FFFFFFFL;
    if (l < bound) {
      long t = (0x80000000L - bound) % bound;
      while (l < t) {
        r = nextLong() >>> 33;
        m = r * bound;
        l = m & 0x7FFFFFFFL;
      }
    }
    return (int) (m >>> 31);
  }

  // ------------------------------------------------------------------ the step

  /** Preallocated scratch for one step; the step itself allocates nothing. */
  static final class Step {
    /** Batches of at least this many points are labelled in two halves on two threads. */
    private static final int SPLIT_FROM = 512;
    final int k;
    final int d;
    final int capacity;
    final double[] batch;
    final double[] batchWeights;
    final double[] sums;
    final double[] sumWeights;
    final boolean[] reassigned;
    final int[] order;
    final int[] picks;
    /** The batch by columns, and the buffers of {@link Columns#nearest} on it. */
    final Columns columns;
    final int[] nearest;
    final double[] first;
    final double[] distances;
    final double[][] steps;
    final double[][] otherSteps;
    /** Threads for a fit's steps, or null: {@code learn} always runs on the caller's thread. */
    Parallel workers;
    /** The rows a fit drew for the next step, and whether {@link #gather} has labelled them. */
    final int[] drawn;
    private boolean assigned;

    Step(int k, int d, int capacity) {
      this.k = k;
      this.d = d;
      this.capacity = capacity;
      batch = new double[capacity * d];
      batchWeights = new double[capacity];
      sums = new double[k * d];
      sumWeights = new double[k];
      reassigned = new boolean[k];
      order = new int[k];
      picks = new int[capacity];
      columns = Columns.buffer(capacity, d);
      nearest = new int[capacity];
      first = new double[capacity];
      distances = new double[capacity];
      steps = Columns.scratch(k);
      otherSteps = Columns.scratch(k);
      drawn = new int[capacity];
    }

    /**
     * Copies rows {@code drawn[0 .. m)} of {@code data} into the batch and labels them, the two
     * halves on two threads when there are workers (the rows are scattered in memory, so the
     * copies gain from two cores as much as the arithmetic).
     */
    void gather(double[][] data, int m, double[] centers) {
      Parallel w = workers;
      if (w == null || m < SPLIT_FROM) {
        gatherRange(data, 0, m, centers, steps);
      } else {
        int half = m / 2;
        w.forEach(2, h -> {
          if (h == 0) {
            gatherRange(data, 0, half, centers, steps);
          } else {
            gatherRange(data, half, m, centers, otherSteps);
          }
        });
      }
      assigned = true;
    }

    private void gatherRange(double[][] data, int from, int to, double[] centers, double[][] buffers) {
      for (int i = from; i < to; i++) {
        System.arraycopy(data[drawn[i]], 0, batch, i * d, d);
      }
      assignRange(batch, from, to, centers, buffers);
    }

    /**
     * Labels the {@code m} points of {@code x} (row-major) by their nearest centers into
     * {@link #nearest}, with the squared distances in {@link #first}.
     */
    void assign(double[] x, int m, double[] centers) {
      Parallel w = workers;
      if (w == null || m < SPLIT_FROM) {
        assignRange(x, 0, m, centers, steps);
        return;
      }
      // Two halves on two threads: every point's label and distance are the same either way.
      int half = m / 2;
      w.forEach(2, h -> {
        if (h == 0) {
          assignRange(x, 0, half, centers, steps);
        } else {
          assignRange(x, half, m, centers, otherSteps);
        }
      });
    }

    private void assignRange(double[] x, int from, int to, double[] centers, double[][] buffers) {
      for (int i = from; i < to; i++) {
        columns.set(i, x, i * d);
      }
      columns.nearest(from, to, centers, k, distances, buffers, nearest, first, null);
    }

    /**
     * One step on {@code m} points of {@code x}; returns the batch's weighted inertia against
     * the centers before the step.
     */
    double run(double[] x, double[] w, int m, double[] centers, double[] counts, boolean reassign,
        MiniBatchKMeans rng) {
      Arrays.fill(sums, 0.0);
      Arrays.fill(sumWeights, 0.0);
      double inertia = 0;
      if (!assigned) {
        assign(x, m, centers);
      }
      assigned = false;
      for (int i = 0; i < m; i++) {
        int xo = i * d;
        int best = nearest[i];
        double wi = w[i];
        inertia += wi * first[i];
        int so = best * d;
        for (int t = 0; t < d; t++) {
          sums[so + t] += wi * x[xo + t];
        }
        sumWeights[best] += wi;
      }
      for (int j = 0; j < k; j++) {
        double add = sumWeights[j];
        if (add > 0) {
          int co = j * d;
          double old = counts[j];
          double total = old + add;
          double inv = 1.0 / total;
          for (int t = 0; t < d; t++) {
            centers[co + t] = (centers[co + t] * old + sums[co + t]) * inv;
          }
          counts[j] = total;
        }
      }
      if (reassign && rng.params.reassignmentRatio > 0) {
        reassignStarved(x, m, centers, counts, rng);
      }
      return inertia;
    }

    private void reassignStarved(double[] x, int m, double[] centers, double[] counts,
        MiniBatchKMeans rng) {
      double max = 0;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, counts[j]);
      }
      double threshold = rng.params.reassignmentRatio * max;
      int n = 0;
      for (int j = 0; j < k; j++) {
        reassigned[j] = counts[j] < threshold;
        if (reassigned[j]) {
          n++;
        }
      }
      int limit = (int) (0.5 * m);
      if (n > limit) {
        // Keep only the `limit` lowest counts (ties to the lowest label, a stable order).
        for (int j = 0; j < k; j++) {
          order[j] = j;
        }
        for (int a = 1; a < k; a++) {
          int v = order[a];
          int b = a - 1;
          while (b >= 0 && counts[order[b]] > counts[v]) {
            order[b + 1] = order[b];
            b--;
          }
          order[b + 1] = v;
        }
        for (int r = limit; r < k; r++) {
          reassigned[order[r]] = false;
        }
        n = limit;
      }
      if (n == 0) {
        return;
      }
      // Distinct batch points, uniformly: a partial Fisher-Yates shuffle of the batch indices.
      for (int i = 0; i < m; i++) {
        picks[i] = i;
      }
      double minKept = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        if (!reassigned[j]) {
          minKept = Math.min(minKept, counts[j]);
        }
      }
      int p = 0;
      for (int j = 0; j < k; j++) {
        if (!reassigned[j]) {
          continue;
        }
        int r = p + rng.nextInt(m - p);
        int t = picks[p];
        picks[p] = picks[r];
        picks[r] = t;
        System.arraycopy(x, picks[p] * d, centers, j * d, d);
        p++;
        if (minKept != Double.POSITIVE_INFINITY) {
          counts[j] = minKept;
        }
      }
    }
  }

  // ------------------------------------------------------------------ persistence

  // ------------------------------------------------------------------ merging (Mergeable)

  /**
   * Merges another mini-batch k-means of the same configuration into this one (see
   * {@link Mergeable}). A center is the exact weighted mean of what it summarised and its count
   * the total weight, so {@link CenterMerge} adds the (count, linear sum) statistics center by
   * center when the two sets of centers correspond: two learners that started from the same
   * centers and each took one step merge into exactly the step on both batches together,
   * Flink ML's count-weighted average. Otherwise (learners seeded independently) the 2k
   * weighted centers are re-clustered; the total count and linear sum are preserved either
   * way unless a reassignment moved a starved center (disable it with
   * {@code reassignmentRatio = 0}). The other side's buffered points join this side's buffer
   * (a step runs if it fills); a side without centers yet contributes its buffer only.
   * {@code seen()}, {@code steps()} and the points since the last reassignment add up; the
   * random state becomes the exclusive or of both, which is symmetric.
   *
   * @throws IllegalArgumentException if {@code other} is null, this object, or has another
   *     configuration or dimension; nothing changes then
   */
  @Override
  public void merge(MiniBatchKMeans other) {
    MergeChecks.require(this, other, params, other == null ? null : other.params, d,
        other == null ? 0 : other.d);
    if (other.seen == 0) {
      return;
    }
    long totalSeen = seen + other.seen;
    double[] mine = stateBuffer();
    double[] mineWeights = stateBufferWeights();
    double[] theirs = other.stateBuffer();
    double[] theirWeights = other.stateBufferWeights();
    if (seen == 0 || (centers == null && other.centers != null)) {
      long rng = seen == 0 ? other.rngState : rngState ^ other.rngState;
      d = other.d;
      centers = other.centers == null ? null : other.centers.clone();
      counts = other.counts == null ? null : other.counts.clone();
      steps += other.steps;
      sinceReassign += other.sinceReassign;
      rngState = rng;
      buffered = 0;
      // Buffered points re-enter in a fixed order: the receiver's, then the other's.
      rebuffer(theirs, theirWeights);
      rebuffer(mine, mineWeights);
    } else {
      if (centers != null && other.centers != null) {
        CenterMerge.merge(centers, counts, other.centers, other.counts, params.k, d);
      }
      steps += other.steps;
      sinceReassign += other.sinceReassign;
      rngState ^= other.rngState;
      rebuffer(theirs, theirWeights);
    }
    seen = totalSeen;
  }

  /** {@link Mergeable.Kind#TOTALS}: see {@link #merge(MiniBatchKMeans)}. */
  @Override
  public Mergeable.Kind mergeKind() {
    return Mergeable.Kind.TOTALS;
  }

  private void rebuffer(double[] points, double[] w) {
    if (points == null) {
      return;
    }
    double[] row = new double[d];
    for (int i = 0; i < w.length; i++) {
      System.arraycopy(points, i * d, row, 0, d);
      buffer(row, w[i]);
    }
  }

  /**
   * Rebuilds a clusterer from persisted state; {@code buffer} and {@code bufferWeights} hold
   * just the buffered points (or are null if the buffer was never created).
   */
  static MiniBatchKMeans restore(Params params, int d, long seen, double[] centers, double[] counts,
      long rngState, long sinceReassign, long steps, double[] buffer, double[] bufferWeights) {
    if (d < 0 || seen < 0 || sinceReassign < 0 || steps < 0) {
      throw new IllegalArgumentException("inconsistent minibatch-kmeans state");
    }
    MiniBatchKMeans s = new MiniBatchKMeans(params);
    s.rngState = rngState;
    if (d == 0) {
      if (seen != 0 || centers != null || buffer != null) {
        throw new IllegalArgumentException("state without a dimension has learned points");
      }
      return s;
    }
    int k = params.k;
    if (centers != null) {
      if (centers.length != k * d || counts == null || counts.length != k) {
        throw new IllegalArgumentException("centers/counts do not match k = " + k + " and d = " + d);
      }
      for (double v : centers) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("center value " + v + " is not finite");
        }
      }
      for (double v : counts) {
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
          throw new IllegalArgumentException("center count " + v + " is invalid");
        }
      }
    }
    int cap = Math.max(params.batchSize, params.k);
    if (buffer != null) {
      if (bufferWeights == null || buffer.length != bufferWeights.length * d
          || bufferWeights.length >= cap) {
        throw new IllegalArgumentException("buffer does not match the configuration");
      }
      for (double v : bufferWeights) {
        Points.requireWeight(v);
      }
      for (double v : buffer) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("buffered value " + v + " is not finite");
        }
      }
    }
    s.d = d;
    s.seen = seen;
    s.centers = centers;
    s.counts = centers == null ? null : counts;
    s.sinceReassign = sinceReassign;
    s.steps = steps;
    if (buffer != null) {
      s.buffer = new double[cap * d];
      s.bufferWeights = new double[cap];
      System.arraycopy(buffer, 0, s.buffer, 0, buffer.length);
      System.arraycopy(bufferWeights, 0, s.bufferWeights, 0, bufferWeights.length);
      s.buffered = bufferWeights.length;
    }
    return s;
  }

  double[] stateCenters() {
    return centers;
  }

  double[] stateCounts() {
    return counts;
  }

  long stateRng() {
    return rngState;
  }

  long stateSinceReassign() {
    return sinceReassign;
  }

  long stateSteps() {
    return steps;
  }

  /** The buffered points only, or null if the buffer was never created. */
  double[] stateBuffer() {
    return buffer == null ? null : Arrays.copyOf(buffer, buffered * d);
  }

  double[] stateBufferWeights() {
    return bufferWeights == null ? null : Arrays.copyOf(bufferWeights, buffered);
  }

  @Override
  public String toString() {
    return "MiniBatchKMeans[" + params + ", seen=" + seen + "]";
  }
}
