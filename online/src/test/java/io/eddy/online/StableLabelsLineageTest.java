package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.Lineage;
import io.eddy.SegmentEvent;
import io.eddy.SegmentEvent.Kind;
import io.eddy.io.ModelIO;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lineage rule of {@link StableLabels} on hand-made clusterings, and its log. */
class StableLabelsLineageTest {

  /** Assigns and commits a clustering of micro-clusters 0..n-1; returns the component labels. */
  private static int[] step(StableLabels s, double time, double[] weights, int... component) {
    int n = component.length;
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    int components = 0;
    for (int c : component) {
      components = Math.max(components, c + 1);
    }
    int[] labels = new int[Math.max(1, components)];
    s.assign(ids, weights, component, n, components, labels);
    s.commit(ids, weights, component, n, components, labels, time);
    return labels;
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    return w;
  }

  @Test
  void commit_derivesEachKindWithTheLabelsAssigned() {
    StableLabels s = new StableLabels();
    // Two clusters of four micro-clusters each; 8 and 9 are noise.
    int[] first = step(s, 10, ones(10), 0, 0, 0, 0, 1, 1, 1, 1, -1, -1);
    assertThat(s.events(0)).containsExactly(
        new SegmentEvent(Kind.BORN, 1, 10, List.of(), List.of(first[0])),
        new SegmentEvent(Kind.BORN, 1, 10, List.of(), List.of(first[1])));
    int a = first[0];
    int b = first[1];
    // One micro-cluster drifts from A to B, and noise 8, 9 become a cluster: no merge, a birth.
    int[] second = step(s, 20, ones(10), 0, 0, 0, 1, 1, 1, 1, 1, 2, 2);
    assertThat(second[0]).isEqualTo(a);
    assertThat(second[1]).isEqualTo(b);
    assertThat(s.events(1)).containsExactly(new SegmentEvent(Kind.BORN, 2, 20, List.of(), List.of(second[2])));
    int c = second[2];
    // A and B merge; B is heavier (5 against 3) and keeps its label; C vanishes into noise.
    int[] third = step(s, 30, ones(10), 0, 0, 0, 0, 0, 0, 0, 0, -1, -1);
    assertThat(third[0]).isEqualTo(b);
    assertThat(s.events(2)).containsExactly(
        new SegmentEvent(Kind.VANISHED, 3, 30, List.of(c), List.of()),
        new SegmentEvent(Kind.MERGED, 3, 30, List.of(a, b), List.of(b)));
    // It splits 6 + 2: the larger part keeps b, the smaller is mostly made of b's members.
    int[] fourth = step(s, 40, ones(10), 0, 0, 0, 0, 0, 0, 1, 1, -1, -1);
    assertThat(fourth[0]).isEqualTo(b);
    int split = fourth[1];
    assertThat(split).isGreaterThan(c);
    assertThat(s.events(3)).containsExactly(
        new SegmentEvent(Kind.SPLIT, 4, 40, List.of(b), List.of(b, split)));
    assertThat(s.sequence()).isEqualTo(4);
    assertThat(s.events(0)).hasSize(6);
  }

  @Test
  void commit_memberCarryingALabelAway_isNotAnEdge() {
    StableLabels s = new StableLabels();
    step(s, 1, ones(6), 0, 0, 0, 0, 0, -1);
    // Micro-cluster 4 leaves the big cluster to join a new one made mostly of newcomers.
    int[] next = step(s, 2, new double[] {1, 1, 1, 1, 1, 3}, 0, 0, 0, 0, 1, 1);
    assertThat(s.events(1)).containsExactly(new SegmentEvent(Kind.BORN, 2, 2, List.of(), List.of(next[1])));
  }

  @Test
  void log_keepsTheLatestCapacity_andSaysFromWhenItIsComplete() throws IOException {
    StableLabels s = new StableLabels();
    // Every commit: the one cluster vanishes and a fresh one is born (disjoint members).
    int n = Lineage.CAPACITY / 2 + 10;
    for (int i = 0; i < n; i++) {
      long[] ids = {i};
      int[] labels = new int[1];
      s.assign(ids, new double[] {1}, new int[] {0}, 1, 1, labels);
      s.commit(ids, new double[] {1}, new int[] {0}, 1, 1, labels, i);
    }
    List<SegmentEvent> kept = s.events(0);
    assertThat(kept).hasSize(Lineage.CAPACITY);
    assertThat(s.firstKept()).isEqualTo(kept.get(0).sequence());
    assertThat(kept.get(kept.size() - 1)).isEqualTo(new SegmentEvent(Kind.VANISHED, n, n - 1,
        List.of(n - 2), List.of()));
    StableLabels read = roundTrip(s);
    assertThat(read.events(0)).isEqualTo(kept);
    assertThat(read.firstKept()).isEqualTo(s.firstKept());
    assertThat(read.sequence()).isEqualTo(n);
  }

  /** Through a clusterer's codec, the only way in: a fresh DBSTREAM carrying {@code s}. */
  private static StableLabels roundTrip(StableLabels s) throws IOException {
    Dbstream c = new Dbstream();
    c.labels = s;
    return ModelIO.fromBytes(ModelIO.toBytes(c), Dbstream.class).labels;
  }

  @Test
  void segmentEvent_rejectsShapesThatDoNotFitTheKind() {
    assertThatThrownBy(() -> new SegmentEvent(Kind.MERGED, 1, 0, List.of(1), List.of(1)))
        .hasMessageContaining("MERGED");
    assertThatThrownBy(() -> new SegmentEvent(Kind.BORN, 0, 0, List.of(), List.of(1)))
        .hasMessageContaining("sequence");
    assertThatThrownBy(() -> new SegmentEvent(Kind.SPLIT, 1, Double.NaN, List.of(1), List.of(1, 2)))
        .hasMessageContaining("time");
    assertThat(new SegmentEvent(Kind.SPLIT, 3, 7.5, List.of(1), List.of(1, 4)).toString())
        .isEqualTo("split 1 -> 1 + 4 at 7.5 (#3)");
  }
}
