package io.eddy.online;

import io.eddy.Points;
import io.eddy.kmeans.KMeansModel;
import io.eddy.math.Chunks;
import io.eddy.math.Euclid;
import io.eddy.math.FeatureVariance;
import io.eddy.math.SplitMix64;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@link MiniBatchKMeans#fit}: mini-batch steps on batches drawn from the data with replacement,
 * with scikit-learn's two early-stopping rules, then the labels and inertia of all the data.
 *
 * <p>Early stopping: after every step but the first, the per-point batch inertia is smoothed
 * by an exponentially weighted average with weight {@code min(1, 2·b / (n + 1))}; the fit stops
 * when that average has not reached a new minimum for {@code maxNoImprovement} steps, or (with
 * {@code tol > 0}) when a step moved the centers by at most {@code tol} × the mean feature
 * variance in squared distance.
 *
 * <p>Up to {@code threads} threads check the data, label each batch (in two halves) and label
 * all the data at the end (in blocks whose partial sums are added in block order), so the model
 * does not depend on their number. A fit shares nothing with other fits or with online learning.
 */
final class MiniBatchFit {

  /** Points per task of the checking and the final labelling passes. */
  private static final int LABEL_BLOCK = 4096;

  /** Batches of at least this many points are labelled in two halves on two threads. */
  private static final int SPLIT_FROM = 512;

  private MiniBatchFit() {}

  /**
   * Fits; {@code weights} is null for all ones, {@code initialCenters} (k valid rows) null for
   * the configured initialisation.
   */
  static KMeansModel fit(MiniBatchKMeans.Params params, double[][] data, double[] weights,
      double[][] initialCenters) {
    if (data == null || data.length == 0 || data[0] == null || data[0].length == 0) {
      Points.requireData(data);
    }
    int threads = Chunks.threads(params.threads());
    int n = data.length;
    int batch = Math.min(params.batchSize(), n);
    try (Chunks blocks = Chunks.ofSize(n, LABEL_BLOCK, threads);
        Chunks halves = Chunks.ofSize(batch, (batch + 1) / 2, threads)) {
      requireValid(data, weights, params.k(), blocks);
      MiniBatchStep s = new MiniBatchStep(params, data[0].length, new SplitMix64(params.seed()));
      if (initialCenters == null) {
        s.initialise(data, weights, n);
      } else if (initialCenters[0].length != s.d) {
        throw new IllegalArgumentException("initial centers have dimension " + initialCenters[0].length
            + ", the data " + s.d);
      } else {
        s.initialise(initialCenters);
      }
      s.halves = batch < SPLIT_FROM ? null : halves;
      Progress progress = steps(params, data, weights, s, batch);
      return label(params, data, weights, s, progress, blocks);
    }
  }

  private static void requireValid(double[][] data, double[] weights, int k, Chunks blocks) {
    int n = data.length;
    int d = data[0].length;
    boolean[] fine = new boolean[blocks.count];
    blocks.forEach(b -> fine[b] = rowsFine(data, blocks.start(b), blocks.end(b), d));
    for (boolean f : fine) {
      if (!f) {
        Points.requireAll(data, d); // names the first bad row
      }
    }
    if (weights != null) {
      Points.requireWeights(weights, n);
    }
    if (n < k) {
      throw new IllegalArgumentException("data has " + n + " points, expected at least k = " + k);
    }
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

  /** How far the steps went: epochs begun, and whether a rule stopped them. */
  private record Progress(int epochs, boolean stopped) {}

  private static Progress steps(MiniBatchKMeans.Params params, double[][] data, double[] w, MiniBatchStep s,
      int batch) {
    int n = data.length;
    s.ensureCapacity(batch);
    double tolAbs = params.tol() == 0 ? 0 : params.tol() * FeatureVariance.mean(data, s.d);
    double[] old = tolAbs > 0 ? new double[s.k * s.d] : null;
    long nSteps = (long) params.maxIter() * n / batch;
    double alpha = Math.min(1.0, batch * 2.0 / (n + 1));
    double ewa = Double.NaN;
    double ewaMin = Double.NaN;
    int noImprovement = 0;
    long i = 0;
    boolean stopped = false;
    for (; i < nSteps; i++) {
      for (int b = 0; b < batch; b++) {
        int r = s.rng.nextInt(n);
        s.drawn[b] = r;
        s.batchWeights[b] = w == null ? 1.0 : w[r];
      }
      s.gather(data, batch);
      if (old != null) {
        System.arraycopy(s.centers, 0, old, 0, old.length);
      }
      double batchInertia = s.step(s.batch, s.batchWeights, batch) / batch;
      if (i == 0) {
        continue; // the first batch's inertia reflects the initialisation only
      }
      ewa = Double.isNaN(ewa) ? batchInertia : ewa * (1 - alpha) + batchInertia * alpha;
      if (old != null && Euclid.squaredDistance(old, s.centers) <= tolAbs) {
        stopped = true;
        break;
      }
      if (Double.isNaN(ewaMin) || ewa < ewaMin) {
        noImprovement = 0;
        ewaMin = ewa;
      } else {
        noImprovement++;
      }
      if (params.maxNoImprovement() > 0 && noImprovement >= params.maxNoImprovement()) {
        stopped = true;
        break;
      }
    }
    long stepsRun = Math.min(i + 1, nSteps);
    return new Progress((int) Math.min(Integer.MAX_VALUE, (stepsRun * batch + n - 1) / n), stopped);
  }

  /** Labels all the data by blocks; the blocks' partial sums are added in block order. */
  private static KMeansModel label(MiniBatchKMeans.Params params, double[][] data, double[] w,
      MiniBatchStep fitted, Progress progress, Chunks blocks) {
    int n = data.length;
    int k = fitted.k;
    int[] labels = new int[n];
    double[] blockInertia = new double[blocks.count];
    double[] blockWeights = new double[blocks.count * k];
    ConcurrentLinkedQueue<MiniBatchStep> free = new ConcurrentLinkedQueue<>();
    blocks.forEach(b -> {
      MiniBatchStep t = free.poll();
      if (t == null) {
        t = new MiniBatchStep(params, fitted.d, null);
        t.centers = fitted.centers;
        t.ensureCapacity(LABEL_BLOCK);
      }
      int from = blocks.start(b);
      int m = blocks.end(b) - from;
      t.label(data, from, m);
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
    for (int b = 0; b < blocks.count; b++) {
      inertia += blockInertia[b];
      for (int j = 0; j < k; j++) {
        clusterWeights[j] += blockWeights[b * k + j];
      }
    }
    return new KMeansModel(fitted.centers, fitted.d, clusterWeights, inertia, progress.epochs(),
        progress.stopped(), labels);
  }
}
