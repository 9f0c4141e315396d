package io.eddy.examples.features;

import io.eddy.eval.Silhouette;
import io.eddy.features.OneHotEncoder;
import io.eddy.features.Pca;
import io.eddy.features.Pipeline;
import io.eddy.features.StandardScaler;
import io.eddy.features.csv.CsvReader;
import io.eddy.features.csv.CsvResult;
import io.eddy.io.ModelIO;
import io.eddy.kmeans.KMeans;
import io.eddy.kmeans.KMeansModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Customer segmentation of the "Mall Customers" table: read it by header name, build a
 * pipeline (one-hot gender, standardised numbers), segment income and spending score with
 * k-means, look at the whole table through PCA, and persist the pipeline.
 *
 * <pre>
 * java -cp examples/target/eddy-examples.jar io.eddy.examples.features.MallSegments path/to/mall_customers.csv
 * </pre>
 */
public final class MallSegments {

  private MallSegments() {}

  /** Runs on the file given as the first argument. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: MallSegments <mall_customers.csv>");
      System.exit(2);
    }
    List<String> numeric = List.of("Age", "Annual Income (k$)", "Spending Score (1-100)");
    CsvResult<Object[]> table;
    try (var in = Files.newBufferedReader(Path.of(args[0]))) {
      table = new CsvReader(CsvReader.Params.DEFAULTS).readTable(in, numeric, List.of("Gender"));
    }
    int n = table.rows().size();
    double[][] x = new double[n][];
    String[][] g = new String[n][];
    for (int i = 0; i < n; i++) {
      x[i] = (double[]) table.rows().get(i)[0];
      g[i] = (String[]) table.rows().get(i)[1];
    }
    System.out.printf(Locale.ROOT, "read %d customers, %d bad rows%n", n, table.skipped());

    // Income and spending score only, standardised: the classic five segments.
    List<String> two = List.of("Annual Income (k$)", "Spending Score (1-100)");
    double[][] xy = new double[n][];
    for (int i = 0; i < n; i++) {
      xy[i] = new double[] {x[i][1], x[i][2]};
    }
    Pipeline scale2 = Pipeline.builder(two).then(StandardScaler.Params.DEFAULTS).fit(xy);
    double[][] z = scale2.transformAll(xy);
    for (int k = 2; k <= 8; k++) {
      KMeansModel m = new KMeans(KMeans.Params.DEFAULTS.withK(k).withNInit(10).withSeed(3)).fit(z);
      System.out.printf(Locale.ROOT, "income+score k=%d silhouette=%.4f inertia=%.3f%n", k,
          Silhouette.exact(z, m.predict(z)).score(), m.inertia());
    }
    KMeansModel m5 = new KMeans(KMeans.Params.DEFAULTS.withK(5).withNInit(10).withSeed(3)).fit(z);
    int[] labels = m5.predict(z);
    System.out.println("k=5 segments (means in original units):  size  income  score  age  female%");
    for (int c = 0; c < 5; c++) {
      int size = 0;
      double inc = 0;
      double sc = 0;
      double age = 0;
      int female = 0;
      for (int i = 0; i < n; i++) {
        if (labels[i] == c) {
          size++;
          inc += x[i][1];
          sc += x[i][2];
          age += x[i][0];
          female += "Female".equals(g[i][0]) ? 1 : 0;
        }
      }
      System.out.printf(Locale.ROOT, "  segment %d: %4d  %6.1f  %5.1f  %4.1f  %5.1f%n", c, size, inc / size,
          sc / size, age / size, 100.0 * female / size);
    }

    // Every column, gender one-hot, standardised, then a 2-D PCA view.
    Pipeline all = Pipeline.builder(numeric)
        .oneHot("Gender", OneHotEncoder.Params.DEFAULTS)
        .then(StandardScaler.Params.DEFAULTS)
        .then(Pca.Params.components(2))
        .fit(x, g);
    Pca pca = (Pca) all.steps().get(1);
    System.out.printf(Locale.ROOT, "PCA over %s: explained variance ratio %.4f, %.4f%n",
        all.steps().get(0).outputNames(), pca.explainedVarianceRatio()[0], pca.explainedVarianceRatio()[1]);
    System.out.println("pc1 loadings " + fmt(pca.component(0)) + "; pc2 loadings " + fmt(pca.component(1)));
    byte[] saved = ModelIO.toBytes(all);
    Pipeline back = ModelIO.fromBytes(saved, Pipeline.class);
    System.out.printf(Locale.ROOT, "pipeline persisted in %d bytes; customer 1 -> %s (restored: %s)%n", saved.length,
        fmt(all.transform(x[0], g[0])), fmt(back.transform(x[0], g[0])));
  }

  private static String fmt(double[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v[i]));
    }
    return b.append(']').toString();
  }
}
