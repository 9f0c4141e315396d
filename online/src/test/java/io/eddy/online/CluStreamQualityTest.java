package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.kmeans.Centroids;
import io.eddy.testkit.Ari;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * CluStream on the {@link EvolvingStream} of the density clusterers' quality test (clusters
 * that move, appear, vanish and merge), without its noise, which k-means has no notion of, with
 * the defaults and k = 5. While the five clusters are all alive (30% to 60% of the stream) and
 * at least 2 apart (8 standard deviations), the horizon query for the last 2,000 points must label
 * that window's points with an ARI of at least 0.9 against the truth; a k-means that ignored time
 * (the whole history) would blur the moving clusters.
 */
class CluStreamQualityTest {

  @Test
  public void clustream_evolvingStream_horizonQueryFindsTheLiveClusters() {
    int n = 60_000;
    int window = 2_000;
    EvolvingStream s = new EvolvingStream(2026, n, 2, 0.25, 0);
    CluStream c = new CluStream(CluStream.Params.DEFAULTS.withK(5));
    List<String> report = new ArrayList<>();
    double worst = 1;
    for (int i = 0; i < n; i++) {
      c.learn(s.points[i]);
      int t = i + 1;
      if (t % 2_500 != 0 || t < 0.3 * n + window || t > 0.6 * n || s.separation(t - window, t) < 2) {
        continue;
      }
      Centroids m = c.snapshot(window);
      int[] truth = new int[window];
      int[] labels = new int[window];
      int kept = 0;
      for (int j = t - window; j < t; j++) {
        if (s.truth[j] != EvolvingStream.NOISE) {
          truth[kept] = s.truth[j];
          labels[kept] = m.predict(s.points[j]);
          kept++;
        }
      }
      double ari = Ari.of(java.util.Arrays.copyOf(truth, kept), java.util.Arrays.copyOf(labels, kept));
      report.add(String.format(Locale.ROOT, "%d: ARI %.4f", t, ari));
      worst = Math.min(worst, ari);
    }
    assertThat(report).hasSizeGreaterThanOrEqualTo(4);
    assertThat(worst).as(report.toString()).isGreaterThanOrEqualTo(0.9);
  }
}
