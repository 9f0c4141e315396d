package io.eddy.flink;

import io.eddy.testkit.Blobs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;

/** The mini cluster and helpers the Flink tests share. */
final class FlinkTestSupport {

  /** Parallelism of the tests' learners and assigners. */
  static final int PARALLELISM = 4;

  private FlinkTestSupport() {
  }

  /** One task manager with a slot per parallel instance. */
  static MiniClusterExtension miniCluster() {
    return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
        .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(PARALLELISM).build());
  }

  /** The environment of the mini cluster, with generic (Kryo) types switched off. */
  static StreamExecutionEnvironment environment() {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(PARALLELISM);
    return env;
  }

  /** Checkpoints every {@code millis} and up to two restarts 50 ms apart. */
  static void checkpointAndRestart(StreamExecutionEnvironment env, long millis) {
    Configuration restart = new Configuration();
    restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
    restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(50));
    env.configure(restart);
    env.enableCheckpointing(millis);
  }

  /** The planted blobs as events, the id being the row number. */
  static List<Event> events(Blobs blobs) {
    List<Event> out = new ArrayList<>();
    double[][] x = blobs.points();
    for (int i = 0; i < x.length; i++) {
      out.add(new Event(i, x[i], i));
    }
    return out;
  }

  static <T> List<T> drain(CloseableIterator<T> it) throws Exception {
    List<T> out = new ArrayList<>();
    try (it) {
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }

  /** The snapshot of highest version. */
  static ModelSnapshot last(List<ModelSnapshot> snapshots) {
    ModelSnapshot best = null;
    for (ModelSnapshot s : snapshots) {
      if (best == null || s.version > best.version) {
        best = s;
      }
    }
    return best;
  }
}
