package io.eddy.flink;

import io.eddy.CentroidModel;
import io.eddy.ClusterModel;
import io.eddy.io.ModelIO;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Assigns every event to a segment of the latest merged model, which reaches every parallel
 * instance as broadcast state (Flink 2 has no loops in a DataStream job: the model flows
 * forward from the merge operator). Events that arrive before the first model wait in keyed
 * state, at most {@link #MAX_PENDING} per slot, and are assigned as soon as one arrives; the
 * rest, and any still waiting when the input ends without a model, get segment -1 and version 0.
 */
final class Assigner extends KeyedBroadcastProcessFunction<Integer, Event, ModelSnapshot, Assignment> {

  private static final long serialVersionUID = 1L;

  /** Events a slot holds while no model exists yet. */
  static final int MAX_PENDING = 1_000_000;

  /** The broadcast state: the latest snapshot under key 0. */
  static final MapStateDescriptor<Integer, ModelSnapshot> MODELS = new MapStateDescriptor<>("model", Types.INT,
      TypeInformation.of(ModelSnapshot.class));

  private static final ListStateDescriptor<Event> PENDING = new ListStateDescriptor<>("pending",
      TypeInformation.of(Event.class));

  private static final ValueStateDescriptor<Integer> PENDING_COUNT = new ValueStateDescriptor<>("pending-count",
      Types.INT);

  private transient ValueState<Integer> pendingCount;
  private transient long cachedVersion;
  private transient ClusterModel cachedModel;
  private transient double[][] cachedCenters;

  @Override
  public void open(OpenContext context) {
    pendingCount = getRuntimeContext().getState(PENDING_COUNT);
  }

  @Override
  public void processElement(Event e, ReadOnlyContext ctx, Collector<Assignment> out) throws Exception {
    ModelSnapshot s = ctx.getBroadcastState(MODELS).get(0);
    if (s != null) {
      out.collect(assign(e, s));
      return;
    }
    int n = pendingCount.value() == null ? 0 : pendingCount.value();
    if (n >= MAX_PENDING) {
      out.collect(new Assignment(e.id, ClusterModel.NOISE, Double.NaN, 0));
      return;
    }
    if (n == 0) {
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }
    getRuntimeContext().getListState(PENDING).add(e);
    pendingCount.update(n + 1);
  }

  @Override
  public void processBroadcastElement(ModelSnapshot s, Context ctx, Collector<Assignment> out) throws Exception {
    ModelSnapshot current = ctx.getBroadcastState(MODELS).get(0);
    if (s.model == null || current != null && current.version >= s.version) {
      return;
    }
    ctx.getBroadcastState(MODELS).put(0, s);
    ctx.applyToKeyedState(PENDING, (key, list) -> {
      for (Event e : list.get()) {
        out.collect(assign(e, s));
      }
      list.clear();
    });
    ctx.applyToKeyedState(PENDING_COUNT, (key, count) -> count.clear());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Assignment> out) throws Exception {
    ModelSnapshot s = ctx.getBroadcastState(MODELS).get(0);
    ListState<Event> list = getRuntimeContext().getListState(PENDING);
    for (Event e : list.get()) {
      out.collect(s != null ? assign(e, s) : new Assignment(e.id, ClusterModel.NOISE, Double.NaN, 0));
    }
    list.clear();
    pendingCount.clear();
  }

  private Assignment assign(Event e, ModelSnapshot s) throws Exception {
    if (cachedModel == null || cachedVersion != s.version) {
      cachedModel = ModelIO.fromBytes(s.model, ClusterModel.class);
      cachedCenters = cachedModel instanceof CentroidModel cm ? cm.centers() : null;
      cachedVersion = s.version;
    }
    int segment = cachedModel.predict(e.features);
    return new Assignment(e.id, segment, nearestDistance(e.features), s.version);
  }

  private double nearestDistance(double[] x) {
    if (cachedCenters == null || cachedCenters.length == 0) {
      return Double.NaN;
    }
    double best = Double.POSITIVE_INFINITY;
    for (double[] c : cachedCenters) {
      double s = 0;
      for (int i = 0; i < x.length; i++) {
        double t = x[i] - c[i];
        s += t * t;
      }
      best = Math.min(best, s);
    }
    return Math.sqrt(best);
  }
}
