package io.eddy.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.CentroidModel;
import io.eddy.SegmentEvent;
import io.eddy.SegmentEvent.Kind;
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
    assertThat(e2).extracting(LiveTest::describe).containsExactly("birth [] [4]", "merge [1, 3] [1]");
    // Drift is measured from where each segment was first seen: 1 moved from (0, 0) to (3, 4).
    assertThat((List<Number>) t2.get("drift")).extracting(Number::doubleValue).containsExactly(5.0, 0.0, 0.0);

    // 4 disappears and nobody grows: it vanished.
    Map<String, Object> t3 = json(live.tick(view(new int[] {1, 2},
        new double[][] {{3, 4}, {10, 0}}, new double[] {16, 25}), 90));
    assertThat((List<Map<String, Object>>) t3.get("events")).extracting(LiveTest::describe)
        .containsExactly("vanish [4] []");
    Map<String, Object> totals = (Map<String, Object>) t3.get("totals");
    assertThat(totals).containsEntry("births", 4L).containsEntry("merges", 1L).containsEntry("vanishings", 1L)
        .containsEntry("splits", 0L);
    assertThat(((Number) t3.get("segments")).intValue()).isEqualTo(2);
    assertThat(t3).containsEntry("lineage", false).doesNotContainKey("restart");
  }

  static String describe(Map<String, Object> e) {
    return e.get("type") + " " + e.get("from") + " " + e.get("to");
  }

  @Test
  @SuppressWarnings("unchecked")
  void lineageEventsReplaceTheHeuristicAndArePassedOnOnce() {
    Live live = new Live();
    ModelView two = view(new int[] {1, 2}, new double[][] {{0, 0}, {10, 0}}, new double[] {10, 10});
    // Before the clusterer's first reclustering: the heuristic sees two births.
    Map<String, Object> t1 = json(live.tick(two, 20, null, 0));
    assertThat((List<Object>) t1.get("events")).hasSize(2);
    assertThat(t1).containsEntry("lineage", false);

    List<SegmentEvent> first = List.of(event(Kind.BORN, 1, new int[0], 1), event(Kind.BORN, 1, new int[0], 2));
    Map<String, Object> t2 = json(live.tick(two, 40, first, 1));
    assertThat(t2).containsEntry("lineage", true).containsEntry("restart", true).containsEntry("sequence", 1L);
    assertThat((List<Map<String, Object>>) t2.get("events")).extracting(LiveTest::describe)
        .containsExactly("birth [] [1]", "birth [] [2]");
    // The totals count the lineage only: the heuristic's births of the same segments are dropped.
    assertThat((Map<String, Object>) t2.get("totals")).containsEntry("births", 2L);

    // Reclusterings 2 and 3: 2 split into 2 + 3, then 1 vanished. The label set changed, but
    // only the lineage speaks; the sequence was read (2) before reclustering 3 was published.
    ModelView split = view(new int[] {2, 3}, new double[][] {{8, 0}, {12, 0}}, new double[] {5, 5});
    List<SegmentEvent> later = List.of(event(Kind.SPLIT, 2, new int[] {2}, 2, 3),
        event(Kind.VANISHED, 3, new int[] {1}));
    Map<String, Object> t3 = json(live.tick(split, 60, later, 2));
    assertThat((List<Map<String, Object>>) t3.get("events")).extracting(LiveTest::describe)
        .containsExactly("split [2] [2, 3]", "vanish [1] []");
    assertThat(t3).containsEntry("sequence", 3L).doesNotContainKey("restart");
    assertThat(live.lineageSequence()).isEqualTo(3);
    assertThat((Map<String, Object>) t3.get("totals")).containsEntry("births", 2L).containsEntry("splits", 1L)
        .containsEntry("vanishings", 1L).containsEntry("merges", 0L);

    // Nothing new: no events, even if the caller hands over already-delivered ones again.
    Map<String, Object> t4 = json(live.tick(split, 80, later, 3));
    assertThat((List<Object>) t4.get("events")).isEmpty();
  }

  static SegmentEvent event(Kind kind, long sequence, int[] from, int... to) {
    return SegmentEvent.of(kind, sequence, sequence * 50.0, from, to);
  }

  @Test
  void aClustererWithoutASnapshotTicksAsNotReady() {
    Map<String, Object> t = json(new Live().tick(null, 12));
    assertThat(t).containsEntry("ready", false).containsEntry("seen", 12L);
  }
}
