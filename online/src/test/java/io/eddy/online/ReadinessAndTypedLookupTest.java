package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.eddy.CentroidModel;
import io.eddy.ClusterModel;
import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.SoftClusterModel;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReadinessAndTypedLookupTest {

  private static double[] near(SplittableRandom rng, double x, double y) {
    return new double[] {x + 0.01 * rng.nextGaussian(), y + 0.01 * rng.nextGaussian()};
  }

  @Test
  void isReady_denStream_falseDuringTheInitialBuffer_trueOnceItIsClustered() {
    DenStream c = new DenStream(DenStream.Params.DEFAULTS.withEpsilon(0.5).withInitPoints(20));
    SplittableRandom rng = new SplittableRandom(1);
    assertThat(c.isReady()).isFalse();
    for (int i = 0; i < 19; i++) {
      c.learn(near(rng, 0, 0));
      assertThat(c.isReady()).as("after %d of 20 buffered points", i + 1).isFalse();
      assertThat(c.predict(new double[] {0, 0})).isEqualTo(ClusterModel.NOISE);
    }
    c.learn(near(rng, 0, 0));
    assertThat(c.isReady()).as("after the buffer is clustered").isTrue();
    assertThat(c.predict(new double[] {0, 0})).isNotEqualTo(ClusterModel.NOISE);
  }

  @Test
  void isReady_dbstream_falseUntilAMicroClusterIsStrong() {
    Dbstream c = new Dbstream(Dbstream.Params.DEFAULTS.withR(1));
    SplittableRandom rng = new SplittableRandom(2);
    c.learn(near(rng, 5, 5));
    assertThat(c.isReady()).as("one point weighs less than wMin = 3").isFalse();
    assertThat(c.predict(new double[] {5, 5})).isEqualTo(ClusterModel.NOISE);
    for (int i = 0; i < 9; i++) {
      c.learn(near(rng, 5, 5));
    }
    assertThat(c.isReady()).as("ten points on one spot").isTrue();
    assertThat(c.predict(new double[] {5, 5})).isNotEqualTo(ClusterModel.NOISE);
  }

  @Test
  void online_typed_returnsTheAskedModelTypeWithoutCast() {
    OnlineClusterer<? extends CentroidModel> c =
        Clusterers.online("sequential-kmeans", Map.of("k", 2, "seed", 3L), CentroidModel.class);
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      c.learn(i % 2 == 0 ? near(rng, 0, 0) : near(rng, 10, 10));
    }
    double[][] centers = c.snapshot().centers();
    assertThat(centers).hasNumberOfRows(2);
    double low = Math.min(centers[0][0], centers[1][0]);
    double high = Math.max(centers[0][0], centers[1][0]);
    assertThat(low).isCloseTo(0, offset(0.5));
    assertThat(high).isCloseTo(10, offset(0.5));
    OnlineClusterer<? extends SoftClusterModel> soft =
        Clusterers.online("online-gmm", Map.of(), SoftClusterModel.class);
    assertThat(soft).isInstanceOf(OnlineGaussianMixture.class);
  }

  @Test
  void online_typed_unpromisedType_rejectedListingWhatIsPromised() {
    assertThatThrownBy(() -> Clusterers.online("dbstream", Map.of(), SoftClusterModel.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'dbstream' does not promise io.eddy.SoftClusterModel")
        .hasMessageContaining("[ClusterModel, CentroidModel]");
    assertThatThrownBy(() -> Clusterers.online("sequential-kmeans", Map.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modelType");
  }
}
