package io.eddy.flink;

import static io.eddy.flink.FlinkTestSupport.drain;
import static io.eddy.flink.FlinkTestSupport.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.CentroidModel;
import io.eddy.ClusterModel;
import io.eddy.OnlineClusterer;
import io.eddy.io.ModelIO;
import io.eddy.online.SequentialKMeans;
import io.eddy.testkit.Ari;
import io.eddy.testkit.Blobs;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job at parallelism 4 on a planted stream: exact totals where the merge is exact, and
 * the quality of the single-JVM learner within a stated tolerance.
 */
class SegmentationJobTest {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = FlinkTestSupport.miniCluster();

  private static final Blobs BLOBS = Blobs.generate(77, 20_000, 4, 5, 0.6);

  private static final Map<String, String> PARAMS = Map.of("k", "5", "warmup", "100", "seed", "3");

  @Test
  void sequentialKMeans_parallelism4_exactTotalsAndSingleJvmQuality() throws Exception {
    StreamExecutionEnvironment env = FlinkTestSupport.environment();
    JobSpec spec = new JobSpec("sequential-kmeans", PARAMS, FlinkTestSupport.PARALLELISM, 2_000, 0, false);
    DataStream<Event> events = env.fromData(events(BLOBS), SegmentationJob.EVENT).setParallelism(1);
    SegmentationJob.Outputs out = SegmentationJob.build(events, spec, null);
    CloseableIterator<Assignment> assignments = out.assignments().collectAsync();
    CloseableIterator<ModelSnapshot> snapshots = out.snapshots().collectAsync();
    env.execute("segmentation test");
    List<Assignment> assigned = drain(assignments);
    ModelSnapshot last = FlinkTestSupport.last(drain(snapshots));

    double[][] x = BLOBS.points();
    assertThat(last.seen).isEqualTo(x.length);
    CentroidModel model = (CentroidModel) ModelIO.fromBytes(last.model, ClusterModel.class);
    // Exact: MacQueen's centers are means, so merged weights and linear sums are the stream's.
    double total = 0;
    double[] linear = new double[4];
    double[] expected = new double[4];
    for (int label : model.labels()) {
      total += model.weight(label);
      for (int e = 0; e < 4; e++) {
        linear[e] += model.weight(label) * model.center(label)[e];
      }
    }
    for (double[] p : x) {
      for (int e = 0; e < 4; e++) {
        expected[e] += p[e];
      }
    }
    assertThat(total).isCloseTo(x.length, within(1e-9 * x.length));
    for (int e = 0; e < 4; e++) {
      assertThat(linear[e]).isCloseTo(expected[e], within(1e-9 * x.length * 10));
    }
    // Quality: the partition of the single-JVM learner (ARI >= 0.99) and of the planted blobs.
    OnlineClusterer<?> single = new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(5).withWarmup(100)
        .withSeed(3));
    for (double[] p : x) {
      single.learn(p);
    }
    assertThat(Ari.of(model.predict(x), single.snapshot().predict(x))).isGreaterThanOrEqualTo(0.99);
    assertThat(Ari.of(model.predict(x), BLOBS.labels())).isGreaterThanOrEqualTo(0.99);
    // Every event assigned once; early events by early models, so a looser bound.
    assertThat(assigned).hasSize(x.length);
    int[] segment = new int[x.length];
    for (Assignment a : assigned) {
      segment[(int) a.id] = a.segment;
      assertThat(a.modelVersion).isPositive();
    }
    assertThat(assigned.stream().mapToLong(a -> a.id).distinct().count()).isEqualTo(x.length);
    assertThat(Ari.of(segment, BLOBS.labels())).isGreaterThanOrEqualTo(0.95);
  }
}
