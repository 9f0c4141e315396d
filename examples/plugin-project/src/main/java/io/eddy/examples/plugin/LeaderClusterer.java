package io.eddy.examples.plugin;

import io.eddy.OnlineClusterer;
import io.eddy.Points;
import io.eddy.kmeans.Centroids;

/**
 * A user-written clusterer plugged into Eddy: Hartigan's leader algorithm with running means.
 *
 * <p>A point joins the nearest leader within {@code radius} (whose center then moves to the
 * running mean of its members); otherwise it becomes a new leader, unless there are already
 * {@code maxLeaders}, in which case it joins the nearest one anyway. One pass, O(L·d) per
 * point for L leaders, memory O(maxLeaders·d).
 *
 * <p>It shows the whole plug-in surface: this class, its {@link LeaderProvider} registered in
 * {@code META-INF/services/io.eddy.ClustererProvider}, a codec for its state, and a test that
 * extends the contract kit. Not thread-safe.
 *
 * <p>Reference: J. A. Hartigan, <i>Clustering Algorithms</i>, Wiley, 1975, chapter 3.
 */
public final class LeaderClusterer implements OnlineClusterer<Centroids> {

  /**
   * Configuration.
   *
   * @param radius the distance within which a point joins a leader, &gt; 0 (default 1)
   * @param maxLeaders the most leaders kept, &ge; 1 (default 100)
   */
  public record Params(double radius, int maxLeaders) {
    /** radius 1, at most 100 leaders. */
    public static final Params DEFAULTS = new Params(1.0, 100);

    /** Validates both fields. */
    public Params {
      if (!(radius > 0) || radius == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("radius must be a finite value > 0, got " + radius);
      }
      if (maxLeaders < 1) {
        throw new IllegalArgumentException("maxLeaders must be >= 1, got " + maxLeaders);
      }
    }
  }

  private final Params params;
  private final double radiusSquared;
  private int d;
  private long seen;
  private int leaders;
  private double[] centers;
  private double[] counts;

  /** A clusterer with the given configuration. */
  public LeaderClusterer(Params params) {
    this.params = params;
    this.radiusSquared = params.radius() * params.radius();
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  @Override
  public void learn(double[] point) {
    Points.require(point, d);
    if (d == 0) {
      d = point.length;
      centers = new double[params.maxLeaders() * d];
      counts = new double[params.maxLeaders()];
    }
    seen++;
    int best = nearest(point);
    if (best < 0 || (squaredDistance(point, best) > radiusSquared && leaders < params.maxLeaders())) {
      System.arraycopy(point, 0, centers, leaders * d, d);
      counts[leaders++] = 1;
      return;
    }
    double n = ++counts[best];
    for (int j = 0; j < d; j++) {
      centers[best * d + j] += (point[j] - centers[best * d + j]) / n;
    }
  }

  private int nearest(double[] x) {
    int best = -1;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int l = 0; l < leaders; l++) {
      double s = squaredDistance(x, l);
      if (s < bestDist) {
        bestDist = s;
        best = l;
      }
    }
    return best;
  }

  private double squaredDistance(double[] x, int leader) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double t = x[j] - centers[leader * d + j];
      s += t * t;
    }
    return s;
  }

  /** The nearest leader's label. @throws IllegalStateException before the first point */
  @Override
  public int predict(double[] point) {
    Points.require(point, d);
    if (leaders == 0) {
      throw new IllegalStateException("the leader clusterer has learned no point yet");
    }
    return nearest(point);
  }

  /** The leaders as centers with their member counts. @throws IllegalStateException before the first point */
  @Override
  public Centroids snapshot() {
    if (leaders == 0) {
      throw new IllegalStateException("the leader clusterer has learned no point yet");
    }
    return new Centroids(java.util.Arrays.copyOf(centers, leaders * d), d,
        java.util.Arrays.copyOf(counts, leaders));
  }

  @Override
  public long seen() {
    return seen;
  }

  @Override
  public int dimension() {
    return d;
  }

  int leaders() {
    return leaders;
  }

  double[] rawCenters() {
    return centers;
  }

  double[] rawCounts() {
    return counts;
  }

  static LeaderClusterer restore(Params p, int d, long seen, int leaders, double[] centers, double[] counts) {
    LeaderClusterer c = new LeaderClusterer(p);
    if (d < 0 || seen < 0 || leaders < 0 || leaders > p.maxLeaders() || (d == 0) != (centers == null)) {
      throw new IllegalArgumentException("inconsistent leader state");
    }
    if (d > 0 && (centers.length != p.maxLeaders() * d || counts.length != p.maxLeaders())) {
      throw new IllegalArgumentException("leader arrays do not match the configuration");
    }
    c.d = d;
    c.seen = seen;
    c.leaders = leaders;
    c.centers = centers;
    c.counts = counts;
    return c;
  }
}
