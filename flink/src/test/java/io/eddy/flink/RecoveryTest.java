package io.eddy.flink;

import static io.eddy.flink.FlinkTestSupport.drain;
import static io.eddy.flink.FlinkTestSupport.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.testkit.Blobs;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A failure injected mid-stream is recovered from a checkpoint without counting anything
 * twice: the merged model after recovery is byte for byte the model of a run without failure.
 */
class RecoveryTest {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = FlinkTestSupport.miniCluster();

  private static final Blobs BLOBS = Blobs.generate(5, 6_000, 3, 4, 0.5);

  /** Failures thrown, across attempts (the mini cluster runs in this JVM). */
  static final AtomicInteger FAILURES = new AtomicInteger();

  @Test
  void failureMidStream_recoveredFromCheckpoint_modelEqualsRunWithoutFailure() throws Exception {
    ModelSnapshot clean = run(false);
    ModelSnapshot recovered = run(true);
    assertThat(FAILURES.get()).as("failures injected").isEqualTo(1);
    assertThat(recovered.seen).isEqualTo(BLOBS.points().length).isEqualTo(clean.seen);
    assertThat(recovered.state).as("merged learning state").isEqualTo(clean.state);
    assertThat(recovered.model).as("merged model").isEqualTo(clean.model);
  }

  private static ModelSnapshot run(boolean fail) throws Exception {
    StreamExecutionEnvironment env = FlinkTestSupport.environment();
    FlinkTestSupport.checkpointAndRestart(env, 50);
    JobSpec spec = new JobSpec("sequential-kmeans", Map.of("k", "4", "warmup", "40", "seed", "1"),
        FlinkTestSupport.PARALLELISM, 600, 0, false);
    DataStream<Event> events = env.fromData(events(BLOBS), SegmentationJob.EVENT).setParallelism(1)
        .map(new FailOnce(fail, BLOBS.points().length / 2)).returns(SegmentationJob.EVENT).setParallelism(1);
    SegmentationJob.Outputs out = SegmentationJob.build(events, spec, null);
    CloseableIterator<ModelSnapshot> snapshots = out.snapshots().collectAsync();
    env.execute("recovery test");
    return FlinkTestSupport.last(drain(snapshots));
  }

  /**
   * Passes events through; on the first attempt, once a checkpoint has completed and the given
   * number of events has passed, throws. Until a checkpoint completes it slows down, so that one
   * does.
   */
  static final class FailOnce extends RichMapFunction<Event, Event> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final boolean fail;
    private final int after;
    private transient int passed;
    private transient boolean checkpointed;
    private transient boolean firstAttempt;

    FailOnce(boolean fail, int after) {
      this.fail = fail;
      this.after = after;
    }

    @Override
    public void open(OpenContext context) {
      firstAttempt = getRuntimeContext().getTaskInfo().getAttemptNumber() == 0;
    }

    @Override
    public Event map(Event e) throws Exception {
      if (fail && firstAttempt) {
        passed++;
        if (!checkpointed) {
          // Slower still once past the point of failure, so that a checkpoint completes first
          // even on a loaded machine (barriers pass between records).
          Thread.sleep(passed >= after ? 20 : 1);
        } else if (passed >= after) {
          FAILURES.incrementAndGet();
          throw new IllegalStateException("injected failure after " + passed + " events");
        }
      }
      return e;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = true;
    }
  }
}
