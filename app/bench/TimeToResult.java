import io.eddy.app.Eddy;
import io.eddy.features.Pipeline;
import io.eddy.features.StandardScaler;
import io.eddy.features.csv.CsvReader;
import io.eddy.features.csv.CsvResult;
import io.eddy.kmeans.KMeans;
import io.eddy.kmeans.KMeansModel;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Time to result of the eddy command line against the plain library call that computes the
 * same segments (read the CSV, standardise, k-means, assign), outside the build.
 *
 * <pre>
 * java -cp app/target/eddy.jar app/bench/TimeToResult.java gen FILE ROWS DIMS     # blobs CSV
 * java -cp app/target/eddy.jar app/bench/TimeToResult.java library FILE K COLUMNS # one cold run
 * java -cp app/target/eddy.jar app/bench/TimeToResult.java warm FILE K COLUMNS REPS OUT
 * </pre>
 * "warm" runs the library call and the app's segment command alternately REPS times in one
 * JVM and prints each time, so the later runs are warm for both.
 */
public final class TimeToResult {

  public static void main(String[] a) throws Exception {
    switch (a[0]) {
      case "gen" -> gen(Path.of(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]));
      case "library" -> System.out.printf(Locale.ROOT, "library %.1f ms%n", library(Path.of(a[1]),
          Integer.parseInt(a[2]), List.of(a[3].split(","))));
      case "warm" -> warm(a);
      default -> throw new IllegalArgumentException(a[0]);
    }
  }

  static void gen(Path f, int n, int d) throws Exception {
    SplittableRandom r = new SplittableRandom(1);
    int k = 8;
    double[][] c = new double[k][d];
    for (double[] row : c) {
      for (int j = 0; j < d; j++) {
        row[j] = r.nextDouble(-10, 10);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < d; j++) {
      sb.append(j == 0 ? "" : ",").append("f").append(j);
    }
    sb.append('\n');
    for (int i = 0; i < n; i++) {
      double[] m = c[r.nextInt(k)];
      for (int j = 0; j < d; j++) {
        sb.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", m[j] + 2 * r.nextGaussian()));
      }
      sb.append('\n');
    }
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
  }

  static double library(Path file, int k, List<String> columns) throws Exception {
    long t0 = System.nanoTime();
    CsvResult<Object[]> t;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      t = new CsvReader(CsvReader.Params.DEFAULTS).readTable(in, columns, List.of());
    }
    double[][] x = new double[t.rows().size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = (double[]) t.rows().get(i)[0];
    }
    Pipeline p = Pipeline.builder(columns).then(StandardScaler.Params.DEFAULTS).fit(x);
    double[][] z = p.transformAll(x);
    KMeansModel m = new KMeans(KMeans.Params.DEFAULTS.withK(k).withSeed(42)).fit(z);
    int[] labels = m.predict(z);
    if (labels.length != x.length) {
      throw new AssertionError();
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  /** The command line as main builds it; an older build without commandLine(String...) builds it whole. */
  static picocli.CommandLine commandLine(String[] args) throws Exception {
    try {
      return (picocli.CommandLine) Eddy.class.getMethod("commandLine", String[].class).invoke(null, (Object) args);
    } catch (NoSuchMethodException e) {
      return Eddy.commandLine();
    }
  }

  static void warm(String[] a) throws Exception {
    Path file = Path.of(a[1]);
    int k = Integer.parseInt(a[2]);
    List<String> columns = List.of(a[3].split(","));
    int reps = Integer.parseInt(a[4]);
    double[] lib = new double[reps];
    double[] app = new double[reps];
    for (int i = 0; i < reps; i++) {
      lib[i] = library(file, k, columns);
      long t0 = System.nanoTime();
      String[] args = {"segment", file.toString(), "--columns", a[3], "--param", "k=" + k, "--out", a[5], "-q"};
      var cl = commandLine(args);
      cl.setOut(new PrintWriter(new StringWriter()));
      int code = cl.execute(args);
      app[i] = (System.nanoTime() - t0) / 1e6;
      if (code != 0) {
        throw new AssertionError("exit " + code);
      }
      System.out.printf(Locale.ROOT, "rep %d: library %.1f ms, app %.1f ms%n", i, lib[i], app[i]);
    }
    int h = reps / 2;
    double[] l = Arrays.copyOfRange(lib, h, reps);
    double[] p = Arrays.copyOfRange(app, h, reps);
    Arrays.sort(l);
    Arrays.sort(p);
    System.out.printf(Locale.ROOT, "warm medians over the last %d reps: library %.1f ms, app %.1f ms, ratio %.2f%n",
        reps - h, l[l.length / 2], p[p.length / 2], p[p.length / 2] / l[l.length / 2]);
  }
}
