package io.eddy.flink;

import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import io.eddy.io.ModelIO;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * A keyed learner: one clusterer per slot, kept in keyed state through
 * {@link ClustererSerializer} (ModelIO bytes), learning the events of its slot and shipping its
 * whole state to the merge operator at the end of every round, and once more when the input
 * ends. A round is {@link JobSpec#shipEvery()} of the learner's events with count-based
 * merging, and a window of the period with time-based merging, aligned to multiples of the
 * period so that all learners close the same windows. In event time a window closes when the
 * watermark passes its end: events of later windows wait in keyed state until then, so that
 * the merge of a window holds exactly the events whose time is before its end, whatever order
 * they came in. (An event later than the watermark allowed is learned in the current window.)
 *
 * <p><b>Feedback.</b> With a sync stream connected (merged models read back from a Kafka
 * topic, see {@link SyncSource}), the learners continue from the merged model: after shipping a
 * round, a learner holds its events until the merge of that round arrives, then takes its part
 * of it ({@link Mergeable#takePart}: the merged clusters under the merged labels, its share of
 * the weights), learns the held events and goes on. So after every sync all learners agree on
 * the segments, and the next merge is the merged state plus what every learner learned since,
 * counted once. A clusterer that cannot split its state falls back on the identity: the
 * lowest slot takes the merged state whole, the others start fresh. A learner whose input has
 * ended keeps taking its part and shipping it, marked last, until a merge whose parts were all
 * last, the final model, ends the loop. Without a sync stream, the broadcast side is empty and
 * the learners learn independently.
 *
 * <p><b>Feedback with time-based merging.</b> Rounds are window ends r, r + P, r + 2P... (P the
 * period), and the invariant is the one of count-based feedback:
 * <pre>
 *   merged(r) = merged(r − P) ⊕ learn(every event of window r),  each event counted once,
 *   state_i(r) = part_i(merged(r − P)) ⊕ learn(E_i(r))   (fresh ⊕ E_i(r) before its first merge)
 * </pre>
 * where {@code E_i(r)} are the events learner i learned after taking its part, in the order
 * they came (event time: those before r, and any event later than the watermark allowed;
 * processing time: those that came before the learner shipped). Since the parts of
 * merged(r − P) merge back to merged(r − P), the invariant holds as long as every learner that
 * took a part of merged(r − P) ships exactly round r next: a learner never skips a window with
 * feedback (a quiet one ships its part unchanged), and it neither learns nor ships between
 * shipping round r and taking its part of merged(r): the events of that wait are held in keyed
 * state, its contribution beyond the snapshot, and learned on top of the part. A learner that
 * starts late ships a fresh state first, which the merger merges once, with the round it
 * closes (it takes the learner's state of the greatest round not after r). With event time
 * the windows and the order of events within a slot fix every state, so a run is repeatable
 * and a recovered run equals the run without failure; with processing time the windows'
 * contents depend on timing, but every event is still counted once. Timers: a learner keeps
 * one timer per period ticking (event time: chained from window end to window end while the
 * watermark is below the end of time), ships when a tick finds its window closed, and, on
 * taking a part, ships at once if the next window has already closed meanwhile. Across a gap
 * in event time every empty window still costs one round trip through the sync topic: choose
 * a period well above that round trip.
 *
 * <p><b>Recovery.</b> With checkpoints the sync topic is written in transactions and read
 * committed (see {@link SegmentationJob#build}), so a learner only ever takes a merged state
 * that belongs to the restored history; the merge operator makes the lost ones again from the
 * replayed shipments.
 *
 * <p>Only the registry and the {@link Mergeable} contract are used: any registered clusterer
 * that declares {@link io.eddy.Capability#MERGEABLE} works.
 */
final class Learner extends KeyedBroadcastProcessFunction<Integer, Event, ModelSnapshot, LearnerState> {

  private static final long serialVersionUID = 1L;

  /** The newest merged version a learner instance has taken (broadcast state, under key 0). */
  static final MapStateDescriptor<Integer, Long> SYNCED = new MapStateDescriptor<>("synced", Types.INT, Types.LONG);

  /** Each learner's state right after it took its part of a merge: a side output. */
  static final OutputTag<LearnerState> TAKEN = new OutputTag<>("taken", TypeInformation.of(LearnerState.class));

  private static final ValueStateDescriptor<LearnerProgress> PROGRESS = new ValueStateDescriptor<>("progress",
      TypeInformation.of(LearnerProgress.class));

  private final JobSpec spec;
  private final boolean sync;
  private transient ValueState<OnlineClusterer<?>> clusterer;
  private transient ValueState<LearnerProgress> progress;
  private transient ListState<Event> pending;

  Learner(JobSpec spec, boolean sync) {
    this.spec = spec;
    this.sync = sync;
  }

  @Override
  public void open(OpenContext context) {
    clusterer = getRuntimeContext().getState(new ValueStateDescriptor<>("clusterer", ClustererSerializer.INSTANCE));
    progress = getRuntimeContext().getState(PROGRESS);
    pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", SegmentationJob.EVENT));
  }

  @Override
  public void processElement(Event e, ReadOnlyContext ctx, Collector<LearnerState> out) throws Exception {
    LearnerProgress p = progress.value();
    if (p == null) {
      p = start(e, ctx);
    }
    if (p.waiting) {
      pending.add(e);
    } else if (spec.eventTime() && e.time >= p.windowEnd) {
      // A later window's event: it waits until the watermark closes the current window.
      pending.add(e);
      openWindow(p, ctx);
    } else {
      if (spec.eventTime()) {
        openWindow(p, ctx);
      }
      learn(ctx.getCurrentKey(), e, p, out);
    }
    progress.update(p);
  }

  private static void openWindow(LearnerProgress p, ReadOnlyContext ctx) {
    if (!p.windowOpen) {
      ctx.timerService().registerEventTimeTimer(p.windowEnd);
      p.windowOpen = true;
    }
  }

  private LearnerProgress start(Event e, ReadOnlyContext ctx) throws Exception {
    LearnerProgress p = new LearnerProgress();
    p.round = spec.mergeEveryEvents() > 0 ? 1 : 0;
    clusterer.update(spec.newClusterer());
    // Fires when a bounded input ends (the final watermark), for the last shipment.
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    if (spec.mergeEveryMillis() > 0) {
      long now = spec.eventTime() ? e.time : ctx.timerService().currentProcessingTime();
      p.windowEnd = spec.windowEnd(now);
      p.round = p.windowEnd;
      if (!spec.eventTime()) {
        ctx.timerService().registerProcessingTimeTimer(p.windowEnd);
      } else if (sync) {
        // The tick chain of time-based feedback (see the class documentation).
        ctx.timerService().registerEventTimeTimer(p.windowEnd);
        p.windowOpen = true;
      }
    }
    return p;
  }

  /** Learns one event, and ships when a count-based round is complete. */
  private void learn(int slot, Event e, LearnerProgress p, Collector<LearnerState> out) throws Exception {
    OnlineClusterer<?> c = clusterer.value();
    c.learn(e.features);
    clusterer.update(c);
    p.inRound++;
    if (spec.mergeEveryEvents() > 0 && p.inRound >= spec.shipEvery()) {
      ship(slot, p, false, out);
    }
  }

  /** Ships the state that closes round {@code p.round} and opens the next. */
  private void ship(int slot, LearnerProgress p, boolean last, Collector<LearnerState> out) throws Exception {
    OnlineClusterer<?> c = clusterer.value();
    out.collect(new LearnerState(slot, p.round, c.seen(), last, ModelIO.toBytes(c)));
    p.inRound = 0;
    if (sync) {
      p.waiting = true;
    }
    if (spec.mergeEveryEvents() > 0) {
      p.round++;
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<LearnerState> out) throws Exception {
    LearnerProgress p = progress.value();
    if (p == null) {
      return;
    }
    int slot = ctx.getCurrentKey();
    if (timestamp == Long.MAX_VALUE && ctx.timeDomain() == TimeDomain.EVENT_TIME) {
      p.ended = true;
      if (!sync) {
        p.round = Long.MAX_VALUE;
        ship(slot, p, true, out);
      } else if (!p.waiting) {
        ship(slot, p, !timeSync() || !pending.get().iterator().hasNext(), out);
      }
    } else if (timeSync()) {
      tick(timestamp, ctx, slot, p, out);
    } else if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      if (!p.ended) {
        ship(slot, p, false, out);
        p.windowEnd = spec.windowEnd(Math.max(timestamp, ctx.timerService().currentProcessingTime()));
        p.round = p.windowEnd;
        ctx.timerService().registerProcessingTimeTimer(p.windowEnd);
      }
    } else if (timestamp == p.windowEnd) {
      closeEventTimeWindow(slot, p, ctx, out);
    }
    progress.update(p);
  }

  private boolean timeSync() {
    return sync && spec.mergeEveryMillis() > 0;
  }

  /**
   * A tick of time-based feedback: keeps the chain going, and ships the learner's window if it
   * has closed and the learner is not waiting for a merge.
   */
  private void tick(long timestamp, OnTimerContext ctx, int slot, LearnerProgress p, Collector<LearnerState> out)
      throws Exception {
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      if (p.ended) {
        return;
      }
      ctx.timerService().registerProcessingTimeTimer(
          spec.windowEnd(Math.max(timestamp, ctx.timerService().currentProcessingTime())));
    } else if (ctx.timerService().currentWatermark() < Long.MAX_VALUE) {
      // Not at the end of time, where a chain would tick through every later window at once.
      ctx.timerService().registerEventTimeTimer(nextWindowEnd(timestamp));
    }
    if (!p.waiting && !p.ended && timestamp >= p.windowEnd) {
      ship(slot, p, false, out);
    }
  }

  private long nextWindowEnd(long end) {
    return end >= Long.MAX_VALUE - 1 - spec.mergeEveryMillis() ? Long.MAX_VALUE - 1 : end + spec.mergeEveryMillis();
  }

  /**
   * Ships the window that just closed, moves to the window of the earliest held event (empty
   * windows in between are not shipped: the merge reads a learner's latest state before a
   * round as its state at that round) and learns the held events of that window.
   */
  private void closeEventTimeWindow(int slot, LearnerProgress p, OnTimerContext ctx, Collector<LearnerState> out)
      throws Exception {
    ship(slot, p, false, out);
    List<Event> held = new ArrayList<>();
    for (Event e : pending.get()) {
      held.add(e);
    }
    if (held.isEmpty()) {
      // No timer until an event comes: a quiet learner ships nothing.
      p.windowEnd += spec.mergeEveryMillis();
      p.round = p.windowEnd;
      p.windowOpen = false;
      return;
    }
    long earliest = Long.MAX_VALUE;
    for (Event e : held) {
      earliest = Math.min(earliest, e.time);
    }
    p.windowEnd = Math.max(spec.windowEnd(earliest), p.windowEnd + spec.mergeEveryMillis());
    p.round = p.windowEnd;
    List<Event> later = new ArrayList<>();
    for (Event e : held) {
      if (e.time < p.windowEnd) {
        learn(slot, e, p, out);
      } else {
        later.add(e);
      }
    }
    pending.update(later);
    ctx.timerService().registerEventTimeTimer(p.windowEnd);
  }

  /**
   * A merged model came back: every learner waiting for that round takes its part, learns the
   * events it held meanwhile and goes on.
   */
  @Override
  public void processBroadcastElement(ModelSnapshot merged, Context ctx, Collector<LearnerState> out)
      throws Exception {
    Long synced = ctx.getBroadcastState(SYNCED).get(0);
    if (synced != null && synced >= merged.version) {
      return;
    }
    ctx.getBroadcastState(SYNCED).put(0, merged.version);
    if (merged.last) {
      return;
    }
    OnlineClusterer<?> whole = ModelIO.fromBytes(merged.state, OnlineClusterer.class);
    boolean byTime = spec.mergeEveryMillis() > 0;
    ctx.applyToKeyedState(PROGRESS, (slot, state) -> {
      LearnerProgress p = state.value();
      if (p == null || !p.waiting || (byTime ? p.round : p.round - 1) != merged.round) {
        return;
      }
      OnlineClusterer<?> part = takePart(whole, slot, merged.slots);
      clusterer.update(part);
      ctx.output(TAKEN, new LearnerState(slot, merged.round, part.seen(), p.ended, ModelIO.toBytes(part)));
      p.waiting = false;
      if (byTime) {
        continueWindows(slot, p, ctx, out);
        state.update(p);
        return;
      }
      List<Event> held = new ArrayList<>();
      for (Event e : pending.get()) {
        held.add(e);
      }
      pending.clear();
      for (int i = 0; i < held.size(); i++) {
        if (p.waiting) {
          pending.addAll(held.subList(i, held.size()));
          break;
        }
        learn(slot, held.get(i), p, out);
      }
      if (p.ended && !p.waiting) {
        ship(slot, p, true, out);
      }
      state.update(p);
    });
  }

  /**
   * With time-based feedback, after taking the part of round r: opens round r + P, learns the
   * held events that belong to it (event time: those before its end; processing time: all, in
   * the order they came), and ships at once if that window has already closed or the input has
   * ended (then marked last if nothing is held beyond it).
   */
  private void continueWindows(int slot, LearnerProgress p, Context ctx, Collector<LearnerState> out)
      throws Exception {
    p.windowEnd = nextWindowEnd(p.round);
    p.round = p.windowEnd;
    List<Event> later = new ArrayList<>();
    for (Event e : pending.get()) {
      if (spec.eventTime() && e.time >= p.windowEnd) {
        later.add(e);
      } else {
        learn(slot, e, p, out);
      }
    }
    pending.update(later);
    long now = spec.eventTime() ? ctx.currentWatermark() : ctx.currentProcessingTime();
    if (p.ended) {
      ship(slot, p, later.isEmpty(), out);
    } else if (now >= p.windowEnd) {
      ship(slot, p, false, out);
    }
  }

  /** This slot's part of a merged state, or the identity fallback when it cannot be split. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private OnlineClusterer<?> takePart(OnlineClusterer<?> whole, int slot, int[] slots) {
    OnlineClusterer<?> part = spec.newClusterer();
    int index = Arrays.binarySearch(slots, slot);
    if (index < 0) {
      return part;
    }
    if (!((Mergeable) part).takePart((Mergeable) whole, index, slots.length) && index == 0) {
      ((Mergeable) part).merge((Mergeable) whole);
    }
    return part;
  }
}
