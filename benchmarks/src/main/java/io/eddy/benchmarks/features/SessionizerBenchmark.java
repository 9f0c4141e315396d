package io.eddy.benchmarks.features;

import io.eddy.features.ClickEvent;
import io.eddy.features.Session;
import io.eddy.features.Sessionizer;
import java.time.Duration;
import java.util.HashMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Sessionizer#accept(ClickEvent)} per event on a pre-generated stream: 5,000 users, an
 * event every 200 ms on average (so a user's events are ~17 minutes apart and about half of
 * their gaps exceed the 30-minute inactivity gap), with and without 2 minutes of arrival
 * jitter under a 5-minute allowed lateness. Sessions close as time passes and go to a
 * consumer that counts them; the cost per event therefore includes its share of closing and
 * building {@link Session}s. The baseline is the least any sessionizer must do: a hash
 * look-up of the user and an update of its last-seen time.
 *
 * <p>The stream has 2^20 events; when it wraps, a fresh sessionizer starts (one reset per
 * million events).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar SessionizerBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SessionizerBenchmark {

  private static final int N = 1 << 20;
  private static final int MASK = N - 1;
  private static final int USERS = 5000;

  /** Arrival jitter in minutes (0: in time order). */
  @Param({"0", "2"})
  public int jitterMinutes;

  private ClickEvent[] events;
  private Sessionizer sessionizer;
  private long sessions;
  private HashMap<String, long[]> lastSeen;
  private int i;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(5);
    String[] users = new String[USERS];
    for (int u = 0; u < USERS; u++) {
      users[u] = "user-" + u;
    }
    String[] types = {"view", "view", "view", "cart", "purchase"};
    events = new ClickEvent[N];
    long t = 1_700_000_000_000L;
    long jitter = jitterMinutes * 60_000L;
    for (int k = 0; k < N; k++) {
      t += r.nextLong(1, 400);
      long at = jitter == 0 ? t : t - r.nextLong(0, jitter);
      events[k] = new ClickEvent(users[r.nextInt(USERS)], at, types[r.nextInt(types.length)],
          "p" + r.nextInt(500), r.nextInt(4) == 0 ? r.nextDouble(1, 100) : 0);
    }
    sessionizer = newSessionizer();
    lastSeen = new HashMap<>();
    for (String u : users) {
      lastSeen.put(u, new long[1]);
    }
  }

  private Sessionizer newSessionizer() {
    return new Sessionizer(Sessionizer.Params.DEFAULTS.withAllowedLateness(Duration.ofMinutes(5)),
        s -> sessions++, null);
  }

  @Benchmark
  public long accept() {
    int k = i++ & MASK;
    if (k == 0) {
      sessionizer = newSessionizer();
    }
    sessionizer.accept(events[k]);
    return sessions;
  }

  @Benchmark
  public long hashLookupBaseline() {
    ClickEvent e = events[i++ & MASK];
    long[] last = lastSeen.get(e.userId());
    long gap = e.time() - last[0];
    last[0] = e.time();
    return gap;
  }
}
