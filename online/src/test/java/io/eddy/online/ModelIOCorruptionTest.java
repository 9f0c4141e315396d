package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import io.eddy.testkit.Blobs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Truncated or corrupted records of a real learning state always end in ModelFormatException. */
class ModelIOCorruptionTest {

  private static byte[] record(int points) {
    SequentialKMeans c = new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(3).withWarmup(40));
    double[][] s = Blobs.generate(2, points, 3, 3, 0.5).points();
    c.learn(s);
    return ModelIO.toBytes(c);
  }

  @Test
  public void read_everyTruncation_throwsModelFormatException() {
    for (int points : new int[] {0, 10, 200}) { // empty, warming up, steady state
      assertEveryTruncationRejected(record(points));
    }
  }

  /** Every proper prefix of a record fails to read with {@link ModelFormatException}. */
  static void assertEveryTruncationRejected(byte[] full) {
    for (int len = 0; len < full.length; len++) {
      byte[] cut = Arrays.copyOf(full, len);
      assertThatThrownBy(() -> ModelIO.read(new ByteArrayInputStream(cut)))
          .as("truncated to %d of %d bytes", len, full.length)
          .isInstanceOf(ModelFormatException.class);
    }
  }

  @Test
  public void read_randomByteFlips_throwModelFormatException() {
    byte[] full = record(200);
    SplittableRandom rng = new SplittableRandom(1);
    for (int trial = 0; trial < 5_000; trial++) {
      byte[] bad = full.clone();
      int flips = 1 + rng.nextInt(3);
      for (int f = 0; f < flips; f++) {
        int at = rng.nextInt(bad.length);
        bad[at] ^= (byte) (1 + rng.nextInt(255));
      }
      int t = trial;
      assertThatThrownBy(() -> ModelIO.read(new ByteArrayInputStream(bad)))
          .as("trial %d", t)
          .isInstanceOf(ModelFormatException.class);
    }
  }

  @Test
  public void read_validRecord_restoresAndLeavesStreamAfterIt() throws IOException {
    byte[] one = record(200);
    byte[] two = new byte[one.length * 2];
    System.arraycopy(one, 0, two, 0, one.length);
    System.arraycopy(one, 0, two, one.length, one.length);
    ByteArrayInputStream in = new ByteArrayInputStream(two);
    SequentialKMeans a = ModelIO.read(in, SequentialKMeans.class);
    SequentialKMeans b = ModelIO.read(in, SequentialKMeans.class);
    assertThat(ModelIO.toBytes(a)).isEqualTo(one);
    assertThat(ModelIO.toBytes(b)).isEqualTo(one);
    assertThat(in.available()).isZero();
  }

  @Test
  public void read_wrongType_throwsModelFormatException() {
    byte[] bytes = record(200);
    assertThatThrownBy(() -> ModelIO.fromBytes(bytes, String.class))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("expected a java.lang.String");
  }

  @Test
  public void read_futureFormatVersion_isRejectedClearly() {
    byte[] bytes = record(10);
    bytes[7] = 2; // the format version follows the 4 magic bytes
    assertThatThrownBy(() -> ModelIO.fromBytes(bytes, SequentialKMeans.class))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("unsupported format version 2");
  }
}
