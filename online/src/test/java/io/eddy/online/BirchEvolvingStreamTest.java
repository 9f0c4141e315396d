package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.testkit.Ari;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * BIRCH on the {@link EvolvingStream} that DenStream and DBSTREAM are judged on (clusters that
 * move, appear, vanish and merge, 5% uniform noise), with a bound of 400 subclusters. BIRCH
 * never forgets, so it is judged on what it promises: at every checkpoint where the active
 * clusters are well separated, the subclusters that the last window's points fall in are pure
 * (at least 95% of a subcluster's cluster points come from one true cluster), although the
 * bound forced rebuilds that raised the threshold; and the global step, with k the number of
 * clusters active in the window, is reported (ARI of the window's cluster points), not
 * asserted, since it also clusters the trails of clusters that moved away. Per-checkpoint
 * figures go to {@code target/evolving-birch.csv}.
 */
class BirchEvolvingStreamTest {

  private static final int N = 60_000;
  private static final int CHECK_EVERY = 5_000;
  private static final int WINDOW = 2_000;

  @Test
  public void evolvingStream_subclustersPureWithinTheBound() throws IOException {
    EvolvingStream s = new EvolvingStream(2026, N, 2, 0.25, 0.05);
    Birch c = new Birch(Birch.Params.DEFAULTS.withThreshold(0.3).withK(0).withMaxSubclusters(400));
    StringBuilder csv = new StringBuilder("points,separation,purity,subclusters,threshold,global_ari\n");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (int i = 0; i < N; i++) {
      c.learn(s.points[i]);
      if ((i + 1) % CHECK_EVERY != 0) {
        continue;
      }
      int from = i + 1 - WINDOW;
      int m = c.subclusterCount();
      int[][] counts = new int[m][5];
      int[] truth = new int[WINDOW];
      int[] sub = new int[WINDOW];
      int kept = 0;
      boolean[] active = new boolean[5];
      for (int j = from; j <= i; j++) {
        if (s.truth[j] != EvolvingStream.NOISE) {
          int label = c.predict(s.points[j]);
          counts[label][s.truth[j]]++;
          truth[kept] = s.truth[j];
          sub[kept++] = label;
          active[s.truth[j]] = true;
        }
      }
      int majority = 0;
      for (int[] row : counts) {
        int best = 0;
        for (int v : row) {
          best = Math.max(best, v);
        }
        majority += best;
      }
      double purity = (double) majority / kept;
      int k = 0;
      for (boolean a : active) {
        k += a ? 1 : 0;
      }
      BirchModel global = BirchModel.of(2, k, c.threshold(), flat(c.snapshot().subclusterCenters()),
          c.snapshot().subclusterWeights());
      int[] predicted = new int[kept];
      for (int j = 0, t = 0; j < WINDOW; j++) {
        if (s.truth[from + j] != EvolvingStream.NOISE) {
          predicted[t++] = global.predict(s.points[from + j]);
        }
      }
      double ari = Ari.of(java.util.Arrays.copyOf(truth, kept), predicted);
      double separation = s.separation(from, i + 1);
      csv.append(String.format(Locale.ROOT, "%d,%.2f,%.4f,%d,%.3f,%.4f%n", i + 1, separation, purity, m,
          c.threshold(), ari));
      assertThat(m).isLessThanOrEqualTo(400);
      if (separation >= 3) {
        checked++;
        if (purity < 0.95) {
          failures.add("purity " + purity + " at " + (i + 1));
        }
      }
    }
    Path out = Path.of("target", "evolving-birch.csv");
    Files.createDirectories(out.getParent());
    Files.writeString(out, csv);
    assertThat(checked).isGreaterThan(5);
    assertThat(c.rebuildCount()).as("the bound was reached").isPositive();
    assertThat(failures).as(csv.toString()).isEmpty();
  }

  private static double[] flat(double[][] rows) {
    int d = rows[0].length;
    double[] out = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * d, d);
    }
    return out;
  }
}
