package io.eddy.flink;

import io.eddy.ClusterModel;
import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import io.eddy.io.ModelIO;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The merge operator, at parallelism 1: keeps the latest state each learner shipped and, on
 * every shipment once every learner has shipped (or when the input ends), merges them all into a fresh clusterer (the merge's identity) in slot order
 * and emits the model. A later shipment replaces the learner's earlier one, so states shipped
 * again after a recovery are not counted twice, and the result depends only on the learners'
 * latest states, not on the order they arrived in.
 *
 * <p>Cost per shipment: one {@code ModelIO} read and p merges, for p learners.
 */
final class Merger extends KeyedProcessFunction<Integer, LearnerState, ModelSnapshot> {

  private static final long serialVersionUID = 1L;

  private final JobSpec spec;
  private transient MapState<Integer, byte[]> latest;
  private transient ValueState<Long> version;
  /** The learners' states read back, by slot; rebuilt from {@link #latest} after a restore. */
  private transient Map<Integer, OnlineClusterer<?>> decoded;

  Merger(JobSpec spec) {
    this.spec = spec;
  }

  @Override
  public void open(OpenContext context) {
    latest = getRuntimeContext().getMapState(new MapStateDescriptor<>("latest", Types.INT,
        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    version = getRuntimeContext().getState(new ValueStateDescriptor<>("version", Types.LONG));
    decoded = new HashMap<>();
  }

  @Override
  public void processElement(LearnerState s, Context ctx, Collector<ModelSnapshot> out) throws Exception {
    if (decoded.isEmpty()) {
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
      decodeAll();
    }
    latest.put(s.slot, s.state);
    decoded.put(s.slot, ModelIO.fromBytes(s.state, OnlineClusterer.class));
    // Labels follow the lowest slot's learner (the first merged into the identity), so the
    // first model waits for every learner: labels then keep their meaning from version 1 on.
    if (decoded.size() == spec.parallelism()) {
      emit(out);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ModelSnapshot> out) throws Exception {
    if (decoded.isEmpty()) {
      decodeAll();
    }
    // The input ended: a learner that never received an event will not ship.
    if (!decoded.isEmpty() && decoded.size() < spec.parallelism()) {
      emit(out);
    }
  }

  /** Reads back every state kept, as after a restore from a checkpoint. */
  private void decodeAll() throws Exception {
    for (Map.Entry<Integer, byte[]> e : latest.entries()) {
      decoded.put(e.getKey(), ModelIO.fromBytes(e.getValue(), OnlineClusterer.class));
    }
  }

  private void emit(Collector<ModelSnapshot> out) throws Exception {
    OnlineClusterer<?> merged = merge(spec.newClusterer(), decoded);
    ClusterModel model;
    try {
      model = merged.snapshot();
    } catch (IllegalStateException notReady) {
      return;
    }
    long v = version.value() == null ? 1 : version.value() + 1;
    version.update(v);
    out.collect(new ModelSnapshot(v, merged.seen(), ModelIO.toBytes(model), ModelIO.toBytes(merged)));
  }

  /** Merges {@code parts} into {@code into} in increasing slot order. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static OnlineClusterer<?> merge(OnlineClusterer<?> into, Map<Integer, OnlineClusterer<?>> parts) {
    List<Integer> slots = new ArrayList<>(parts.keySet());
    Collections.sort(slots);
    for (int slot : slots) {
      ((Mergeable) into).merge((Mergeable) parts.get(slot));
    }
    return into;
  }
}
