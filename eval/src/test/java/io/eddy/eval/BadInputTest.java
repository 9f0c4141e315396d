package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.ClusterModel;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Every index rejects bad input with a message that names the problem. */
class BadInputTest {

  private static final double[][] DATA = {{0, 0}, {0, 1}, {5, 5}, {5, 6}};

  private static List<BiConsumer<double[][], int[]>> indices() {
    return List.of(
        InternalIndices::wcss,
        InternalIndices::daviesBouldin,
        InternalIndices::calinskiHarabasz,
        (x, l) -> Silhouette.exact(x, l, 2),
        (x, l) -> Silhouette.sampled(x, l, 10, 1L, 1),
        Silhouette::simplified);
  }

  private static void allReject(double[][] data, int[] labels, String message) {
    for (BiConsumer<double[][], int[]> index : indices()) {
      assertThatThrownBy(() -> index.accept(data, labels))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(message);
    }
  }

  @Test
  void indices_wrongLengthLabels() {
    allReject(DATA, new int[] {0, 0, 1}, "labels has length 3, expected one label per point (4)");
  }

  @Test
  void indices_fewerThanTwoClusters() {
    allReject(DATA, new int[] {0, 0, 0, ClusterModel.NOISE}, "labels have 1 cluster, expected at least 2");
  }

  @Test
  void indices_allNoise() {
    int n = ClusterModel.NOISE;
    allReject(DATA, new int[] {n, n, n, n}, "all 4 points are NOISE");
  }

  @Test
  void indices_fewerThanTwoPoints() {
    allReject(new double[][] {{1, 2}}, new int[] {0}, "data has 1 point, expected at least 2");
    allReject(new double[0][], new int[0], "data has 0 points, expected at least 2");
  }

  @Test
  void indices_onlyOneClusteredPoint() {
    int n = ClusterModel.NOISE;
    allReject(DATA, new int[] {0, n, n, n}, "only 1 clustered (non-NOISE) point");
  }

  @Test
  void indices_nanInData() {
    double[][] bad = {{0, 0}, {0, Double.NaN}, {5, 5}, {5, 6}};
    allReject(bad, new int[] {0, 0, 1, 1}, "row 1: point has NaN at index 1");
  }

  @Test
  void indices_raggedData() {
    double[][] bad = {{0, 0}, {0}, {5, 5}, {5, 6}};
    allReject(bad, new int[] {0, 0, 1, 1}, "row 1: point has dimension 1, expected 2");
  }

  @Test
  void partitionIndices_asManyClustersAsPoints() {
    for (BiConsumer<double[][], int[]> index : indices().subList(1, 6)) {
      assertThatThrownBy(() -> index.accept(DATA, new int[] {0, 1, 2, 3}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("4 clusters for 4 clustered points, expected between 2 and 3");
    }
  }

  @Test
  void external_wrongLength() {
    assertThatThrownBy(() -> ExternalIndices.adjustedRand(new int[] {0, 1}, new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("predicted has length 1, expected one label per true label (2)");
  }

  @Test
  void external_noPoints() {
    assertThatThrownBy(() -> ExternalIndices.purity(new int[0], new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 points");
  }

  @Test
  void external_allNoiseExcluded() {
    int n = ClusterModel.NOISE;
    assertThatThrownBy(() -> ExternalIndices.normalizedMutualInformation(
        new int[] {0, 1}, new int[] {n, n}, NoisePolicy.EXCLUDE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all 2 points are NOISE");
  }

  @Test
  void silhouette_badThreadsAndSampleSize() {
    int[] labels = {0, 0, 1, 1};
    assertThatThrownBy(() -> Silhouette.exact(DATA, labels, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads is 0");
    assertThatThrownBy(() -> Silhouette.sampled(DATA, labels, 1, 1L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampleSize is 1");
  }
}
