package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.eddy.Capability;
import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import io.eddy.testkit.ForgedRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Coverage-guided fuzz targets for {@link ModelIO#read}. They live in the online module so that
 * every clusterer codec is on the class path. Under plain {@code mvn verify} they replay the
 * committed corpus ({@code src/test/resources/io/eddy/online/ModelIOFuzzTestInputs/<method>/});
 * with {@code JAZZER_FUZZ=1} they fuzz for {@code maxDuration}. Regenerate the seeds with
 * {@code -Deddy.writeSeeds=true -Dtest=ModelIOFuzzTest#writeSeeds}.
 */
class ModelIOFuzzTest {

  /** The codec names of the valid records: every codec the online clusterers use. */
  private static final List<String> CODEC_NAMES = validRecords().stream()
      .map(ModelIOFuzzTest::codecName).distinct().sorted().toList();

  private static final Path SEEDS = Path.of("src/test/resources/io/eddy/online/ModelIOFuzzTestInputs");

  /** Any bytes: either a model comes back (and round-trips exactly) or ModelFormatException. */
  @FuzzTest(maxDuration = "30s")
  void readBytes(byte[] input) throws IOException {
    readAndCheck(input);
  }

  /**
   * A valid frame (magic, format, a registered codec name, checksum) around fuzzed payload bytes,
   * so the fuzzer spends its time in the codecs rather than failing the checksum.
   */
  @FuzzTest(maxDuration = "30s")
  void readPayload(FuzzedDataProvider data) throws IOException {
    String name = data.pickValue(CODEC_NAMES);
    int version = data.consumeInt(0, 3);
    readAndCheck(frame(name, version, data.consumeRemainingAsBytes()));
  }

  private static void readAndCheck(byte[] input) throws IOException {
    Object value;
    try {
      value = ModelIO.fromBytes(input, Object.class);
    } catch (ModelFormatException e) {
      return; // the one allowed failure
    }
    byte[] written = ModelIO.toBytes(value);
    Object again;
    try {
      again = ModelIO.fromBytes(written, Object.class);
    } catch (ModelFormatException e) {
      // A record may claim arrays as large as the free heap (a dimension of millions with
      // its warm-up buffer, say): then a second copy beside the first does not fit, which the
      // reader reports as it should. That is the only failure allowed on reading back.
      assertThat(e).hasMessageContaining("MiB free (-Xmx)");
      return;
    }
    assertThat(again).hasSameClassAs(value);
    assertThat(ModelIO.toBytes(again)).as("write(read(write(x))) == write(x)").isEqualTo(written);
  }

  /** A record with a correct checksum, laid out as {@link ModelIO#write} does. */
  static byte[] frame(String name, int version, byte[] payload) {
    return ForgedRecords.frame(name, version, payload);
  }

  /** The frame helper lays records out exactly as ModelIO writes them. */
  @Test
  void frameMatchesTheWriter() throws IOException {
    for (byte[] record : validRecords()) {
      Object value = ModelIO.fromBytes(record, Object.class);
      assertThat(value).isNotNull();
    }
    byte[] sample = validRecords().get(0);
    byte[] reframed = reframe(sample);
    assertThat(reframed).isEqualTo(sample);
  }

  private static String codecName(byte[] record) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(record);
    b.position(8);
    byte[] n = new byte[b.getShort() & 0xffff];
    b.get(n);
    return new String(n, StandardCharsets.UTF_8);
  }

  private static byte[] reframe(byte[] record) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(record);
    b.position(8);
    byte[] n = new byte[b.getShort() & 0xffff];
    b.get(n);
    int version = b.getInt();
    byte[] payload = new byte[b.getInt()];
    b.get(payload);
    return frame(new String(n, StandardCharsets.UTF_8), version, payload);
  }

  /** One small trained state of every online clusterer, and its snapshot where writable. */
  static List<byte[]> validRecords() {
    List<byte[]> out = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(7);
    for (String name : Clusterers.withCapability(Capability.ONLINE)) {
      OnlineClusterer<?> c = Clusterers.online(name);
      for (int i = 0; i < 1100; i++) {
        int blob = i % 3;
        c.learn(new double[] {blob * 5 + rnd.nextGaussian(), -blob * 3 + rnd.nextGaussian()});
      }
      if (ModelIO.canWrite(c.getClass())) {
        out.add(ModelIO.toBytes(c));
      }
      Object model = c.snapshot();
      if (ModelIO.canWrite(model.getClass())) {
        out.add(ModelIO.toBytes(model));
      }
    }
    return out;
  }

  @Test
  @EnabledIfSystemProperty(named = "eddy.writeSeeds", matches = "true")
  void writeSeeds() throws IOException {
    int i = 0;
    for (byte[] record : validRecords()) {
      Files.createDirectories(SEEDS.resolve("readBytes"));
      Files.write(SEEDS.resolve("readBytes").resolve(String.format("valid-%02d", i)), record);
      i++;
    }
  }
}
