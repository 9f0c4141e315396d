package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.ClusterModel;
import io.eddy.SegmentEvent;
import io.eddy.SegmentEvent.Kind;
import io.eddy.io.ModelIO;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lineage on a scripted 2-D stream whose truth is known, for every clusterer with stable
 * labels. Phases of 3000 points: A at (0, 0) and B at (10, 0) appear; C appears at (0, 12);
 * B stops and fades; C drifts onto A; D appears at (30, 0); D's points come from two centres
 * that move apart to (24, 0) and (36, 0). The labels are read from snapshots at the end of
 * each phase, and the events between must say what happened, with those labels.
 */
class LineageTest {

  private static final int PHASE = 3000;

  static Stream<Arguments> clusterers() {
    return Stream.of(
        Arguments.of("dbstream", (Supplier<StableDensityClusterer<?>>) () -> new Dbstream(
            Dbstream.Params.DEFAULTS.withR(1).withLambda(0.02).withTGap(50).withWMin(2).withAlpha(0.1))),
        Arguments.of("denstream", (Supplier<StableDensityClusterer<?>>) () -> new DenStream(
            DenStream.Params.DEFAULTS.withEpsilon(1).withLambda(0.01).withInitPoints(200))),
        Arguments.of("dstream", (Supplier<StableDensityClusterer<?>>) () -> new Dstream(
            Dstream.Params.DEFAULTS.withLambda(0.99))));
  }

