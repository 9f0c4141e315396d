package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.OnlineClusterer;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The state codecs rebuild only valid clusterers: payloads altered behind a recomputed
 * checksum (so that {@link ModelIO}'s CRC cannot catch them) either fail with
 * {@link ModelFormatException} or give a clusterer that keeps learning and predicting.
 */
class DensityCodecTest {

  @Test
  public void dbstreamState_alteredPayloads_rejectedOrUsable() {
    check(() -> new Dbstream(Dbstream.Params.DEFAULTS.withR(1).withLambda(0.01).withTGap(20).withWMin(2).withAlpha(0.1)), Dbstream.class);
  }

  @Test
  public void denstreamState_alteredPayloads_rejectedOrUsable() {
    check(() -> new DenStream(DenStream.Params.SPEC.from(Map.of("epsilon", 1, "mu", 4, "beta", 0.5, "lambda", 0.01, "initPoints", 30, "offlineFactor", 2))), DenStream.class);
    check(() -> new DenStream(DenStream.Params.SPEC.from(Map.of("epsilon", 1, "mu", 4, "beta", 0.5, "lambda", 0.01, "initPoints", 5000, "offlineFactor", 2))), DenStream.class);
  }

  private static <C extends OnlineClusterer<?>> void check(Supplier<C> factory, Class<C> type) {
    C c = factory.get();
    SplittableRandom data = new SplittableRandom(3);
    for (int i = 0; i < 400; i++) {
      c.learn(point(data));
    }
    byte[] good = ModelIO.toBytes(c);
    SplittableRandom rng = new SplittableRandom(4);
    int rejected = 0;
    for (int trial = 0; trial < 3000; trial++) {
      byte[] bad = good.clone();
      int at = 30 + rng.nextInt(bad.length - 34); // inside the payload
      bad[at] ^= (byte) (1 + rng.nextInt(255));
      reseal(bad);
      C back;
      try {
        back = ModelIO.fromBytes(bad, type);
      } catch (ModelFormatException expected) {
        rejected++;
        continue;
      }
      if (back.dimension() != 3) {
        assertThatThrownBy(() -> back.learn(new double[3])).isInstanceOf(IllegalArgumentException.class);
        continue;
      }
      SplittableRandom more = new SplittableRandom(trial);
      for (int i = 0; i < 50; i++) {
        back.learn(point(more));
      }
      back.predict(point(more));
      back.snapshot();
      assertThat(ModelIO.toBytes(back)).isNotEmpty();
    }
    assertThat(rejected).as("most structural damage is detected").isPositive();
  }

  private static double[] point(SplittableRandom rng) {
    int k = rng.nextInt(3);
    return new double[] {k * 6 + 0.5 * rng.nextGaussian(), 0.5 * rng.nextGaussian(),
        rng.nextDouble(-20, 20) * (rng.nextInt(10) == 0 ? 1 : 0)};
  }

  /** Recomputes the record's trailing CRC-32 over everything before it. */
  private static void reseal(byte[] record) {
    CRC32 crc = new CRC32();
    crc.update(record, 0, record.length - 4);
    int v = (int) crc.getValue();
    int n = record.length;
    record[n - 4] = (byte) (v >>> 24);
    record[n - 3] = (byte) (v >>> 16);
    record[n - 2] = (byte) (v >>> 8);
    record[n - 1] = (byte) v;
  }
}
