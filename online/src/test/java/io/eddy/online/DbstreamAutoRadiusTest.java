package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eddy.ClusterModel;
import io.eddy.Clusterers;
import io.eddy.io.ModelIO;
import io.eddy.testkit.Blobs;
import io.eddy.testkit.DriftingMixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** r = auto: the estimate, its scale, the warm-up that loses no point, and its persistence. */
class DbstreamAutoRadiusTest {

  private static double[][] drifting(long seed, int n) {
    DriftingMixture s = new DriftingMixture(seed);
    double[][] p = new double[n][8];
    for (double[] x : p) {
      s.next(x);
    }
    return p;
  }

  @Test
  public void registry_autoIsTheDefault_andTheEstimateIsReported() {
    Dbstream c = (Dbstream) Clusterers.online("dbstream", Map.of("r", "auto"));
    assertThat(c.params()).isEqualTo(Dbstream.Params.DEFAULTS);
    assertThat(c.params().r()).isEqualTo(Dbstream.Params.AUTO);
    assertThat(Clusterers.online("dbstream", Map.of()).configuration().get("r")).isEqualTo("auto");
    assertThat(c.radius()).isNaN();
    for (double[] x : drifting(1, 1500)) {
      c.learn(x);
    }
    assertThat(c.radius()).isBetween(1e-3, 1.0);
    assertThat(c.configuration().get("r")).isEqualTo(Double.toString(c.radius()));
    assertThat(c.snapshot().radius()).isEqualTo(c.radius());
    Dbstream rebuilt = (Dbstream) Clusterers.online("dbstream", c.configuration());
    assertThat(rebuilt.radius()).isEqualTo(c.radius());
  }

  @Test
  public void estimate_onDriftingMixture_liesWithinTheClustersSpread() {
    // Per-dimension sd in [0.015, 0.035] at d = 8: RMS radii sd·√8 from 0.042 to 0.099.
    for (long seed = 1; seed <= 3; seed++) {
      Dbstream c = new Dbstream();
      for (double[] x : drifting(seed, Dbstream.AUTO_WARMUP)) {
        c.learn(x);
      }
      assertThat(c.radius()).as("seed %d", seed).isBetween(0.015 * Math.sqrt(8), 0.035 * Math.sqrt(8));
    }
  }

