package io.eddy.flink;

import io.eddy.ClusterModel;
import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import io.eddy.io.ModelIO;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The merge operator, at parallelism 1: merges the learners' states once per round and emits
 * the model. Round r is merged once every learner has shipped a state of round r or later
 * (the first model waits for every learner, so that labels keep their meaning from version 1
 * on; when the input ends, for those that shipped at all). From each learner it merges the
 * state of the greatest round not after r (a learner that had nothing to learn in a window
 * ships nothing for it), into a fresh clusterer (the merge's identity) in slot order. A state
 * shipped again after a recovery replaces the first, so nothing is counted twice, and the
 * result depends only on the states, not on the order they arrived in.
 *
 * <p>Cost per round: p {@code ModelIO} reads and p merges, for p learners.
 */
final class Merger extends KeyedProcessFunction<Integer, LearnerState, ModelSnapshot> {

  private static final long serialVersionUID = 1L;

  private final JobSpec spec;
  /** The states shipped and not yet superseded, by "slot/round". */
  private transient MapState<String, LearnerState> shipped;
  /** Each learner's latest round shipped, by slot. */
  private transient MapState<Integer, Long> latest;
  /** {version, last round merged, input ended (0/1)}. */
  private transient ValueState<long[]> progress;

  Merger(JobSpec spec) {
    this.spec = spec;
  }

  @Override
  public void open(OpenContext context) {
    shipped = getRuntimeContext().getMapState(new MapStateDescriptor<>("shipped", Types.STRING,
        TypeInformation.of(LearnerState.class)));
    latest = getRuntimeContext().getMapState(new MapStateDescriptor<>("latest", Types.INT, Types.LONG));
    progress = getRuntimeContext().getState(new ValueStateDescriptor<>("progress",
        org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
  }

  @Override
  public void processElement(LearnerState s, Context ctx, Collector<ModelSnapshot> out) throws Exception {
    long[] p = progress();
    if (p[0] == 0 && p[1] == Long.MIN_VALUE && latest.isEmpty()) {
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }
    if (s.round <= p[1]) {
      return; // a round already merged, shipped again after a recovery
    }
    shipped.put(s.slot + "/" + s.round, s);
    Long before = latest.get(s.slot);
    if (before == null || before < s.round) {
      latest.put(s.slot, s.round);
    }
    emitReady(p, out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ModelSnapshot> out) throws Exception {
    // The input ended: a learner that never received an event will not ship.
    long[] p = progress();
    p[2] = 1;
    emitReady(p, out);
  }

  private long[] progress() throws Exception {
    long[] p = progress.value();
    return p != null ? p : new long[] {0, Long.MIN_VALUE, 0};
  }

  /** Merges every round that every learner has reached, in order. */
  private void emitReady(long[] p, Collector<ModelSnapshot> out) throws Exception {
    TreeMap<Integer, Long> reached = new TreeMap<>();
    for (Map.Entry<Integer, Long> e : latest.entries()) {
      reached.put(e.getKey(), e.getValue());
    }
    if (reached.isEmpty() || (reached.size() < spec.parallelism() && p[2] == 0)) {
      progress.update(p);
      return;
    }
    long upTo = Long.MAX_VALUE;
    for (long r : reached.values()) {
      upTo = Math.min(upTo, r);
    }
    TreeMap<String, LearnerState> states = new TreeMap<>();
    TreeSet<Long> rounds = new TreeSet<>();
    for (Map.Entry<String, LearnerState> e : shipped.entries()) {
      states.put(e.getKey(), e.getValue());
      if (e.getValue().round > p[1] && e.getValue().round <= upTo) {
        rounds.add(e.getValue().round);
      }
    }
    for (long round : rounds) {
      emit(round, states, reached, p, out);
    }
    progress.update(p);
  }

  private void emit(long round, TreeMap<String, LearnerState> states, TreeMap<Integer, Long> reached, long[] p,
      Collector<ModelSnapshot> out) throws Exception {
    Map<Integer, LearnerState> use = new TreeMap<>();
    for (LearnerState s : states.values()) {
      LearnerState best = use.get(s.slot);
      if (s.round <= round && (best == null || s.round > best.round)) {
        use.put(s.slot, s);
      }
    }
    OnlineClusterer<?> merged = spec.newClusterer();
    boolean last = true;
    int[] slots = new int[use.size()];
    int i = 0;
    for (LearnerState s : use.values()) {
      merge(merged, ModelIO.fromBytes(s.state, OnlineClusterer.class));
      last &= s.last;
      slots[i++] = s.slot;
    }
    byte[] model;
    try {
      model = ModelIO.toBytes(merged.snapshot());
    } catch (IllegalStateException notReady) {
      model = null;
    }
    p[0]++;
    p[1] = round;
    out.collect(new ModelSnapshot(p[0], round, merged.seen(), last && use.size() == reached.size(), slots, model,
        ModelIO.toBytes(merged)));
    // What a later round can still need: each learner's state of this round, and later ones.
    List<String> drop = new ArrayList<>();
    for (Map.Entry<String, LearnerState> e : states.entrySet()) {
      LearnerState s = e.getValue();
      if (s.round < round && use.get(s.slot) != s) {
        drop.add(e.getKey());
      }
    }
    for (String k : drop) {
      states.remove(k);
      shipped.remove(k);
    }
  }

  /** Merges {@code part} into {@code into}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void merge(OnlineClusterer<?> into, OnlineClusterer<?> part) {
    ((Mergeable) into).merge((Mergeable) part);
  }
}
