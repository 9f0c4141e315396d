package io.eddy.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.source.legacy.SourceFunction;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The feedback path of the segmentation job: reads the merged models that the merge operator
 * wrote to a one-partition Kafka topic and hands them to the learners as a broadcast stream.
 * Flink 2 has no loops in a DataStream job, so the loop closes outside it, through Kafka.
 *
 * <p>It starts at the offset the topic had when the job was built (older records belong to
 * earlier runs), keeps its offset in checkpoints (so after a recovery it reads again what the
 * restored learners have not seen; they skip versions they already took) and ends after the
 * final model of a bounded input, so that the job can finish. Its watermark is at the end of
 * time from the start, so that it never holds back the learners' event time.
 *
 * <p>A non-parallel legacy source: Flink's Kafka source cannot end on a record's content.
 */
final class SyncSource implements SourceFunction<ModelSnapshot>, CheckpointedFunction {

  private static final long serialVersionUID = 1L;

  /** Where the loop runs: a broker and a topic of one partition, and where this run starts. */
  record Channel(String bootstrap, String topic, long startOffset) implements Serializable {

    /** The channel on {@code topic}, starting at its current end. */
    static Channel at(String bootstrap, String topic) {
      try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
        TopicPartition tp = new TopicPartition(topic, 0);
        Map<TopicPartition, Long> end = c.endOffsets(List.of(tp), Duration.ofSeconds(30));
        return new Channel(bootstrap, topic, end.getOrDefault(tp, 0L));
      }
    }
  }

  private final Channel channel;
  private transient volatile boolean running;
  private transient ListState<Long> offsetState;
  private transient long offset;

  SyncSource(Channel channel) {
    this.channel = channel;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // Merges written in a transaction that a failure aborted are never handed to learners.
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(p);
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    offsetState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("offset", Types.LONG));
    offset = channel.startOffset();
    for (Long o : offsetState.get()) {
      offset = o;
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    offsetState.update(List.of(offset));
  }

  @Override
  public void run(SourceContext<ModelSnapshot> ctx) throws Exception {
    running = true;
    ctx.emitWatermark(new Watermark(Long.MAX_VALUE));
    TopicPartition tp = new TopicPartition(channel.topic(), 0);
    try (KafkaConsumer<byte[], byte[]> c = consumer(channel.bootstrap())) {
      c.assign(List.of(tp));
      c.seek(tp, offset);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(20))) {
          ModelSnapshot s;
          try {
            s = decode(r.value());
          } catch (IOException | RuntimeException corrupt) {
            // not a record of this job: skipped, or the job would restart on it forever
            synchronized (ctx.getCheckpointLock()) {
              offset = r.offset() + 1;
            }
            continue;
          }
          synchronized (ctx.getCheckpointLock()) {
            ctx.collect(s);
            offset = r.offset() + 1;
          }
          if (s.last) {
            return;
          }
        }
      }
    }
  }

  @Override
  public void cancel() {
    running = false;
  }

  /** A merged model as the bytes of a sync record (the fields in order, arrays length-prefixed). */
  static byte[] encode(ModelSnapshot s) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(s.version);
      out.writeLong(s.round);
      out.writeLong(s.seen);
      out.writeBoolean(s.last);
      out.writeInt(s.slots.length);
      for (int slot : s.slots) {
        out.writeInt(slot);
      }
      out.writeInt(s.state.length);
      out.write(s.state);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@link #encode}'s bytes; the model itself is not carried (learners need the state). */
  static ModelSnapshot decode(byte[] bytes) throws IOException {
    if (bytes == null) {
      throw new IOException("empty sync record");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      ModelSnapshot s = new ModelSnapshot();
      s.version = in.readLong();
      s.round = in.readLong();
      s.seen = in.readLong();
      s.last = in.readBoolean();
      s.slots = new int[checkedLength(in.readInt(), in.available() / 4)];
      for (int i = 0; i < s.slots.length; i++) {
        s.slots[i] = in.readInt();
      }
      s.state = new byte[checkedLength(in.readInt(), in.available())];
      in.readFully(s.state);
      return s;
    }
  }

  private static int checkedLength(int n, int available) throws IOException {
    if (n < 0 || n > available) {
      throw new IOException("corrupt sync record: length " + n + " with " + available + " bytes left");
    }
    return n;
  }
}
