package io.eddy.flink;

import io.eddy.features.Transformer;
import io.eddy.io.ModelIO;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;

/**
 * The segmentation topology on a stream of events:
 * <pre>
 *   events ─ feature pipeline ─ keyBy(slot) ─┬─ Learner (p) ── Merger (1) ── snapshots
 *                                           │                    │ broadcast
 *                                           └────────── Assigner (p) ──────── assignments
 * </pre>
 * Keyed learners update their own clusterer, the merge operator combines their latest states
 * through {@link io.eddy.Mergeable} at parallelism 1, and the merged model is broadcast to the
 * assigners, which label every event with the newest model they have. The job never looks
 * inside an algorithm: any registered clusterer that declares
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

  /** The assignment and snapshot streams of a built job. */
  public record Outputs(DataStream<Assignment> assignments, DataStream<ModelSnapshot> snapshots) {
  }

  /** The type of events, a POJO. */
  public static final TypeInformation<Event> EVENT = TypeInformation.of(Event.class);

  private SegmentationJob() {
  }

  /**
   * Adds the topology to {@code events}' environment.
   *
   * @param events the raw events, with features as read
   * @param spec what to learn and how often to merge; the learners and assigners run at its
   *     parallelism
   * @param pipeline a fitted {@link Transformer} as a {@link ModelIO} record, applied to every
   *     event's features before learning and assignment, or null for none
   */
  public static Outputs build(DataStream<Event> events, JobSpec spec, byte[] pipeline) {
    DataStream<Event> features = pipeline == null ? events
        : events.map(new ApplyPipeline(pipeline)).returns(EVENT).name("features").uid(spec.algorithm() + "/features");
    int maxParallelism = events.getExecutionEnvironment().getMaxParallelism() > 0
        ? events.getExecutionEnvironment().getMaxParallelism()
        : org.apache.flink.runtime.state.KeyGroupRangeAssignment.computeDefaultMaxParallelism(spec.parallelism());
    KeyedStream<Event, Integer> keyed = features.keyBy(Slots.of(spec.parallelism(), maxParallelism), Types.INT);
    DataStream<LearnerState> states = keyed.process(new Learner(spec))
        .returns(TypeInformation.of(LearnerState.class))
        .setParallelism(spec.parallelism()).setMaxParallelism(maxParallelism)
        .name("learn").uid(spec.algorithm() + "/learn");
    DataStream<ModelSnapshot> snapshots = states.keyBy(s -> 0, Types.INT)
        .process(new Merger(spec)).returns(TypeInformation.of(ModelSnapshot.class))
        .setParallelism(1).setMaxParallelism(1).name("merge").uid(spec.algorithm() + "/merge");
    DataStream<Assignment> assignments = keyed.connect(snapshots.broadcast(Assigner.MODELS))
        .process(new Assigner()).returns(TypeInformation.of(Assignment.class))
        .setParallelism(spec.parallelism()).setMaxParallelism(maxParallelism)
        .name("assign").uid(spec.algorithm() + "/assign");
    return new Outputs(assignments, snapshots);
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
