package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.CentroidModel;
import io.eddy.Capability;
import io.eddy.ClusterModel;
import io.eddy.Clusterers;
import io.eddy.OnlineClusterer;
import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The defects found by an adversarial run over every online clusterer (issue 14), each
 * reproduced as it was met: every case here failed before its fix.
 */
class Issue14HardeningTest {

  private static List<String> onlineNames() {
    List<String> out = new ArrayList<>();
    for (String n : Clusterers.names()) {
      if (Clusterers.provider(n).capabilities().contains(Capability.ONLINE)) {
        out.add(n);
      }
    }
    return out;
  }

  /** Saves and loads {@code c}, and checks that the copy predicts as {@code c} does. */
  private static void assertSavable(OnlineClusterer<?> c, double[][] probes) throws Exception {
    OnlineClusterer<?> copy = ModelIO.fromBytes(ModelIO.toBytes(c), c.getClass());
    assertThat(copy.seen()).isEqualTo(c.seen());
    for (double[] p : probes) {
      assertThat(copy.predict(p)).isEqualTo(c.predict(p));
    }
  }

  // 1. online-gmm was wedged for good by one huge point during its warm-up.
  @Test
  void onlineGmm_hugePointDuringWarmup_isRejectedAndLearningGoesOn() throws Exception {
    OnlineGaussianMixture g = new OnlineGaussianMixture(OnlineGaussianMixture.Params.DEFAULTS.withK(2).withWarmup(20));
    for (int i = 0; i < 9; i++) {
      g.learn(new double[] {i % 3, i % 2});
    }
    assertThatThrownBy(() -> g.learn(new double[] {1e200, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Points.MAX_ABS");
    assertThat(g.seen()).isEqualTo(9);
    g.learn(new double[] {9e99, 0});
    for (int i = 0; i < 200; i++) {
      g.learn(new double[] {i % 3, i % 2});
    }
    assertThat(g.seen()).isEqualTo(210);
    for (double v : g.snapshot().covariances()) {
      assertThat(v).isFinite();
    }
    assertSavable(g, new double[][] {{0, 0}, {9e99, 0}});
  }

  // 2. DenStream's nearest search returned -1 when every distance overflowed.
  @Test
  void denStream_distancesNearTheLimit_noIndexError() throws Exception {
    DenStream d = new DenStream(DenStream.Params.DEFAULTS.withInitPoints(0));
    double[][] pts = {{0, 0}, {9e99, 0}, {-9e99, 0}, {0, 9e99}, {-9e99, -9e99}, {1, 1}};
    for (int rep = 0; rep < 20; rep++) {
      for (double[] p : pts) {
        d.learn(p);
      }
    }
    assertThatThrownBy(() -> d.learn(new double[] {2e154, 0})).isInstanceOf(IllegalArgumentException.class);
    assertSavable(d, pts);
  }

  // 3. weights of 1e308 or points of +-Double.MAX_VALUE drove states non-finite; now the limits
  //    reject them, and the largest accepted values keep every state finite and savable.
  @Test
  void everyOnlineClusterer_extremeButValidInput_keepsAFiniteSavableState() throws Exception {
    for (String name : onlineNames()) {
      OnlineClusterer<?> c = Clusterers.online(name, Map.of());
      boolean weighted = Clusterers.provider(name).capabilities().contains(Capability.WEIGHTED);
      assertThatThrownBy(() -> c.learn(new double[] {Double.MAX_VALUE, 0}))
          .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAX_ABS");
      if (weighted) {
        assertThatThrownBy(() -> c.learn(new double[] {0, 0}, 1e308))
            .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAX_WEIGHT");
      }
      assertThat(c.seen()).as(name).isZero();
      SplittableRandom r = new SplittableRandom(3);
      for (int i = 0; i < 4000; i++) {
        double[] p = {r.nextGaussian(), r.nextGaussian()};
        if (i % 37 == 5) {
          p = new double[] {r.nextBoolean() ? Points.MAX_ABS : -Points.MAX_ABS, Points.MAX_ABS};
        }
        if (weighted) {
          c.learn(p, i % 53 == 7 ? Points.MAX_WEIGHT : 1);
        } else {
          c.learn(p);
        }
      }
      ClusterModel m = c.snapshot();
      if (m instanceof CentroidModel) {
        CentroidModel cm = (CentroidModel) m;
        for (int label : cm.labels()) {
          for (double v : cm.center(label)) {
            assertThat(v).as("%s centre", name).isFinite();
          }
        }
      }
      assertSavable(c, new double[][] {{0, 0}, {Points.MAX_ABS, Points.MAX_ABS}});
    }
  }

  // 3. A DBSTREAM radius of 1e-170 squared to 0; the declared range now keeps r^2 normal.
  @Test
  void dbstream_radiusWhoseSquareUnderflows_isRejectedByItsRange() {
    assertThatThrownBy(() -> Clusterers.online("dbstream", Map.of("r", 1e-170)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter r");
    Dbstream c = new Dbstream(Dbstream.Params.DEFAULTS.withR(1e-100));
    for (int i = 0; i < 500; i++) {
      c.learn(new double[] {i % 2 * 1e-101, 0});
    }
    assertThat(c.snapshot().clusterCount()).isGreaterThan(0);
  }

  // 5. Sizes the registry accepts threw NegativeArraySizeException on the first point and left
  //    the clusterer broken.
  @Test
  void hugeConfiguredSizes_failOnTheFirstPointAndLeaveTheClustererFresh() {
    for (String name : List.of("sequential-kmeans", "minibatch-kmeans", "online-gmm")) {
      assertThatThrownBy(() -> Clusterers.online(name, Map.of("k", 1 << 30)))
          .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter k");
    }
    for (OnlineClusterer<?> c : List.<OnlineClusterer<?>>of(
        Clusterers.online("sequential-kmeans", Map.of("k", 1 << 24)),
        Clusterers.online("online-gmm", Map.of("k", 1 << 24)),
        Clusterers.online("online-gmm", Map.of("k", 1 << 12, "warmup", 1 << 24)),
        Clusterers.online("minibatch-kmeans", Map.of("k", 1 << 24)),
        Clusterers.online("minibatch-kmeans", Map.of("batchSize", 1 << 24)))) {
      assertThatThrownBy(() -> c.learn(new double[4096])).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("lower k");
      assertThat(c.dimension()).isZero();
      assertThat(c.seen()).isZero();
    }
  }

  // 6. The sequential k-means codec loaded NaN or negative warm-up weights.
  @Test
  void sequentialKMeans_codec_rejectsInvalidWarmupWeights() throws Exception {
    SequentialKMeans s = new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(3).withWarmup(50));
    for (int i = 0; i < 10; i++) {
      s.learn(new double[] {i, -i});
    }
    byte[] good = ModelIO.toBytes(s);
    ModelIO.fromBytes(good, SequentialKMeans.class);
    // The warm-up weights are the payload's last array: its last double ends just before the CRC.
    for (double bad : new double[] {Double.NaN, -1, Double.POSITIVE_INFINITY}) {
      byte[] forged = good.clone();
      ByteBuffer.wrap(forged).putDouble(forged.length - 12, bad);
      assertThatThrownBy(() -> ModelIO.fromBytes(reseal(forged), SequentialKMeans.class))
          .as("weight %s", bad).isInstanceOf(ModelFormatException.class);
    }
  }

  // 4. A small forged record with a correct checksum made ModelIO.read allocate from sizes it
  //    had not checked against the payload (the initial buffer of initPoints x d values).
  @Test
  void forgedRecord_hugeDimensionWithEmptyBuffer_allocatesOnlyWhatThePayloadHolds() throws Exception {
    DenStream d = new DenStream(DenStream.Params.DEFAULTS.withInitPoints(1 << 24));
    byte[] bytes = ModelIO.toBytes(d);
    // Claim dimension 127 (the int after the parameters) with no buffered point: consistent, and
    // the old code then allocated 2^24 x 127 doubles (16 GiB) for the initial buffer at once.
    int dimensionAt = afterParameters(bytes, "offlineFactor");
    assertThat(ByteBuffer.wrap(bytes).getInt(dimensionAt)).isZero();
    byte[] forged = replaceInt(bytes, dimensionAt, 127);
    DenStream read = ModelIO.fromBytes(reseal(forged), DenStream.class);
    assertThat(read.dimension()).isEqualTo(127);
    read.learn(new double[127]);
    assertThat(read.seen()).isEqualTo(1);
  }

  // 4. Found by the ModelIO fuzz target: a CluStream record of a few bytes claiming a huge
  //    dimension made the codec allocate q x (2d + 3) doubles before reading anything else.
  @Test
  void forgedRecord_cluStreamHugeDimension_isRejectedBeforeAllocating() throws Exception {
    byte[] bytes = ModelIO.toBytes(new CluStream(CluStream.Params.DEFAULTS));
    int at = afterConfiguration(bytes);
    assertThat(ByteBuffer.wrap(bytes).getInt(at)).isZero();
    byte[] forged = replaceInt(bytes, at, 1 << 28);
    // the fresh state ends there: append the two longs (seen, time) a state with points has
    byte[] longer = java.util.Arrays.copyOf(forged, forged.length + 16);
    System.arraycopy(forged, at + 4, longer, at + 4 + 16, forged.length - at - 4);
    ByteBuffer.wrap(longer).putLong(at + 4, 1).putLong(at + 12, 1);
    int payloadLengthAt = 4 + 4 + 2 + "clustream.state".length() + 4;
    ByteBuffer.wrap(longer).putInt(payloadLengthAt, ByteBuffer.wrap(forged).getInt(payloadLengthAt) + 16);
    assertThatThrownBy(() -> ModelIO.fromBytes(reseal(longer), CluStream.class))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("dimension 268435456");
  }

  // 4. Found by the ModelIO fuzz target: the canon's codecs allocated for a dimension or a node
  //    count they had read before checking it against what the payload holds. Each record below
  //    is a few dozen bytes; before the fix each ran the test heap out of memory.
  @Test
  void forgedRecord_streamKmHugeDimension_isRejectedBeforeAllocating() {
    // d = 10^6 with the default coreset of 1000: the merge scratch alone is 16 GB
    ByteBuffer tail = ByteBuffer.allocate(4 + 8 + 8 + 4 + 4 * 20);
    tail.putInt(1_000_000).putLong(1).putLong(0).putInt(20).putInt(1);
    assertForgedRejected(new StreamKM(StreamKM.Params.DEFAULTS), 4 + 8 + 8, tail, "dimension 1000000");
  }

  @Test
  void forgedRecord_clusTreeHugeDimension_isRejectedBeforeAllocating() {
    // d = 2^27: the scratch features alone are 24 GB; then one node, root 0, height 1, none free
    ByteBuffer tail = ByteBuffer.allocate(4 + 8 + 8 + 16);
    tail.putInt(1 << 27).putDouble(0).putLong(1).putInt(1).putInt(0).putInt(1).putInt(0);
    assertForgedRejected(new ClusTree(ClusTree.Params.DEFAULTS), 4 + 8 + 8, tail, "dimension 134217728");
  }

  @Test
  void forgedRecord_dstreamHugeDimension_isRejectedBeforeAllocating() {
    // d = 2^26: two cell sets of 16 cells are 16 GB; then origin, last, next id, lo = hi = {}
    ByteBuffer tail = ByteBuffer.allocate(4 + 8 + 8 + 8 + 8 + 8 + 4 + 4);
    tail.putInt(1 << 26).putDouble(1).putLong(1).putDouble(0).putDouble(0).putLong(0).putInt(0).putInt(0);
    assertForgedRejected(new Dstream(Dstream.Params.DEFAULTS), 4 + 8 + 8, tail, "dimension 67108864");
  }

  @Test
  void forgedRecord_birchHugeDimensionOrNodeCount_isRejectedBeforeAllocating() {
    // seen 1, no rebuild, d = 2^29 (one entry's 2d + 2 values are 8 GB), threshold 1, one node
    ByteBuffer wide = ByteBuffer.allocate(8 + 4 + 4 + 8 + 4);
    wide.putLong(1).putInt(0).putInt(1 << 29).putDouble(1).putInt(1);
    assertForgedRejected(new Birch(Birch.Params.DEFAULTS), 8 + 4 + 4, wide, "dimension 536870912");
    // d = 1 and 2^30 nodes, the first one's bytes: the per-node flags and sizes alone are 5 GB
    ByteBuffer many = ByteBuffer.allocate(8 + 4 + 4 + 8 + 4 + 40);
    many.putLong(1).putInt(0).putInt(1).putDouble(1).putInt(1 << 30);
    assertForgedRejected(new Birch(Birch.Params.DEFAULTS), 8 + 4 + 4, many, "1073741824 nodes");
  }

  @Test
  void forgedRecord_dstreamModelHugeDimensionWithoutGrids_allocatesNothingForIt() throws Exception {
    // an empty model of dimension 2^28 is consistent; it used to allocate 5 x 2^28 longs (10 GB)
    byte[] bytes = ModelIO.toBytes(new Dstream(Dstream.Params.DEFAULTS).snapshot());
    int at = 4 + 4 + 2 + "dstream.model".length() + 4 + 4;
    assertThat(ByteBuffer.wrap(bytes).getInt(at)).isZero();
    DstreamModel read = ModelIO.fromBytes(reseal(replaceInt(bytes, at, 1 << 28)), DstreamModel.class);
    assertThat(read.dimension()).isEqualTo(1 << 28);
    assertThat(read.clusterCount()).isZero();
  }

  /**
   * Replaces the {@code replaced} bytes that follow a fresh clusterer's configuration in its
   * record by {@code tail}, fixes the payload length and the checksum, and expects the read to
   * fail with a format error naming {@code what}.
   */
  private static void assertForgedRejected(OnlineClusterer<?> fresh, int replaced, ByteBuffer tail, String what) {
    byte[] record = ModelIO.toBytes(fresh);
    int at = afterConfiguration(record);
    assertThat(record.length - 4 - at).as("the fresh state's bytes after the configuration").isEqualTo(replaced);
    byte[] forged = java.util.Arrays.copyOf(record, at + tail.capacity() + 4);
    System.arraycopy(tail.array(), 0, forged, at, tail.capacity());
    int name = ByteBuffer.wrap(record).getShort(8);
    int payloadLengthAt = 4 + 4 + 2 + name + 4;
    ByteBuffer.wrap(forged).putInt(payloadLengthAt, forged.length - 4 - (payloadLengthAt + 4));
    assertThatThrownBy(() -> ModelIO.fromBytes(reseal(forged), fresh.getClass()))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining(what);
  }

  /** The offset of the first value after a record's configuration (name, type, value triples). */
  static int afterConfiguration(byte[] record) {
    ByteBuffer b = ByteBuffer.wrap(record);
    int at = 4 + 4;
    at += 2 + b.getShort(at); // the codec's name
    at += 4 + 4; // version, payload length
    int n = b.getInt(at);
    at += 4;
    for (int i = 0; i < 3 * n; i++) {
      at += 4 + b.getInt(at);
    }
    return at;
  }

  // 8. DBSTREAM and DenStream saved states they could not load when the clock's resolution was
  //    coarser than the cleanup or pruning period (event time in epoch nanoseconds).
  @Test
  void densityClusterers_epochNanoseconds_saveLoadAndResumeBitForBit() throws Exception {
    for (OnlineClusterer<?> c : List.<OnlineClusterer<?>>of(
        new Dbstream(Dbstream.Params.DEFAULTS.withLambda(0.01).withTGap(1)),
        new DenStream(DenStream.Params.DEFAULTS.withLambda(0.01).withInitPoints(0)))) {
      io.eddy.DecayingClusterer<?> dc = (io.eddy.DecayingClusterer<?>) c;
      double t0 = 1.7e18;
      for (int i = 0; i < 300; i++) {
        dc.learn(new double[] {i % 3, 0}, 1, t0 + 256 * (i / 2));
      }
      io.eddy.DecayingClusterer<?> copy = (io.eddy.DecayingClusterer<?>) ModelIO.fromBytes(ModelIO.toBytes(c), c.getClass());
      for (int i = 300; i < 400; i++) {
        dc.learn(new double[] {i % 3, 0}, 1, t0 + 256 * (i / 2));
        copy.learn(new double[] {i % 3, 0}, 1, t0 + 256 * (i / 2));
      }
      assertThat(ModelIO.toBytes(copy)).isEqualTo(ModelIO.toBytes(c));
    }
  }

  // 12. NullPointerException instead of IllegalArgumentException.
  @Test
  void nullInputs_areIllegalArguments() {
    for (String name : onlineNames()) {
      OnlineClusterer<?> c = Clusterers.online(name, Map.of());
      assertThatThrownBy(() -> c.learn((double[][]) null)).as(name).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> c.learn((double[]) null)).as(name).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Clusterers.online(name, null)).as(name).isInstanceOf(IllegalArgumentException.class);
      Map<String, Object> withNull = new HashMap<>();
      withNull.put(Clusterers.provider(name).parameters().get(0).name(), null);
      assertThatThrownBy(() -> Clusterers.online(name, withNull)).as(name)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is null");
    }
    assertThatThrownBy(() -> new DenStream(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Dbstream(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OnlineGaussianMixture(null)).isInstanceOf(IllegalArgumentException.class);
  }

  /** The offset just after the value of the named parameter in a record's payload. */
  private static int afterParameters(byte[] record, String lastParameter) {
    byte[] name = lastParameter.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + name.length < record.length; i++) {
      for (int j = 0; j < name.length; j++) {
        if (record[i + j] != name[j]) {
          continue outer;
        }
      }
      ByteBuffer b = ByteBuffer.wrap(record);
      int at = i + name.length;
      at += 4 + b.getInt(at); // the type's name
      return at + 4 + b.getInt(at); // the value's text
    }
    throw new AssertionError("no parameter " + lastParameter);
  }

  private static byte[] replaceInt(byte[] bytes, int offset, int value) {
    byte[] out = bytes.clone();
    ByteBuffer.wrap(out).putInt(offset, value);
    return out;
  }

  /** The record with its CRC recomputed, as a forger would. */
  static byte[] reseal(byte[] record) {
    CRC32 crc = new CRC32();
    crc.update(record, 0, record.length - 4);
    byte[] out = record.clone();
    ByteBuffer.wrap(out).putInt(out.length - 4, (int) crc.getValue());
    return out;
  }
}
