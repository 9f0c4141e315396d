package io.eddy.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.CentroidModel;
import io.eddy.features.Pipeline;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Segment events and drift between successive snapshots, on hand-made models. */
class LiveTest {

  /** A centroid model with given labels, centres and weights; points go to the nearest centre. */
  record Model(int[] labels, double[][] centres, double[] weights) implements CentroidModel {
    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public int clusterCount() {
      return labels.length;
    }

    @Override
    public int[] labels() {
      return labels.clone();
    }

    @Override
    public int predict(double[] p) {
      int best = 0;
      for (int s = 1; s < labels.length; s++) {
        if (ModelView.squared(p, centres[s]) < ModelView.squared(p, centres[best])) {
          best = s;
        }
      }
      return labels[best];
    }

    @Override
    public double[] center(int label) {
      return centres[Arrays.binarySearch(labels, label)].clone();
    }

    @Override
    public double weight(int label) {
      return weights[Arrays.binarySearch(labels, label)];
    }
  }

  static ModelView view(int[] labels, double[][] centres, double[] weights) {
    Pipeline identity = new Pipeline(List.of("a", "b"), List.of(), List.of());
    return ModelView.live(new Model(labels, centres, weights), identity, true, new double[0][], 0);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String s) {
    return new org.openqa.selenium.json.Json().toType(s, Map.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void birthsMergesAndVanishingsFollowTheLabelsAndWeights() {
    Live live = new Live();
    Map<String, Object> t1 = json(live.tick(view(new int[] {1, 2, 3},
        new double[][] {{0, 0}, {10, 0}, {0, 10}}, new double[] {10, 10, 10}), 30));
    assertThat((List<Object>) t1.get("events")).hasSize(3);

    // 3 disappears; 1, its nearest survivor, gains more than half of 3's weight: a merge. 4 is born.
    // 2 gains weight too but lies farther from 3.
    Map<String, Object> t2 = json(live.tick(view(new int[] {1, 2, 4},
        new double[][] {{3, 4}, {10, 0}, {20, 20}}, new double[] {16, 25, 1}), 60));
    List<Map<String, Object>> e2 = (List<Map<String, Object>>) t2.get("events");
    assertThat(e2).extracting(e -> e.get("type") + " " + e.get("label") + (e.containsKey("into") ? " " + e.get("into")
        : "")).containsExactly("birth 4", "merge 3 1");
    // Drift is measured from where each segment was first seen: 1 moved from (0, 0) to (3, 4).
    assertThat((List<Number>) t2.get("drift")).extracting(Number::doubleValue).containsExactly(5.0, 0.0, 0.0);

    // 4 disappears and nobody grows: it vanished.
    Map<String, Object> t3 = json(live.tick(view(new int[] {1, 2},
        new double[][] {{3, 4}, {10, 0}}, new double[] {16, 25}), 90));
    assertThat((List<Map<String, Object>>) t3.get("events")).extracting(e -> e.get("type") + " " + e.get("label"))
        .containsExactly("vanish 4");
    Map<String, Object> totals = (Map<String, Object>) t3.get("totals");
    assertThat(totals).containsEntry("births", 4L).containsEntry("merges", 1L).containsEntry("vanishings", 1L);
    assertThat(((Number) t3.get("segments")).intValue()).isEqualTo(2);
  }

  @Test
  void aClustererWithoutASnapshotTicksAsNotReady() {
    Map<String, Object> t = json(new Live().tick(null, 12));
    assertThat(t).containsEntry("ready", false).containsEntry("seen", 12L);
  }
}
