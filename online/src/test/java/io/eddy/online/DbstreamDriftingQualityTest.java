package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.ClusterModel;
import io.eddy.testkit.Ari;
import io.eddy.testkit.DriftingMixture;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quality on the stream a user of segmentation meets ({@link DriftingMixture}: d = 8, twelve
 * moving Gaussian clusters with per-dimension sd 0.015-0.035 that are born and vanish, 5 %
 * uniform noise), for radii a user would pick from the data's scale and for r = auto.
 *
 * <p>Method: after a warm-up of 15,000 points, the stream is cut into windows of 5,000 points;
 * each window is learned, then every point of it is predicted with the snapshot taken at the
 * window's end. In every window the ARI over the non-noise points (a predicted NOISE counts as
 * one more label) must be at least 0.95, and at least 80 % of the true noise points must be
 * predicted NOISE. Default lambda, tGap, wMin and alpha.
 */
class DbstreamDriftingQualityTest {

  private static final int WINDOW = 5_000;

  @ParameterizedTest(name = "r = {0}")
  @ValueSource(strings = {"0.05", "0.08", "0.12", "auto"})
  void windows_ariAndNoiseRecall(String r) {
    Dbstream c = new Dbstream(Dbstream.Params.SPEC.from(java.util.Map.of("r", r)));
    DriftingMixture stream = new DriftingMixture(21);
    double[][] window = new double[WINDOW][8];
    int[] truth = new int[WINDOW];
    double minAri = 1;
    double minNoiseRecall = 1;
    for (int w = 0; w < 15; w++) {
      for (int i = 0; i < WINDOW; i++) {
        truth[i] = stream.next(window[i]);
        c.learn(window[i]);
      }
      if (w < 3) {
        continue;
      }
      DbstreamModel model = c.snapshot();
      int[] t = new int[WINDOW];
      int[] p = new int[WINDOW];
      int n = 0;
      int noise = 0;
      int noiseFound = 0;
      for (int i = 0; i < WINDOW; i++) {
        int label = model.predict(window[i]);
        if (truth[i] == DriftingMixture.NOISE) {
          noise++;
          noiseFound += label == ClusterModel.NOISE ? 1 : 0;
        } else {
          t[n] = truth[i];
          p[n] = label;
          n++;
        }
      }
      double ari = Ari.of(Arrays.copyOf(t, n), Arrays.copyOf(p, n));
      minAri = Math.min(minAri, ari);
      minNoiseRecall = Math.min(minNoiseRecall, noiseFound / (double) noise);
    }
    assertThat(minAri).as("least window ARI, r = %s (%s)", r, c).isGreaterThanOrEqualTo(0.95);
    assertThat(minNoiseRecall).as("least window noise recall, r = %s", r).isGreaterThanOrEqualTo(0.8);
  }
}
