package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import io.eddy.testkit.DriftingMixture;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Dbstream}'s learn through its neighbour index against the same clusterer scanning every
 * centre, and against the saved bytes of the code before the index scanned column copies
 * (commit 6cead55): on seeded {@link DriftingMixture} streams, where micro-clusters overlap, the
 * two paths must save identical bytes (centres, weights, times, ids, shared densities, labels
 * and lineage) and predict identical labels, and the bytes must hash as they did.
 */
class DbstreamIndexOracleTest {

  @ParameterizedTest(name = "r = {0}")
  @ValueSource(strings = {"0.05", "0.08", "0.12", "auto"})
  void learn_indexedAndFullScan_sameBytesAndLabels(String r) {
    Dbstream indexed = new Dbstream(Dbstream.Params.SPEC.from(Map.of("r", r)));
    Dbstream scanned = new Dbstream(Dbstream.Params.SPEC.from(Map.of("r", r)));
    scanned.scanAll(true);
    DriftingMixture stream = new DriftingMixture(31);
    double[] x = new double[8];
    double[] probe = new double[8];
    int checked = 0;
    for (int i = 1; i <= 24_000; i++) {
      stream.next(x);
      indexed.learn(x);
      scanned.learn(x);
      if (i % 4_000 == 0) {
        assertThat(ModelIO.toBytes(indexed)).as("saved state after %d points", i).isEqualTo(ModelIO.toBytes(scanned));
        DriftingMixture ahead = new DriftingMixture(1_000 + i);
        for (int k = 0; k < 500; k++) {
          ahead.next(probe);
          assertThat(indexed.predict(probe)).isEqualTo(scanned.predict(probe));
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(6);
    assertThat(indexed.microClusterCount()).as("overlapping micro-clusters").isGreaterThan(100);
    assertThat(indexed.sharedDensityCount()).isGreaterThan(indexed.microClusterCount());
  }

  /** SHA-256 (first 16 bytes) of the saved state after 10,000, 20,000 and 30,000 points. */
  @ParameterizedTest(name = "r = {0}")
  @CsvSource({
      "0.08, ed421ea0bfb523f313bb35f3a105a186, 2be8cf972ef529996f1cde29f0e5f83e, 829f3e0ec43ea6c9a2e093dab4c64426",
      "auto, 0b8d97ae77fd9c8a695f52c879fa736e, cb41e4ad0e18bb0496e41edffe0daa4d, 9318b2ed3d2327cd61253150efc41864",
      "0.05, c501ca5296945357ae823d3eba0eb09b, c660217e637d38415a158934f1d97c57, 21f6e163e19fceed921656c2c38bbaf3"})
  void learn_driftingMixture_savesTheBytesOfBefore(String r, String at10k, String at20k, String at30k) {
    Dbstream c = new Dbstream(Dbstream.Params.SPEC.from(Map.of("r", r)));
    DriftingMixture stream = new DriftingMixture(5);
    double[] x = new double[8];
    String[] want = {at10k, at20k, at30k};
    for (int i = 1; i <= 30_000; i++) {
      stream.next(x);
      c.learn(x);
      if (i % 10_000 == 0) {
        assertThat(digest(ModelIO.toBytes(c))).as("state after %d points", i).isEqualTo(want[i / 10_000 - 1]);
      }
    }
  }

  @Test
  void learn_weightedEventTimeWithGaps_savesTheBytesOfBefore() {
    Dbstream c = new Dbstream(Dbstream.Params.DEFAULTS.withR(0.1).withLambda(0.01).withTGap(50));
    DriftingMixture stream = new DriftingMixture(6);
    SplittableRandom rng = new SplittableRandom(6);
    double[] x = new double[8];
    double t = 0;
    for (int i = 1; i <= 20_000; i++) {
      stream.next(x);
      t += rng.nextInt(40) == 0 ? rng.nextDouble(0, 300) : rng.nextInt(3) * 0.5;
      c.learn(x, rng.nextInt(4) == 0 ? rng.nextDouble(0.1, 4) : 1, t);
    }
    assertThat(digest(ModelIO.toBytes(c))).isEqualTo("c792a3db7bf60d95d6ebeec391138f91");
  }

  @Test
  void learn_driftingMixtureSteadyState_allocatesNothing() {
    Dbstream c = new Dbstream(Dbstream.Params.DEFAULTS.withR(0.08));
    DriftingMixture stream = new DriftingMixture(1);
    double[][] points = new double[1 << 16][8];
    for (double[] p : points) {
      stream.next(p);
    }
    // three passes reach the largest micro-cluster count the replayed stream makes
    for (int pass = 0; pass < 3; pass++) {
      for (double[] p : points) {
        c.learn(p);
      }
    }
    // The least of several rounds of two cleanups each: arrays still grow now and then to a
    // new largest size (a row's list of shared densities, a group of the index: a few hundred
    // bytes in one cleanup out of two or three at this age), and a reclustering that finds a
    // segment born or vanished records a lineage event; neither happens in every round, while
    // an allocation on the path of every learn (16 bytes at least) would: 32 KB a round.
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 10 && least > 0; round++) {
      int from = round * 2_000;
      least = Math.min(least, Allocation.measure(() -> {
        for (int i = 0; i < 2_000; i++) {
          c.learn(points[from + i]);
        }
      }));
    }
    assertThat(least).as("bytes allocated by 2,000 learns among %d micro-clusters", c.microClusterCount())
        .isLessThan(1024);
  }

  /**
   * The shared densities live in per-micro-cluster rows and are saved sorted by slot pair: a
   * restored state saves the same bytes and learns on exactly as the original (its rows are
   * rebuilt in the saved order, not the learned one), and a record that lists a pair twice,
   * which a row could not hold, is rejected.
   */
  @Test
  void save_restoreContinuesAndDuplicatePairRejected() throws Exception {
    Dbstream c = new Dbstream(Dbstream.Params.DEFAULTS.withR(0.08));
    DriftingMixture stream = new DriftingMixture(8);
    double[] x = new double[8];
    for (int i = 0; i < 12_000; i++) {
      stream.next(x);
      c.learn(x);
    }
    byte[] saved = ModelIO.toBytes(c);
    Dbstream restored = ModelIO.fromBytes(saved, Dbstream.class);
    assertThat(ModelIO.toBytes(restored)).isEqualTo(saved);
    for (int i = 0; i < 3_000; i++) {
      stream.next(x);
      c.learn(x);
      restored.learn(x);
    }
    assertThat(ModelIO.toBytes(restored)).isEqualTo(ModelIO.toBytes(c));

    // The first saved entry is the pair of lowest slots; the next 24 bytes are the second
    // entry: overwrite it with the first (the count stays) and seal the record again.
    int m = c.microClusterCount();
    int first = -1;
    for (int i = 0; i < m && first < 0; i++) {
      for (int j = i + 1; j < m && first < 0; j++) {
        if (c.fadedShared(c.microId(i), c.microId(j)) > 0) {
          byte[] ids = java.nio.ByteBuffer.allocate(16).putLong(c.microId(i)).putLong(c.microId(j)).array();
          first = indexOf(saved = ModelIO.toBytes(c), ids);
        }
      }
    }
    assertThat(first).isPositive();
    byte[] twice = saved.clone();
    System.arraycopy(saved, first, twice, first + 24, 24);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(twice, 0, twice.length - 4);
    java.nio.ByteBuffer.wrap(twice).putInt(twice.length - 4, (int) crc.getValue());
    assertThat(ModelIO.fromBytes(saved, Dbstream.class)).isNotNull();
    assertThatThrownBy(() -> ModelIO.fromBytes(twice, Dbstream.class))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("duplicate shared-density entry");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
