package io.eddy.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.ClusterModel;
import io.eddy.OnlineClusterer;
import org.junit.jupiter.api.Test;

class ContractFailuresTest {

  /** Breaks the first rule: it claims a dimension before it has seen a point. */
  static final class EagerDimension implements OnlineClusterer<ClusterModel> {
    @Override
    public void learn(double[] point) {}

    @Override
    public int predict(double[] point) {
      return 0;
    }

    @Override
    public ClusterModel snapshot() {
      throw new IllegalStateException("no clustering");
    }

    @Override
    public long seen() {
      return 0;
    }

    @Override
    public int dimension() {
      return 3;
    }
  }

  @Test
  void runAll_brokenClusterer_messageNamesContractCheckClassAndRule() {
    OnlineClustererContract<EagerDimension> kit =
        OnlineClustererContract.of(seed -> new EagerDimension(), null);
    assertThatThrownBy(kit::runAll)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("OnlineClustererContract.dimension_fixedByFirstPoint failed for "
            + EagerDimension.class.getName())
        .hasMessageContaining("the first point fixes the dimension (0 before it)")
        .hasMessageContaining("dimension before any point");
  }
}
