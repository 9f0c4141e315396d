package io.eddy.features;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many transactions were seen, kept, and dropped under each {@link CleaningRule}; the
 * dropped counts add up to {@code seen - kept}, so nothing disappears uncounted. Immutable.
 */
public final class CleaningReport {

  private final long seen;
  private final long kept;
  private final long[] dropped;

  CleaningReport(long seen, long kept, long[] dropped) {
    this.seen = seen;
    this.kept = kept;
    this.dropped = dropped.clone();
  }

  /** Transactions offered. */
  public long seen() {
    return seen;
  }

  /** Transactions that entered RFM. */
  public long kept() {
    return kept;
  }

  /** Transactions dropped by {@code rule}. */
  public long dropped(CleaningRule rule) {
    return dropped[rule.ordinal()];
  }

  /** Transactions dropped by any rule. */
  public long droppedTotal() {
    return seen - kept;
  }

  /** The dropped counts by rule, in rule order. */
  public Map<CleaningRule, Long> droppedByRule() {
    Map<CleaningRule, Long> m = new EnumMap<>(CleaningRule.class);
    for (CleaningRule r : CleaningRule.values()) {
      m.put(r, dropped[r.ordinal()]);
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CleaningReport
        && ((CleaningReport) o).seen == seen
        && ((CleaningReport) o).kept == kept
        && java.util.Arrays.equals(((CleaningReport) o).dropped, dropped);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seen) * 31 + java.util.Arrays.hashCode(dropped);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("seen ").append(seen).append(", kept ").append(kept);
    for (CleaningRule r : CleaningRule.values()) {
      b.append(", ").append(r.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(dropped[r.ordinal()]);
    }
    return b.toString();
  }
}
