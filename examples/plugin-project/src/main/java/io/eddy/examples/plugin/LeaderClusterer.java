package io.eddy.examples.plugin;

import io.eddy.OnlineClusterer;
import io.eddy.ParamSpec;
import io.eddy.Parameter;
import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.kmeans.Centroids;
import java.util.Arrays;
import java.util.Map;

/**
 * A user-written clusterer plugged into Eddy: Hartigan's leader algorithm with running means.
 *
 * <p>A point joins the nearest leader within {@code radius} (whose center then moves to the
 * running mean of its members); otherwise it becomes a new leader, unless there are already
 * {@code maxLeaders}, in which case it joins the nearest one anyway. One pass, O(L·d) per
 * point for L leaders, memory O(maxLeaders·d).
 *
 * <p>It shows the whole plug-in surface: this class with its parameters declared once
 * ({@link Params#SPEC}) and a codec for its state, its {@link LeaderProvider} registered in
 * {@code META-INF/services/io.eddy.ClustererProvider}, and a test that extends the contract
 * kit. Not thread-safe.
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
    static final Parameter RADIUS = Parameter.ofPositive("radius", 1.0,
        "distance within which a point joins a leader");
    static final Parameter MAX_LEADERS = Parameter.ofInt("maxLeaders", 100, 1, 1 << 20, "most leaders kept");

    /** Both parameters, declared once: the provider's metadata, validation and persistence. */
    public static final ParamSpec<Params> SPEC = ParamSpec.of(Params.class, RADIUS, MAX_LEADERS);

    /** radius 1, at most 100 leaders. */
    public static final Params DEFAULTS = SPEC.defaults();

    /** Validates both fields. */
    public Params {
      RADIUS.check(radius);
      MAX_LEADERS.check(maxLeaders);
    }

    /** A copy with another radius. */
    public Params withRadius(double v) {
      return SPEC.with(this, RADIUS, v);
    }

    /** A copy with another leader limit. */
    public Params withMaxLeaders(int v) {
      return SPEC.with(this, MAX_LEADERS, v);
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
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
    this.radiusSquared = params.radius() * params.radius();
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  @Override
  public Map<String, Object> configuration() {
    return Params.SPEC.toMap(params);
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
    return new Centroids(Arrays.copyOf(centers, leaders * d), d, Arrays.copyOf(counts, leaders));
  }

  @Override
  public long seen() {
    return seen;
  }

  @Override
  public int dimension() {
    return d;
  }

  /** The configuration by name, then the state; listed by {@link LeaderProvider#codecs()}. */
  static final StateCodec<LeaderClusterer> CODEC = StateCodec.of("leader.state", 1, LeaderClusterer.class,
      (c, out) -> {
        Params.SPEC.write(c.params, out);
        out.writeInt(c.d);
        out.writeLong(c.seen);
        out.writeInt(c.leaders);
        if (c.d > 0) {
          out.writeDoubles(Arrays.copyOf(c.centers, c.leaders * c.d));
          out.writeDoubles(Arrays.copyOf(c.counts, c.leaders));
        }
      },
      (in, version) -> {
        LeaderClusterer c = new LeaderClusterer(Params.SPEC.read(in));
        c.d = in.readInt(0, Integer.MAX_VALUE);
        c.seen = in.readLong();
        c.leaders = in.readInt(0, c.params.maxLeaders());
        if (c.seen < 0 || (c.d == 0) != (c.seen == 0) || c.seen < c.leaders) {
          throw new ModelFormatException("inconsistent leader state");
        }
        if (c.d > 0) {
          double[] centers = in.readFiniteDoubles(c.leaders * c.d);
          double[] counts = in.readWeights(c.leaders);
          // full capacity only now that the payload proved it holds the leaders it claims
          c.centers = Arrays.copyOf(centers, c.params.maxLeaders() * c.d);
          c.counts = Arrays.copyOf(counts, c.params.maxLeaders());
        }
        return c;
      });
}
