package io.eddy.features;

import io.eddy.Points;
import io.eddy.io.ModelFormatException;
import io.eddy.io.StateCodec;
import io.eddy.io.StateInput;
import io.eddy.io.StateOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recency, frequency and monetary value per customer, updated one transaction at a time and
 * queryable for any customer at any moment.
 *
 * <p>Each transaction first passes the {@link CleaningRule}s, in their order; a line that
 * breaks one is counted in the {@link #report()} and changes nothing else. A kept line updates
 * its customer's first and last purchase time, spend total and purchase count. A purchase is
 * an invoice: consecutive kept lines of a customer with the same non-null invoice id count
 * once (invoice lines arrive together in order logs); a line without an invoice id is a
 * purchase of its own. Duplicates are exact copies of a line the same customer logged at the
 * same time as its latest line, the shape of a double-logged event.
 *
 * <p>Memory is O(customers), plus the lines of one customer sharing its latest timestamp (for
 * duplicate detection). {@link #accept} costs an expected O(1) hash look-up and allocates only
 * when a customer appears for the first time. Out-of-order transactions are fine: first and
 * last times are a minimum and a maximum. Not thread-safe: one thread at a time; {@link
 * #table(long)} gives an immutable snapshot.
 *
 * <p>Reference: A. M. Hughes, Strategic Database Marketing (1994), for RFM scoring.
 */
public final class IncrementalRfm {

  /**
   * Configuration.
   *
   * @param dropZeroAmounts apply {@link CleaningRule#NON_POSITIVE_PRICE} (default true). Turn
   *     it off where zero-value lines are genuine purchases (free items) that should count
   *     towards frequency.
   * @param dropDuplicates apply {@link CleaningRule#DUPLICATE} (default true). Turn it off for
   *     logs where identical lines are genuine repeat purchases (one row per day and amount).
   */
  public record Params(boolean dropZeroAmounts, boolean dropDuplicates) {

    /** All rules on. */
    public static final Params DEFAULTS = new Params(true, true);

    /** A copy with {@code dropZeroAmounts} set. */
    public Params withDropZeroAmounts(boolean v) {
      return new Params(v, dropDuplicates);
    }

    /** A copy with {@code dropDuplicates} set. */
    public Params withDropDuplicates(boolean v) {
      return new Params(dropZeroAmounts, v);
    }
  }

  /** Milliseconds in a day, the unit of recency and tenure. */
  public static final double MILLIS_PER_DAY = 86_400_000.0;

  private static final class Customer {
    final String id;
    long first;
    long last;
    long purchases;
    double total;
    String lastInvoice;
    // Lines kept at time `last`, for duplicate detection.
    final List<Transaction> atLast = new ArrayList<>(2);

    Customer(String id) {
      this.id = id;
    }
  }

  private final Params params;
  private final Map<String, Customer> customers = new HashMap<>();
  private long seen;
  private long kept;
  private final long[] dropped = new long[CleaningRule.values().length];

  /** With all cleaning rules. */
  public IncrementalRfm() {
    this(Params.DEFAULTS);
  }

  /** With the given configuration. */
  public IncrementalRfm(Params params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
  }

  /** The configuration. */
  public Params params() {
    return params;
  }

  /**
   * Offers one transaction.
   *
   * @param t the line; not null; retained only while it may serve to detect a duplicate
   * @return the rule that dropped it, or {@code null} if it was kept
   */
  public CleaningRule accept(Transaction t) {
    if (t == null) {
      throw new IllegalArgumentException("transaction is null");
    }
    seen++;
    CleaningRule rule = check(t, params.dropZeroAmounts);
    if (rule != null) {
      dropped[rule.ordinal()]++;
      return rule;
    }
    Customer c = customers.get(t.customerId());
    if (c == null) {
      c = new Customer(t.customerId());
      c.first = t.time();
      c.last = t.time();
      customers.put(c.id, c);
    } else if (params.dropDuplicates && t.time() == c.last) {
      List<Transaction> same = c.atLast;
      for (int i = 0; i < same.size(); i++) {
        if (same.get(i).equals(t)) {
          dropped[CleaningRule.DUPLICATE.ordinal()]++;
          return CleaningRule.DUPLICATE;
        }
      }
    }
    kept++;
    if (t.time() < c.first) {
      c.first = t.time();
    }
    if (t.time() > c.last) {
      c.last = t.time();
      c.atLast.clear();
    }
    if (params.dropDuplicates && t.time() == c.last) {
      c.atLast.add(t);
    }
    String invoice = t.invoiceId();
    if (invoice == null || !invoice.equals(c.lastInvoice) || c.purchases == 0) {
      c.purchases++;
    }
    c.lastInvoice = invoice;
    c.total += t.amount();
    return null;
  }

  private static CleaningRule check(Transaction t, boolean dropZeroAmounts) {
    String id = t.customerId();
    if (id == null || id.isBlank()) {
      return CleaningRule.MISSING_CUSTOMER;
    }
    if (t.cancelled()) {
      return CleaningRule.CANCELLATION;
    }
    if (t.quantity() < 0 || t.amount() < 0) {
      return CleaningRule.RETURN;
    }
    if (dropZeroAmounts && t.amount() == 0) {
      return CleaningRule.NON_POSITIVE_PRICE;
    }
    return null;
  }

  /** The number of customers with at least one kept transaction. */
  public int customerCount() {
    return customers.size();
  }

  /** What the cleaning rules did so far. */
  public CleaningReport report() {
    return new CleaningReport(seen, kept, dropped);
  }

  /**
   * One customer's RFM values as of {@code asOf}, without scores (scores rank customers
   * against each other: see {@link #table(long)}).
   *
   * @param asOf the reference time in epoch milliseconds, not before the customer's last purchase
   * @return the values, or {@code null} if the customer has no kept transaction
   * @throws IllegalArgumentException if {@code asOf} precedes the last purchase
   */
  public RfmTable.Row customer(String customerId, long asOf) {
    Features.requireNonNull(customerId, "customerId");
    Customer c = customers.get(customerId);
    return c == null ? null : row(c, asOf, 0, 0, 0);
  }

  private static RfmTable.Row row(Customer c, long asOf, int r, int f, int m) {
    if (asOf < c.last) {
      throw new IllegalArgumentException("reference time " + asOf + " precedes customer '" + c.id
          + "''s last purchase at " + c.last);
    }
    return new RfmTable.Row(c.id, days(c.last, asOf), c.purchases, c.total,
        c.total / c.purchases, days(c.first, asOf), r, f, m);
  }

  /** Days from {@code from} to {@code to >= from}; exact when the difference fits a long. */
  private static double days(long from, long to) {
    long d = to - from;
    // A negative difference of ordered times means it wrapped (times ages apart): a double
    // difference is then within one part in 2^53, far below a day.
    return (d >= 0 ? d : (double) to - (double) from) / MILLIS_PER_DAY;
  }

  /** The latest kept purchase time over all customers, or {@link Long#MIN_VALUE} if none. */
  public long lastPurchaseTime() {
    long max = Long.MIN_VALUE;
    for (Customer c : customers.values()) {
      max = Math.max(max, c.last);
    }
    return max;
  }

  /**
   * Every customer's RFM values and quintile scores as of {@code asOf}, sorted by customer id.
   * O(c log c) for c customers.
   *
   * @throws IllegalArgumentException if {@code asOf} precedes some customer's last purchase
   */
  public RfmTable table(long asOf) {
    List<Customer> all = new ArrayList<>(customers.values());
    all.sort((a, b) -> a.id.compareTo(b.id));
    List<RfmTable.Row> rows = new ArrayList<>(all.size());
    for (Customer c : all) {
      rows.add(row(c, asOf, 0, 0, 0));
    }
    return RfmTable.scored(rows, report());
  }

  /**
   * The codec of the full state (configuration, counters, every customer, and the lines kept
   * for duplicate detection), named {@code "features.incremental-rfm"}: a restored instance
   * continues exactly as the original would. Customers are written in id order, so equal
   * states give equal bytes.
   */
  static final StateCodec<IncrementalRfm> CODEC = StateCodec.of("features.incremental-rfm", 1, IncrementalRfm.class,
      (r, out) -> {
        out.writeBoolean(r.params.dropZeroAmounts);
        out.writeBoolean(r.params.dropDuplicates);
        out.writeLong(r.seen);
        out.writeLong(r.kept);
        out.writeLongs(r.dropped);
        List<Customer> all = new ArrayList<>(r.customers.values());
        all.sort((a, b) -> a.id.compareTo(b.id));
        out.writeInt(all.size());
        for (Customer c : all) {
          out.writeString(c.id);
          out.writeLong(c.first);
          out.writeLong(c.last);
          out.writeLong(c.purchases);
          out.writeDouble(c.total);
          writeNullable(out, c.lastInvoice);
          out.writeInt(c.atLast.size());
          for (Transaction t : c.atLast) {
            writeNullable(out, t.customerId());
            out.writeLong(t.time());
            writeNullable(out, t.productId());
            writeNullable(out, t.invoiceId());
            out.writeDouble(t.quantity());
            out.writeDouble(t.amount());
            out.writeBoolean(t.cancelled());
          }
        }
      },
      (in, version) -> {
        IncrementalRfm r = new IncrementalRfm(new Params(in.readBoolean(), in.readBoolean()));
        r.seen = in.readLong();
        r.kept = in.readLong();
        long[] dropped = in.readLongs();
        if (dropped.length != r.dropped.length) {
          throw new ModelFormatException("expected " + r.dropped.length + " rule counters, got " + dropped.length);
        }
        long sum = r.kept;
        for (long v : dropped) {
          if (v < 0) {
            throw new ModelFormatException("negative counter " + v);
          }
          sum += v;
          // Counters of non-negative values that wrap cannot add up to any real count.
          if (sum < 0) {
            throw new ModelFormatException("counters overflow: kept " + r.kept + " + dropped " + Arrays.toString(dropped));
          }
        }
        if (r.kept < 0 || sum != r.seen) {
          throw new ModelFormatException("counters do not add up: kept " + r.kept + " + dropped != seen " + r.seen);
        }
        System.arraycopy(dropped, 0, r.dropped, 0, dropped.length);
        int n = in.readInt(0, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++) {
          Customer c = new Customer(in.readString());
          c.first = in.readLong();
          c.last = in.readLong();
          c.purchases = in.readLong();
          c.total = in.readDouble();
          c.lastInvoice = readNullable(in);
          if (c.first > c.last || c.purchases < 1 || c.purchases > r.kept
              || !(c.total >= 0 && c.total <= Points.MAX_ABS)) {
            throw new ModelFormatException("invalid state for customer '" + c.id + "'");
          }
          int m = in.readInt(0, Integer.MAX_VALUE);
          for (int k = 0; k < m; k++) {
            try {
              c.atLast.add(new Transaction(readNullable(in), in.readLong(), readNullable(in), readNullable(in),
                  in.readDouble(), in.readDouble(), in.readBoolean()));
            } catch (IllegalArgumentException e) {
              throw new ModelFormatException("invalid line of customer '" + c.id + "': " + e.getMessage());
            }
          }
          if (r.customers.put(c.id, c) != null) {
            throw new ModelFormatException("customer '" + c.id + "' appears twice");
          }
        }
        return r;
      });

  private static void writeNullable(StateOutput out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeString(s);
    }
  }

  private static String readNullable(StateInput in) throws ModelFormatException {
    return in.readBoolean() ? in.readString() : null;
  }
}
