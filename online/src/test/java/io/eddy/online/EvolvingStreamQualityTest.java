package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.ClusterModel;
import io.eddy.DecayingClusterer;
import io.eddy.testkit.Ari;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * DenStream and DBSTREAM on an {@link EvolvingStream} (clusters that move, appear, vanish and
 * merge, with 5% uniform noise). At every checkpoint the current snapshot labels the last
 * window of points; while the active clusters are well separated (centres at least 3 apart,
 * 12 standard deviations), the ARI of the non-noise points against the truth must be at least
 * 0.9 and most noise points must be labelled NOISE. Segment ids must follow the truth: a
 * cluster keeps its id while it lives, and no id is ever given to a second cluster.
 *
 * <p>The per-checkpoint figures are written to {@code target/evolving-<name>.csv} for the
 * benchmark report.
 */
class EvolvingStreamQualityTest {

  private static final int N = 60_000;
  private static final int CHECK_EVERY = 5_000;
  private static final int WINDOW = 2_000;

  @Test
  public void dbstream_evolvingStream_highAriAndNoiseDetected() throws IOException {
    check("dbstream", new Dbstream(Dbstream.Params.DEFAULTS.withR(0.5).withLambda(0.002).withTGap(250).withWMin(3).withAlpha(0.1)));
  }

  @Test
  public void denstream_evolvingStream_highAriAndNoiseDetected() throws IOException {
    check("denstream", new DenStream(DenStream.Params.SPEC.from(Map.of("epsilon", 0.5, "mu", 10, "beta", 0.2, "lambda", 0.002, "initPoints", 1000, "offlineFactor", 2))));
  }

  static void check(String name, DecayingClusterer<? extends ClusterModel> c) throws IOException {
    EvolvingStream s = new EvolvingStream(2026, N, 2, 0.25, 0.05);
    StringBuilder csv = new StringBuilder("points,separation,ari,noise_recall,clusters,labels\n");
    Map<Integer, Integer> idOfTruth = new HashMap<>();
    Map<Integer, Integer> truthOfId = new HashMap<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      c.learn(s.points[i]);
      if ((i + 1) % CHECK_EVERY != 0) {
        continue;
      }
      int from = i + 1 - WINDOW;
      ClusterModel m = c.snapshot();
      List<Integer> truth = new ArrayList<>();
      List<Integer> predicted = new ArrayList<>();
      int noise = 0;
      int noiseCaught = 0;
      Map<Integer, Map<Integer, Integer>> votes = new HashMap<>();
      for (int j = from; j <= i; j++) {
        int p = m.predict(s.points[j]);
        if (s.truth[j] == EvolvingStream.NOISE) {
          noise++;
          noiseCaught += p == ClusterModel.NOISE ? 1 : 0;
        } else {
          truth.add(s.truth[j]);
          predicted.add(p);
          votes.computeIfAbsent(s.truth[j], k -> new HashMap<>()).merge(p, 1, Integer::sum);
        }
      }
      double ari = Ari.of(toArray(truth), toArray(predicted));
      double recall = (double) noiseCaught / noise;
      double separation = s.separation(from, i + 1);
      csv.append(String.format(Locale.ROOT, "%d,%.2f,%.4f,%.4f,%d,%s%n", i + 1, separation, ari,
          recall, m.clusterCount(), java.util.Arrays.toString(m.labels()).replace(",", "")));
      if (separation >= 3) {
        if (ari < 0.9) {
          failures.add("ARI " + ari + " at " + (i + 1));
        }
        if (recall <= 0.5) {
          failures.add("noise recall " + recall + " at " + (i + 1));
        }
        // Ids follow the truth: the majority id of each true cluster is its own, for life.
        Set<Integer> seenNow = new HashSet<>();
        for (Map.Entry<Integer, Map<Integer, Integer>> e : votes.entrySet()) {
          int id = majority(e.getValue());
          if (id == ClusterModel.NOISE) {
            failures.add("cluster " + e.getKey() + " is mostly noise at " + (i + 1));
            continue;
          }
          Integer before = idOfTruth.putIfAbsent(e.getKey(), id);
          if (before != null && before != id) {
            failures.add("cluster " + e.getKey() + " changed id " + before + " -> " + id + " at " + (i + 1));
          }
          Integer owner = truthOfId.putIfAbsent(id, e.getKey());
          if (owner != null && owner != e.getKey().intValue()) {
            failures.add("id " + id + " of cluster " + owner + " reused for cluster " + e.getKey() + " at " + (i + 1));
          }
          seenNow.add(id);
        }
      }
    }
    Path out = Path.of("target", "evolving-" + name + ".csv");
    Files.createDirectories(out.getParent());
    Files.writeString(out, csv);
    assertThat(failures).as(csv.toString()).isEmpty();
  }

  private static int majority(Map<Integer, Integer> votes) {
    int best = ClusterModel.NOISE;
    int count = -1;
    for (Map.Entry<Integer, Integer> e : votes.entrySet()) {
      if (e.getValue() > count || (e.getValue() == count && e.getKey() < best)) {
        best = e.getKey();
        count = e.getValue();
      }
    }
    return best;
  }

  private static int[] toArray(List<Integer> xs) {
    int[] a = new int[xs.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = xs.get(i);
    }
    return a;
  }
}
