package io.eddy.kmeans;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads the scikit-learn fixtures under {@code src/test/resources/kmeans/}. */
final class KMeansFixtures {

  private KMeansFixtures() {}

  static boolean exists(String name) {
    return KMeansFixtures.class.getResource("/kmeans/" + name) != null;
  }

  static List<String> lines(String name) {
    InputStream in = KMeansFixtures.class.getResourceAsStream("/kmeans/" + name);
    if (in == null) {
      throw new IllegalStateException("missing fixture " + name);
    }
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(line.trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static double[][] matrix(String name) {
    List<String> lines = lines(name);
    double[][] m = new double[lines.size()][];
    for (int i = 0; i < m.length; i++) {
      String[] parts = lines.get(i).split(",");
      m[i] = new double[parts.length];
      for (int j = 0; j < parts.length; j++) {
        m[i][j] = Double.parseDouble(parts[j]);
      }
    }
    return m;
  }

  static double[] column(String name) {
    double[][] m = matrix(name);
    double[] c = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i][0];
    }
    return c;
  }

  static int[] ints(String name) {
    List<String> lines = lines(name);
    int[] a = new int[lines.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = Integer.parseInt(lines.get(i));
    }
    return a;
  }

  static Properties properties(String name) {
    Properties p = new Properties();
    try (InputStream in = KMeansFixtures.class.getResourceAsStream("/kmeans/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The adjusted Rand index of two labelings (Hubert and Arabie 1985). */
  static double adjustedRand(int[] a, int[] b) {
    int n = a.length;
    int ka = 0;
    int kb = 0;
    for (int i = 0; i < n; i++) {
      ka = Math.max(ka, a[i] + 1);
      kb = Math.max(kb, b[i] + 1);
    }
    long[][] table = new long[ka][kb];
    long[] rows = new long[ka];
    long[] cols = new long[kb];
    for (int i = 0; i < n; i++) {
      table[a[i]][b[i]]++;
      rows[a[i]]++;
      cols[b[i]]++;
    }
    double index = 0;
    for (long[] r : table) {
      for (long v : r) {
        index += v * (v - 1) / 2.0;
      }
    }
    double sumRows = 0;
    for (long v : rows) {
      sumRows += v * (v - 1) / 2.0;
    }
    double sumCols = 0;
    for (long v : cols) {
      sumCols += v * (v - 1) / 2.0;
    }
    double expected = sumRows * sumCols / (n * (n - 1) / 2.0);
    double max = (sumRows + sumCols) / 2;
    return (index - expected) / (max - expected);
  }
}
