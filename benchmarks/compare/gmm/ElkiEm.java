import elki.clustering.em.EM;
import elki.clustering.em.models.MultivariateGaussianModelFactory;
import elki.clustering.kmeans.initialization.RandomlyChosen;
import elki.data.NumberVector;
import elki.data.type.TypeUtil;
import elki.database.StaticArrayDatabase;
import elki.database.relation.Relation;
import elki.datasource.ArrayAdapterDatabaseConnection;
import elki.utilities.random.RandomFactory;
import io.eddy.benchmarks.gmm.EmData;
import java.util.Arrays;
import java.util.Locale;

/**
 * ELKI 0.8.0's EM (full covariance) on the data of {@code EmIterationTiming}, for the
 * side-by-side in benchmarks/results/gmm.md. Outside the build: ELKI is not a dependency of
 * Eddy. ELKI has no per-iteration hook, so one iteration's time is the difference between
 * fits of {@code LONG} and {@code SHORT} iterations (delta 0, so exactly that many),
 * divided by the difference; that cancels the initialisation.
 *
 * <pre>
 * ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
 * ./mvnw -q -f benchmarks/compare/gmm/elki-pom.xml dependency:build-classpath -Dmdep.outputFile=/tmp/elki-cp.txt
 * java -cp "benchmarks/target/benchmarks.jar:$(cat /tmp/elki-cp.txt)" benchmarks/compare/gmm/ElkiEm.java
 * </pre>
 */
public class ElkiEm {
  static final int N = 50_000, D = 8, K = 8, SHORT = 3, LONG = 13;

  public static void main(String[] args) {
    double[][] x = EmData.points(N, D, K);
    StaticArrayDatabase db = new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(x));
    db.initialize();
    Relation<NumberVector> rel = db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
    for (int i = 0; i < 3; i++) { // JIT warm-up
      fit(rel, SHORT);
      fit(rel, LONG);
    }
    int rounds = 7;
    double[] perIteration = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long a = fit(rel, SHORT);
      long b = fit(rel, LONG);
      perIteration[r] = (b - a) / 1e6 / (LONG - SHORT);
    }
    Arrays.sort(perIteration);
    System.out.println(String.format(Locale.ROOT,
        "elki 0.8.0 one EM iteration (full covariance): min %.2f ms, median %.2f ms over %d rounds",
        perIteration[0], perIteration[rounds / 2], rounds));
  }

  static long fit(Relation<NumberVector> rel, int iterations) {
    EM<NumberVector, ?> em = new EM<>(K, 0.0,
        new MultivariateGaussianModelFactory(new RandomlyChosen<>(new RandomFactory(1L))),
        iterations, iterations, 0.0, false);
    long t0 = System.nanoTime();
    em.run(rel);
    return System.nanoTime() - t0;
  }
}
