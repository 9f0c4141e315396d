package io.eddy.mixture;

import io.eddy.Parameter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the golden fixtures written by {@code core/src/test/python/gmm_fixtures.py}. */
final class GmmFixtures {

  private GmmFixtures() {}

  /** One case: a "key value..." map. */
  static final class Case {
    final Map<String, String[]> values = new LinkedHashMap<>();

    String name() {
      return values.get("case")[0];
    }

    String text(String key) {
      return values.get(key)[0];
    }

    int integer(String key) {
      return Integer.parseInt(text(key));
    }

    double number(String key) {
      return Double.parseDouble(text(key));
    }

    double[] numbers(String key) {
      String[] raw = values.get(key);
      double[] out = new double[raw.length];
      for (int i = 0; i < raw.length; i++) {
        out[i] = Double.parseDouble(raw[i]);
      }
      return out;
    }

    /** The unfitted model of the case's init_weights, init_means and init_covariances. */
    GaussianMixtureModel start(int d) {
      int k = integer("k");
      double[] flat = numbers("init_means");
      double[][] means = new double[k][d];
      for (int j = 0; j < k; j++) {
        System.arraycopy(flat, j * d, means[j], 0, d);
      }
      return GaussianMixtureModel.of(covariance(), numbers("init_weights"), means, numbers("init_covariances"));
    }

    CovarianceType covariance() {
      String t = text("covariance");
      return t.equals("diag") ? CovarianceType.DIAGONAL : Parameter.Choice.of(CovarianceType.class, t);
    }

    @Override
    public String toString() {
      return name();
    }
  }

  static List<Case> cases() {
    return cases("gmm_fixtures.txt");
  }

  /** The cases of a fixture file in {@code /gmm/}. */
  static List<Case> cases(String file) {
    List<Case> out = new ArrayList<>();
    try (BufferedReader r = reader(file)) {
      Case current = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split(" ");
        if (parts[0].equals("case")) {
          current = new Case();
        }
        if (parts[0].equals("end")) {
          out.add(current);
          continue;
        }
        String[] rest = new String[parts.length - 1];
        System.arraycopy(parts, 1, rest, 0, rest.length);
        current.values.put(parts[0], rest);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The points of a data set; with {@code labelled}, the last column is dropped. */
  static double[][] data(String name, boolean labelled) {
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader r = reader(name + ".csv")) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] parts = line.split(",");
        int d = labelled ? parts.length - 1 : parts.length;
        double[] row = new double[d];
        for (int j = 0; j < d; j++) {
          row[j] = Double.parseDouble(parts[j]);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows.toArray(new double[0][]);
  }

  /** The labels in the last column of a labelled data set. */
  static int[] labels(String name) {
    List<Integer> out = new ArrayList<>();
    try (BufferedReader r = reader(name + ".csv")) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] parts = line.split(",");
        out.add(Integer.parseInt(parts[parts.length - 1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int[] labels = new int[out.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = out.get(i);
    }
    return labels;
  }

  static double[][] data(String name) {
    return data(name, name.equals("blobs"));
  }

  private static BufferedReader reader(String file) {
    InputStream in = GmmFixtures.class.getResourceAsStream("/gmm/" + file);
    if (in == null) {
      throw new IllegalStateException("missing test resource /gmm/" + file);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
