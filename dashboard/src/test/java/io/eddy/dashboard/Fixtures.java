package io.eddy.dashboard;

import io.eddy.features.Pipeline;
import io.eddy.features.SegmentationBundle;
import io.eddy.features.StandardScaler;
import io.eddy.kmeans.KMeans;
import io.eddy.kmeans.KMeansModel;
import io.eddy.online.ConcurrentClusterer;
import io.eddy.online.Dbstream;
import io.eddy.online.SequentialKMeans;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Data with known structure, a bundle fitted on it, and a learning clusterer. */
final class Fixtures {

  static final List<String> FEATURES = List.of("income", "spending");
  /** Three well-separated groups of customers, in original units. */
  static final double[][] CENTRES = {{30, 80}, {70, 20}, {105, 70}};

  private Fixtures() {}

  /** {@code n} customers drawn round the three centres in turn, standard deviation 4. */
  static double[][] customers(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] c = CENTRES[i % CENTRES.length];
      out[i] = new double[] {c[0] + 4 * gaussian(r), c[1] + 4 * gaussian(r)};
    }
    return out;
  }

  static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** A standard-scaled three-segment k-means bundle, named after each group. */
  static SegmentationBundle bundle() {
    return bundle(FEATURES, customers(600, 7));
  }

  /** The same groups with two more features, age and visits, that follow the groups loosely. */
  static SegmentationBundle wideBundle() {
    return bundle(List.of("income", "spending", "age", "visits"), wideRows(600, 8));
  }

  /** Rows for {@link #wideBundle}: income, spending, age, visits. */
  static double[][] wideRows(int n, long seed) {
    double[][] two = customers(n, seed);
    SplittableRandom r = new SplittableRandom(seed + 1);
    double[][] raw = new double[two.length][];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = new double[] {two[i][0], two[i][1], 25 + 12 * (i % 3) + 3 * gaussian(r), 4 + (i % 3) + gaussian(r)};
    }
    return raw;
  }

  private static SegmentationBundle bundle(List<String> features, double[][] raw) {
    Pipeline p = Pipeline.builder(features).then(StandardScaler.Params.DEFAULTS).fit(raw);
    KMeansModel m = new KMeans(KMeans.Params.DEFAULTS.withK(3).withSeed(3)).fit(p.transformAll(raw));
    SegmentationBundle b = SegmentationBundle.train(p, m, raw, false, Map.of("algorithm", "kmeans"));
    Map<Integer, String> names = new java.util.HashMap<>();
    for (SegmentationBundle.Segment s : b.segments()) {
      double[] prof = s.profile();
      names.put(s.label(), prof[0] < 50 ? "young spenders" : prof[1] < 50 ? "careful" : "affluent");
    }
    return b.withNames(names);
  }

  /** A sequential k-means of k = 3 shared for learning raw rows, publishing every 20 points or 20 ms. */
  static ConcurrentClusterer<?> clusterer() {
    return ConcurrentClusterer.wrap(new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(3)), 20,
        Duration.ofMillis(20));
  }

  /** The features of {@link #scripted}. */
  static final List<String> XY = List.of("x", "y");
  /** Points per phase of {@link #scripted}. */
  static final int PHASE = 3000;

  /**
   * The point of tick {@code t} of a scripted stream whose segments come and go, spread 0.4
   * round its centres: phase 0 draws A at (0, 0) and B at (10, 0); phase 1 adds C at (0, 12);
   * from phase 2 on, B has stopped, so it fades.
   */
  static double[] scripted(int t, SplittableRandom rng) {
    int phase = t / PHASE;
    double[][] centres = phase == 0 ? new double[][] {{0, 0}, {10, 0}}
        : phase == 1 ? new double[][] {{0, 0}, {10, 0}, {0, 12}} : new double[][] {{0, 0}, {0, 12}};
    double[] c = centres[rng.nextInt(centres.length)];
    return new double[] {c[0] + 0.4 * rng.nextGaussian(), c[1] + 0.4 * rng.nextGaussian()};
  }

  /**
   * A DBSTREAM (which keeps a lineage) for {@link #scripted}, shared, publishing every 100
   * points or 20 ms: radius 1, fading 0.02 per point, cleanup every 50 points.
   */
  static ConcurrentClusterer<?> dbstream() {
    return ConcurrentClusterer.wrap(new Dbstream(Dbstream.Params.DEFAULTS.withR(1).withLambda(0.02).withTGap(50)
        .withWMin(2).withAlpha(0.1)), 100, Duration.ofMillis(20));
  }

  /** The CSV text of the rows, with an id column before the features. */
  static String csv(double[][] rows) {
    StringBuilder sb = new StringBuilder("id,income,spending\n");
    for (int i = 0; i < rows.length; i++) {
      sb.append("c").append(i).append(',').append(rows[i][0]).append(',').append(rows[i][1]).append('\n');
    }
    return sb.toString();
  }
}
