package io.eddy.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.testkit.Blobs;
import io.eddy.testkit.OnlineClustererContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plug-in passes the same contract as the built-in clusterers. */
class LeaderClustererContractTest extends OnlineClustererContract<LeaderClusterer> {

  @Override
  protected LeaderClusterer create(long seed) {
    return new LeaderClusterer(LeaderClusterer.Params.DEFAULTS.withRadius(3.0).withMaxLeaders(20));
  }

  @Override
  protected String providerName() {
    return "leader";
  }

  @Test
  public void registry_findsThePlugIn_andItFindsThePlantedBlobs() {
    OnlineClusterer<?> c = Clusterers.online("leader", Map.of("radius", 4.0, "maxLeaders", 10));
    Blobs blobs = Blobs.generate(5, 2_000, 2, 3, 0.5);
    c.learn(blobs.points());
    assertThat(c.snapshot().clusterCount()).isEqualTo(3);
    assertThat(io.eddy.testkit.Ari.of(blobs.labels(), c.snapshot().predict(blobs.points()))).isEqualTo(1.0);
  }
}
