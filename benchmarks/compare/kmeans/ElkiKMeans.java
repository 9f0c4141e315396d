import elki.clustering.kmeans.AbstractKMeans;
import elki.clustering.kmeans.ElkanKMeans;
import elki.clustering.kmeans.ExponionKMeans;
import elki.clustering.kmeans.HamerlyKMeans;
import elki.clustering.kmeans.LloydKMeans;
import elki.clustering.kmeans.initialization.KMeansInitialization;
import elki.clustering.kmeans.initialization.KMeansPlusPlus;
import elki.clustering.kmeans.initialization.Predefined;
import elki.data.Cluster;
import elki.data.Clustering;
import elki.data.NumberVector;
import elki.data.model.KMeansModel;
import elki.data.type.TypeUtil;
import elki.database.StaticArrayDatabase;
import elki.database.ids.DBIDIter;
import elki.database.relation.Relation;
import elki.datasource.ArrayAdapterDatabaseConnection;
import elki.distance.minkowski.SquaredEuclideanDistance;
import elki.logging.Logging;
import elki.logging.LoggingConfiguration;
import elki.utilities.random.RandomFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * ELKI 0.8.0's side of the k-means comparison in this folder: the same data and initial centers
 * as {@code sklearn_side.py} (which writes them) and Eddy's {@code SklearnComparison}. Outside
 * the build: ELKI is not a dependency of Eddy. ELKI's k-means variants run on one thread.
 *
 * <pre>
 * ./mvnw -q -B -o -f benchmarks/compare/gmm/elki-pom.xml dependency:build-classpath -Dmdep.outputFile=/tmp/elki-cp.txt
 * java -cp "$(cat /tmp/elki-cp.txt)" benchmarks/compare/kmeans/ElkiKMeans.java [dir] [repeats] [maxiter]
 * </pre>
 *
 * <p>Times {@code run(relation)} of Lloyd, Hamerly, Exponion and Elkan (squared Euclidean, k = 16)
 * from the written initial centers ({@code Predefined}) and with ELKI's own k-means++
 * ({@code KMeansPlusPlus}, seeds 0..repeats-1). The database is built once, untimed. Each
 * configuration runs 3 times untimed (JIT warm-up), then {@code repeats} timed runs (default 7).
 *
 * <p>ELKI has no convergence tolerance: it stops when no point changes cluster or after
 * {@code maxiter} iterations (default 300), each iteration being one assignment pass.
 * scikit-learn and Eddy stop on {@code tol} instead (29 iterations from the given centers, plus
 * scikit-learn's final labelling pass), while ELKI needs 222 to settle; {@code maxiter} 30 does
 * their work (30 assignment passes, 29 mean updates).
 *
 * <p>Inertia is computed here, outside the timing, as the squared distances of the points to
 * their cluster model's mean. ELKI reports the iteration count only as a logged statistic, so
 * statistics logging is switched on for the k-means package and the {@code .iterations} value is
 * captured (a few log records per iteration; the algorithms do no extra work).
 */
public class ElkiKMeans {
  static final int D = 16, K = 16, WARMUPS = 3;
  static final Logger KMEANS_LOG = Logger.getLogger("elki.clustering.kmeans");
  static volatile int lastIterations = -1;

  interface Algo {
    AbstractKMeans<NumberVector, KMeansModel> make(KMeansInitialization init);
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/eddy-kmeans-compare");
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int maxiter = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    double[][] data = read(dir.resolve("data.f64"));
    double[][] init = read(dir.resolve("init.f64"));
    captureIterations();
    StaticArrayDatabase db = new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(data));
    db.initialize();
    Relation<NumberVector> rel = db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
    String jar = Path.of(ElkanKMeans.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .getFileName().toString();
    System.out.printf(Locale.ROOT, "ELKI 0.8.0 (%s), n = %d, d = %d, k = %d, maxiter %d (no tolerance), one thread%n",
        jar, rel.size(), D, K, maxiter);
    SquaredEuclideanDistance dist = SquaredEuclideanDistance.STATIC;
    String[] names = {"lloyd", "hamerly", "exponion", "elkan"};
    Algo[] algos = {
        i -> new LloydKMeans<>(dist, K, maxiter, i),
        i -> new HamerlyKMeans<>(dist, K, maxiter, i, false),
        i -> new ExponionKMeans<>(dist, K, maxiter, i, false),
        i -> new ElkanKMeans<>(dist, K, maxiter, i, false)};
    for (int a = 0; a < algos.length; a++) {
      Algo algo = algos[a];
      // Predefined hands its array to the algorithm, which updates the means in place: a fresh copy per run.
      time("ELKI " + names[a] + ", from given centers", repeats, maxiter, rel, r -> algo.make(new Predefined(copy(init))));
    }
    for (int a = 0; a < algos.length; a++) {
      Algo algo = algos[a];
      time("ELKI " + names[a] + ", kmeans++ fit", repeats, maxiter, rel,
          r -> algo.make(new KMeansPlusPlus<>(new RandomFactory((long) r))));
    }
  }

  static void time(String label, int repeats, int maxiter, Relation<NumberVector> rel,
      IntFunction<AbstractKMeans<NumberVector, KMeansModel>> make) {
    for (int w = 0; w < WARMUPS; w++) {
      make.apply(1000 + w).run(rel);
    }
    double[] t = new double[repeats];
    double[] inertia = new double[repeats];
    String[] iterations = new String[repeats];
    for (int r = 0; r < repeats; r++) {
      AbstractKMeans<NumberVector, KMeansModel> km = make.apply(r);
      lastIterations = -1;
      long t0 = System.nanoTime();
      Clustering<KMeansModel> c = km.run(rel);
      t[r] = (System.nanoTime() - t0) / 1e9;
      inertia[r] = inertia(c, rel);
      // ELKI's counter ends one past maxiter when it stops without converging.
      iterations[r] = lastIterations < 0 ? "n/a" : Integer.toString(Math.min(lastIterations, maxiter));
    }
    Arrays.sort(t);
    Arrays.sort(inertia);
    System.out.printf(Locale.ROOT, "%-36s median %.3f s  (min %.3f)  median inertia %.6e  n_iter %s%n",
        label, t[repeats / 2], t[0], inertia[repeats / 2], Arrays.toString(iterations));
  }

  /** Sum of squared distances of the points to their cluster's mean. */
  static double inertia(Clustering<KMeansModel> c, Relation<NumberVector> rel) {
    double sum = 0;
    for (Cluster<KMeansModel> cl : c.getAllClusters()) {
      double[] mean = cl.getModel().getMean();
      for (DBIDIter it = cl.getIDs().iter(); it.valid(); it.advance()) {
        NumberVector v = rel.get(it);
        for (int d = 0; d < mean.length; d++) {
          double diff = v.doubleValue(d) - mean[d];
          sum += diff * diff;
        }
      }
    }
    return sum;
  }

  /** Switches on ELKI's statistics for the k-means package and keeps the last ".iterations" value. */
  static void captureIterations() {
    LoggingConfiguration.assertConfigured(); // ELKI (re)configures java.util.logging once, first
    KMEANS_LOG.setLevel(Logging.Level.STATISTICS);
    KMEANS_LOG.setUseParentHandlers(false);
    KMEANS_LOG.addHandler(new Handler() {
      @Override
      public void publish(LogRecord rec) {
        String m = rec.getMessage();
        int at = m == null ? -1 : m.lastIndexOf(".iterations: ");
        if (at >= 0) {
          lastIterations = Integer.parseInt(m.substring(at + ".iterations: ".length()).trim());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
  }

  static double[][] copy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }

  static double[][] read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int n = b.remaining() / 8 / D;
    double[][] out = new double[n][D];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < D; t++) {
        out[i][t] = b.getDouble();
      }
    }
    return out;
  }
}
