package io.eddy.flink;

import static io.eddy.flink.FlinkTestSupport.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.CentroidModel;
import io.eddy.ClusterModel;
import io.eddy.io.ModelIO;
import io.eddy.online.SequentialKMeans;
import io.eddy.testkit.Blobs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Merging by event time and by processing time, at parallelism 4: every event lands in exactly
 * one merge, and the final merged totals are those of a single-JVM run on the same events.
 */
class TimeMergeTest {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = FlinkTestSupport.miniCluster();

  private static final Blobs BLOBS = Blobs.generate(13, 6_000, 3, 4, 0.5);
  private static final Map<String, String> PARAMS = Map.of("k", "4", "warmup", "60", "seed", "2");

  /** Event times 10 ms apart. */
  static final long STEP = 10;
  /** Events arrive up to this much later than their time (shuffled within blocks). */
  private static final long DISORDER = 400;
  /** The merge window. */
  private static final long WINDOW = 1_000;

  @Test
  void eventTime_outOfOrder_eachWindowMergedOnceWithExactlyItsEvents() throws Exception {
    double[][] x = BLOBS.points();
    StreamExecutionEnvironment env = FlinkTestSupport.environment();
    DataStream<Event> stream = withWatermarks(env.fromData(outOfOrder(x), SegmentationJob.EVENT).setParallelism(1));
    JobSpec spec = new JobSpec("sequential-kmeans", PARAMS, FlinkTestSupport.PARALLELISM, 0, WINDOW, true);
    CloseableIterator<ModelSnapshot> merged = SegmentationJob.build(stream, spec, null).snapshots().collectAsync();
    env.execute("event-time merges");
    List<ModelSnapshot> snapshots = drain(merged);
    snapshots.sort((a, b) -> Long.compare(a.version, b.version));

    // One merge per window that had events, in order, each holding exactly the events before
    // its end: so every event is in the merge of its own window and in no earlier one.
    long firstEnd = Math.floorDiv(5_000L, WINDOW) * WINDOW + WINDOW;
    long lastTime = 5_000 + (x.length - 1) * STEP;
    int windows = (int) ((lastTime - firstEnd) / WINDOW) + 2;
    assertThat(snapshots).hasSize(windows + 1);
    for (int w = 0; w < windows; w++) {
      ModelSnapshot s = snapshots.get(w);
      long end = firstEnd + w * WINDOW;
      assertThat(s.round).isEqualTo(end);
      assertThat(s.seen).as("events before " + end).isEqualTo(before(end, x.length));
    }
    ModelSnapshot last = snapshots.get(windows);
    assertThat(last.round).isEqualTo(Long.MAX_VALUE);
    assertThat(last.last).isTrue();
    assertTotalsOfSingleJvm(last);
  }

  @Test
  void processingTime_everyEventInOneMerge_totalsOfSingleJvm() throws Exception {
    StreamExecutionEnvironment env = FlinkTestSupport.environment();
    DataStream<Event> stream = env.fromData(FlinkTestSupport.events(BLOBS), SegmentationJob.EVENT)
        .setParallelism(1).map(new Slow()).returns(SegmentationJob.EVENT).setParallelism(1);
    JobSpec spec = new JobSpec("sequential-kmeans", PARAMS, FlinkTestSupport.PARALLELISM, 0, 100, false);
    CloseableIterator<ModelSnapshot> merged = SegmentationJob.build(stream, spec, null).snapshots().collectAsync();
    env.execute("processing-time merges");
    List<ModelSnapshot> snapshots = drain(merged);
    snapshots.sort((a, b) -> Long.compare(a.version, b.version));
    // Rounds are the period's boundaries, merged once each and in order; the events counted
    // never decrease, so each event enters one merge and stays.
    assertThat(snapshots.size()).as("merges during the stream and the last").isGreaterThanOrEqualTo(3);
    for (int i = 1; i < snapshots.size(); i++) {
      assertThat(snapshots.get(i).round).isGreaterThan(snapshots.get(i - 1).round);
      assertThat(snapshots.get(i).seen).isGreaterThanOrEqualTo(snapshots.get(i - 1).seen);
    }
    for (ModelSnapshot s : snapshots.subList(0, snapshots.size() - 1)) {
      assertThat(s.round % 100).as("a period boundary").isZero();
    }
    ModelSnapshot last = snapshots.get(snapshots.size() - 1);
    assertThat(last.last).isTrue();
    assertTotalsOfSingleJvm(last);
  }

