package io.eddy.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.ClusterModel;
import io.eddy.io.ModelIO;
import io.eddy.testkit.Ari;
import io.eddy.testkit.Blobs;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
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

  @Test
  void kafkaInAndOut_everyEventAssignedAndModelReadable(@TempDir Path dir) throws Exception {
    try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).setBaseDirectory(dir.resolve("kafka"))
        .build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .build()) {
      kafka.format();
      kafka.startup();
      kafka.waitForReadyBrokers();
      String bootstrap = kafka.bootstrapServers();
      try (var admin = kafka.admin()) {
        admin.createTopics(List.of(new NewTopic("events", 2, (short) 1), new NewTopic("events-assignments", 1,
            (short) 1), new NewTopic("events-snapshots", 1, (short) 1))).all().get();
      }
      double[][] x = BLOBS.points();
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
        for (int i = 0; i < x.length; i++) {
          producer.send(new ProducerRecord<>("events", Integer.toString(i),
              i + "," + x[i][0] + "," + x[i][1] + "," + x[i][2]));
        }
        producer.send(new ProducerRecord<>("events", "bad", "not,an,event"));
      }

      Path out = dir.resolve("out");
      EddyFlinkJob.Options options = EddyFlinkJob.Options.parse(new String[] {
          "--kafka-bootstrap", bootstrap, "--topic", "events", "--bounded",
          "--algorithm", "minibatch-kmeans", "--param", "k=3", "--param", "batchSize=100", "--param", "seed=2",
          "--parallelism", Integer.toString(FlinkTestSupport.PARALLELISM), "--merge-every", "800",
          "--out", out.toString()});
      ModelSnapshot last = EddyFlinkJob.run(options, new PrintStream(OutputStream.nullOutputStream()));
      assertThat(last.seen).isEqualTo(x.length);

      // Assignments came out through Kafka: every event once, in the planted partition.
      Map<Long, Integer> segments = new HashMap<>();
      int snapshots = 0;
      ClusterModel lastFromKafka = null;
      Properties c = new Properties();
      c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      c.put(ConsumerConfig.GROUP_ID_CONFIG, "test");
      c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
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
  }
}
