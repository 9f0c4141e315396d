package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.CentroidModel;
import io.eddy.Clusterers;
import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import io.eddy.io.ModelIO;
import io.eddy.kmeans.Centroids;
import io.eddy.testkit.Blobs;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Mergeable.takePart}: p partitions continue from one merged state, and merging them
 * back gives the merged state plus exactly what they learned since, never the merged state p
 * times.
 */
class TakePartTest {

  private static final Blobs BLOBS = Blobs.generate(41, 8_000, 3, 4, 0.5);
  private static final SequentialKMeans.Params PARAMS = SequentialKMeans.Params.DEFAULTS.withK(4).withWarmup(80)
      .withSeed(5);

  @Test
  void sequential_partsMergeBackToTheWhole_andKeepLearningWithExactTotals() throws Exception {
    double[][] x = BLOBS.points();
    SequentialKMeans merged = new SequentialKMeans(PARAMS);
    for (int i = 0; i < 2_001; i++) {
      merged.learn(x[i]);
    }
    int parts = 4;
    SequentialKMeans[] part = new SequentialKMeans[parts];
    for (int i = 0; i < parts; i++) {
      part[i] = new SequentialKMeans(PARAMS);
      assertThat(part[i].takePart(merged, i, parts)).isTrue();
      // Every part has the merged centers under the same labels, and a quarter of each weight.
      Centroids m = merged.snapshot();
      Centroids q = part[i].snapshot();
      for (int j = 0; j < 4; j++) {
        assertThat(q.center(j)).containsExactly(m.center(j));
        assertThat(q.weight(j) * parts).isEqualTo(m.weight(j));
      }
    }
    assertThat(part[0].seen() + part[1].seen() + part[2].seen() + part[3].seen()).isEqualTo(2_001);

    // The parts learn disjoint quarters of the rest; merged back, the totals are the stream's.
    for (int i = 2_001; i < x.length; i++) {
      part[i % parts].learn(x[i]);
    }
    SequentialKMeans back = new SequentialKMeans(PARAMS);
    for (SequentialKMeans p : part) {
      back.merge(p);
    }
    assertThat(back.seen()).isEqualTo(x.length);
    Centroids c = back.snapshot();
    double total = 0;
    double[] linear = new double[3];
    for (int j = 0; j < 4; j++) {
      total += c.weight(j);
      for (int e = 0; e < 3; e++) {
        linear[e] += c.weight(j) * c.center(j)[e];
      }
    }
    assertThat(total).isCloseTo(x.length, within(1e-9));
    for (int e = 0; e < 3; e++) {
      double expected = 0;
      for (double[] p : x) {
        expected += p[e];
      }
      assertThat(linear[e]).isCloseTo(expected, within(1e-9 * x.length));
    }
    // Labels kept their meaning: each merged center is still nearest to its old self.
    Centroids before = merged.snapshot();
    for (int j = 0; j < 4; j++) {
      assertThat(before.predict(c.center(j))).isEqualTo(j);
    }
  }

  /**
   * The registered Mergeable clusterers split a state learned on 6,000 points of three dense,
   * well-separated blobs into four parts: each part predicts the stream exactly as the merged
   * state does, the parts' {@code seen()} add up, and merged back they give the merged
   * {@code seen()} and total cluster weight (ClusTree's model weighs only its relevant
   * entries, which a merge regroups, so its total is not checked here). DBSTREAM, DenStream
   * and ClusTree split only when no micro-cluster would change its kind (strong, potential,
   * core, relevant) in a part, which needs every micro-cluster heavy: here tight blobs (sd
   * 0.05), within one radius (1) for the first two, faded slowly (lambda = 1e-5, a horizon of
   * 1e6). D-Stream is left out: its grids' densities spread across its thresholds, so it
   * refuses (see its takePart).
   */
  @ParameterizedTest
  @ValueSource(strings = {"sequential-kmeans", "minibatch-kmeans", "online-gmm", "birch", "clustree", "clustream",
      "streamkm", "dbstream", "denstream"})
  @SuppressWarnings({"unchecked", "rawtypes"})
  void everyMergeable_splitsALearnedStateIntoPartsThatPredictAlike(String name) {
    boolean thresholds = name.equals("dbstream") || name.equals("denstream") || name.equals("clustree");
    Blobs blobs = Blobs.generate(7, 6_000, 2, 3, thresholds ? 0.05 : 0.3);
    Map<String, Object> params = new java.util.HashMap<>();
    if (Clusterers.provider(name).parameters().stream().anyMatch(p -> p.name().equals("k"))) {
      params.put("k", 3);
    }
    if (name.equals("dbstream") || name.equals("denstream")) {
      params.put("lambda", 1e-5);
      params.put(name.equals("dbstream") ? "r" : "epsilon", 1.0);
    } else if (name.equals("clustree")) {
      params.put("horizon", 1e6);
    }
    OnlineClusterer<?> whole = Clusterers.online(name, params);
    for (double[] p : blobs.points()) {
      whole.learn(p);
    }
    int[] expected = whole.snapshot().predict(blobs.points());
    OnlineClusterer<?> back = Clusterers.online(name, params);
    double weight = 0;
    long seen = 0;
    for (int i = 0; i < 4; i++) {
      OnlineClusterer<?> part = Clusterers.online(name, params);
      assertThat(((Mergeable) part).takePart((Mergeable) whole, i, 4)).as(name + " splits").isTrue();
      assertThat(part.snapshot().predict(blobs.points())).as("part " + i + " predicts alike").isEqualTo(expected);
      seen += part.seen();
      ((Mergeable) back).merge((Mergeable) part);
    }
    assertThat(seen).isEqualTo(whole.seen());
    assertThat(back.seen()).isEqualTo(whole.seen());
    if (!name.equals("clustree") && whole.snapshot() instanceof CentroidModel m) {
      for (int label : m.labels()) {
        weight += m.weight(label);
      }
      double merged = 0;
      CentroidModel b = (CentroidModel) back.snapshot();
      for (int label : b.labels()) {
        merged += b.weight(label);
      }
      assertThat(merged).as("total weight merged back").isCloseTo(weight, within(1e-9 * weight));
    }
  }

  @Test
  void sequential_warmingUpOrBadArguments_changeNothing() throws Exception {
    SequentialKMeans warming = new SequentialKMeans(PARAMS);
    warming.learn(BLOBS.points()[0]);
    SequentialKMeans target = new SequentialKMeans(PARAMS);
    target.learn(BLOBS.points()[1]);
    byte[] before = ModelIO.toBytes(target);
    assertThat(target.takePart(warming, 0, 2)).isFalse();
    assertThat(ModelIO.toBytes(target)).isEqualTo(before);
    assertThatThrownBy(() -> target.takePart(warming, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> target.takePart(null, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> target.takePart(new SequentialKMeans(PARAMS.withK(3)), 0, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ModelIO.toBytes(target)).isEqualTo(before);
  }

  @Test
  void clustererWithoutParts_keepsTheDefault() throws Exception {
    MiniBatchKMeans a = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(2).withBatchSize(10));
    a.learn(BLOBS.points()[0]);
    MiniBatchKMeans b = new MiniBatchKMeans(MiniBatchKMeans.Params.DEFAULTS.withK(2).withBatchSize(10));
    byte[] before = ModelIO.toBytes(b);
    assertThat(b.takePart(a, 0, 2)).isFalse();
    assertThat(ModelIO.toBytes(b)).isEqualTo(before);
  }
}