  /** The point of tick t. */
  private static double[] point(int t, SplittableRandom rng) {
    int phase = t / PHASE;
    double along = Math.min(1.0, (t % PHASE) / (2.0 * PHASE / 3));
    List<double[]> centres = new ArrayList<>();
    centres.add(new double[] {0, 0});
    if (phase <= 2) {
      if (phase <= 1) {
        centres.add(new double[] {10, 0});
      }
      if (phase >= 1) {
        centres.add(new double[] {0, 12});
      }
    } else if (phase == 3) {
      centres.add(new double[] {0, 12 * (1 - along)});
    } else if (phase == 4) {
      centres.add(new double[] {30, 0});
    } else {
      centres.add(new double[] {30 - 6 * along, 0});
      centres.add(new double[] {30 + 6 * along, 0});
    }
    double[] c = centres.get(rng.nextInt(centres.size()));
    return new double[] {c[0] + 0.4 * rng.nextGaussian(), c[1] + 0.4 * rng.nextGaussian()};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterers")
  void events_followTheScript_withTheSnapshotsLabels(String name, Supplier<StableDensityClusterer<?>> make)
      throws Exception {
    StableDensityClusterer<?> c = make.get();
    List<SegmentEvent> heard = new ArrayList<>();
    c.onSegmentEvent(heard::add);
    SplittableRandom rng = new SplittableRandom(3);
    double[][] stream = new double[6 * PHASE][];
    for (int t = 0; t < stream.length; t++) {
      stream[t] = point(t, rng);
    }
    byte[] midway = null;
    Set<Integer> live = new TreeSet<>();
    long polled = 0;
    List<SegmentEvent> all = new ArrayList<>();
    List<List<SegmentEvent>> byPhase = new ArrayList<>();
    List<ClusterModel> ends = new ArrayList<>();
    for (int phase = 0; phase < 6; phase++) {
      List<SegmentEvent> these = new ArrayList<>();
      if (phase == 3) {
        midway = ModelIO.toBytes(c);
      }
      for (int i = 0; i < PHASE; i++) {
        c.learn(stream[phase * PHASE + i]);
        if (c.lineageSequence() != polled) {
          List<SegmentEvent> fresh = c.events(polled);
          polled = c.lineageSequence();
          these.addAll(fresh);
          replay(live, fresh);
          // Right after the reclustering that fixed them, the snapshot shows exactly the live ids.
          assertThat(labelSet(c.snapshot())).as("%s live ids at reclustering %d", name, polled)
              .isEqualTo(live);
        }
      }
      all.addAll(these);
      byPhase.add(these);
      ends.add(c.snapshot());
    }
    assertThat(heard).as("the listener hears what polling returns").isEqualTo(all);
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).time()).isGreaterThanOrEqualTo(all.get(i - 1).time());
      assertThat(all.get(i).sequence()).isGreaterThanOrEqualTo(all.get(i - 1).sequence());
    }
    int a = ends.get(0).predict(new double[] {0, 0});
    int b = ends.get(0).predict(new double[] {10, 0});
    assertThat(a).isNotEqualTo(ClusterModel.NOISE);
    assertThat(b).isNotIn(a, ClusterModel.NOISE);
    assertThat(byPhase.get(0)).as("%s: A and B born", name)
        .contains(born(byPhase.get(0), a), born(byPhase.get(0), b));
    int cLabel = ends.get(1).predict(new double[] {0, 12});
    assertThat(cLabel).isNotIn(a, b, ClusterModel.NOISE);
    assertThat(byPhase.get(1)).as("%s: C born", name).contains(born(byPhase.get(1), cLabel));
    assertThat(ends.get(1).predict(new double[] {0, 0})).isEqualTo(a);
    assertThat(ends.get(2).predict(new double[] {10, 0})).isEqualTo(ClusterModel.NOISE);
    assertThat(kinds(byPhase.get(2), Kind.VANISHED)).as("%s: B vanished", name)
        .anyMatch(e -> e.from().equals(List.of(b)));
    assertThat(ends.get(2).predict(new double[] {0, 12})).isEqualTo(cLabel);
    int merged = ends.get(3).predict(new double[] {0, 0});
    assertThat(merged).isIn(a, cLabel);
    assertThat(kinds(byPhase.get(3), Kind.MERGED)).as("%s: A + C merged", name)
        .anyMatch(e -> e.from().containsAll(List.of(a, cLabel)) && e.to().equals(List.of(merged)));
    int d = ends.get(4).predict(new double[] {30, 0});
    assertThat(d).isNotIn(a, b, cLabel, ClusterModel.NOISE);
    int left = ends.get(5).predict(new double[] {24, 0});
    int right = ends.get(5).predict(new double[] {36, 0});
    assertThat(left).isNotIn(right, ClusterModel.NOISE);
    assertThat(right).isNotEqualTo(ClusterModel.NOISE);
    assertThat(kinds(byPhase.get(5), Kind.SPLIT)).as("%s: D split", name)
        .anyMatch(e -> e.from().equals(List.of(d)) && e.to().containsAll(List.of(left, right)));
    assertThat(d).isIn(left, right);

    // The lineage is part of the learning state.
    StableDensityClusterer<?> restored = ModelIO.fromBytes(ModelIO.toBytes(c), c.getClass());
    assertThat(restored.events(0)).isEqualTo(c.events(0));
    assertThat(restored.lineageSequence()).isEqualTo(c.lineageSequence());
    assertThat(restored.firstKeptSequence()).isEqualTo(c.firstKeptSequence());
    // A state restored midway continues to the same lineage.
    StableDensityClusterer<?> resumed = ModelIO.fromBytes(midway, c.getClass());
    for (int t = 3 * PHASE; t < stream.length; t++) {
      resumed.learn(stream[t]);
    }
    assertThat(resumed.events(0)).isEqualTo(c.events(0));
  }

  private static SegmentEvent born(List<SegmentEvent> events, int label) {
    return events.stream().filter(e -> e.kind() == Kind.BORN && e.to().equals(List.of(label)))
        .findFirst().orElse(null);
  }

  private static List<SegmentEvent> kinds(List<SegmentEvent> events, Kind kind) {
    return events.stream().filter(e -> e.kind() == kind).toList();
  }

  /** Applies events to the set of live ids, checking each is consistent with it. */
  static void replay(Set<Integer> live, List<SegmentEvent> events) {
    for (SegmentEvent e : events) {
      assertThat(live).as("%s: its old ids were live", e).containsAll(e.from());
    }
    for (SegmentEvent e : events) {
      live.removeAll(e.from());
    }
    for (SegmentEvent e : events) {
      live.addAll(e.to());
    }
  }

  private static Set<Integer> labelSet(ClusterModel m) {
    Set<Integer> s = new HashSet<>();
    for (int l : labelsOf(m)) {
      s.add(l);
    }
    return new TreeSet<>(s);
  }

  private static int[] labelsOf(ClusterModel m) {
    if (m instanceof MicroClusterModel mm) {
      return mm.labels();
    }
    return ((DstreamModel) m).labels();
  }
}