  /**
   * The points as events {@link #STEP} ms apart from time 5,000, out of order: shuffled within
   * blocks spanning less than {@link #DISORDER}, blocks across window ends.
   */
  static List<Event> outOfOrder(double[][] x) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      events.add(new Event(i, x[i], 5_000 + i * STEP));
    }
    Random rng = new Random(4);
    int block = (int) (DISORDER / STEP) - 1;
    for (int from = 17; from < events.size(); from += block) {
      Collections.shuffle(events.subList(from, Math.min(events.size(), from + block)), rng);
    }
    return events;
  }

  /** The events' times, with a watermark after every event ({@link EveryEvent}). */
  static DataStream<Event> withWatermarks(DataStream<Event> events) {
    return events.assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forGenerator(c -> new EveryEvent())
        .withTimestampAssigner((e, t) -> e.time)).setParallelism(1);
  }

  /** Events of {@link #outOfOrder} with a time before {@code end}. */
  static long before(long end, int n) {
    return Math.min(n, Math.max(0, (end - 5_000 + STEP - 1) / STEP));
  }

  private static void assertTotalsOfSingleJvm(ModelSnapshot last) throws Exception {
    assertTotalsOfSingleJvm(last, BLOBS.points(), SequentialKMeans.Params.DEFAULTS.withK(4).withWarmup(60)
        .withSeed(2));
  }

  /**
   * Weight (the k-means counts' sum) and linear sum of the merged model against a single-JVM
   * learner's on the same events, and the events counted.
   */
  static void assertTotalsOfSingleJvm(ModelSnapshot last, double[][] x, SequentialKMeans.Params params)
      throws Exception {
    assertThat(last.seen).isEqualTo(x.length);
    SequentialKMeans single = new SequentialKMeans(params);
    for (double[] p : x) {
      single.learn(p);
    }
    double[] merged = totals((CentroidModel) ModelIO.fromBytes(last.model, ClusterModel.class));
    double[] one = totals(single.snapshot());
    for (int e = 0; e < merged.length; e++) {
      assertThat(merged[e]).as("total " + e).isCloseTo(one[e], within(1e-9 * x.length));
    }
  }

  /** {weight, Σ weight·center per coordinate}. */
  static double[] totals(CentroidModel m) {
    double[] t = new double[1 + m.dimension()];
    for (int label : m.labels()) {
      t[0] += m.weight(label);
      for (int e = 0; e < m.dimension(); e++) {
        t[1 + e] += m.weight(label) * m.center(label)[e];
      }
    }
    return t;
  }

  /** A watermark after every event: the largest time seen less the disorder bound. */
  static final class EveryEvent implements WatermarkGenerator<Event> {
    private long max = Long.MIN_VALUE + DISORDER + 1;

    @Override
    public void onEvent(Event e, long timestamp, WatermarkOutput out) {
      max = Math.max(max, timestamp);
      out.emitWatermark(new Watermark(max - DISORDER - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput out) {
    }
  }

  /** About 1.2 s for the stream, so that processing-time periods of 100 ms pass during it. */
  static final class Slow implements MapFunction<Event, Event> {
    private static final long serialVersionUID = 1L;

    @Override
    public Event map(Event e) throws Exception {
      if (e.id % 25 == 0) {
        Thread.sleep(5);
      }
      return e;
    }
  }
}
