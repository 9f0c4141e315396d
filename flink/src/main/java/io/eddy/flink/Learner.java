package io.eddy.flink;

import io.eddy.OnlineClusterer;
import io.eddy.io.ModelIO;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A keyed learner: one clusterer per slot, kept in keyed state through
 * {@link ClustererSerializer} (ModelIO bytes), learning the events of its slot in order and
 * shipping its whole state to the merge operator every {@link JobSpec#shipEvery()} events or
 * every period, and once more when the input ends.
 *
 * <p>Only the registry and the {@link io.eddy.Mergeable} contract are used: any registered
 * clusterer that declares {@link io.eddy.Capability#MERGEABLE} works.
 */
final class Learner extends KeyedProcessFunction<Integer, Event, LearnerState> {

  private static final long serialVersionUID = 1L;

  private final JobSpec spec;
  private transient ValueState<OnlineClusterer<?>> clusterer;

  Learner(JobSpec spec) {
    this.spec = spec;
  }

  @Override
  public void open(OpenContext context) {
    clusterer = getRuntimeContext().getState(new ValueStateDescriptor<>("clusterer", ClustererSerializer.INSTANCE));
  }

  @Override
  public void processElement(Event e, Context ctx, Collector<LearnerState> out) throws Exception {
    OnlineClusterer<?> c = clusterer.value();
    if (c == null) {
      c = spec.newClusterer();
      // Fires when a bounded input ends (the final watermark), for the last shipment.
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
      if (spec.mergeEveryMillis() > 0) {
        schedule(ctx.timerService(), spec.eventTime() ? e.time : ctx.timerService().currentProcessingTime());
      }
    }
    c.learn(e.features);
    clusterer.update(c);
    if (spec.mergeEveryEvents() > 0 && c.seen() % spec.shipEvery() == 0) {
      ship(ctx.getCurrentKey(), c, out);
    }
  }

  private void schedule(org.apache.flink.streaming.api.TimerService timers, long from) {
    long next = from + spec.mergeEveryMillis();
    if (spec.eventTime()) {
      timers.registerEventTimeTimer(next);
    } else {
      timers.registerProcessingTimeTimer(next);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<LearnerState> out) throws Exception {
    OnlineClusterer<?> c = clusterer.value();
    if (c == null) {
      return;
    }
    ship(ctx.getCurrentKey(), c, out);
    if (timestamp != Long.MAX_VALUE && spec.mergeEveryMillis() > 0) {
      schedule(ctx.timerService(), timestamp);
    }
  }

  private static void ship(int slot, OnlineClusterer<?> c, Collector<LearnerState> out) {
    out.collect(new LearnerState(slot, c.seen(), ModelIO.toBytes(c)));
  }
}
