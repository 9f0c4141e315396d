package io.eddy.eval;

import io.eddy.ClusterModel;
import io.eddy.Points;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The silhouette of a stream in bounded memory: the exact silhouette, with the standard
 * definition of {@link Silhouette} (Rousseeuw 1987; scikit-learn's {@code silhouette_score}),
 * of a sample of at most {@link #capacity()} labelled points, and its standard error.
 *
 * <p><b>Sampling.</b> {@link Sampling#RESERVOIR} keeps a uniform sample of every point seen so
 * far (Vitter's algorithm R, seeded), so the estimate is of the silhouette of the whole stream;
 * {@link Sampling#SLIDING} keeps the last {@code capacity} points, so it is of the recent
 * stream. While fewer than {@code capacity} points have been seen, both hold all of them and
 * {@link #estimate()} is exactly {@link Silhouette#exact} of those points, in arrival order.
 *
 * <p><b>The estimate.</b> Every clustered point of the sample is scored against the other
 * sample points ({@link ClusterModel#NOISE} points are left out, as in {@link Silhouette}); the
 * score is their mean and the standard error is that of a mean of m draws, sd/√m, with the
 * finite-population correction √(1 − m/N) in reservoir mode (N the clustered points seen, so
 * the error is 0 when the sample holds them all). It measures which points were drawn; the
 * points' own a and b are estimated from the sample too, which adds an error of order 1/m per
 * point that it leaves out, so use samples of a few hundred points or more.
 *
 * <p><b>Cost.</b> Memory O(min(seen, capacity)·d), growing with the sample until it is full,
 * then fixed whatever the stream's length; {@link #add} O(d) amortised, allocation-free once
 * the sample is full; {@link #estimate()} O(m²·d) time and O(m·d) transient
 * memory. Not thread-safe: use from one thread at a time.
 */
public final class StreamingSilhouette {

  /** Which points the sample keeps. */
  public enum Sampling {
    /** A uniform sample of every point seen (algorithm R). */
    RESERVOIR,
    /** The most recent points. */
    SLIDING
  }

  private final int capacity;
  private final Sampling sampling;
  private final SplittableRandom rng;
  /** The sample's points and labels, grown by doubling up to capacity as points arrive. */
  private double[][] rows = new double[0][];
  private int[] labels = new int[0];
  private int d;
  private int size;
  /** Next slot to overwrite in sliding mode: the oldest point once the sample is full. */
  private int head;
  private long seen;
  private long clusteredSeen;

  /**
   * The largest capacity: 2^20 points. {@link #estimate()} costs O(m²·d) for m sample points,
   * already about 10^12·d operations at this size; a larger sample buys no useful precision
   * (the standard error falls as 1/√m).
   */
  public static final int MAX_CAPACITY = 1 << 20;

  /**
   * An empty sample. Nothing is allocated for the points until they arrive.
   *
   * @param capacity the largest number of points kept, in [2, {@link #MAX_CAPACITY}]
   * @param sampling reservoir (the whole stream) or sliding (the recent stream)
   * @param seed the seed of the reservoir's draws (unused when sliding)
   * @throws IllegalArgumentException if capacity is out of range or sampling is null
   */
  public StreamingSilhouette(int capacity, Sampling sampling, long seed) {
    if (capacity < 2 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity is " + capacity + ", expected a value in [2, "
          + MAX_CAPACITY + "] (StreamingSilhouette.MAX_CAPACITY)");
    }
    if (sampling == null) {
      throw new IllegalArgumentException("sampling is null, expected RESERVOIR or SLIDING");
    }
    this.capacity = capacity;
    this.sampling = sampling;
    this.rng = new SplittableRandom(seed);
  }

  /**
   * Offers a point and its cluster label (any int, or {@link ClusterModel#NOISE}). The point is
   * copied, never retained.
   *
   * @throws IllegalArgumentException if the point is null, not finite within
   *     {@link Points#MAX_ABS}, or of another dimension than the first; nothing changes then
   */
  public void add(double[] point, int label) {
    Points.require(point, d);
    d = point.length;
    seen++;
    if (label != ClusterModel.NOISE) {
      clusteredSeen++;
    }
    int slot;
    if (size < capacity) {
      slot = size++;
      if (slot == rows.length) {
        // Doubling keeps the amortised cost O(d) and the memory within twice the sample's.
        int grown = (int) Math.min(capacity, Math.max(16L, 2L * rows.length));
        rows = Arrays.copyOf(rows, grown);
        labels = Arrays.copyOf(labels, grown);
      }
      rows[slot] = new double[d];
    } else if (sampling == Sampling.SLIDING) {
      slot = head;
      head = head + 1 == capacity ? 0 : head + 1;
    } else {
      long j = rng.nextLong(seen);
      if (j >= capacity) {
        return;
      }
      slot = (int) j;
    }
    System.arraycopy(point, 0, rows[slot], 0, d);
    labels[slot] = label;
  }

  /**
   * The silhouette of the sample with its standard error, on the calling thread; see
   * {@link #estimate(int)}.
   */
  public Silhouette.Estimate estimate() {
    return estimate(1);
  }

  /**
   * The exact silhouette of the sample's points and its standard error (see the class
   * description). {@code population} is the number of clustered points seen (reservoir) or in
   * the sample (sliding). When the sample cannot support a silhouette (fewer than 2 clusters,
   * or as many clusters as clustered points) the score and error are NaN.
   *
   * @param threads the number of threads to use, &ge; 1; the result does not depend on it
   */
  public Silhouette.Estimate estimate(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads is " + threads + ", expected at least 1");
    }
    double[][] points = new double[size][];
    int[] l = new int[size];
    // Oldest first when sliding, so a sample that never wrapped is in arrival order.
    int start = sampling == Sampling.SLIDING && size == capacity ? head : 0;
    for (int i = 0; i < size; i++) {
      int slot = (start + i) % capacity;
      points[i] = rows[slot];
      l[i] = labels[slot];
    }
    Labeling labeling = Labeling.of(l);
    int m = labeling.clustered();
    long population = sampling == Sampling.RESERVOIR ? clusteredSeen : m;
    if (size < 2 || labeling.k < 2 || labeling.k >= m) {
      return new Silhouette.Estimate(Double.NaN, Double.NaN, m, (int) Math.min(Integer.MAX_VALUE, population),
          labeling.noise);
    }
    double[] all = Silhouette.samples(points, l, threads);
    double[] values = new double[m];
    int at = 0;
    for (double v : all) {
      if (!Double.isNaN(v)) {
        values[at++] = v;
      }
    }
    double mean = SegmentProfiles.mean(values, m);
    double variance = SegmentProfiles.sumOfSquaredDeviations(values, m, mean) / (m - 1);
    double fpc = sampling == Sampling.RESERVOIR ? 1.0 - (double) m / population : 1.0;
    double se = fpc <= 0 ? 0.0 : Math.sqrt(variance / m * fpc);
    return new Silhouette.Estimate(mean, se, m, (int) Math.min(Integer.MAX_VALUE, population), labeling.noise);
  }

  /** The labels now in the sample, in slot order (for tests). */
  int[] sampleLabels() {
    return Arrays.copyOf(labels, size);
  }

  /** The largest number of points kept. */
  public int capacity() {
    return capacity;
  }

  /** The sampling scheme. */
  public Sampling sampling() {
    return sampling;
  }

  /** The number of points now in the sample: min(seen, capacity). */
  public int size() {
    return size;
  }

  /** The number of points offered so far. */
  public long seen() {
    return seen;
  }

  @Override
  public String toString() {
    return "StreamingSilhouette[" + sampling + ", " + size + "/" + capacity + " of " + seen + " points]";
  }
}
