package io.eddy.flink;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
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
 * model, keyed by the version in decimal.
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

  /** A sink of assignments to {@code topic}, at least once. */
  public static KafkaSink<Assignment> assignmentSink(String bootstrap, String topic) {
    return KafkaSink.<Assignment>builder()
        .setBootstrapServers(bootstrap)
        .setRecordSerializer((KafkaRecordSerializationSchema<Assignment>) (a, context, timestamp) ->
            new ProducerRecord<>(topic, Long.toString(a.id).getBytes(StandardCharsets.UTF_8),
                a.toCsv().getBytes(StandardCharsets.UTF_8)))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }

  /** A sink of model snapshots to {@code topic}, at least once. */
  public static KafkaSink<ModelSnapshot> snapshotSink(String bootstrap, String topic) {
    return KafkaSink.<ModelSnapshot>builder()
        .setBootstrapServers(bootstrap)
        .setRecordSerializer((KafkaRecordSerializationSchema<ModelSnapshot>) (s, context, timestamp) ->
            new ProducerRecord<>(topic, Long.toString(s.version).getBytes(StandardCharsets.UTF_8), s.model))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
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
