package io.eddy.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eddy.Clusterers;
import io.eddy.hierarchy.HierarchicalClustering.Params;
import io.eddy.hierarchy.HierarchicalClustering.Storage;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HierarchicalClusteringTest {

  private static double[][] uniform(long seed, int n, int d) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = rng.nextDouble() * 10;
      }
    }
    return x;
  }

  @ParameterizedTest
  @EnumSource(value = Linkage.class, names = {"WARD", "CENTROID", "MEDIAN"})
  void dendrogram_vectorsEqualMatrix_onUntiedData(Linkage linkage) {
    double[][] x = uniform(21, 700, 5);
    Dendrogram matrix = new HierarchicalClustering(Params.DEFAULTS.withLinkage(linkage)
        .withStorage(Storage.MATRIX)).dendrogram(x);
    Dendrogram vectors = new HierarchicalClustering(Params.DEFAULTS.withLinkage(linkage)
        .withStorage(Storage.VECTORS)).dendrogram(x);
    for (int r = 0; r < matrix.mergeCount(); r++) {
      assertThat(vectors.height(r)).isCloseTo(matrix.height(r), within(1e-9 * matrix.height(r)));
      assertThat(vectors.left(r)).as("row %d", r).isEqualTo(matrix.left(r));
      assertThat(vectors.right(r)).as("row %d", r).isEqualTo(matrix.right(r));
    }
  }

  @ParameterizedTest
  @EnumSource(Linkage.class)
  void dendrogram_reducibleLinkagesMonotone_heightsAreRealDistances(Linkage linkage) {
    double[][] x = uniform(22, 300, 3);
    Dendrogram d = new HierarchicalClustering(Params.DEFAULTS.withLinkage(linkage)).dendrogram(x);
    if (linkage != Linkage.CENTROID && linkage != Linkage.MEDIAN) {
      assertThat(d.isMonotonic()).isTrue();
    }
    // The first merge of every linkage joins the closest pair of points, at their distance.
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      for (int j = i + 1; j < x.length; j++) {
        best = Math.min(best, io.eddy.math.Euclid.squaredDistance(x[i], x[j]));
      }
    }
    assertThat(d.height(0)).isCloseTo(Math.sqrt(best), within(1e-12));
    assertThat(d.size(d.mergeCount() - 1)).isEqualTo(300);
  }

  @Test
  public void dendrogram_wardTopHeight_isTotalWithinSumOfSquaresIdentity() {
    // Ward: the sum of squared heights over all merges / 2 equals the total sum of squares.
    double[][] x = uniform(23, 200, 4);
    Dendrogram d = new HierarchicalClustering(Params.DEFAULTS).dendrogram(x);
    double sumSq = 0;
    for (int r = 0; r < d.mergeCount(); r++) {
      sumSq += d.height(r) * d.height(r) / 2;
    }
    double[] mean = new double[4];
    for (double[] p : x) {
      for (int j = 0; j < 4; j++) {
        mean[j] += p[j] / x.length;
      }
    }
    double tss = 0;
    for (double[] p : x) {
      tss += io.eddy.math.Euclid.squaredDistance(p, mean);
    }
    assertThat(sumSq).isCloseTo(tss, within(1e-8 * tss));
  }

  @Test
  public void params_validation_namesFieldRangeAndValue() {
    assertThatThrownBy(() -> Params.SPEC.with(Params.DEFAULTS, Params.LINKAGE, null))
        .hasMessageContaining("linkage");
    assertThatThrownBy(() -> Params.DEFAULTS.withK(-1)).hasMessageContaining("k must be").hasMessageContaining("-1");
    assertThatThrownBy(() -> Params.DEFAULTS.withHeight(Double.NaN)).hasMessageContaining("height");
    assertThatThrownBy(() -> Params.SPEC.from(Map.of("k", 3, "height", 1.5, "storage", "matrix")))
        .hasMessageContaining("either k or height");
    assertThatThrownBy(() -> Params.SPEC.from(Map.of("k", 0, "storage", "matrix")))
        .hasMessageContaining("either k or height");
    assertThatThrownBy(() -> Params.DEFAULTS.withLinkage(Linkage.AVERAGE).withStorage(Storage.VECTORS))
        .hasMessageContaining("average").hasMessageContaining("vectors");
    assertThat(Params.DEFAULTS.withHeight(2).withK(3)).isEqualTo(Params.DEFAULTS.withK(3));
  }

  @Test
  public void registry_buildsFromParameters() {
    HierarchicalClustering c = (HierarchicalClustering) Clusterers.batch("hierarchical",
        Map.of("linkage", "average", "k", 0, "height", 1.5));
    assertThat(c.params()).isEqualTo(Params.DEFAULTS.withLinkage(Linkage.AVERAGE).withHeight(1.5));
    HierarchicalClustering v = (HierarchicalClustering) Clusterers.batch("hierarchical",
        Map.of("storage", "vectors", "k", 7));
    assertThat(v.params()).isEqualTo(Params.DEFAULTS.withK(7).withStorage(Storage.VECTORS));
    assertThat(((HierarchicalClustering) Clusterers.batch("hierarchical", Map.of())).params())
        .isEqualTo(Params.DEFAULTS);
    assertThatThrownBy(() -> Clusterers.batch("hierarchical", Map.of("height", 1.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k=0");
    assertThatThrownBy(() -> Clusterers.batch("hierarchical", Map.of("linkage", "ward2")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linkage");
  }

  @Test
  public void linkage_condensedInput_validated() {
    assertThatThrownBy(() -> HierarchicalClustering.linkage(new double[2], 3, Linkage.SINGLE))
        .hasMessageContaining("n(n-1)/2 = 3");
    assertThatThrownBy(() -> HierarchicalClustering.linkage(new double[] {1, Double.NaN, 2}, 3, Linkage.AVERAGE))
        .hasMessageContaining("distance 1");
  }

  @Test
  public void fit_matrixTooLarge_failsBeforeAllocatingAndNamesTheVectorForm() {
    double[][] x = new double[70_000][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {i % 977, i % 13};
    }
    assertThatThrownBy(() -> new HierarchicalClustering(Params.DEFAULTS.withLinkage(Linkage.AVERAGE)).fit(x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000 points")
        .hasMessageContaining("GiB")
        .hasMessageContaining("Storage.VECTORS");
  }

  @Test
  public void memoryCheck_message_namesNeedAvailableAndAlternative() {
    assertThat(MemoryCheck.problem(5_000, 1L << 30, 1L << 30, "ward linkage")).isNull();
    String msg = MemoryCheck.problem(20_000, 512L << 20, 1L << 30, "ward linkage");
    assertThat(msg).contains("ward linkage of 20000 points", "199990000 doubles", "1.5 GiB",
        "512.0 MiB free of 1.0 GiB", "storage=vectors");
  }

  /**
   * The look-up table over the fitted points is built by the first predict; threads that
   * make their first calls together must all get the fitted labels (duplicated points
   * included, which answer with their first occurrence's cluster).
   */
  @Test
  public void predict_firstCallsFromManyThreadsAtOnce_answerTheFittedLabels() throws Exception {
    SplittableRandom rng = new SplittableRandom(5);
    double[][] x = new double[2_000][];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % 7 == 6 ? x[i - 3].clone() : new double[] {rng.nextInt(40), rng.nextInt(40), rng.nextDouble()};
    }
    HierarchicalModel m = new HierarchicalClustering(Params.DEFAULTS.withLinkage(Linkage.AVERAGE).withK(6)).fit(x);
    int[] want = m.fittedLabels();
    for (int i = 0; i < x.length; i++) {
      if (i % 7 == 6) {
        want[i] = want[i - 3];
      }
    }
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<int[]>> got = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        got.add(pool.submit(() -> {
          start.await();
          int[] labels = new int[x.length];
          for (int i = 0; i < x.length; i++) {
            labels[i] = m.predict(x[i]);
          }
          return labels;
        }));
      }
      for (java.util.concurrent.Future<int[]> f : got) {
        assertThat(f.get()).containsExactly(want);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
