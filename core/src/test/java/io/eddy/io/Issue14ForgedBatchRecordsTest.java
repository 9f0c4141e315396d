package io.eddy.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.eddy.hierarchy.HierarchicalClustering;
import io.eddy.kmeans.KMeans;
import io.eddy.mixture.CovarianceType;
import io.eddy.mixture.GaussianMixture;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Forged records of the batch models (issue 14, second audit). A checksum guards against
 * corruption, not forgery: a record rewritten with extreme values (huge sizes, negative counts,
 * counts beyond 2^62, NaN and infinities) and a correct checksum must load as a valid model,
 * one that saves and loads again, or fail with {@link ModelFormatException}; never with another
 * exception, and never by running out of memory. Seeded, so a failure names its case.
 */
class Issue14ForgedBatchRecordsTest {

  private static final int CASES_PER_MODEL = 3000;
  private static final int[] INTS = {0, 1, -1, 2, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 16, 1 << 20,
      1 << 30, 46_341, 65_536, 1 << 24};
  private static final long[] LONGS = {-1L, (1L << 62) + 1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40};
  private static final double[] DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      -1.0, 1e308, -1e308, Double.MIN_VALUE, -0.0, 1e-320, 0.0};

  private static List<byte[]> validRecords() {
    SplittableRandom r = new SplittableRandom(7);
    double[][] data = new double[30][];
    for (int i = 0; i < data.length; i++) {
      data[i] = new double[] {(i % 3) * 5 + r.nextGaussian(), r.nextGaussian()};
    }
    List<byte[]> records = new ArrayList<>();
    records.add(ModelIO.toBytes(new KMeans(KMeans.Params.DEFAULTS.withK(3).withThreads(1)).fit(data)));
    for (CovarianceType t : CovarianceType.values()) {
      records.add(ModelIO.toBytes(new GaussianMixture(
          GaussianMixture.Params.DEFAULTS.withK(2).withCovariance(t).withThreads(1)).fit(data)));
    }
    var hierarchy = new HierarchicalClustering(HierarchicalClustering.Params.DEFAULTS.withK(3)).fit(data);
    records.add(ModelIO.toBytes(hierarchy));
    records.add(ModelIO.toBytes(hierarchy.dendrogram()));
    return records;
  }

  @Test
  void read_forgedPayloadsWithValidChecksum_validModelOrModelFormatException() throws Exception {
    SplittableRandom r = new SplittableRandom(14);
    for (byte[] record : validRecords()) {
      Record rec = Record.parse(record);
      for (int c = 0; c < CASES_PER_MODEL; c++) {
        byte[] payload = mutate(rec.payload.clone(), r);
        byte[] forged = rec.with(payload);
        String what = rec.name + " case " + c + " payload " + Arrays.toString(payload);
        Object value;
        try {
          value = ModelIO.read(new ByteArrayInputStream(forged));
        } catch (ModelFormatException expected) {
          continue;
        } catch (Throwable t) {
          fail(what + " threw " + t, t);
          return;
        }
        // Whatever loads is a state that can be saved and loaded back unchanged.
        byte[] again = ModelIO.toBytes(value);
        assertThat(ModelIO.toBytes(ModelIO.fromBytes(again, value.getClass()))).as(what).isEqualTo(again);
      }
    }
  }

  // k = 1 and d = 65536 make k·d² wrap to 0 in int arithmetic, so an empty covariance array
  // passed the length check: the reader failed later on an ArrayIndexOutOfBoundsException,
  // which ModelIO merely wrapped, and GaussianMixtureModel.of threw it as it was.
  @Test
  void read_mixtureWhoseCovarianceLengthWrapsToZero_modelFormatException() {
    double[][] means = {new double[65_536]};
    assertThatThrownBy(() -> io.eddy.mixture.GaussianMixtureModel.of(CovarianceType.FULL, new double[] {1},
        means, new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 4294967296");
    int d = 65_536;
    ByteBuffer p = ByteBuffer.allocate(4 + 4 + 4 + 4 + 4 + 8 + 4 + d * 8 + 4 + 1 + 4 + 8);
    putString(p, "full");
    p.putInt(1).putInt(d);
    p.putInt(1).putDouble(1.0); // weights
    p.putInt(d);
    for (int j = 0; j < d; j++) {
      p.putDouble(0.0); // means
    }
    p.putInt(0); // covariances: none
    p.put((byte) 1).putInt(1).putDouble(0.0);
    byte[] payload = Arrays.copyOf(p.array(), p.position());
    Record gmm = Record.parse(validRecords().get(1));
    assertThatThrownBy(() -> ModelIO.read(new ByteArrayInputStream(gmm.with(payload))))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("covariances has length 0, expected 4294967296");
  }

  private static void putString(ByteBuffer p, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    p.putInt(b.length).put(b);
  }

  private static byte[] mutate(byte[] payload, SplittableRandom r) {
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int kind = r.nextInt(10);
      if (kind == 9) {
        // Cut or extend the payload.
        return Arrays.copyOf(payload, r.nextInt(payload.length + 16));
      }
      int width = kind < 5 ? 4 : 8;
      if (payload.length < width) {
        continue;
      }
      ByteBuffer b = ByteBuffer.wrap(payload);
      int at = r.nextInt(payload.length - width + 1);
      if (kind < 5) {
        b.putInt(at, r.nextBoolean() ? INTS[r.nextInt(INTS.length)] : r.nextInt());
      } else if (kind < 7) {
        b.putLong(at, LONGS[r.nextInt(LONGS.length)]);
      } else {
        b.putDouble(at, DOUBLES[r.nextInt(DOUBLES.length)]);
      }
    }
    return payload;
  }

  /** A record split into its header, payload and checksum, as ModelIO lays it out. */
  private record Record(byte[] head, String name, byte[] payload) {

    static Record parse(byte[] record) {
      ByteBuffer b = ByteBuffer.wrap(record);
      b.position(8);
      int nameLength = b.getShort() & 0xffff;
      byte[] name = new byte[nameLength];
      b.get(name);
      b.getInt(); // codec version
      int headLength = b.position();
      int length = b.getInt();
      byte[] payload = Arrays.copyOfRange(record, headLength + 4, headLength + 4 + length);
      return new Record(Arrays.copyOf(record, headLength), new String(name, StandardCharsets.UTF_8), payload);
    }

    /** The record with another payload and a correct checksum. */
    byte[] with(byte[] newPayload) {
      ByteBuffer b = ByteBuffer.allocate(head.length + 4 + newPayload.length + 4);
      b.put(head).putInt(newPayload.length).put(newPayload);
      CRC32 crc = new CRC32();
      crc.update(b.array(), 0, b.position());
      b.putInt((int) crc.getValue());
      return b.array();
    }
  }
}
