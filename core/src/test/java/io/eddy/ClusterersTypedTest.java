package io.eddy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.kmeans.KMeansModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterersTypedTest {

  private static final double[][] TWO_GROUPS = {
    {0, 0}, {0, 1}, {1, 0}, {1, 1}, {10, 10}, {10, 11}, {11, 10}, {11, 11}
  };

  @Test
  void batch_typed_modelIsTheAskedType() {
    Clusterer<? extends CentroidModel> c =
        Clusterers.batch("kmeans", Map.of("k", 2, "seed", 1L), CentroidModel.class);
    CentroidModel m = c.fit(TWO_GROUPS);
    double[][] centers = m.centers();
    double[] low = centers[0][0] < centers[1][0] ? centers[0] : centers[1];
    double[] high = centers[0][0] < centers[1][0] ? centers[1] : centers[0];
    assertThat(low).containsExactly(0.5, 0.5);
    assertThat(high).containsExactly(10.5, 10.5);
    SoftClusterModel soft = Clusterers.batch("gmm", Map.of("k", 2, "seed", 1L), SoftClusterModel.class)
        .fit(TWO_GROUPS);
    assertThat(soft.clusterCount()).isEqualTo(2);
    assertThat(Clusterers.batch("hierarchical", Map.of("k", 2), ClusterModel.class).fit(TWO_GROUPS)
        .predict(new double[] {0.2, 0.2})).isNotEqualTo(ClusterModel.NOISE);
  }

  @Test
  void batch_typed_unpromisedOrConcreteType_rejectedListingWhatIsPromised() {
    assertThatThrownBy(() -> Clusterers.batch("kmeans", Map.of(), SoftClusterModel.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'kmeans' does not promise io.eddy.SoftClusterModel")
        .hasMessageContaining("[ClusterModel, CentroidModel]");
    assertThatThrownBy(() -> Clusterers.batch("kmeans", Map.of(), KMeansModel.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KMeansModel");
    assertThatThrownBy(() -> Clusterers.batch("no-such-clusterer", Map.of(), ClusterModel.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("valid names");
  }

  @Test
  void capability_modelType_onlyForModelCapabilities() {
    assertThat(Capability.CENTROIDS.modelType()).isEqualTo(CentroidModel.class);
    assertThat(Capability.SOFT.modelType()).isEqualTo(SoftClusterModel.class);
    assertThat(Capability.ONLINE.modelType()).isNull();
    assertThat(Capability.NOISE.modelType()).isNull();
  }
}
