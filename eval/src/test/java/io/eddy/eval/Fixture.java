package io.eddy.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A golden data set written by {@code src/test/python/make_fixtures.py}. */
final class Fixture {

  static final String[] NAMES = {"iris", "wine", "breast_cancer", "digits", "blobs"};

  final String name;
  final double[][] data;
  final int[] truth;
  final int[] pred;
  final int[] noisy;
  final double[] silhouettePred;

  private static Properties expected;

  private Fixture(String name, double[][] data, int[] truth, int[] pred, int[] noisy, double[] sil) {
    this.name = name;
    this.data = data;
    this.truth = truth;
    this.pred = pred;
    this.noisy = noisy;
    this.silhouettePred = sil;
  }

  static Fixture load(String name) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Fixture.class.getResourceAsStream("/eval/" + name + ".csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        rows.add(line.split(","));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int n = rows.size();
    int d = rows.get(0).length - 4;
    double[][] data = new double[n][d];
    int[] truth = new int[n];
    int[] pred = new int[n];
    int[] noisy = new int[n];
    double[] sil = new double[n];
    for (int i = 0; i < n; i++) {
      String[] f = rows.get(i);
      for (int j = 0; j < d; j++) {
        data[i][j] = Double.parseDouble(f[j]);
      }
      truth[i] = Integer.parseInt(f[d]);
      pred[i] = Integer.parseInt(f[d + 1]);
      noisy[i] = Integer.parseInt(f[d + 2]);
      sil[i] = Double.parseDouble(f[d + 3]);
    }
    return new Fixture(name, data, truth, pred, noisy, sil);
  }

  int[] labels(String which) {
    switch (which) {
      case "truth":
        return truth;
      case "pred":
        return pred;
      case "noisy":
        return noisy;
      default:
        throw new IllegalArgumentException(which);
    }
  }

  double expected(String key) {
    return expectedValue(name + "." + key);
  }

  static synchronized double expectedValue(String key) {
    if (expected == null) {
      Properties p = new Properties();
      try (InputStream in = Fixture.class.getResourceAsStream("/eval/expected.properties")) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      expected = p;
    }
    String v = expected.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException("no expected value " + key);
    }
    return Double.parseDouble(v);
  }
}
