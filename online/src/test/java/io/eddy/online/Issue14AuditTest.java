package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.CentroidModel;
import io.eddy.ClusterModel;
import io.eddy.Clusterers;
import io.eddy.Mergeable;
import io.eddy.OnlineClusterer;
import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.ModelIO;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The follow-up audit of issue 14 over the canon clusterers and the paths the first round did
 * not reach: each case failed before its fix, except the BIRCH case, which guards a limit that
 * held (numbers refer to the audit's list of defect classes).
 */
class Issue14AuditTest {

  /** Saves and loads {@code c}: the copy saves to the same bytes. */
  private static void assertSavable(Object c) throws ModelFormatException {
    byte[] saved = ModelIO.toBytes(c);
    assertThat(ModelIO.toBytes(ModelIO.fromBytes(saved, c.getClass()))).isEqualTo(saved);
  }

  private static void assertFiniteCentres(ClusterModel m) {
    CentroidModel cm = (CentroidModel) m;
    for (int label : cm.labels()) {
      for (double v : cm.center(label)) {
        assertThat(v).isFinite();
      }
    }
  }

  // 1. q x (2d + 3) overflowed an int: NegativeArraySizeException on the first point.
  // Found by the sweep run long: a BIRCH subcluster of ten points at the range's edge has the
  // centroid 1.0000000000000002E100 (the sum rounds up), which the global step refused as a
  // point beyond Points.MAX_ABS, so snapshot() threw after a stream learn had accepted.
  @Test
  void birch_centroidRoundedBeyondTheRange_snapshotStillClusters() throws Exception {
    Birch b = new Birch(Birch.Params.SPEC.from(Map.of("k", 2, "threshold", 1e99)));
    for (int i = 0; i < 10; i++) {
      b.learn(new double[] {Points.MAX_ABS, 0});
      b.learn(new double[] {-Points.MAX_ABS, 1});
    }
    BirchModel m = b.snapshot();
    assertThat(m.predict(new double[] {Points.MAX_ABS, 0})).isNotEqualTo(m.predict(new double[] {-Points.MAX_ABS, 1}));
    assertSavable(b);
    assertSavable(m);
  }

  @Test
  void cluStream_microClustersTooLargeForOneArray_rejectedAndFresh() throws Exception {
    CluStream c = new CluStream(CluStream.Params.DEFAULTS.withMaxMicroClusters(1 << 20));
    assertThatThrownBy(() -> c.learn(new double[1024])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxMicroClusters");
    assertThat(c.dimension()).isZero();
    assertThat(c.seen()).isZero();
    c.learn(new double[] {1, 2});
    assertThat(c.seen()).isEqualTo(1);
    assertSavable(c);
  }

  // 2. The offline k-means was asked for min(k, micro-clusters) clusters, more than the
  //    distinct centres when a point repeats in several micro-clusters.
  @Test
  void clusTree_pointsRepeated_snapshotWorks() throws Exception {
    ClusTree c = new ClusTree(ClusTree.Params.DEFAULTS.withK(1 << 20));
    for (int i = 0; i < 2000; i++) {
      c.learn(new double[] {i % 3, -1});
    }
    assertThat(c.microClusterCount()).isGreaterThan(3);
    assertThat(c.snapshot().clusterCount()).isEqualTo(3);
    assertFiniteCentres(c.snapshot());
    assertSavable(c);
  }

  // 2. Weights faded to (near) zero: the offline k-means got subnormal weights and returned
  //    infinite centres, and with every weight at 0 it was asked for k = 0.
  @Test
  void clusTree_weightsFadedToZero_snapshotWorks() throws Exception {
    ClusTree c = new ClusTree(ClusTree.Params.DEFAULTS);
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 300; i++) {
      c.learn(new double[] {r.nextGaussian(), r.nextGaussian()}, Double.MIN_VALUE * (1 + i % 3), i);
    }
    assertFiniteCentres(c.snapshot());
    c.learn(new double[] {5, 5}, 1, 1e300);
    assertFiniteCentres(c.snapshot());
    assertSavable(c);
  }

  // 3. DenStream with epsilon at the bottom of its range: the radius floor epsilon/4 fell below
  //    the model's smallest radius, 1e-100, and snapshot threw.
  @Test
  void denStream_smallestEpsilon_keepsAFiniteSavableState() throws Exception {
    DenStream c = new DenStream(DenStream.Params.DEFAULTS.withEpsilon(1e-100).withInitPoints(20));
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < 400; i++) {
      double s = i % 5 == 0 ? 1e-101 : 1;
      c.learn(new double[] {s * r.nextGaussian(), s * r.nextGaussian()});
    }
    c.snapshot();
    assertSavable(c);
  }

  // 4. BIRCH at the documented limits (Points.MAX_ABS in 64 dimensions): the sums stay finite;
  //    a guard, this held before the audit (the codec's bounds added since must accept it).
  @Test
  void birch_valuesAndWeightsAtTheLimits_keepAFiniteSavableState() throws Exception {
    Birch c = new Birch(Birch.Params.DEFAULTS);
    SplittableRandom r = new SplittableRandom(3);
    int d = 64;
    for (int i = 0; i < 3000; i++) {
      double[] p = new double[d];
      for (int j = 0; j < d; j++) {
        p[j] = (r.nextBoolean() ? 1 : -1) * Points.MAX_ABS * (i % 2);
      }
      c.learn(p);
    }
    assertFiniteCentres(c.snapshot());
    assertSavable(c);
  }

  // 5. Merges of learners whose clocks are far apart: micro-clusters faded to 0 weight at the
  //    later clock were kept (an unloadable state) or gave NaN radii.
  @Test
  void densityMerge_clocksFarApart_finiteSavable() throws Exception {
    for (String name : new String[] {"dbstream", "denstream"}) {
      for (double late : new double[] {1e300, 1e6}) {
        OnlineClusterer<?> a = Clusterers.online(name, Map.of("lambda", 0.5));
        OnlineClusterer<?> b = Clusterers.online(name, Map.of("lambda", 0.5));
        io.eddy.DecayingClusterer<?> da = (io.eddy.DecayingClusterer<?>) a;
        io.eddy.DecayingClusterer<?> db = (io.eddy.DecayingClusterer<?>) b;
        for (int i = 0; i < 1500; i++) {
          da.learn(new double[] {i % 3, 1}, 1, i * 1e-3);
          db.learn(new double[] {i % 3, 1}, 1, late + i * Math.ulp(late));
        }
        merge(a, b);
        a.snapshot();
        assertSavable(a);
        OnlineClusterer<?> c = Clusterers.online(name, Map.of("lambda", 0.5));
        for (int i = 0; i < 1500; i++) {
          ((io.eddy.DecayingClusterer<?>) c).learn(new double[] {i % 3, 1}, 1, i * 1e-3);
        }
        merge(b, c);
        b.snapshot();
        assertSavable(b);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void merge(Object into, Object from) {
    ((Mergeable) into).merge((Mergeable) from);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean takePart(Object into, Object merged, int part, int parts) {
    return ((Mergeable) into).takePart((Mergeable) merged, part, parts);
  }

  // 8. takePart with a share so small that the weights underflow: CluStream's centres were NaN.
  //    D-Stream's densities over parts underflowed to 0, a state that could not be loaded.
  @Test
  void takePart_tinyShare_finiteSavableOrRefused() throws Exception {
    for (String name : Clusterers.names()) {
      if (!Clusterers.provider(name).capabilities().contains(io.eddy.Capability.MERGEABLE)
          || !Clusterers.provider(name).capabilities().contains(io.eddy.Capability.ONLINE)) {
        continue;
      }
      OnlineClusterer<?> merged = Clusterers.online(name, Map.of());
      boolean weighted = Clusterers.provider(name).capabilities().contains(io.eddy.Capability.WEIGHTED);
      SplittableRandom r = new SplittableRandom(4);
      for (int i = 0; i < 3000; i++) {
        double[] p = {r.nextGaussian() + 4 * (i % 3), r.nextGaussian()};
        if (weighted) {
          merged.learn(p, i % 2 == 0 ? Double.MIN_VALUE : 1e-300);
        } else {
          merged.learn(p);
        }
      }
      OnlineClusterer<?> part = Clusterers.online(name, Map.of());
      try {
        if (!takePart(part, merged, 0, Integer.MAX_VALUE)) {
          continue;
        }
      } catch (IllegalArgumentException refused) {
        continue;
      }
      if (part.isReady()) {
        part.snapshot();
      }
      assertSavable(part);
    }
  }

  // 6. A forged ClusTree record whose child pointers loop was read without complaint; every walk
  //    of the tree (learn, snapshot, merge) follows those pointers. The record is written from a
  //    state whose pointers were bent, as a forger would write the bytes (the writer checks nothing).
  @Test
  void clusTree_codec_childPointerCycle_isAFormatError() throws Exception {
    ClusTree c = new ClusTree(ClusTree.Params.DEFAULTS.withMaxEntries(2));
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 400; i++) {
      c.learn(new double[] {r.nextGaussian() * 10, r.nextGaussian() * 10});
    }
    assertThat(c.height()).isGreaterThanOrEqualTo(3);
    int[] child = field(c, "child");
    int fan = 2;
    int root = (Integer) field(c, "root");
    int below = child[root * fan];
    int belowThat = child[below * fan];
    assertSavable(c);
    child[belowThat * fan] = below; // a loop: below -> belowThat -> below
    byte[] forged = ModelIO.toBytes(c);
    assertThatThrownBy(() -> ModelIO.fromBytes(forged, ClusTree.class)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("not a tree");
  }

  // 6. A DBSTREAM record still estimating r (radius 0, nothing buffered) with micro-clusters
  //    made at a radius.
  @Test
  void dbstream_codec_estimatingRadiusWithMicroClusters_isAFormatError() throws Exception {
    Dbstream c = new Dbstream(Dbstream.Params.DEFAULTS);
    SplittableRandom r = new SplittableRandom(6);
    for (int i = 0; i < 3000; i++) {
      c.learn(new double[] {r.nextGaussian(), r.nextGaussian()});
    }
    assertThat(c.radius()).isPositive();
    byte[] bytes = ModelIO.toBytes(c);
    int at = Issue14HardeningTest.afterConfiguration(bytes);
    assertThat(java.nio.ByteBuffer.wrap(bytes).getDouble(at)).isEqualTo(c.radius());
    byte[] forged = bytes.clone();
    java.nio.ByteBuffer.wrap(forged).putDouble(at, 0);
    // it loaded, and the next learn threw ArrayIndexOutOfBoundsException into the empty buffer
    assertThatThrownBy(() -> ModelIO.fromBytes(Issue14HardeningTest.reseal(forged), Dbstream.class))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("warm-up buffer of 0 points");
  }

  // 9. Counts above 2^62 and non-finite weights written over every field of a saved state, as a
  //    forger with a valid checksum would: each read either fails with ModelFormatException or
  //    gives a state whose count stays within 2^62 and that still learns, snapshots and saves.
  @Test
  void everyOnlineCodec_forgedHugeCountsOrNonFiniteWeights_rejectedOrHarmless() throws Exception {
    java.util.List<String> failures = new java.util.ArrayList<>();
    for (String name : Clusterers.names()) {
      if (!Clusterers.provider(name).capabilities().contains(io.eddy.Capability.ONLINE)) {
        continue;
      }
      OnlineClusterer<?> c = Clusterers.online(name, Map.of());
      SplittableRandom r = new SplittableRandom(7);
      // few points, so that the records stay short: every offset of each is forged three times
      for (int i = 0; i < 30; i++) {
        c.learn(new double[] {r.nextGaussian() + 5 * (i % 3), r.nextGaussian()});
      }
      byte[] good = ModelIO.toBytes(c);
      int from = Issue14HardeningTest.afterConfiguration(good);
      for (int at = from; at + 8 <= good.length - 4; at++) {
        // a count just above the limit, a non-finite double, and a weight of 2^63 (read as a
        // long, 0x43e0... is also a count far above the limit)
        for (long forgedValue : new long[] {1L << 62, Double.doubleToLongBits(Double.NaN),
            Double.doubleToLongBits(0x1p63)}) {
          byte[] forged = good.clone();
          java.nio.ByteBuffer.wrap(forged).putLong(at, forgedValue);
          OnlineClusterer<?> read;
          try {
            read = ModelIO.fromBytes(Issue14HardeningTest.reseal(forged), c.getClass());
          } catch (ModelFormatException expected) {
            continue;
          }
          String what = name + " with " + Long.toHexString(forgedValue) + " at " + at + ": ";
          try {
            if (read.seen() > io.eddy.io.StateInput.MAX_COUNT) {
              failures.add(what + "seen " + read.seen());
              continue;
            }
            if (read.isReady()) {
              read.snapshot();
            }
            read.learn(new double[] {1, 2});
            assertSavable(read);
          } catch (Exception | AssertionError e) {
            failures.add(what + e);
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  // Found by HostileInputSweepTest: with a step near 1 a mean's rounded step overshot a point
  //    at Points.MAX_ABS, and the snapshot refused a mean of -1.0000000000000002E100.
  @Test
  void onlineGmm_stepNearOne_meansStayWithinTheRange() throws Exception {
    OnlineGaussianMixture g = new OnlineGaussianMixture(
        OnlineGaussianMixture.Params.DEFAULTS.withWarmup(40).withMinStep(1 - 1e-12));
    SplittableRandom r = new SplittableRandom(8);
    for (int i = 0; i < 2000; i++) {
      double s = r.nextBoolean() ? 1 : -1;
      double[] p = switch (r.nextInt(4)) {
        case 0 -> new double[] {s * Points.MAX_ABS, -s * Points.MAX_ABS};
        case 1 -> new double[] {s * Points.MAX_ABS, r.nextGaussian()};
        default -> new double[] {r.nextGaussian() * 3, r.nextGaussian()};
      };
      g.learn(p);
      if (g.isReady()) {
        g.snapshot();
      }
    }
    assertSavable(g);
  }

  // Found by HostileInputSweepTest: sequential k-means saved its whole arrays, so a state the
  //    registry accepts (k = 2^24, a warm-up of 2^24 points of dimension 2) could not be saved:
  //    OutOfMemoryError. The record now holds the rows in use; k = 2^22 keeps this test's heap
  //    small (before the fix even that ran the test heap out of memory).
  @Test
  void sequentialKMeans_hugeK_savesWhatItHolds() throws Exception {
    SequentialKMeans s = new SequentialKMeans(SequentialKMeans.Params.DEFAULTS.withK(1 << 22));
    for (int i = 0; i < 100; i++) {
      s.learn(new double[] {i, -i});
    }
    byte[] saved = ModelIO.toBytes(s);
    assertThat(saved.length).isLessThan(1 << 16);
    SequentialKMeans read = ModelIO.fromBytes(saved, SequentialKMeans.class);
    assertThat(ModelIO.toBytes(read)).isEqualTo(saved);
    read.learn(new double[] {1, 1});
    assertThat(read.seen()).isEqualTo(101);
  }

  @SuppressWarnings("unchecked")
  private static <T> T field(Object o, String name) throws ReflectiveOperationException {
    java.lang.reflect.Field f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return (T) f.get(o);
  }
}
