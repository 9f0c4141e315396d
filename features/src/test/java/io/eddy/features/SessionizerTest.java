package io.eddy.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SessionizerTest {

  private static final long MIN = 60_000L;
  private static final long GAP = 30 * MIN;
  private static final long T0 = Instant.parse("2024-03-04T10:00:00Z").toEpochMilli(); // a Monday

  private final List<Session> closed = new ArrayList<>();
  private final List<ClickEvent> lateOnes = new ArrayList<>();

  private Sessionizer sessionizer(Sessionizer.Params p) {
    return new Sessionizer(p, closed::add, lateOnes::add);
  }

  private static ClickEvent ev(String user, long t) {
    return new ClickEvent(user, t, "view", "p" + (t % 3), 1);
  }

  private static List<Long> starts(List<Session> sessions) {
    return sessions.stream().sorted(Comparator.comparingLong(Session::start)).map(Session::start).toList();
  }

  @Test
  void accept_gapExactlyAtThresholdContinuesTheSession() {
    Sessionizer s = sessionizer(Sessionizer.Params.DEFAULTS);
    s.accept(ev("u", T0));
    s.accept(ev("u", T0 + GAP));
    s.flush();
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).events()).hasSize(2);
  }

  @Test
  void accept_gapJustUnderContinuesAndJustOverSplits() {
    Sessionizer s = sessionizer(Sessionizer.Params.DEFAULTS);
    s.accept(ev("u", T0));
    s.accept(ev("u", T0 + GAP - 1));
    s.accept(ev("u", T0 + 2 * GAP));
    s.flush();
    assertThat(closed).hasSize(2);
    assertThat(closed.get(0).end()).isEqualTo(T0 + GAP - 1);
    assertThat(closed.get(1).start()).isEqualTo(T0 + 2 * GAP);
  }

  @Test
  void accept_closesIdleSessionsAsTimeAdvances() {
    Sessionizer s = sessionizer(Sessionizer.Params.DEFAULTS);
    s.accept(ev("a", T0));
    s.accept(ev("b", T0 + 10 * MIN));
    // At exactly end + gap the session could still grow: not closed.
    s.accept(ev("c", T0 + GAP));
    assertThat(closed).isEmpty();
    s.accept(ev("c", T0 + GAP + 1));
    assertThat(closed).extracting(Session::userId).containsExactly("a");
    s.advanceTo(T0 + 10 * MIN + GAP + 1);
    assertThat(closed).extracting(Session::userId).containsExactly("a", "b");
    assertThat(s.openSessions()).isEqualTo(1);
  }

  @Test
  void accept_lateEventWithinLatenessIsPlacedAndBridgesSessions() {
    Sessionizer s = sessionizer(Sessionizer.Params.DEFAULTS.withAllowedLateness(Duration.ofMinutes(60)));
    s.accept(ev("u", T0));
    s.accept(ev("u", T0 + 50 * MIN)); // 50 min later: a second session
    assertThat(s.openSessions()).isEqualTo(2);
    s.accept(ev("u", T0 + 25 * MIN)); // late by 25 min, within 30 of both: joins them
    assertThat(s.openSessions()).isEqualTo(1);
    s.flush();
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).events()).extracting(ClickEvent::time)
        .containsExactly(T0, T0 + 25 * MIN, T0 + 50 * MIN);
    assertThat(s.lateEvents()).isZero();
  }

  @Test
  void accept_lateEventStartsEarlierSessionWhenOutOfReach() {
    Sessionizer s = sessionizer(Sessionizer.Params.DEFAULTS.withAllowedLateness(Duration.ofHours(2)));
    s.accept(ev("u", T0 + 90 * MIN));
    s.accept(ev("u", T0)); // 90 min before: its own, earlier session
    s.flush();
    assertThat(starts(closed)).containsExactly(T0, T0 + 90 * MIN);
  }

  @Test
  void accept_eventsLaterThanAllowedAreCountedAndReportedNeverDropped() {
    Sessionizer s = sessionizer(Sessionizer.Params.DEFAULTS.withAllowedLateness(Duration.ofMinutes(5)));
    s.accept(ev("u", T0 + 60 * MIN));
    assertThat(s.accept(ev("v", T0 + 55 * MIN))).isTrue(); // exactly at the watermark
    assertThat(s.accept(ev("v", T0 + 55 * MIN - 1))).isFalse();
    assertThat(s.lateEvents()).isEqualTo(1);
    assertThat(lateOnes).extracting(ClickEvent::time).containsExactly(T0 + 55 * MIN - 1);
    s.flush();
    long inSessions = closed.stream().mapToLong(x -> x.events().size()).sum();
    assertThat(inSessions + s.lateEvents()).isEqualTo(3);
  }

  @Test
  void accept_maxDurationSplitsLongSessions() {
    Sessionizer s = sessionizer(Sessionizer.Params.DEFAULTS.withMaxDuration(Duration.ofMinutes(60)));
    for (int i = 0; i <= 10; i++) {
      s.accept(ev("u", T0 + i * 10 * MIN)); // every 10 min for 100 min
    }
    s.flush();
    assertThat(starts(closed)).containsExactly(T0, T0 + 70 * MIN);
    assertThat(closed.get(0).durationMillis()).isEqualTo(60 * MIN);
  }

  @Test
  void accept_outOfOrderWithinLatenessEqualsSortedStream() {
    SplittableRandom rnd = new SplittableRandom(11);
    List<ClickEvent> sorted = new ArrayList<>();
    long t = T0;
    for (int i = 0; i < 2000; i++) {
      t += rnd.nextLong(0, 8 * MIN);
      sorted.add(ev("u" + rnd.nextInt(20), t));
    }
    // Jitter arrival by up to 10 minutes, well within a lateness of 15.
    List<ClickEvent> arrival = new ArrayList<>(sorted);
    long[] keys = new long[arrival.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = arrival.get(i).time() + rnd.nextLong(0, 10 * MIN);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong(i -> keys[i]));
    Sessionizer.Params p = Sessionizer.Params.DEFAULTS.withAllowedLateness(Duration.ofMinutes(15));
    Sessionizer jittered = sessionizer(p);
    for (int i : order) {
      jittered.accept(arrival.get(i));
    }
    jittered.flush();
    List<Session> fromJitter = new ArrayList<>(closed);
    closed.clear();
    Sessionizer inOrder = sessionizer(p);
    sorted.forEach(inOrder::accept);
    inOrder.flush();
    Comparator<Session> key = Comparator.comparing(Session::userId).thenComparingLong(Session::start);
    fromJitter.sort(key);
    closed.sort(key);
    assertThat(jittered.lateEvents()).isZero();
    assertThat(fromJitter).extracting(Session::userId, Session::start, Session::end, x -> x.events().size())
        .isEqualTo(closed.stream().map(x -> org.assertj.core.groups.Tuple.tuple(x.userId(), x.start(), x.end(),
            x.events().size())).toList());
  }

  /** The definition, naively: sort each user's events, cut where the gap or the span is exceeded. */
  private static List<String> naiveSessions(List<ClickEvent> events, long gap, long max) {
    java.util.Map<String, List<Long>> byUser = new java.util.TreeMap<>();
    for (ClickEvent e : events) {
      byUser.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e.time());
    }
    List<String> out = new ArrayList<>();
    byUser.forEach((user, times) -> {
      Collections.sort(times);
      long start = times.get(0);
      long prev = start;
      int count = 0;
      for (long t : times) {
        if (t - prev > gap || t - start > max) {
          out.add(user + "@" + start + "-" + prev + "x" + count);
          start = t;
          count = 0;
        }
        prev = t;
        count++;
      }
      out.add(user + "@" + start + "-" + prev + "x" + count);
    });
    Collections.sort(out);
    return out;
  }

  private static List<String> keys(List<Session> sessions) {
    List<String> out = new ArrayList<>();
    for (Session x : sessions) {
      out.add(x.userId() + "@" + x.start() + "-" + x.end() + "x" + x.events().size());
    }
    Collections.sort(out);
    return out;
  }

  @Test
  void accept_randomStreamsMatchTheNaiveDefinition() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      boolean withMax = seed % 2 == 0;
      long max = withMax ? 45 * MIN : Long.MAX_VALUE;
      List<ClickEvent> events = new ArrayList<>();
      long t = T0;
      for (int i = 0; i < 3000; i++) {
        t += rnd.nextLong(0, 6 * MIN);
        events.add(ev("u" + rnd.nextInt(15), t));
      }
      // Without a maximum, arrival order may be jittered within the lateness; with one, the
      // split points depend on order by definition, so the stream stays in time order.
      List<ClickEvent> arrival = new ArrayList<>(events);
      if (!withMax) {
        long[] key = new long[arrival.size()];
        for (int i = 0; i < key.length; i++) {
          key[i] = arrival.get(i).time() + rnd.nextLong(0, 20 * MIN);
        }
        Integer[] idx = new Integer[key.length];
        for (int i = 0; i < idx.length; i++) {
          idx[i] = i;
        }
        java.util.Arrays.sort(idx, Comparator.comparingLong(i -> key[i]));
        List<ClickEvent> shuffled = new ArrayList<>();
        for (int i : idx) {
          shuffled.add(arrival.get(i));
        }
        arrival = shuffled;
      }
      closed.clear();
      Sessionizer.Params p = Sessionizer.Params.DEFAULTS.withAllowedLateness(Duration.ofMinutes(20))
          .withMaxDuration(withMax ? Duration.ofMinutes(45) : Duration.ZERO);
      Sessionizer s = sessionizer(p);
      arrival.forEach(s::accept);
      s.flush();
      assertThat(s.lateEvents()).as("seed " + seed).isZero();
      assertThat(keys(closed)).as("seed " + seed).isEqualTo(naiveSessions(events, GAP, max));
    }
  }

  @Test
  void memory_holdsOnlyOpenSessions() {
    Sessionizer s = sessionizer(Sessionizer.Params.DEFAULTS);
    for (int i = 0; i < 10_000; i++) {
      s.accept(ev("u" + i, T0 + i * MIN)); // each user once, a minute apart
    }
    assertThat(s.openSessions()).isLessThanOrEqualTo(31);
    assertThat(s.closedSessions() + s.openSessions()).isEqualTo(10_000);
  }

  @Test
  void params_validate() {
    assertThatThrownBy(() -> Sessionizer.Params.DEFAULTS.withGap(Duration.ZERO)).hasMessageContaining("gap");
    assertThatThrownBy(() -> Sessionizer.Params.DEFAULTS.withAllowedLateness(Duration.ofSeconds(-1)))
        .hasMessageContaining("allowedLateness");
  }

  @Test
  void features_valuesAndNames() {
    long start = Instant.parse("2024-03-06T18:30:00Z").toEpochMilli(); // a Wednesday
    Session s = new Session("u", start, start + 12 * MIN, List.of(
        new ClickEvent("u", start, "view", "a", 0),
        new ClickEvent("u", start + 2 * MIN, "cart", "a", 9.5),
        new ClickEvent("u", start + 5 * MIN, "search", null, 0),
        new ClickEvent("u", start + 12 * MIN, "purchase", "b", 20)));
    SessionFeatures plain = new SessionFeatures(SessionFeatures.Params.DEFAULTS.withCyclical(false)
        .withItemTypes(Set.of("cart", "purchase")));
    assertThat(plain.names()).containsExactly("event_count", "total_items", "total_value", "unique_products",
        "duration_min", "hour", "day_of_week");
    assertThat(plain.extract(s)).containsExactly(4, 2, 29.5, 2, 12, 18.5, 2);
    SessionFeatures cyc = new SessionFeatures(SessionFeatures.Params.DEFAULTS);
    double[] f = cyc.extract(s);
    assertThat(f[1]).isEqualTo(3); // every type counts: three events carry a product
    assertThat(f[5]).isCloseTo(Math.sin(2 * Math.PI * 18.5 / 24), within(1e-15));
    assertThat(f[6]).isCloseTo(Math.cos(2 * Math.PI * 18.5 / 24), within(1e-15));
    assertThat(f[7]).isCloseTo(Math.sin(2 * Math.PI * 2 / 7), within(1e-15));
    // In Tokyo the session starts on Thursday at 03:30.
    double[] tokyo = new SessionFeatures(SessionFeatures.Params.DEFAULTS.withCyclical(false)
        .withZone(ZoneId.of("Asia/Tokyo"))).extract(s);
    assertThat(tokyo[5]).isEqualTo(3.5);
    assertThat(tokyo[6]).isEqualTo(3);
  }
}
