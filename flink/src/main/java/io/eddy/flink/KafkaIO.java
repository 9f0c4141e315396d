package io.eddy.flink;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Kafka in and out, through Flink's Kafka connector.
 *
 * <p>Events are text records {@code id,f1,f2,...,fd} (UTF-8, a long id then d numbers); the
 * record's timestamp is the event time. Malformed records are skipped rather than failing
 * the job, which would otherwise restart on the same record forever. Assignments go out as text
 * {@code id,segment,score} keyed by the id; snapshots as the {@code ModelIO} record of the
 * model, keyed by the version in decimal; both exactly once, in transactions committed at
 * checkpoints.
 */
public final class KafkaIO {

  private KafkaIO() {
  }

  /**
   * A source of events from {@code topic}, from the earliest offsets.
   *
   * @param bounded whether to stop at the offsets that are latest when the job starts (a
   *     backfill, or a test) rather than run forever
   */
  public static KafkaSource<Event> source(String bootstrap, String topic, String groupId, boolean bounded) {
    var builder = KafkaSource.<Event>builder()
        .setBootstrapServers(bootstrap)
        .setTopics(topic)
        .setGroupId(groupId)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new EventDeserializer());
    if (bounded) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }

  /**
   * A sink of assignments to {@code topic}, exactly once: records go out in Kafka transactions
   * committed at Flink's checkpoints, so a consumer reading with
   * {@code isolation.level=read_committed} sees every record once, also across a recovery
   * (records of an attempt that failed are aborted). The job must checkpoint, and records
   * become visible at the checkpoint after they were written.
   *
   * @param transactionalIdPrefix unique to this sink among all jobs writing to the cluster
   */
  public static KafkaSink<Assignment> assignmentSink(String bootstrap, String topic, String transactionalIdPrefix) {
    return exactlyOnce(KafkaSink.<Assignment>builder(), bootstrap, transactionalIdPrefix)
        .setRecordSerializer((KafkaRecordSerializationSchema<Assignment>) (a, context, timestamp) ->
            new ProducerRecord<>(topic, Long.toString(a.id).getBytes(StandardCharsets.UTF_8),
                a.toCsv().getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  /**
   * A sink of model snapshots to {@code topic}, exactly once as
   * {@link #assignmentSink(String, String, String)}; the value is the model's {@code ModelIO}
   * record, the key its version. Snapshots without a model (still warming up) must be filtered
   * out before.
   */
  public static KafkaSink<ModelSnapshot> snapshotSink(String bootstrap, String topic, String transactionalIdPrefix) {
    return exactlyOnce(KafkaSink.<ModelSnapshot>builder(), bootstrap, transactionalIdPrefix)
        .setRecordSerializer((KafkaRecordSerializationSchema<ModelSnapshot>) (s, context, timestamp) ->
            new ProducerRecord<>(topic, Long.toString(s.version).getBytes(StandardCharsets.UTF_8), s.model))
        .build();
  }

  private static <T> KafkaSinkBuilder<T> exactlyOnce(KafkaSinkBuilder<T> b, String bootstrap, String prefix) {
    return b.setBootstrapServers(bootstrap)
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(prefix)
        // Within a broker's default transaction.max.timeout.ms (15 min); the producer's default
        // of one hour would be refused.
        .setProperty("transaction.timeout.ms", Long.toString(TRANSACTION_TIMEOUT_MS));
  }

  /** The sinks' transaction timeout: longer than any checkpoint interval plus recovery. */
  static final long TRANSACTION_TIMEOUT_MS = 900_000;

  /**
   * The feedback sink: merged learning states to the one-partition sync topic, read back
   * (committed) by {@link SyncSource}. Exactly once, in transactions that commit with each
   * checkpoint, when the job checkpoints: a merge made after the last completed checkpoint and
   * lost in a failure is then never seen by the learners, which matters wherever the replay
   * can make that merge differently (processing time, or events from several partitions).
   * Without checkpoints, at least once and without transactions, so that a merged state goes
   * back at once; learners skip versions they already took.
   */
  static KafkaSink<ModelSnapshot> syncSink(String bootstrap, String topic, boolean exactlyOnce) {
    KafkaSinkBuilder<ModelSnapshot> b = exactlyOnce
        ? exactlyOnce(KafkaSink.<ModelSnapshot>builder(), bootstrap, "eddy-sync-" + topic)
        : KafkaSink.<ModelSnapshot>builder().setBootstrapServers(bootstrap)
            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE);
    return b.setRecordSerializer((KafkaRecordSerializationSchema<ModelSnapshot>) (s, context, timestamp) ->
            new ProducerRecord<>(topic, 0, Long.toString(s.version).getBytes(StandardCharsets.UTF_8),
                SyncSource.encode(s)))
        .setProperty("linger.ms", "0")
        .build();
  }

  /**
   * Parses {@code id,f1,...,fd}.
   *
   * @return the event, or null if the text is not such a record
   */
  static Event parse(String text, long time) {
    String[] parts = text.trim().split(",");
    if (parts.length < 2) {
      return null;
    }
    try {
      double[] x = new double[parts.length - 1];
      for (int i = 1; i < parts.length; i++) {
        x[i - 1] = Double.parseDouble(parts[i].trim());
        if (!Double.isFinite(x[i - 1])) {
          return null;
        }
      }
      return new Event(Long.parseLong(parts[0].trim()), x, time);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Kafka records to events; skips what does not parse. */
  static final class EventDeserializer implements KafkaRecordDeserializationSchema<Event> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Event> out) {
      if (record.value() == null) {
        return;
      }
      Event e = parse(new String(record.value(), StandardCharsets.UTF_8), record.timestamp());
      if (e != null) {
        out.collect(e);
      }
    }

    @Override
    public TypeInformation<Event> getProducedType() {
      return SegmentationJob.EVENT;
    }
  }
}
