package io.eddy.testkit;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A realistic drifting stream for density clusterers: Gaussian clusters in the unit cube that
 * move, are born and vanish, with uniform background noise. Each call to {@link #next(double[])}
 * writes one point and returns its true label: a cluster id (ids are never reused, so a cluster
 * born later gets a new one) or {@link #NOISE}.
 *
 * <p>The defaults ({@link Config#DEFAULT}) are a stream a user of audience segmentation meets
 * after scaling features to [0, 1]: d = 8, twelve clusters alive at a time, per-dimension standard
 * deviations drawn uniformly from [0.015, 0.035], 5 % noise. Centres move at a constant speed in
 * a random direction, turning back at the walls of [0.1, 0.9]^d and when they would come closer
 * than {@code minSeparation} to another centre, so that the truth stays a partition a clusterer
 * can recover. Every {@code turnover} points one cluster, chosen uniformly, vanishes and a new
 * one is born away from the others.
 *
 * <p>Deterministic for a seed; {@link #next(double[])} allocates nothing. Not thread-safe.
 */
public final class DriftingMixture {

  /** The label of a noise point. */
  public static final int NOISE = -1;

  /**
   * The stream's shape.
   *
   * @param dimension d, at least 1
   * @param clusters the number of clusters alive at any time, at least 1
   * @param minSd the smallest per-dimension standard deviation, > 0
   * @param maxSd the largest per-dimension standard deviation, ≥ minSd
   * @param noise the fraction of uniform noise points in [0, 1]^d, in [0, 1)
   * @param speed the distance a centre moves per point of the stream, ≥ 0
   * @param turnover points between one cluster vanishing and a new one being born; 0 for never
   * @param minSeparation the least distance kept between centres, ≥ 0
   */
  public record Config(int dimension, int clusters, double minSd, double maxSd, double noise,
      double speed, long turnover, double minSeparation) {

    /**
     * d = 8, 12 clusters, sd in [0.015, 0.035], 5 % noise, centres moving 1e-6 per point (0.1
     * per 100,000 points), one cluster replaced every 50,000 points, centres kept 0.25 apart.
     */
    public static final Config DEFAULT = new Config(8, 12, 0.015, 0.035, 0.05, 1e-6, 50_000, 0.25);

    /** Validates every field. */
    public Config {
      if (dimension < 1 || clusters < 1) {
        throw new IllegalArgumentException("dimension " + dimension + " and clusters " + clusters
            + " must be at least 1");
      }
      if (!(minSd > 0) || !(maxSd >= minSd) || maxSd > 1) {
        throw new IllegalArgumentException("standard deviations [" + minSd + ", " + maxSd
            + "] must satisfy 0 < minSd <= maxSd <= 1");
      }
      if (!(noise >= 0 && noise < 1)) {
        throw new IllegalArgumentException("noise is " + noise + ", expected a fraction in [0, 1)");
      }
      if (!(speed >= 0 && speed < 0.1)) {
        throw new IllegalArgumentException("speed is " + speed + ", expected a value in [0, 0.1)");
      }
      if (turnover < 0) {
        throw new IllegalArgumentException("turnover is " + turnover + ", expected >= 0");
      }
      if (!(minSeparation >= 0 && minSeparation < 0.8)) {
        throw new IllegalArgumentException("minSeparation is " + minSeparation
            + ", expected a value in [0, 0.8)");
      }
    }

    /** A copy with another dimension. */
    public Config withDimension(int v) {
      return new Config(v, clusters, minSd, maxSd, noise, speed, turnover, minSeparation);
    }

    /** A copy with another number of live clusters. */
    public Config withClusters(int v) {
      return new Config(dimension, v, minSd, maxSd, noise, speed, turnover, minSeparation);
    }

    /** A copy with another noise fraction. */
    public Config withNoise(double v) {
      return new Config(dimension, clusters, minSd, maxSd, v, speed, turnover, minSeparation);
    }

    /** A copy with another speed. */
    public Config withSpeed(double v) {
      return new Config(dimension, clusters, minSd, maxSd, noise, v, turnover, minSeparation);
    }

    /** A copy with another turnover period. */
    public Config withTurnover(long v) {
      return new Config(dimension, clusters, minSd, maxSd, noise, speed, v, minSeparation);
    }
  }

  private static final double LOW = 0.1;
  private static final double HIGH = 0.9;
  private static final int PLACEMENT_ATTEMPTS = 10_000;

  private final Config config;
  private final int d;
  private final SplittableRandom rng;
  /** Slot s's centre, velocity and per-dimension sd at [s·d, (s+1)·d). */
  private final double[] centers;
  private final double[] velocities;
  private final double[] sds;
  private final int[] ids;
  private final double[] step;
  private int nextId;
  private long emitted;

  /** A stream with the {@link Config#DEFAULT} shape. */
  public DriftingMixture(long seed) {
    this(seed, Config.DEFAULT);
  }

  /** A stream of the given shape. */
  public DriftingMixture(long seed, Config config) {
    this.config = config;
    this.d = config.dimension();
    this.rng = new SplittableRandom(seed);
    int k = config.clusters();
    this.centers = new double[k * d];
    this.velocities = new double[k * d];
    this.sds = new double[k * d];
    this.ids = new int[k];
    this.step = new double[d];
    Arrays.fill(ids, -1);
    for (int s = 0; s < k; s++) {
      place(s);
    }
  }

  /** The shape of this stream. */
  public Config config() {
    return config;
  }

  /** The number of points written so far. */
  public long emitted() {
    return emitted;
  }

  /**
   * Writes the next point into {@code out} (length d) and returns its true label: the id of the
   * cluster it was drawn from, or {@link #NOISE}.
   */
  public int next(double[] out) {
    if (out.length != d) {
      throw new IllegalArgumentException("out has length " + out.length + ", expected " + d);
    }
    long t = emitted++;
    if (config.turnover() > 0 && t > 0 && t % config.turnover() == 0) {
      int s = rng.nextInt(config.clusters());
      ids[s] = -1;
      place(s);
    }
    move();
    if (rng.nextDouble() < config.noise()) {
      for (int j = 0; j < d; j++) {
        out[j] = rng.nextDouble();
      }
      return NOISE;
    }
    int s = rng.nextInt(config.clusters());
    int off = s * d;
    for (int j = 0; j < d; j++) {
      out[j] = centers[off + j] + sds[off + j] * Blobs.gaussian(rng);
    }
    return ids[s];
  }

  /** Draws n points into a new array, their labels into {@code labels} (length n). */
  public double[][] next(int n, int[] labels) {
    if (labels.length != n) {
      throw new IllegalArgumentException("labels has length " + labels.length + ", expected " + n);
    }
    double[][] points = new double[n][d];
    for (int i = 0; i < n; i++) {
      labels[i] = next(points[i]);
    }
    return points;
  }

  /** The ids of the clusters alive now, in slot order. */
  public int[] liveIds() {
    return ids.clone();
  }

  /** The current centre of the live cluster {@code id}. */
  public double[] center(int id) {
    for (int s = 0; s < ids.length; s++) {
      if (ids[s] == id) {
        return Arrays.copyOfRange(centers, s * d, (s + 1) * d);
      }
    }
    throw new IllegalArgumentException("cluster " + id + " is not alive; live: "
        + Arrays.toString(ids));
  }

  /** Gives slot s a new cluster: a fresh id, a centre far from the others, its spread and heading. */
  private void place(int s) {
    int off = s * d;
    for (int attempt = 0; ; attempt++) {
      for (int j = 0; j < d; j++) {
        centers[off + j] = LOW + (HIGH - LOW) * rng.nextDouble();
      }
      if (nearestOther(s, centers, off) >= config.minSeparation() || attempt >= PLACEMENT_ATTEMPTS) {
        break;
      }
    }
    double norm = 0;
    for (int j = 0; j < d; j++) {
      double g = Blobs.gaussian(rng);
      velocities[off + j] = g;
      norm += g * g;
      sds[off + j] = config.minSd() + (config.maxSd() - config.minSd()) * rng.nextDouble();
    }
    double scale = norm > 0 ? config.speed() / Math.sqrt(norm) : 0;
    for (int j = 0; j < d; j++) {
      velocities[off + j] *= scale;
    }
    ids[s] = nextId++;
  }

  /** Advances every centre by its velocity, turning back at walls and before other centres. */
  private void move() {
    if (config.speed() == 0) {
      return;
    }
    for (int s = 0; s < ids.length; s++) {
      int off = s * d;
      for (int j = 0; j < d; j++) {
        double x = centers[off + j] + velocities[off + j];
        if (x < LOW || x > HIGH) {
          velocities[off + j] = -velocities[off + j];
          x = centers[off + j] + velocities[off + j];
        }
        step[j] = x;
      }
      double next = nearestOther(s, step, 0);
      if (next < config.minSeparation() && next < nearestOther(s, centers, off)) {
        for (int j = 0; j < d; j++) {
          velocities[off + j] = -velocities[off + j];
        }
        continue;
      }
      System.arraycopy(step, 0, centers, off, d);
    }
  }

  /** The distance from the point at {@code a[off..off+d)} to the nearest live centre other than slot s. */
  private double nearestOther(int s, double[] a, int off) {
    double best = Double.POSITIVE_INFINITY;
    for (int o = 0; o < ids.length; o++) {
      if (o == s || ids[o] < 0) {
        continue;
      }
      double sum = 0;
      for (int j = 0; j < d; j++) {
        double t = a[off + j] - centers[o * d + j];
        sum += t * t;
      }
      best = Math.min(best, sum);
    }
    return Math.sqrt(best);
  }
}
