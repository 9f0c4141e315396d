package io.eddy.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.Capability;
import io.eddy.Clusterers;
import io.eddy.DecayingClusterer;
import io.eddy.OnlineClusterer;
import io.eddy.Parameter;
import io.eddy.Points;
import io.eddy.io.ModelIO;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's promise, swept over every registered online clusterer with its defaults and with
 * each parameter in turn at the edges of its declared range: a seeded stream of ordinary,
 * extreme, subnormal and repeated points, extreme weights and far-apart time stamps either
 * learns or is rejected with {@link IllegalArgumentException}, a rejected call leaves the saved
 * bytes unchanged, and at the end the snapshot builds and the state saves and loads back to the
 * same bytes. Every failure is collected, so that one run lists them all.
 */
class HostileInputSweepTest {

  /** Points per configuration: enough for every warm-up that the sweep's edges allow to end. */
  private static final int STREAM = 120;

  /**
   * Sizes near the int limit are left to Issue14AuditTest and Issue14HardeningTest: a state of
   * 2^24 centres takes seconds to save, and the sweep saves before every hostile call.
   */
  private static final int[] INTS = {0, 1, 2, 3, 64, Integer.MAX_VALUE};
  private static final long[] LONGS = {Long.MIN_VALUE, 0, 1, Long.MAX_VALUE};
  private static final double[] DOUBLES = {Double.MIN_VALUE, 1e-300, 1e-100, 1e-12, 0.5, 1 - 1e-12, 1, 1e12,
      1e100, 1e300, Double.MAX_VALUE};
  private static final String[] TEXTS = {"1e-100", "1e100", "1e-300", "1e300"};

