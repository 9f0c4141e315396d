package io.eddy.features;

import io.eddy.ClusterModel;
import java.util.List;

/**
 * The four columns a scored row gets, written the same way wherever rows are scored (the
 * command line's {@code score} and {@code segment}, the dashboard's {@code POST /api/score}):
 * {@code segment} (the label, or {@code noise}), {@code name}, {@code distance} and {@code
 * confidence}, or {@code outlier_score} for a density model, whose margins mean little. Numbers
 * are rounded to six significant digits. Stateless and thread-safe.
 */
public final class ScoreColumns {

  private ScoreColumns() {}

  /** The column names for a bundle: {@code confidence} or, for a density model, {@code outlier_score}. */
  public static List<String> header(boolean density) {
    return List.of("segment", "name", "distance", density ? "outlier_score" : "confidence");
  }

  /**
   * Writes a score's four cells into {@code row} from index {@code at}.
   *
   * @param density whether to write the outlier score rather than the confidence
   */
  public static void fill(Object[] row, int at, SegmentationBundle.Score s, boolean density) {
    Features.requireNonNull(row, "row");
    Features.requireNonNull(s, "score");
    if (at < 0 || at > row.length - 4) {
      throw new IllegalArgumentException("cells [" + at + ", " + at + " + 4) do not fit a row of length " + row.length);
    }
    row[at] = s.segment() == ClusterModel.NOISE ? "noise" : Integer.toString(s.segment());
    row[at + 1] = s.name();
    row[at + 2] = round(s.distance());
    row[at + 3] = round(density ? s.outlierScore() : s.confidence());
  }

  private static final double[] POWERS = new double[23];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10;
    }
  }

  /** {@code v} to six significant digits: plenty for a score, and files stay readable. */
  public static double round(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return v;
    }
    int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
    // Scaling by an exact power of ten, rounding, and dividing back gives the double nearest
    // the 6-digit decimal; String.format would cost ten times more on 200k-row files.
    int decimals = 5 - exponent;
    if (Math.abs(decimals) >= POWERS.length) {
      return v;
    }
    double p = POWERS[Math.abs(decimals)];
    return decimals >= 0 ? Math.round(v * p) / p : Math.round(v / p) * p;
  }
}
