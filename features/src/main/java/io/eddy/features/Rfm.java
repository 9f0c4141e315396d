package io.eddy.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Batch RFM: the {@link RfmTable} of a whole transaction log. The log is sorted by time
 * (stably) and fed to an {@link IncrementalRfm}, so batch and incremental results agree and
 * do not depend on the order of the file.
 */
public final class Rfm {

  private Rfm() {}

  /**
   * RFM of a log as of {@code asOf} with the given cleaning configuration.
   *
   * @param transactions the log; not modified
   * @param asOf the reference time (epoch milliseconds), not before the last kept purchase
   */
  public static RfmTable compute(Iterable<Transaction> transactions, IncrementalRfm.Params params, long asOf) {
    return feed(transactions, params).table(asOf);
  }

  /**
   * RFM as of one day after the last kept purchase, the usual convention for a historical log.
   *
   * @throws IllegalArgumentException if no transaction survives cleaning
   */
  public static RfmTable compute(Iterable<Transaction> transactions, IncrementalRfm.Params params) {
    IncrementalRfm rfm = feed(transactions, params);
    if (rfm.customerCount() == 0) {
      throw new IllegalArgumentException("no transaction survived cleaning: " + rfm.report());
    }
    long last = rfm.lastPurchaseTime();
    long day = (long) IncrementalRfm.MILLIS_PER_DAY;
    // A log that ends within a day of the end of time is taken as of its last millisecond.
    return rfm.table(last > Long.MAX_VALUE - day ? Long.MAX_VALUE : last + day);
  }

  private static IncrementalRfm feed(Iterable<Transaction> transactions, IncrementalRfm.Params params) {
    Features.requireNonNull(transactions, "transactions");
    Features.requireNonNull(params, "params");
    List<Transaction> sorted = new ArrayList<>();
    for (Transaction t : transactions) {
      if (t == null) {
        throw new IllegalArgumentException("transaction " + sorted.size() + " is null");
      }
      sorted.add(t);
    }
    sorted.sort((a, b) -> Long.compare(a.time(), b.time()));
    IncrementalRfm rfm = new IncrementalRfm(params);
    for (Transaction t : sorted) {
      rfm.accept(t);
    }
    return rfm;
  }
}
