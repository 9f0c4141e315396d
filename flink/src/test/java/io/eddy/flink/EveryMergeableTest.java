package io.eddy.flink;

import static io.eddy.flink.FlinkTestSupport.drain;
import static io.eddy.flink.FlinkTestSupport.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.Capability;
import io.eddy.ClusterModel;
import io.eddy.Clusterers;
import io.eddy.io.ModelIO;
import io.eddy.testkit.Blobs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job is generic over the registry: every registered clusterer that declares MERGEABLE
 * runs in it with its default parameters (one job, one topology per clusterer), and one that
 * does not is refused up front.
 */
class EveryMergeableTest {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = FlinkTestSupport.miniCluster();

  private static final Blobs BLOBS = Blobs.generate(21, 8_000, 2, 3, 0.3);

  @Test
  void everyMergeableClusterer_learnsEveryEventInTheJob() throws Exception {
    List<String> names = List.copyOf(Clusterers.withCapability(Capability.MERGEABLE));
    assertThat(names).contains("sequential-kmeans", "minibatch-kmeans", "online-gmm", "dbstream", "denstream");
    StreamExecutionEnvironment env = FlinkTestSupport.environment();
    DataStream<Event> events = env.fromData(events(BLOBS), SegmentationJob.EVENT).setParallelism(1);
    Map<String, CloseableIterator<ModelSnapshot>> outputs = new LinkedHashMap<>();
    for (String name : names) {
      JobSpec spec = new JobSpec(name, Map.of(), FlinkTestSupport.PARALLELISM, 2_000, 0, false);
      outputs.put(name, SegmentationJob.build(events, spec, null).snapshots().collectAsync());
    }
    env.execute("every mergeable clusterer");
    for (Map.Entry<String, CloseableIterator<ModelSnapshot>> e : outputs.entrySet()) {
      ModelSnapshot last = FlinkTestSupport.last(drain(e.getValue()));
      assertThat(last).as(e.getKey() + " produced a model").isNotNull();
      assertThat(last.seen).as(e.getKey() + " learned every event once").isEqualTo(BLOBS.points().length);
      assertThat(ModelIO.fromBytes(last.model, ClusterModel.class).dimension()).isEqualTo(2);
    }
  }

  @Test
  void jobSpec_rejectsWhatCannotRun() {
    assertThatThrownBy(() -> new JobSpec("kmeans", Map.of(), 2, 100, 0, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MERGEABLE");
    assertThatThrownBy(() -> new JobSpec("sequential-kmeans", Map.of("nope", "1"), 2, 100, 0, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> new JobSpec("sequential-kmeans", Map.of(), 0, 100, 0, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism");
    assertThat(JobSpec.parseMergeEvery("5000")).containsExactly(5000, 0);
    assertThat(JobSpec.parseMergeEvery("10s")).containsExactly(0, 10_000);
    assertThat(JobSpec.parseMergeEvery("250ms")).containsExactly(0, 250);
    for (String bad : new String[] {"0", "-3", "5 parsecs", "", "1.5s"}) {
      assertThatThrownBy(() -> JobSpec.parseMergeEvery(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
