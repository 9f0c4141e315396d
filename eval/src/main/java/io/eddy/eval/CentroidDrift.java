package io.eddy.eval;

import io.eddy.CentroidModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How the segments of a centroid model changed between two snapshots: which cluster became
 * which, how far each center moved, which segments were born and which are gone. The data
 * behind a centroid-drift chart.
 *
 * <p>Clusters are matched one-to-one by the {@link Hungarian} method so that the total
 * distance between matched centers is least, whatever the labels (labels of the k-means
 * family are positions, not identities). With more clusters after than before, the
 * unmatched ones are born; with fewer, the unmatched ones are gone. A matched pair farther
 * apart than {@code maxDistance} is not the same segment: it counts as one gone and one
 * born.
 *
 * <pre>{@code
 * CentroidDrift drift = CentroidDrift.between(yesterday, clusterer.snapshot());
 * for (CentroidDrift.Match m : drift.matches()) { ... m.distance() ... }
 * }</pre>
 *
 * <p>Immutable. Building costs O(k1·k2·d) for the distances plus O(k³) for the matching.
 */
public final class CentroidDrift {

  /**
   * A segment present in both snapshots.
   *
   * @param before its label in the first snapshot
   * @param after its label in the second
   * @param distance the Euclidean distance its center moved, in the data's units
   * @param weightBefore its weight in the first snapshot ({@link CentroidModel#weight})
   * @param weightAfter its weight in the second
   */
  public record Match(int before, int after, double distance, double weightBefore, double weightAfter) {}

  private final List<Match> matches;
  private final int[] born;
  private final int[] gone;
  private final double[][] centersBefore;
  private final double[][] centersAfter;
  private final int[] labelsBefore;
  private final int[] labelsAfter;

  private CentroidDrift(List<Match> matches, int[] born, int[] gone, CentroidModel before, CentroidModel after,
      double[][] centersBefore, double[][] centersAfter) {
    this.matches = Collections.unmodifiableList(matches);
    this.born = born;
    this.gone = gone;
    this.centersBefore = centersBefore;
    this.centersAfter = centersAfter;
    this.labelsBefore = before.labels();
    this.labelsAfter = after.labels();
  }

  /** The drift from {@code before} to {@code after}, every cluster matched when the counts allow. */
  public static CentroidDrift between(CentroidModel before, CentroidModel after) {
    return between(before, after, Double.POSITIVE_INFINITY);
  }

  /**
   * The drift from {@code before} to {@code after}.
   *
   * @param maxDistance the farthest a center may move and remain the same segment, &gt; 0
   *     (infinity for no limit)
   * @throws IllegalArgumentException if a model is null or has no clusters, the dimensions
   *     differ, or maxDistance is not positive
   */
  public static CentroidDrift between(CentroidModel before, CentroidModel after, double maxDistance) {
    if (before == null || after == null) {
      throw new IllegalArgumentException((before == null ? "before" : "after") + " is null");
    }
    if (before.dimension() != after.dimension()) {
      throw new IllegalArgumentException("after has dimension " + after.dimension()
          + ", expected the dimension of before (" + before.dimension() + ")");
    }
    if (!(maxDistance > 0)) {
      throw new IllegalArgumentException("maxDistance is " + maxDistance + ", expected a value > 0");
    }
    int[] lb = before.labels();
    int[] la = after.labels();
    if (lb.length == 0 || la.length == 0) {
      throw new IllegalArgumentException((lb.length == 0 ? "before" : "after") + " has 0 clusters, expected at least 1");
    }
    double[][] cb = before.centers();
    double[][] ca = after.centers();
    double[][] cost = new double[lb.length][la.length];
    for (int i = 0; i < lb.length; i++) {
      for (int j = 0; j < la.length; j++) {
        cost[i][j] = Math.sqrt(io.eddy.math.Euclid.squaredDistance(cb[i], ca[j]));
      }
    }
    int[] assignment = Hungarian.assign(cost);
    List<Match> matches = new ArrayList<>();
    boolean[] afterMatched = new boolean[la.length];
    List<Integer> gone = new ArrayList<>();
    for (int i = 0; i < lb.length; i++) {
      int j = assignment[i];
      if (j >= 0 && cost[i][j] <= maxDistance) {
        afterMatched[j] = true;
        matches.add(new Match(lb[i], la[j], cost[i][j], before.weight(lb[i]), after.weight(la[j])));
      } else {
        gone.add(lb[i]);
      }
    }
    List<Integer> born = new ArrayList<>();
    for (int j = 0; j < la.length; j++) {
      if (!afterMatched[j]) {
        born.add(la[j]);
      }
    }
    return new CentroidDrift(matches, toArray(born), toArray(gone), before, after, cb, ca);
  }

  private static int[] toArray(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /** The segments present in both snapshots, in the order of the first snapshot's labels. */
  public List<Match> matches() {
    return matches;
  }

  /** Labels (in the second snapshot) of the segments born since the first; a copy. */
  public int[] born() {
    return born.clone();
  }

  /** Labels (in the first snapshot) of the segments gone by the second; a copy. */
  public int[] gone() {
    return gone.clone();
  }

  /** The mean distance the matched centers moved, or NaN if none matched. */
  public double meanMovement() {
    double s = 0;
    for (Match m : matches) {
      s += m.distance();
    }
    return matches.isEmpty() ? Double.NaN : s / matches.size();
  }

  /** The largest distance a matched center moved, or NaN if none matched. */
  public double maxMovement() {
    double max = Double.NaN;
    for (Match m : matches) {
      max = Double.isNaN(max) ? m.distance() : Math.max(max, m.distance());
    }
    return max;
  }

  /**
   * Writes one CSV line per segment, header first: {@code status} (matched, born or gone),
   * the labels before and after (empty where absent), the distance moved, the weights, and
   * the center coordinates before ({@code before_0..}) and after ({@code after_0..}).
   * Does not close {@code out}.
   */
  public void writeCsv(Appendable out) {
    int d = centersBefore[0].length;
    Csv csv = new Csv(out);
    csv.field("status").field("before").field("after").field("distance").field("weight_before")
        .field("weight_after");
    for (int f = 0; f < d; f++) {
      csv.field("before_" + f);
    }
    for (int f = 0; f < d; f++) {
      csv.field("after_" + f);
    }
    csv.end();
    for (Match m : matches) {
      csv.field("matched").field(m.before()).field(m.after()).field(m.distance()).field(m.weightBefore())
          .field(m.weightAfter());
      center(csv, centersBefore, labelsBefore, m.before());
      center(csv, centersAfter, labelsAfter, m.after());
      csv.end();
    }
    for (int g : gone) {
      csv.field("gone").field(g).empty(4);
      center(csv, centersBefore, labelsBefore, g);
      csv.empty(d).end();
    }
    for (int b : born) {
      csv.field("born").empty(1).field(b).empty(3 + d);
      center(csv, centersAfter, labelsAfter, b);
      csv.end();
    }
  }

  private static void center(Csv csv, double[][] centers, int[] labels, int label) {
    for (double v : centers[Arrays.binarySearch(labels, label)]) {
      csv.field(v);
    }
  }

  /** The CSV as a string. */
  public String toCsv() {
    return Csv.render(this::writeCsv);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Match m : matches) {
      sb.append(String.format(Locale.ROOT, "%d -> %d moved %.6g (weight %.6g -> %.6g)%n",
          m.before(), m.after(), m.distance(), m.weightBefore(), m.weightAfter()));
    }
    sb.append("born: ").append(Arrays.toString(born))
        .append("; gone: ").append(Arrays.toString(gone));
    return sb.toString();
  }
}
