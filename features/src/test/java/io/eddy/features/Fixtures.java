package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the golden fixtures written by {@code src/test/python/make_fixtures.py}. */
final class Fixtures {

  private Fixtures() {}

  static List<String> lines(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/features/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[][] matrix(String name) {
    List<String> lines = lines(name + ".csv");
    double[][] m = new double[lines.size()][];
    for (int i = 0; i < m.length; i++) {
      String[] cells = lines.get(i).split(",");
      m[i] = new double[cells.length];
      for (int j = 0; j < cells.length; j++) {
        m[i][j] = cells[j].equals("nan") ? Double.NaN : Double.parseDouble(cells[j]);
      }
    }
    return m;
  }

  static double[] vector(String name) {
    return matrix(name)[0];
  }

  /** Equal to {@code 1e-12} relative (absolute near zero), NaN where NaN is expected. */
  static void assertClose(double[][] actual, double[][] expected, double rel) {
    assertThat(actual.length).isEqualTo(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertClose(actual[i], expected[i], rel, "row " + i);
    }
  }

  static void assertClose(double[] actual, double[] expected, double rel, String where) {
    assertThat(actual.length).as(where + " length").isEqualTo(expected.length);
    for (int j = 0; j < expected.length; j++) {
      double e = expected[j];
      double a = actual[j];
      if (Double.isNaN(e)) {
        assertThat(a).as(where + " col " + j).isNaN();
      } else {
        double tol = rel * Math.max(1, Math.abs(e));
        assertThat(Math.abs(a - e)).as(where + " col " + j + ": " + a + " vs " + e).isLessThanOrEqualTo(tol);
      }
    }
  }
}
