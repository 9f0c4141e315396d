package io.eddy.features;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@link Session} into a feature vector with named columns:
 * <pre>
 *   event_count      events in the session
 *   total_items      events that carry a product and whose type is an item type
 *   total_value      the sum of the events' values
 *   unique_products  distinct products among the events
 *   duration_min     end - start, in minutes
 *   hour             start hour of day in [0, 24) with minutes as a fraction, or
 *   hour_sin, hour_cos   the same on the unit circle (cyclical: 23:59 is next to 00:00)
 *   day_of_week      start day, 0 = Monday .. 6 = Sunday, or
 *   dow_sin, dow_cos     the same on the unit circle
 * </pre>
 * Times of day are read in the configured zone. Immutable and thread-safe; O(events) per
 * session.
 */
public final class SessionFeatures {

  /**
   * Configuration.
   *
   * @param zone the zone in which hour and day are read (default UTC)
   * @param cyclical encode hour and day as sine/cosine pairs (default true)
   * @param itemTypes the event types that count as items; empty for all (default empty)
   */
  public record Params(ZoneId zone, boolean cyclical, Set<String> itemTypes) {

    /** UTC, cyclical, every event type an item. */
    public static final Params DEFAULTS = new Params(ZoneId.of("UTC"), true, Set.of());

    /** Validates and copies. */
    public Params {
      if (zone == null) {
        throw new IllegalArgumentException("zone is null");
      }
      if (itemTypes == null) {
        throw new IllegalArgumentException("itemTypes is null; use an empty set for all types");
      }
      itemTypes = Set.copyOf(itemTypes);
    }

    /** A copy with the zone set. */
    public Params withZone(ZoneId v) {
      return new Params(v, cyclical, itemTypes);
    }

    /** A copy with cyclical encoding on or off. */
    public Params withCyclical(boolean v) {
      return new Params(zone, v, itemTypes);
    }

    /** A copy counting only these event types as items. */
    public Params withItemTypes(Set<String> v) {
      return new Params(zone, cyclical, v);
    }
  }

  private final Params params;
  private final List<String> names;

  /** An extractor with the given configuration. */
  public SessionFeatures(Params params) {
    Features.requireNonNull(params, "params");
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
    List<String> n = new ArrayList<>(List.of("event_count", "total_items", "total_value", "unique_products",
        "duration_min"));
    if (params.cyclical) {
      n.addAll(List.of("hour_sin", "hour_cos", "dow_sin", "dow_cos"));
    } else {
      n.addAll(List.of("hour", "day_of_week"));
    }
    this.names = List.copyOf(n);
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  /** The feature names, in vector order. */
  public List<String> names() {
    return names;
  }

  /** The number of features. */
  public int dimension() {
    return names.size();
  }

  /** The features of {@code s} in a new array. */
  public double[] extract(Session s) {
    double[] out = new double[names.size()];
    extract(s, out);
    return out;
  }

  /**
   * Writes the features of {@code s} into {@code out}.
   *
   * @param out an array of length {@link #dimension()}; modified
   */
  public void extract(Session s, double[] out) {
    Features.requireNonNull(s, "session");
    Features.requireNonNull(out, "out");
    if (out.length != names.size()) {
      throw new IllegalArgumentException("out has length " + out.length + ", expected " + names.size());
    }
    List<ClickEvent> events = s.events();
    Set<String> products = new HashSet<>();
    int items = 0;
    double value = 0;
    Set<String> types = params.itemTypes;
    for (int i = 0; i < events.size(); i++) {
      ClickEvent e = events.get(i);
      value += e.value();
      if (e.productId() != null) {
        products.add(e.productId());
        if (types.isEmpty() || types.contains(e.type())) {
          items++;
        }
      }
    }
    ZonedDateTime start = Instant.ofEpochMilli(s.start()).atZone(params.zone);
    double hour = start.getHour() + start.getMinute() / 60.0 + start.getSecond() / 3600.0;
    int dow = start.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
    out[0] = events.size();
    out[1] = items;
    out[2] = value;
    out[3] = products.size();
    out[4] = s.durationMillis() / 60_000.0;
    if (params.cyclical) {
      double h = 2 * Math.PI * hour / 24;
      double d = 2 * Math.PI * dow / 7;
      out[5] = Math.sin(h);
      out[6] = Math.cos(h);
      out[7] = Math.sin(d);
      out[8] = Math.cos(d);
    } else {
      out[5] = hour;
      out[6] = dow;
    }
  }
}
