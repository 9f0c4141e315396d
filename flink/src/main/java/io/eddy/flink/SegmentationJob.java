package io.eddy.flink;

import io.eddy.features.Transformer;
import io.eddy.io.ModelIO;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The segmentation topology on a stream of events:
 * <pre>
 *   events ─ feature pipeline ─ keyBy(slot) ─┬─ Learner (p) ── Merger (1) ─┬─ snapshots
 *                                 ┌─────────┘      ▲                     │ broadcast
 *                                 │          (sync, optional)            │
 *                                 │   Kafka sync topic ◄─────────────────┤
 *                                 └────────── Assigner (p) ◄─────────────┘── assignments
 * </pre>
 * Keyed learners update their own clusterer, the merge operator combines their states of each
 * round through {@link io.eddy.Mergeable} at parallelism 1, and the merged model is broadcast
 * to the assigners, which label every event with the newest model they have. With a sync
 * channel the merged learning state also goes back to the learners through a Kafka topic
 * (Flink 2 has no loops inside a job), and they continue from it: see {@code Learner}. The job
 * never looks inside an algorithm: any registered clusterer that declares
 * {@link io.eddy.Capability#MERGEABLE} runs in it.
 *
 * <p>Operator ids are prefixed with the algorithm's name, so that one job can hold several
 * topologies and a savepoint restores into the topology of the same algorithm.
 *
 * <p>Every type crossing the network is a Flink POJO or a primitive array, and learners' states
 * go through {@link ClustererSerializer}, so the job runs with {@code pipeline.generic-types}
 * off.
 */
public final class SegmentationJob {

  /**
   * The streams of a built job: assignments, merged snapshots (one per round; a snapshot's
   * model is null while the clusterer warms up), and, with feedback, each learner's state just
   * after it took its part of a merge (otherwise an empty stream).
   */
  public record Outputs(DataStream<Assignment> assignments, DataStream<ModelSnapshot> snapshots,
      DataStream<LearnerState> parts) {
  }

  /** The type of events, a POJO. */
  public static final TypeInformation<Event> EVENT = TypeInformation.of(Event.class);

  private static final TypeInformation<ModelSnapshot> SNAPSHOT = TypeInformation.of(ModelSnapshot.class);

  private SegmentationJob() {
  }

  /** {@link #build(DataStream, JobSpec, byte[], String, String)} without feedback. */
  public static Outputs build(DataStream<Event> events, JobSpec spec, byte[] pipeline) {
    return build(events, spec, pipeline, null, null);
  }

  /**
   * Adds the topology to {@code events}' environment.
   *
   * @param events the raw events, with features as read
   * @param spec what to learn and how often to merge; the learners and assigners run at its
   *     parallelism
   * @param pipeline a fitted {@link Transformer} as a {@link ModelIO} record, applied to every
   *     event's features before learning and assignment, or null for none
   * @param syncBootstrap with {@code syncTopic}, a Kafka broker through which merged states go
   *     back to the learners, which then continue from them; null for independent learners
   * @param syncTopic a topic of one partition used by this job only (older records are
   *     skipped). If checkpointing is enabled on the environment when the job is built, the
   *     topic is written in transactions that commit with each checkpoint, so that after a
   *     recovery no learner can take a merged state the restored merge operator did not make:
   *     each sync then waits for the next checkpoint, so checkpoint more often than you merge.
   *     Without checkpoints merged states go back at once, at least once.
   * @throws IllegalArgumentException if only one of {@code syncBootstrap} and {@code syncTopic}
   *     is given
   */
  public static Outputs build(DataStream<Event> events, JobSpec spec, byte[] pipeline, String syncBootstrap,
      String syncTopic) {
    boolean sync = syncBootstrap != null;
    if (sync != (syncTopic != null)) {
      throw new IllegalArgumentException("feedback needs both a Kafka bootstrap and a sync topic");
    }
    StreamExecutionEnvironment env = events.getExecutionEnvironment();
    DataStream<Event> features = pipeline == null ? events
        : events.map(new ApplyPipeline(pipeline)).returns(EVENT).name("features").uid(spec.algorithm() + "/features");
    int maxParallelism = env.getMaxParallelism() > 0 ? env.getMaxParallelism()
        : org.apache.flink.runtime.state.KeyGroupRangeAssignment.computeDefaultMaxParallelism(spec.parallelism());
    KeyedStream<Event, Integer> keyed = features.keyBy(Slots.of(spec.parallelism(), maxParallelism), Types.INT);
    DataStream<ModelSnapshot> merged = sync
        ? env.addSource(new SyncSource(SyncSource.Channel.at(syncBootstrap, syncTopic)), "sync", SNAPSHOT)
            .setParallelism(1).uid(spec.algorithm() + "/sync")
        : env.addSource(new NoSync(), "no sync", SNAPSHOT).setParallelism(1).uid(spec.algorithm() + "/no-sync");
    SingleOutputStreamOperator<LearnerState> states = keyed.connect(merged.broadcast(Learner.SYNCED))
        .process(new Learner(spec, sync)).returns(TypeInformation.of(LearnerState.class))
        .setParallelism(spec.parallelism()).setMaxParallelism(maxParallelism)
        .name("learn").uid(spec.algorithm() + "/learn");
    DataStream<ModelSnapshot> snapshots = states.keyBy(s -> 0, Types.INT)
        .process(new Merger(spec)).returns(SNAPSHOT)
        .setParallelism(1).setMaxParallelism(1).name("merge").uid(spec.algorithm() + "/merge");
    if (sync) {
      snapshots.sinkTo(KafkaIO.syncSink(syncBootstrap, syncTopic, env.getCheckpointConfig().isCheckpointingEnabled()))
          .setParallelism(1).name("sync out")
          .uid(spec.algorithm() + "/sync-out");
    }
    DataStream<Assignment> assignments = keyed.connect(snapshots.broadcast(Assigner.MODELS))
        .process(new Assigner()).returns(TypeInformation.of(Assignment.class))
        .setParallelism(spec.parallelism()).setMaxParallelism(maxParallelism)
        .name("assign").uid(spec.algorithm() + "/assign");
    return new Outputs(assignments, snapshots, states.getSideOutput(Learner.TAKEN));
  }

  /** The learners' broadcast side without feedback: ends at once, its watermark at the end of time. */
  static final class NoSync implements org.apache.flink.streaming.api.functions.source.legacy.SourceFunction<ModelSnapshot> {
    private static final long serialVersionUID = 1L;

    @Override
    public void run(SourceContext<ModelSnapshot> ctx) {
      ctx.emitWatermark(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
    }

    @Override
    public void cancel() {
    }
  }

  /** Applies a fitted transformer, read once per parallel instance from its ModelIO record. */
  static final class ApplyPipeline extends RichMapFunction<Event, Event> {
    private static final long serialVersionUID = 1L;
    private final byte[] record;
    private transient Transformer transformer;

    ApplyPipeline(byte[] record) {
      this.record = record;
    }

    @Override
    public void open(OpenContext context) throws Exception {
      transformer = ModelIO.fromBytes(record, Transformer.class);
    }

    @Override
    public Event map(Event e) {
      return new Event(e.id, transformer.transform(e.features), e.time);
    }
  }
}