  @Test
  public void estimate_scalesWithTheData_andMatchesBlobSpread() {
    Blobs b = Blobs.generate(3, Dbstream.AUTO_WARMUP, 8, 5, 1.0);
    int n = b.points().length;
    double[] flat = new double[n * 8];
    double[] scaled = new double[n * 8];
    double[] pow2 = new double[n * 8];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 8; j++) {
        flat[i * 8 + j] = b.points()[i][j];
        scaled[i * 8 + j] = 1000 * b.points()[i][j];
        pow2[i * 8 + j] = 1024 * b.points()[i][j];
      }
    }
    double r = Dbstream.estimateRadius(flat, n, 8);
    assertThat(r).as("within 2x of the blobs' RMS radius sd·√d").isBetween(Math.sqrt(8) / 2, Math.sqrt(8) * 2);
    assertThat(Dbstream.estimateRadius(scaled, n, 8)).isCloseTo(1000 * r, within(1e-9 * r));
    assertThat(Dbstream.estimateRadius(pow2, n, 8)).as("exact under a power-of-two scale").isEqualTo(1024 * r);
  }

  @Test
  public void estimate_degenerateSamples() {
    assertThat(Dbstream.estimateRadius(new double[] {5, 5, 5, 5, 5, 5}, 6, 1)).as("all equal").isEqualTo(1.0);
    double[] mostlyEqual = new double[100];
    for (int i = 80; i < 100; i++) {
      mostlyEqual[i] = i;
    }
    assertThat(Dbstream.estimateRadius(mostlyEqual, 100, 1)).as("positive distances when most coincide")
        .isGreaterThan(0);
    assertThat(Dbstream.estimateRadius(new double[] {-1e100, 1e100}, 2, 1)).isEqualTo(1e100);
  }

  @Test
  public void warmup_losesNoPoint_andEqualsExplicitRadius() {
    double[][] pts = drifting(4, 6000);
    Dbstream auto = new Dbstream();
    for (int i = 0; i < pts.length; i++) {
      auto.learn(pts[i]);
      if (i == Dbstream.AUTO_WARMUP - 2) {
        assertThat(auto.microClusterCount()).as("still buffering").isZero();
        assertThat(auto.radius()).isNaN();
        byte[] before = ModelIO.toBytes(auto);
        DbstreamModel provisional = auto.snapshot();
        assertThat(ModelIO.toBytes(auto)).as("a provisional snapshot changes nothing").isEqualTo(before);
        assertThat(provisional.clusterCount()).as("segments before the warm-up ends").isGreaterThanOrEqualTo(10);
        assertThat(provisional.radius()).as("from a sample of the buffer")
            .isBetween(estimate(pts, i + 1) / 2, estimate(pts, i + 1) * 2);
        int clustered = 0;
        for (int k = 0; k < 500; k++) {
          clustered += auto.predict(pts[k]) == ClusterModel.NOISE ? 0 : 1;
        }
        assertThat(clustered).as("of 500 buffered points, 95 % from clusters").isGreaterThan(400);
      }
    }
    Dbstream explicit = new Dbstream(Dbstream.Params.DEFAULTS.withR(auto.radius()));
    for (double[] x : pts) {
      explicit.learn(x);
    }
    assertThat(auto.seen()).isEqualTo(explicit.seen());
    assertThat(auto.snapshot()).as("the buffered points were learned as with r given").isEqualTo(explicit.snapshot());
    assertThat(auto.snapshot().clusterCount()).isGreaterThanOrEqualTo(10);
  }

  @Test
  public void warmup_eventTimeAndWeights_replayedWithTheirTimes() {
    double[][] pts = drifting(5, 3000);
    Dbstream auto = new Dbstream(Dbstream.Params.DEFAULTS.withTGap(50).withLambda(0.01));
    for (int i = 0; i < pts.length; i++) {
      auto.learn(pts[i], 1 + (i % 3), i / 4.0);
    }
    Dbstream explicit = new Dbstream(auto.params().withR(auto.radius()));
    for (int i = 0; i < pts.length; i++) {
      explicit.learn(pts[i], 1 + (i % 3), i / 4.0);
    }
    assertThat(auto.snapshot()).isEqualTo(explicit.snapshot());
    assertThat(auto.time()).isEqualTo(explicit.time());
  }

  @Test
  public void persistence_midWarmupAndAfter_continuesBitForBit() throws Exception {
    double[][] pts = drifting(6, 4000);
    for (int saveAt : new int[] {0, 1, 500, Dbstream.AUTO_WARMUP - 1, Dbstream.AUTO_WARMUP, 2500}) {
      Dbstream a = new Dbstream();
      for (int i = 0; i < saveAt; i++) {
        a.learn(pts[i]);
      }
      Dbstream b = ModelIO.fromBytes(ModelIO.toBytes(a), Dbstream.class);
      assertThat((Object) b.radius()).as("saved at %d", saveAt).isEqualTo(a.radius());
      for (int i = saveAt; i < pts.length; i++) {
        a.learn(pts[i]);
        b.learn(pts[i]);
      }
      assertThat(ModelIO.toBytes(b)).as("saved at %d", saveAt).isEqualTo(ModelIO.toBytes(a));
      assertThat(b.snapshot()).isEqualTo(a.snapshot());
    }
  }

  @Test
  public void merge_sideStillWarmingUp_endsItsWarmupFirst() {
    double[][] pts = drifting(7, 3000);
    Dbstream a = new Dbstream();
    Dbstream b = new Dbstream();
    for (int i = 0; i < 2000; i++) {
      a.learn(pts[i]);
    }
    for (int i = 2000; i < 2400; i++) {
      b.learn(pts[i]);
    }
    byte[] before = ModelIO.toBytes(b);
    a.merge(b);
    assertThat(ModelIO.toBytes(b)).as("the other is not changed").isEqualTo(before);
    assertThat(a.seen()).isEqualTo(2400);
    b.merge(a);
    assertThat(b.radius()).as("takes the other's radius").isEqualTo(a.radius());
    assertThat(b.microClusterCount()).isPositive();
    Dbstream c = new Dbstream();
    Dbstream e = new Dbstream();
    for (int i = 0; i < 600; i++) {
      c.learn(pts[i]);
      e.learn(pts[2000 + i]);
    }
    c.merge(e);
    assertThat(c.radius()).as("both buffering: estimated from both buffers")
        .isEqualTo(Dbstream.estimateRadius(flatten(pts, 0, 600, 2000), 1200, 8));
  }

  private static double estimate(double[][] pts, int n) {
    double[] flat = new double[n * 8];
    for (int i = 0; i < n; i++) {
      System.arraycopy(pts[i], 0, flat, i * 8, 8);
    }
    return Dbstream.estimateRadius(flat, n, 8);
  }

  private static double[] flatten(double[][] pts, int from, int n, int from2) {
    double[] out = new double[2 * n * 8];
    for (int i = 0; i < n; i++) {
      System.arraycopy(pts[from + i], 0, out, i * 8, 8);
      System.arraycopy(pts[from2 + i], 0, out, (n + i) * 8, 8);
    }
    return out;
  }
}