  @Test
  void everyOnlineClusterer_atItsDefaultsAndRangeEdges_onlyRejectsAndAlwaysSaves() {
    List<String> failures = new ArrayList<>();
    for (String name : Clusterers.names()) {
      if (!Clusterers.provider(name).capabilities().contains(Capability.ONLINE)) {
        continue;
      }
      for (Map<String, Object> config : configurations(name)) {
        String what = name + " " + config;
        try {
          run(Clusterers.online(name, config), what, failures);
        } catch (Throwable t) {
          failures.add(what + ": " + t);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  /**
   * Warm-ups short enough for the stream to end them, so that the swept edges reach the
   * learning proper; each applies where the clusterer has the parameter.
   */
  private static final Map<String, Object> SHORT_WARMUPS = Map.of("initPoints", 20, "batchSize", 16,
      "warmup", 40, "coresetSize", 20, "snapshotInterval", 10);

  /**
   * The defaults, the defaults with short warm-ups, then each parameter alone at every edge
   * value its range accepts, with the short warm-ups of the other parameters.
   */
  private static List<Map<String, Object>> configurations(String name) {
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(Map.of());
    Map<String, Object> base = new HashMap<>();
    for (Parameter p : Clusterers.provider(name).parameters()) {
      if (SHORT_WARMUPS.containsKey(p.name())) {
        base.put(p.name(), SHORT_WARMUPS.get(p.name()));
      }
    }
    out.add(base);
    for (Parameter p : Clusterers.provider(name).parameters()) {
      List<Object> values = new ArrayList<>();
      switch (p.type()) {
        case INT -> Arrays.stream(INTS).forEach(values::add);
        case LONG -> Arrays.stream(LONGS).forEach(values::add);
        case DOUBLE -> Arrays.stream(DOUBLES).forEach(values::add);
        case TEXT -> values.addAll(List.of(TEXTS));
        default -> values.addAll(p.choices());
      }
      for (Object v : values) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(p.name(), v);
        try {
          Clusterers.online(name, config);
        } catch (IllegalArgumentException outOfRange) {
          continue;
        }
        out.add(config);
      }
    }
    return out;
  }

  private static void run(OnlineClusterer<?> c, String what, List<String> failures) {
    SplittableRandom r = new SplittableRandom(what.hashCode());
    boolean weighted = Clusterers.provider(providerName(what)).capabilities().contains(Capability.WEIGHTED);
    DecayingClusterer<?> timed = c instanceof DecayingClusterer<?> dc ? dc : null;
    double[] previous = {0, 0};
    byte[] fresh = ModelIO.toBytes(c);
    for (int i = 0; i < STREAM; i++) {
      double[] p = point(r, previous);
      double w = weight(r);
      double t = timed == null ? 0 : time(r, timed.time());
      previous = p;
      boolean hostile = isHostile(p, w, t, timed);
      byte[] before = hostile ? ModelIO.toBytes(c) : null;
      try {
        if (timed != null && r.nextInt(3) == 0) {
          timed.learn(p, w, t);
        } else if (weighted && r.nextBoolean()) {
          c.learn(p, w);
        } else {
          c.learn(p);
        }
      } catch (IllegalArgumentException rejected) {
        if (before == null) {
          // an ordinary point may only be refused by a configuration too large for this heap
          before = fresh;
        }
        if (!Arrays.equals(before, ModelIO.toBytes(c))) {
          failures.add(what + " step " + i + ": rejecting " + Arrays.toString(p) + " w " + w + " t " + t
              + " changed the state (" + rejected.getMessage() + ")");
          return;
        }
      } catch (Throwable e) {
        failures.add(what + " step " + i + " " + Arrays.toString(p) + " w " + w + " t " + t + ": " + e);
        return;
      }
    }
    try {
      if (c.isReady()) { // before, snapshot() has its documented IllegalStateException
        c.snapshot();
        c.predict(new double[] {0, 0});
      }
      byte[] saved = ModelIO.toBytes(c);
      byte[] again = ModelIO.toBytes(ModelIO.fromBytes(saved, c.getClass()));
      if (!Arrays.equals(saved, again)) {
        failures.add(what + ": the loaded state saves to other bytes");
      }
    } catch (Throwable e) {
      failures.add(what + " after the stream: " + e);
    }
  }

  private static String providerName(String what) {
    return what.substring(0, what.indexOf(' '));
  }

  /** A point of one of the stream's kinds; half of them ordinary. */
  private static double[] point(SplittableRandom r, double[] previous) {
    double s = r.nextBoolean() ? 1 : -1;
    return switch (r.nextInt(16)) {
      case 0 -> new double[] {s * 1e300, 0};
      case 1 -> new double[] {s * Double.MAX_VALUE, s * Double.MAX_VALUE};
      case 2 -> new double[] {s * Points.MAX_ABS, -s * Points.MAX_ABS};
      case 3 -> new double[] {s * Double.MIN_VALUE, Double.MIN_NORMAL / 3};
      case 4, 5 -> previous.clone();
      case 6 -> new double[] {s * Points.MAX_ABS, r.nextGaussian()};
      case 7 -> new double[] {1, 1};
      default -> new double[] {r.nextGaussian() * 3, r.nextGaussian()};
    };
  }

  private static double weight(SplittableRandom r) {
    return switch (r.nextInt(10)) {
      case 0 -> 1e-300;
      case 1 -> 1e308;
      case 2 -> Points.MAX_WEIGHT;
      case 3 -> Double.MIN_VALUE;
      default -> 1;
    };
  }

  /** The next time stamp: mostly a step of one, sometimes far ahead, sometimes backwards. */
  private static double time(SplittableRandom r, double now) {
    return switch (r.nextInt(12)) {
      case 0 -> now + 1e15;
      case 1 -> now < 1e300 ? 1e300 : now;
      case 2 -> now - 1;
      case 3 -> now;
      default -> now + 1;
    };
  }

  /** Whether the call may be rejected: anything beyond an ordinary point, weight and step. */
  private static boolean isHostile(double[] p, double w, double t, DecayingClusterer<?> timed) {
    boolean ordinaryTime = timed == null || t == timed.time() + 1;
    return w != 1 || !ordinaryTime || !(Math.abs(p[0]) < 1e3 && Math.abs(p[1]) < 1e3 && Math.abs(p[0]) > 1e-3);
  }
}
