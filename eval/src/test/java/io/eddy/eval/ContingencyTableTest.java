package io.eddy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.ClusterModel;
import org.junit.jupiter.api.Test;

class ContingencyTableTest {

  private static final int N = ClusterModel.NOISE;

  @Test
  void of_countsByClassAndCluster() {
    ContingencyTable t = ContingencyTable.of(new int[] {7, 7, 7, 3, 3}, new int[] {1, 1, 4, 4, N});
    assertThat(t.classes()).containsExactly(3, 7);
    assertThat(t.clusters()).containsExactly(N, 1, 4);
    assertThat(t.count(0, 0)).isEqualTo(1);
    assertThat(t.count(0, 2)).isEqualTo(1);
    assertThat(t.count(1, 1)).isEqualTo(2);
    assertThat(t.count(1, 2)).isEqualTo(1);
    assertThat(t.total()).isEqualTo(5);
    assertThat(t.purity()).isCloseTo(4.0 / 5, within(1e-15));
  }

  @Test
  void of_noisePolicies() {
    int[] truth = {0, 0, 0, 1, 1, 1};
    int[] pred = {5, 5, N, 6, 6, N};
    ContingencyTable singles = ContingencyTable.of(truth, pred, NoisePolicy.SINGLETONS);
    assertThat(singles.clusters()).containsExactly(5, 6, N, N);
    assertThat(singles.purity()).isEqualTo(1.0);
    ContingencyTable excluded = ContingencyTable.of(truth, pred, NoisePolicy.EXCLUDE);
    assertThat(excluded.excluded()).isEqualTo(2);
    assertThat(excluded.total()).isEqualTo(4);
    assertThat(excluded.adjustedRand()).isEqualTo(1.0);
    ContingencyTable cluster = ContingencyTable.of(truth, pred, NoisePolicy.CLUSTER);
    assertThat(cluster.purity()).isCloseTo(5.0 / 6, within(1e-15));
  }

  @Test
  void indices_identicalUpToRenaming() {
    int[] a = {0, 0, 1, 1, 2, 2};
    int[] b = {9, 9, 4, 4, 7, 7};
    assertThat(ExternalIndices.adjustedRand(a, b)).isEqualTo(1.0);
    assertThat(ExternalIndices.normalizedMutualInformation(a, b)).isCloseTo(1.0, within(1e-15));
    assertThat(ExternalIndices.purity(a, b)).isEqualTo(1.0);
  }

  @Test
  void adjustedRand_knownValueAndSymmetry() {
    // scikit-learn's docstring: adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]) == 0.57...
    int[] a = {0, 0, 1, 2};
    int[] b = {0, 0, 1, 1};
    assertThat(ExternalIndices.adjustedRand(a, b)).isCloseTo(0.5714285714285714, within(1e-15));
    assertThat(ExternalIndices.adjustedRand(b, a)).isCloseTo(0.5714285714285714, within(1e-15));
  }

  @Test
  void adjustedRand_largeNDoesNotOverflow() {
    int n = 3_000_000;
    int[] a = new int[n];
    int[] b = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i % 3;
      b[i] = i % 3 == 2 && i % 2 == 0 ? 1 : i % 3;
    }
    double ari = ExternalIndices.adjustedRand(a, b);
    assertThat(ari).isBetween(0.0, 1.0);
    assertThat(ExternalIndices.adjustedRand(a, a)).isEqualTo(1.0);
  }

  @Test
  void normalizedMutualInformation_singleLabelCases() {
    assertThat(ExternalIndices.normalizedMutualInformation(new int[] {1, 1}, new int[] {2, 2})).isEqualTo(1.0);
    assertThat(ExternalIndices.normalizedMutualInformation(new int[] {1, 2}, new int[] {2, 2})).isEqualTo(0.0);
  }
}
