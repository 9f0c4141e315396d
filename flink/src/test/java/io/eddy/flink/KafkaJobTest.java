package io.eddy.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.CentroidModel;
import io.eddy.ClusterModel;
import io.eddy.OnlineClusterer;
import io.eddy.io.ModelIO;
import io.eddy.kmeans.Centroids;
import io.eddy.online.SequentialKMeans;
import io.eddy.testkit.Ari;
import io.eddy.testkit.Blobs;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Kafka broker (KRaft, in this JVM) carries events into the job and its assignments and
 * model snapshots out; the job runs through its command line, so its files are checked too.
 */
class KafkaJobTest {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = FlinkTestSupport.miniCluster();

  private static final Blobs BLOBS = Blobs.generate(11, 4_000, 3, 3, 0.5);

  @TempDir
  Path kafkaDir;

  private static KafkaClusterTestKit kafka;
  private static String bootstrap;

  /**
   * A fresh broker for every test: on a loaded machine, sharing one across the tests let a
   * partition created after an exactly-once job's test refuse every batch until it expired.
   */
  @BeforeEach
  void startBroker() throws Exception {
    kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).setBaseDirectory(kafkaDir.resolve("kafka"))
        .build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    bootstrap = kafka.bootstrapServers();
  }

  @AfterEach
  void stopBroker() throws Exception {
    kafka.close();
  }

  /**
   * Creates the topics and waits until every partition has a leader: a producer that starts
   * before then can stall on a partition until its batches expire (seen on a loaded machine).
   */
  private static void createTopics(NewTopic... topics) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(topics)).all().get();
      List<String> names = new ArrayList<>();
      for (NewTopic t : topics) {
        names.add(t.name());
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!allLed(admin, names)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("topics " + names + " have partitions without a leader after 60 s");
        }
        Thread.sleep(100);
      }
    }
  }

  private static boolean allLed(Admin admin, List<String> names) throws Exception {
    try {
      for (TopicDescription d : admin.describeTopics(names).allTopicNames().get().values()) {
        for (TopicPartitionInfo p : d.partitions()) {
          if (p.leader() == null || p.leader().isEmpty()) {
            return false;
          }
        }
      }
      return true;
    } catch (ExecutionException notYetKnown) {
      return false;
    }
  }

  /**
   * Writes one record per point, then a malformed one, and checks that the broker acknowledged
   * every record: a send that fails only says so in its future, and a test that lost some of its
   * input would fail later, far from the cause.
   */
  private static void produceEvents(String topic, double[][] x) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    // The producer retries a batch itself, idempotently, for this long before giving up on it.
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      for (int i = 0; i < x.length; i++) {
        StringBuilder line = new StringBuilder().append(i);
        for (double v : x[i]) {
          line.append(',').append(v);
        }
        sent.add(producer.send(new ProducerRecord<>(topic, Integer.toString(i), line.toString())));
      }
      sent.add(producer.send(new ProducerRecord<>(topic, "bad", "not,an,event")));
    }
    for (Future<RecordMetadata> f : sent) {
      f.get(); // throws with the broker's reason if that record was not written
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String group, String isolation) {
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(c);
  }

  @Test
  void kafkaInAndOut_everyEventAssignedAndModelReadable(@TempDir Path dir) throws Exception {
    createTopics(new NewTopic("events", 2, (short) 1), new NewTopic("events-assignments", 1, (short) 1),
        new NewTopic("events-snapshots", 1, (short) 1));
    double[][] x = BLOBS.points();
    produceEvents("events", x);

    Path out = dir.resolve("out");
    EddyFlinkJob.Options options = EddyFlinkJob.Options.parse(new String[] {
        "--kafka-bootstrap", bootstrap, "--topic", "events", "--bounded",
        "--algorithm", "minibatch-kmeans", "--param", "k=3", "--param", "batchSize=100", "--param", "seed=2",
        "--parallelism", Integer.toString(FlinkTestSupport.PARALLELISM), "--merge-every", "800",
        "--checkpoint-every", "1s",
        "--out", out.toString()});
    ModelSnapshot last = EddyFlinkJob.run(options, new PrintStream(OutputStream.nullOutputStream()));
    assertThat(last.seen).isEqualTo(x.length);

    // Assignments came out through Kafka: every event once, in the planted partition.
    Map<Long, Integer> segments = new HashMap<>();
    int snapshots = 0;
    ClusterModel lastFromKafka = null;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer("test", "read_committed")) {
      consumer.subscribe(List.of("events-assignments", "events-snapshots"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while ((segments.size() < x.length || snapshots == 0) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.topic().equals("events-snapshots")) {
            snapshots++;
            lastFromKafka = ModelIO.fromBytes(r.value(), ClusterModel.class);
          } else {
            String[] f = new String(r.value(), StandardCharsets.UTF_8).split(",");
            segments.put(Long.parseLong(f[0]), Integer.parseInt(f[1]));
          }
        }
      }
    }
    assertThat(segments).hasSize(x.length);
    int[] labels = new int[x.length];
    segments.forEach((id, s) -> labels[id.intValue()] = s);
    assertThat(Ari.of(labels, BLOBS.labels())).isGreaterThanOrEqualTo(0.95);
    assertThat(snapshots).isPositive();
    assertThat(lastFromKafka.dimension()).isEqualTo(3);

    // The command line's files: the model reads back through ModelIO and clusters the blobs.
    ClusterModel model = ModelIO.read(out.resolve("model.eddy"), ClusterModel.class);
    assertThat(Ari.of(model.predict(x), BLOBS.labels())).isGreaterThanOrEqualTo(0.99);
    List<String> lines = Files.readAllLines(out.resolve("assignments.csv"));
    assertThat(lines).hasSize(x.length + 1).first().isEqualTo("id,segment,score,model_version");
  }

  /**
   * Exactly once: a failure injected after a checkpoint replays part of the stream, and the
   * assignments topic, read committed, still holds every event's assignment once.
   */
  @Test
  void exactlyOnceSink_failureAndRestart_eachAssignmentOnceReadCommitted() throws Exception {
    createTopics(new NewTopic("eos-events", 2, (short) 1), new NewTopic("eos-assignments", 1, (short) 1));
    double[][] x = BLOBS.points();
    produceEvents("eos-events", x);
    StreamExecutionEnvironment env = FlinkTestSupport.environment();
    FlinkTestSupport.checkpointAndRestart(env, 100);
    int failuresBefore = RecoveryTest.FAILURES.get();
    DataStream<Event> events = env.fromSource(KafkaIO.source(bootstrap, "eos-events", "eos", true),
            WatermarkStrategy.noWatermarks(), "events").setParallelism(1)
        // Chained to the source, so that checkpoint barriers come between records rather than
        // behind a full network buffer of them.
        .map(new RecoveryTest.FailOnce(true, x.length / 2)).returns(SegmentationJob.EVENT).setParallelism(1);
    JobSpec spec = new JobSpec("sequential-kmeans", Map.of("k", "3", "warmup", "40", "seed", "1"),
        FlinkTestSupport.PARALLELISM, 400, 0, false);
    SegmentationJob.build(events, spec, null).assignments()
        .sinkTo(KafkaIO.assignmentSink(bootstrap, "eos-assignments", "eos-test")).name("assignments");
    env.execute("exactly once");
    assertThat(RecoveryTest.FAILURES.get() - failuresBefore).as("failures injected").isEqualTo(1);

    Map<Long, Integer> times = new HashMap<>();
    int records = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer("eos-check", "read_committed")) {
      consumer.subscribe(List.of("eos-assignments"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      long quietSince = System.nanoTime();
      // Until every event is seen and nothing more has come for two seconds.
      while (System.nanoTime() < deadline
          && (times.size() < x.length || System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos())) {
        var batch = consumer.poll(Duration.ofMillis(200));
        if (!batch.isEmpty()) {
          quietSince = System.nanoTime();
        }
        for (ConsumerRecord<byte[], byte[]> r : batch) {
          records++;
          times.merge(Long.parseLong(new String(r.value(), StandardCharsets.UTF_8).split(",")[0]), 1, Integer::sum);
        }
      }
    }
    assertThat(times).hasSize(x.length);
    assertThat(times.values()).as("times each event was assigned").containsOnly(1);
    assertThat(records).isEqualTo(x.length);
  }

  /**
   * Feedback through Kafka: the merged state goes back to the learners, which continue from it.
   * After every sync all four learners hold the merged model (its centers under its labels, a
   * quarter of its weights each); the final totals are the stream's; and the quality is that of
   * a single JVM on the same data, within a margin of 2 % of its within-cluster sum of squares
   * and 0.01 of its adjusted Rand index against the planted blobs.
   */
  @Test
  void syncThroughKafka_learnersContinueFromTheMergedModel() throws Exception {
    createTopics(new NewTopic("sync-loop", 1, (short) 1));
    Blobs blobs = Blobs.generate(77, 20_000, 4, 5, 0.6);
    double[][] x = blobs.points();
    StreamExecutionEnvironment env = FlinkTestSupport.environment();
    DataStream<Event> events = env.fromData(FlinkTestSupport.events(blobs), SegmentationJob.EVENT).setParallelism(1);
    JobSpec spec = new JobSpec("sequential-kmeans", Map.of("k", "5", "warmup", "100", "seed", "3"),
        FlinkTestSupport.PARALLELISM, 2_000, 0, false);
    SegmentationJob.Outputs out = SegmentationJob.build(events, spec, null, bootstrap, "sync-loop");
    CloseableIterator<ModelSnapshot> merged = out.snapshots().collectAsync();
    CloseableIterator<LearnerState> parts = out.parts().collectAsync();
    env.execute("sync");
    List<ModelSnapshot> snapshots = FlinkTestSupport.drain(merged);
    List<LearnerState> taken = FlinkTestSupport.drain(parts);

    assertThat(assertEveryLearnerTookItsPart(snapshots, taken)).as("syncs").isGreaterThanOrEqualTo(8);

    ModelSnapshot last = FlinkTestSupport.last(snapshots);
    assertThat(last.last).isTrue();
    assertThat(last.seen).isEqualTo(x.length);
    CentroidModel model = (CentroidModel) ModelIO.fromBytes(last.model, ClusterModel.class);
    double[] totals = TimeMergeTest.totals(model);
    assertThat(totals[0]).isCloseTo(x.length, within(1e-9 * x.length));
    for (int e = 0; e < 4; e++) {
      double sum = 0;
      for (double[] p : x) {
        sum += p[e];
      }
      assertThat(totals[1 + e]).isCloseTo(sum, within(1e-9 * x.length * 10));
    }
    SequentialKMeans single = new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(5).withWarmup(100)
        .withSeed(3));
    for (double[] p : x) {
      single.learn(p);
    }
    Centroids one = single.snapshot();
    assertThat(wcss(model, x)).isLessThanOrEqualTo(1.02 * wcss(one, x));
    assertThat(Ari.of(model.predict(x), blobs.labels()))
        .isGreaterThanOrEqualTo(Ari.of(one.predict(x), blobs.labels()) - 0.01);
  }

  /**
   * After every merge during the stream, each learner it merged took its part of it: the
   * merged centers under the merged labels, its share of each weight, and shares of the count
   * that add up to the merged one. (A learner whose first round closes later than another's,
   * which can happen with processing time, joins the merge of its own first round.)
   *
   * @return the merges of all four learners
   */
  private static int assertEveryLearnerTookItsPart(List<ModelSnapshot> snapshots, List<LearnerState> taken)
      throws Exception {
    int synced = 0;
    for (ModelSnapshot s : snapshots) {
      if (s.last || s.model == null) {
        continue;
      }
      Centroids m = ((SequentialKMeans) ModelIO.fromBytes(s.state, OnlineClusterer.class)).snapshot();
      List<LearnerState> round = taken.stream().filter(t -> t.round == s.round).toList();
      assertThat(round).as("learners that took round " + s.round).hasSize(s.slots.length);
      long seen = 0;
      for (LearnerState t : round) {
        Centroids q = ((SequentialKMeans) ModelIO.fromBytes(t.state, OnlineClusterer.class)).snapshot();
        assertThat(q.labels()).containsExactly(m.labels());
        for (int label : m.labels()) {
          assertThat(q.center(label)).containsExactly(m.center(label));
          assertThat(q.weight(label) * s.slots.length).isCloseTo(m.weight(label), within(1e-12 * m.weight(label)));
        }
        seen += t.seen;
      }
      assertThat(seen).isEqualTo(s.seen);
      synced += s.slots.length == FlinkTestSupport.PARALLELISM ? 1 : 0;
    }
    return synced;
  }

  private static final SequentialKMeans.Params TIME_PARAMS = SequentialKMeans.Params.DEFAULTS.withK(4).withWarmup(60)
      .withSeed(2);

  /**
   * Feedback with event-time merging: every window is merged once, in order and none skipped,
   * with exactly the events before its end (each counted once although every learner continues
   * from the merged state); after every merge all learners took their part; the final totals
   * are a single JVM's. A failure injected mid-stream is recovered from a checkpoint to the
   * very same merged state and model, byte for byte.
   */
  @Test
  void syncByEventTime_eachWindowOnce_failureRecoveredToTheSameModel() throws Exception {
    double[][] x = Blobs.generate(13, 6_000, 3, 4, 0.5).points();
    long window = 2_000;
    SyncRun clean = syncRun(x, "sync-event-time", false, window, true);
    List<ModelSnapshot> snapshots = clean.snapshots();
    long firstEnd = Math.floorDiv(5_000L, window) * window + window;
    for (int i = 0; i < snapshots.size(); i++) {
      ModelSnapshot s = snapshots.get(i);
      assertThat(s.round).as("merge " + (i + 1)).isEqualTo(firstEnd + i * window);
      if (!s.last) {
        assertThat(s.seen).as("events before " + s.round).isEqualTo(TimeMergeTest.before(s.round, x.length));
      }
    }
    assertThat(assertEveryLearnerTookItsPart(snapshots, clean.taken())).as("syncs").isGreaterThanOrEqualTo(25);
    ModelSnapshot last = snapshots.get(snapshots.size() - 1);
    assertThat(last.last).isTrue();
    TimeMergeTest.assertTotalsOfSingleJvm(last, x, TIME_PARAMS);

    int failuresBefore = RecoveryTest.FAILURES.get();
    ModelSnapshot recovered = FlinkTestSupport.last(syncRun(x, "sync-event-time-failure", true, window, true)
        .snapshots());
    assertThat(RecoveryTest.FAILURES.get() - failuresBefore).as("failures injected").isEqualTo(1);
    assertThat(recovered.seen).isEqualTo(x.length);
    assertThat(recovered.state).as("merged learning state").isEqualTo(last.state);
    assertThat(recovered.model).as("merged model").isEqualTo(last.model);
  }

  /**
   * Feedback with processing-time merging (100 ms periods over a stream of about 1.2 s): the
   * merges close consecutive periods, never skipping one, all learners take their part of each,
   * and the final totals are a single JVM's, so every event was counted once.
   */
  @Test
  void syncByProcessingTime_consecutivePeriods_exactTotals() throws Exception {
    double[][] x = Blobs.generate(13, 6_000, 3, 4, 0.5).points();
    SyncRun run = syncRun(x, "sync-processing-time", false, 100, false);
    List<ModelSnapshot> snapshots = run.snapshots();
    assertThat(snapshots.size()).as("merges").isGreaterThanOrEqualTo(4);
    for (int i = 1; i < snapshots.size(); i++) {
      assertThat(snapshots.get(i).round - snapshots.get(i - 1).round).isEqualTo(100);
    }
    assertThat(assertEveryLearnerTookItsPart(snapshots, run.taken())).as("syncs").isGreaterThanOrEqualTo(3);
    ModelSnapshot last = snapshots.get(snapshots.size() - 1);
    assertThat(last.last).isTrue();
    TimeMergeTest.assertTotalsOfSingleJvm(last, x, TIME_PARAMS);
  }

  /**
   * Runs sequential k-means with time-based merging and feedback through {@code topic}: by
   * event time (out of order, checkpoints every 50 ms, so the sync topic is transactional, and
   * optionally a failure half-way) or by processing time (no checkpoints: the sync goes back at
   * once).
   *
   */
  private static SyncRun syncRun(double[][] x, String topic, boolean fail, long period, boolean eventTime)
      throws Exception {
    createTopics(new NewTopic(topic, 1, (short) 1));
    StreamExecutionEnvironment env = FlinkTestSupport.environment();
    DataStream<Event> events;
    if (eventTime) {
      FlinkTestSupport.checkpointAndRestart(env, 50);
      events = TimeMergeTest.withWatermarks(env.fromData(TimeMergeTest.outOfOrder(x), SegmentationJob.EVENT)
          .setParallelism(1).map(new RecoveryTest.FailOnce(fail, x.length / 2)).returns(SegmentationJob.EVENT)
          .setParallelism(1));
    } else {
      events = env.fromData(TimeMergeTest.outOfOrder(x), SegmentationJob.EVENT).setParallelism(1)
          .map(new TimeMergeTest.Slow()).returns(SegmentationJob.EVENT).setParallelism(1);
    }
    JobSpec spec = new JobSpec("sequential-kmeans", Map.of("k", "4", "warmup", "60", "seed", "2"),
        FlinkTestSupport.PARALLELISM, 0, period, eventTime);
    SegmentationJob.Outputs out = SegmentationJob.build(events, spec, null, bootstrap, topic);
    CloseableIterator<ModelSnapshot> merged = out.snapshots().collectAsync();
    CloseableIterator<LearnerState> parts = out.parts().collectAsync();
    env.execute("time-based feedback");
    List<ModelSnapshot> snapshots = new ArrayList<>(FlinkTestSupport.drain(merged));
    snapshots.sort((a, b) -> Long.compare(a.version, b.version));
    return new SyncRun(snapshots, FlinkTestSupport.drain(parts));
  }

  /** The merged snapshots of a run, by version, and the parts its learners took. */
  private record SyncRun(List<ModelSnapshot> snapshots, List<LearnerState> taken) {
  }

  /** Within-cluster sum of squares of the points around their nearest centers. */
  private static double wcss(CentroidModel m, double[][] x) {
    double s = 0;
    for (double[] p : x) {
      double[] c = m.center(m.predict(p));
      for (int e = 0; e < p.length; e++) {
        s += (p[e] - c[e]) * (p[e] - c[e]);
      }
    }
    return s;
  }
}
