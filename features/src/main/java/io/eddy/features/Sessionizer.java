package io.eddy.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Groups each user's events into sessions separated by inactivity, as they stream in.
 *
 * <p>Two events of a user belong to the same session when at most {@code gap} apart (an event
 * exactly {@code gap} after the previous one continues the session; one millisecond more
 * starts a new one). With a {@code maxDuration}, a session never spans more than that; an
 * event that would stretch it further starts the next session.
 *
 * <p><b>Time and lateness.</b> The watermark is the latest event time seen (or given to {@link
 * #advanceTo}) minus {@code allowedLateness}. An event older than the watermark is late: it is
 * counted ({@link #lateEvents()}) and handed to the late-event consumer, never silently
 * dropped. An event within the lateness is placed where it belongs: it may extend a session
 * backwards, start an earlier session, or join two sessions it bridges. A session is closed
 * and handed to the consumer once no acceptable event could still join it; sessions of
 * different users are closed in roughly the order they ended (the delay past the earliest
 * possible moment is at most {@code allowedLateness}). {@link #flush()} closes everything, at
 * the end of a stream.
 *
 * <p>Memory holds only open sessions and their events. {@link #accept} costs an expected
 * O(1) amortised (O(log m) for a late event among m events of its session, plus the list
 * insertion). Not thread-safe: one thread at a time.
 */
public final class Sessionizer {

  /**
   * The largest magnitude of an event time, and the longest duration, in milliseconds: 2^60
   * (about 36 million years either side of the epoch). Within it every sum and difference of
   * times and durations the sessionizer forms fits in a {@code long}; beyond it they could
   * wrap, joining events ages apart into one session.
   */
  public static final long MAX_TIME = 1L << 60;

  /**
   * Configuration.
   *
   * @param gap the longest inactivity inside a session, &gt; 0 (default 30 minutes)
   * @param maxDuration the longest session, &gt; 0, or {@link Duration#ZERO} for no limit
   *     (default no limit)
   * @param allowedLateness how far behind the latest event an event may arrive and still be
   *     placed, &ge; 0 (default 0: events must come in time order)
   */
  public record Params(Duration gap, Duration maxDuration, Duration allowedLateness) {

    /** 30 minutes of inactivity, no maximum, in-order events. */
    public static final Params DEFAULTS = new Params(Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO);

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if a duration is out of range, or longer than {@link
     *     #MAX_TIME} milliseconds
     */
    public Params {
      if (gap == null || gap.isNegative() || gap.isZero()) {
        throw new IllegalArgumentException("gap must be > 0, got " + gap);
      }
      if (maxDuration == null || maxDuration.isNegative()) {
        throw new IllegalArgumentException("maxDuration must be >= 0 (0 for no limit), got " + maxDuration);
      }
      if (allowedLateness == null || allowedLateness.isNegative()) {
        throw new IllegalArgumentException("allowedLateness must be >= 0, got " + allowedLateness);
      }
      requireSpan("gap", gap);
      requireSpan("maxDuration", maxDuration);
      requireSpan("allowedLateness", allowedLateness);
    }

    private static void requireSpan(String name, Duration d) {
      if (d.compareTo(Duration.ofMillis(MAX_TIME)) > 0) {
        throw new IllegalArgumentException(name + " is " + d + ", expected at most " + MAX_TIME
            + " ms (Sessionizer.MAX_TIME)");
      }
    }

    /** A copy with the inactivity gap set. */
    public Params withGap(Duration v) {
      return new Params(v, maxDuration, allowedLateness);
    }

    /** A copy with the maximum duration set ({@link Duration#ZERO} for none). */
    public Params withMaxDuration(Duration v) {
      return new Params(gap, v, allowedLateness);
    }

    /** A copy with the allowed lateness set. */
    public Params withAllowedLateness(Duration v) {
      return new Params(gap, maxDuration, v);
    }
  }

  private static final class Open {
    long start;
    long end;
    final ArrayList<ClickEvent> events = new ArrayList<>(8);
  }

  private final Params params;
  private final long gap;
  private final long max;
  private final long lateness;
  private final Consumer<Session> onClose;
  private final Consumer<ClickEvent> onLate;
  // Access order: users touched least recently come first, where closable sessions are.
  private final LinkedHashMap<String, ArrayList<Open>> open = new LinkedHashMap<>(64, 0.75f, true);
  private long latest = Long.MIN_VALUE;
  private long accepted;
  private long late;
  private long closed;
  private int openCount;

  /**
   * A sessionizer.
   *
   * @param onClose receives every closed session; called on the thread that calls
   *     {@link #accept}, {@link #advanceTo} or {@link #flush}
   * @param onLate receives every late event; may be null (they are still counted)
   */
  public Sessionizer(Params params, Consumer<Session> onClose, Consumer<ClickEvent> onLate) {
    if (params == null || onClose == null) {
      throw new IllegalArgumentException("params and onClose must not be null");
    }
    this.params = params;
    this.gap = params.gap.toMillis();
    this.max = params.maxDuration.isZero() ? Long.MAX_VALUE : params.maxDuration.toMillis();
    this.lateness = params.allowedLateness.toMillis();
    this.onClose = onClose;
    this.onLate = onLate;
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  /**
   * Takes one event: places it in its user's session, or counts it as late; then closes the
   * sessions the advanced watermark has made final.
   *
   * @param e the event; retained in its session until the session is handed out
   * @return false if the event was late
   * @throws IllegalArgumentException if the event is null or its time beyond {@link #MAX_TIME};
   *     nothing changes then
   */
  public boolean accept(ClickEvent e) {
    if (e == null) {
      throw new IllegalArgumentException("event is null");
    }
    long t = e.time();
    requireTime(t);
    if (latest != Long.MIN_VALUE && t < latest - lateness) {
      late++;
      if (onLate != null) {
        onLate.accept(e);
      }
      return false;
    }
    accepted++;
    ArrayList<Open> sessions = open.get(e.userId());
    if (sessions == null) {
      sessions = new ArrayList<>(2);
      open.put(e.userId(), sessions);
    }
    place(sessions, e);
    if (t > latest) {
      latest = t;
      sweep();
    }
    return true;
  }

  private void place(ArrayList<Open> sessions, ClickEvent e) {
    long t = e.time();
    int n = sessions.size();
    // The usual case: the event comes after everything of this user.
    if (n > 0) {
      Open last = sessions.get(n - 1);
      if (t >= last.end) {
        if (t - last.end <= gap && t - last.start <= max) {
          last.events.add(e);
          last.end = t;
          return;
        }
        sessions.add(single(e));
        openCount++;
        return;
      }
    }
    // Out of order: find the sessions within reach.
    int first = -1;
    int lastIdx = -1;
    for (int i = 0; i < n; i++) {
      Open s = sessions.get(i);
      if (t >= s.start - gap && t <= s.end + gap) {
        if (first < 0) {
          first = i;
        }
        lastIdx = i;
      }
    }
    if (first < 0) {
      int at = 0;
      while (at < n && sessions.get(at).start < t) {
        at++;
      }
      sessions.add(at, single(e));
      openCount++;
      return;
    }
    long spanStart = Math.min(t, sessions.get(first).start);
    long spanEnd = Math.max(t, sessions.get(lastIdx).end);
    if (spanEnd - spanStart <= max) {
      Open target = sessions.get(first);
      for (int i = first + 1; i <= lastIdx; i++) {
        target.events.addAll(sessions.get(first + 1).events);
        sessions.remove(first + 1);
        openCount--;
      }
      insertSorted(target, e);
      return;
    }
    // The maximum forbids merging: join the nearest session the event fits in, if any.
    int best = -1;
    long bestDistance = Long.MAX_VALUE;
    for (int i = first; i <= lastIdx; i++) {
      Open s = sessions.get(i);
      long distance = t < s.start ? s.start - t : (t > s.end ? t - s.end : 0);
      if (Math.max(t, s.end) - Math.min(t, s.start) <= max && distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    if (best >= 0) {
      insertSorted(sessions.get(best), e);
    } else {
      int at = 0;
      while (at < n && sessions.get(at).start < t) {
        at++;
      }
      sessions.add(at, single(e));
      openCount++;
    }
  }

  private static Open single(ClickEvent e) {
    Open s = new Open();
    s.start = e.time();
    s.end = e.time();
    s.events.add(e);
    return s;
  }

  private static void insertSorted(Open s, ClickEvent e) {
    long t = e.time();
    ArrayList<ClickEvent> ev = s.events;
    int lo = 0;
    int hi = ev.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ev.get(mid).time() <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    ev.add(lo, e);
    s.start = ev.get(0).time();
    s.end = ev.get(ev.size() - 1).time();
  }

  /**
   * Advances the clock without an event (for example from the wall clock, so that sessions of
   * a quiet stream still close), then closes what became final. A time before the latest
   * one seen is ignored.
   *
   * @throws IllegalArgumentException if {@code time} is beyond {@link #MAX_TIME}
   */
  public void advanceTo(long time) {
    requireTime(time);
    if (time > latest) {
      latest = time;
      sweep();
    }
  }

  private static void requireTime(long t) {
    if (t < -MAX_TIME || t > MAX_TIME) {
      throw new IllegalArgumentException("time is " + t + ", expected at most " + MAX_TIME
          + " ms from the epoch (Sessionizer.MAX_TIME)");
    }
  }

  private void sweep() {
    long watermark = latest - lateness;
    Iterator<Map.Entry<String, ArrayList<Open>>> it = open.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, ArrayList<Open>> entry = it.next();
      ArrayList<Open> sessions = entry.getValue();
      int done = 0;
      while (done < sessions.size() && closable(sessions.get(done), watermark)) {
        done++;
      }
      if (done == 0) {
        return;
      }
      for (int i = 0; i < done; i++) {
        emit(entry.getKey(), sessions.get(i));
      }
      if (done == sessions.size()) {
        it.remove();
      } else {
        sessions.subList(0, done).clear();
      }
    }
  }

  private boolean closable(Open s, long watermark) {
    // No event at or after the watermark can join: it would be more than gap after the end,
    // or stretch the session beyond its maximum.
    return watermark - s.end > gap || (max != Long.MAX_VALUE && watermark - s.start > max);
  }

  private void emit(String user, Open s) {
    openCount--;
    closed++;
    onClose.accept(new Session(user, s.start, s.end, s.events));
  }

  /** Closes every open session, user by user, each user's in time order. */
  public void flush() {
    for (Map.Entry<String, ArrayList<Open>> entry : open.entrySet()) {
      for (Open s : entry.getValue()) {
        emit(entry.getKey(), s);
      }
    }
    open.clear();
  }

  /** Events placed in a session. */
  public long acceptedEvents() {
    return accepted;
  }

  /** Events that arrived later than the allowed lateness. */
  public long lateEvents() {
    return late;
  }

  /** Sessions handed to the consumer so far. */
  public long closedSessions() {
    return closed;
  }

  /** Sessions still open. */
  public int openSessions() {
    return openCount;
  }

  /** The latest time seen, or {@link Long#MIN_VALUE} before any. */
  public long latestTime() {
    return latest;
  }
}
