package io.eddy.app;

import io.eddy.features.SegmentationBundle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain-language segment names from the features that set each segment apart.
 *
 * <p>For each segment and feature the distinctiveness is the standardised difference {@code
 * z = (segment mean - population mean) / population standard deviation}, in original units.
 * A name lists the {@link #FEATURES_PER_NAME} features with the largest {@code |z|}, in the
 * table's column order, each with a level word: "very high" ({@code z >= 1.2}), "high"
 * ({@code z >= 0.5}), "average", "low", "very low". A name given twice gets " (2)", " (3)"...
 * so that every segment's name is unique.
 *
 * <p>This lives in the app, not in the library: it is presentation (English words and
 * thresholds chosen for reading), while the numbers behind it (segment profiles) are the
 * library's.
 */
final class Personas {

  /** How many features a name mentions. */
  static final int FEATURES_PER_NAME = 2;

  private Personas() {}

  /** A readable feature label: units in brackets and underscores removed, lower case. */
  static String label(String column) {
    String s = column.replaceAll("\\([^)]*\\)|\\[[^]]*\\]", " ").replace('_', ' ').replace('-', ' ');
    s = s.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    return s.isEmpty() ? column : s;
  }

  /** The level word of a standardised difference. */
  static String level(double z) {
    if (z >= 1.2) {
      return "very high";
    }
    if (z >= 0.5) {
      return "high";
    }
    if (z <= -1.2) {
      return "very low";
    }
    if (z <= -0.5) {
      return "low";
    }
    return "average";
  }

  /**
   * Names every segment of {@code bundle}.
   *
   * @param populationMean per feature, original units
   * @param populationStd per feature, original units
   * @return names by label, unique
   */
  static Map<Integer, String> describe(SegmentationBundle bundle, double[] populationMean, double[] populationStd) {
    List<String> features = bundle.featureNames();
    Map<Integer, String> out = new LinkedHashMap<>();
    for (SegmentationBundle.Segment s : bundle.segments()) {
      double[] profile = s.profile();
      List<Integer> order = new ArrayList<>();
      double[] z = new double[features.size()];
      for (int j = 0; j < features.size(); j++) {
        z[j] = populationStd[j] > 0 && Double.isFinite(profile[j]) ? (profile[j] - populationMean[j]) / populationStd[j] : 0;
        order.add(j);
      }
      order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(z[j])).thenComparingInt(j -> j));
      List<Integer> top = new ArrayList<>(order.subList(0, Math.min(FEATURES_PER_NAME, order.size())));
      top.sort(Comparator.naturalOrder());
      StringBuilder name = new StringBuilder();
      for (int j : top) {
        name.append(name.length() == 0 ? "" : " · ").append(level(z[j])).append(' ').append(label(features.get(j)));
      }
      out.put(s.label(), name.toString());
    }
    return unique(out);
  }

  /** Makes names unique by numbering repeats " (2)", " (3)"... in label order. */
  static Map<Integer, String> unique(Map<Integer, String> names) {
    Map<String, Integer> count = new HashMap<>();
    for (String n : names.values()) {
      count.merge(n, 1, Integer::sum);
    }
    Map<String, Integer> seen = new HashMap<>();
    Map<Integer, String> out = new LinkedHashMap<>();
    for (Map.Entry<Integer, String> e : names.entrySet()) {
      String n = e.getValue();
      if (count.get(n) > 1) {
        int i = seen.merge(n, 1, Integer::sum);
        n = i == 1 ? n : n + " (" + i + ")";
      }
      out.put(e.getKey(), n);
    }
    return out;
  }
}
