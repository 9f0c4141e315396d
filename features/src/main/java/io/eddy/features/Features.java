package io.eddy.features;

import io.eddy.Points;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation and small helpers shared by the transformers. */
final class Features {

  private Features() {}

  /** The default names {@code x0, x1, ...}, as scikit-learn names unnamed columns. */
  static List<String> defaultNames(int d) {
    List<String> names = new ArrayList<>(d);
    for (int j = 0; j < d; j++) {
      names.add("x" + j);
    }
    return List.copyOf(names);
  }

  /** Checks names: non-null, non-empty, unique, and as many as {@code d}; an unmodifiable copy. */
  static List<String> names(List<String> names, int d) {
    if (names == null) {
      throw new IllegalArgumentException("names is null");
    }
    if (names.size() != d) {
      throw new IllegalArgumentException("names has " + names.size() + " entries, expected " + d);
    }
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (n == null || n.isEmpty()) {
        throw new IllegalArgumentException("names contains a null or empty name: " + names);
      }
      if (!seen.add(n)) {
        throw new IllegalArgumentException("names contains '" + n + "' twice");
      }
    }
    return List.copyOf(names);
  }

  /**
   * Checks a batch for fitting: at least one row, equal lengths, no infinities (NaN is a
   * missing value and allowed when {@code allowNaN}), every value within &plusmn;{@link
   * Points#MAX_ABS}. Fits accept the range the clusterers accept: beyond it the sums of
   * squares behind a scale or a covariance overflow (values near 1e155 and up), and a fitted
   * transformer would hand a clusterer values it rejects anyway.
   *
   * @return the dimension
   */
  static int requireData(double[][] data, boolean allowNaN) {
    if (data == null) {
      throw new IllegalArgumentException("data is null");
    }
    if (data.length == 0) {
      throw new IllegalArgumentException("data has 0 rows, expected at least 1");
    }
    if (data[0] == null || data[0].length == 0) {
      throw new IllegalArgumentException("row 0 has no features, expected at least 1");
    }
    int d = data[0].length;
    for (int i = 0; i < data.length; i++) {
      double[] row = data[i];
      if (row == null || row.length != d) {
        throw new IllegalArgumentException("row " + i + " has "
            + (row == null ? "no array" : "dimension " + row.length) + ", expected " + d);
      }
      for (int j = 0; j < d; j++) {
        double v = row[j];
        if (Double.isInfinite(v) || (!allowNaN && Double.isNaN(v))) {
          throw new IllegalArgumentException("row " + i + " has " + v + " at index " + j
              + (allowNaN ? ", expected a finite value or NaN" : ", expected a finite value"));
        }
        if (Math.abs(v) > Points.MAX_ABS) {
          throw new IllegalArgumentException("row " + i + " has " + v + " at index " + j
              + ", beyond the supported magnitude " + Points.MAX_ABS + " (Points.MAX_ABS): rescale the data");
        }
      }
    }
    return d;
  }

  /**
   * Checks that an argument is given.
   *
   * @throws IllegalArgumentException naming the argument if it is null
   */
  static <T> T requireNonNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is null");
    }
    return value;
  }

  /** Checks a transform's arguments: both given, of the expected lengths. */
  static void requireLengths(double[] in, int inLength, double[] out, int outLength) {
    requireNonNull(in, "input");
    requireNonNull(out, "output");
    if (in.length != inLength) {
      throw new IllegalArgumentException("input has dimension " + in.length + ", expected " + inLength);
    }
    if (out.length != outLength) {
      throw new IllegalArgumentException("output has length " + out.length + ", expected " + outLength);
    }
  }

  /** The non-NaN values of column {@code j}, sorted ascending; empty if all are NaN. */
  static double[] sortedColumn(double[][] data, int j) {
    int n = 0;
    for (double[] row : data) {
      if (!Double.isNaN(row[j])) {
        n++;
      }
    }
    double[] v = new double[n];
    int k = 0;
    for (double[] row : data) {
      if (!Double.isNaN(row[j])) {
        v[k++] = row[j];
      }
    }
    java.util.Arrays.sort(v);
    return v;
  }

  /**
   * The {@code q}-th percentile (0..100) of sorted values with linear interpolation between
   * order statistics, numpy's default ("linear") method.
   */
  static double percentile(double[] sorted, double q) {
    // numpy's virtual index n*q + (alpha + q*(1 - alpha - beta)) - 1 with alpha = beta = 1,
    // evaluated in the same order so that results agree to the last bit.
    double qq = q / 100.0;
    double pos = sorted.length * qq + (1 + qq * -1.0) - 1;
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double frac = pos - lo;
    double a = sorted[lo];
    double b = sorted[hi];
    // numpy's _lerp: a + (b - a) * t, mirrored for t >= 0.5 to stay exact at the end points.
    double diff = b - a;
    return frac >= 0.5 ? b - diff * (1 - frac) : a + diff * frac;
  }

  static void requireNonEmptyColumn(double[] values, String name) {
    if (values.length == 0) {
      throw new IllegalArgumentException("column '" + name + "' has no observed values (all NaN)");
    }
  }
}
