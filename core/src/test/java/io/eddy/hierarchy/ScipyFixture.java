package io.eddy.hierarchy;

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

/** Reads the golden files written by core/src/test/python/hierarchy_fixtures.py. */
final class ScipyFixture {

  final double[][] data;
  final double[][] z;
  final int[] leaves;
  final double cophenet;
  final List<double[]> coph = new ArrayList<>();
  final Map<Integer, int[]> maxclust = new LinkedHashMap<>();
  final Map<Double, int[]> distance = new LinkedHashMap<>();
  final Map<Integer, int[]> cutTree = new LinkedHashMap<>();
  final Map<Double, int[]> cutTreeHeight = new LinkedHashMap<>();
  /** inconsistent(Z, d) by d: n−1 rows of (mean, std, count, coefficient). */
  final Map<Integer, List<double[]>> inconsistent = new LinkedHashMap<>();
  final List<int[]> olo = new ArrayList<>();
  int[] oloLeaves;

  private ScipyFixture(double[][] data, List<String> lines) {
    this.data = data;
    List<double[]> rows = new ArrayList<>();
    int[] lv = null;
    double c = Double.NaN;
    for (String line : lines) {
      String[] f = line.split(",");
      switch (f[0]) {
        case "Z":
          rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]),
              Double.parseDouble(f[3]), Double.parseDouble(f[4])});
          break;
        case "leaves":
          lv = ints(f, 1);
          break;
        case "cophenet":
          c = Double.parseDouble(f[1]);
          break;
        case "coph":
          coph.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
          break;
        case "maxclust":
          maxclust.put(Integer.parseInt(f[1]), ints(f, 2));
          break;
        case "distance":
          distance.put(Double.parseDouble(f[1]), ints(f, 2));
          break;
        case "cuttree":
          cutTree.put(Integer.parseInt(f[1]), ints(f, 2));
          break;
        case "cuttreeh":
          cutTreeHeight.put(Double.parseDouble(f[1]), ints(f, 2));
          break;
        case "inconsistent":
          inconsistent.computeIfAbsent(Integer.parseInt(f[1]), k -> new ArrayList<>()).add(new double[] {
              Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])});
          break;
        case "olo":
          olo.add(ints(f, 1));
          break;
        case "ololeaves":
          oloLeaves = ints(f, 1);
          break;
        default:
          throw new IllegalStateException("unknown line " + f[0]);
      }
    }
    this.z = rows.toArray(new double[0][]);
    this.leaves = lv;
    this.cophenet = c;
  }

  private static int[] ints(String[] f, int from) {
    int[] out = new int[f.length - from];
    for (int i = from; i < f.length; i++) {
      out[i - from] = Integer.parseInt(f[i]);
    }
    return out;
  }

  static double[][] data(String set) {
    List<String> lines = lines("/hierarchy/" + set + ".data.csv");
    double[][] x = new double[lines.size()][];
    for (int i = 0; i < x.length; i++) {
      String[] f = lines.get(i).split(",");
      x[i] = new double[f.length];
      for (int j = 0; j < f.length; j++) {
        x[i][j] = Double.parseDouble(f[j]);
      }
    }
    return x;
  }

  /** Parsed once per file: several tests read each, and parsing dominates the cheap ones. */
  private static final Map<String, ScipyFixture> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  /** The fixture of a data set and linkage; shared, so callers must not modify it. */
  static ScipyFixture load(String set, Linkage linkage) {
    return CACHE.computeIfAbsent(set + "." + linkage.id(),
        key -> new ScipyFixture(data(set), lines("/hierarchy/" + key + ".txt")));
  }

  private static List<String> lines(String resource) {
    try (InputStream in = ScipyFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
