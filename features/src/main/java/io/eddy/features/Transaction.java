package io.eddy.features;

/**
 * One line of a purchase log: who bought, when, what, how many and for how much.
 *
 * <p>Values are taken as logged, dirty ones included: a missing customer id, a negative
 * quantity (a return), a cancellation flag, a zero price. The RFM builders ({@link
 * IncrementalRfm}, {@link Rfm}) apply the {@link CleaningRule}s and count what each removes.
 *
 * @param customerId the customer, or {@code null} / empty when the log lacks it
 * @param time when, in milliseconds since the epoch (UTC)
 * @param productId the product, or {@code null}
 * @param invoiceId the invoice (basket) the line belongs to, or {@code null}; lines of one
 *     invoice count as one purchase
 * @param quantity units bought; negative for a return
 * @param amount the line's total value in currency units ({@code quantity × unit price})
 * @param cancelled the log marks the line as cancelled
 */
public record Transaction(String customerId, long time, String productId, String invoiceId,
    double quantity, double amount, boolean cancelled) {

  /**
   * The largest magnitude of a line's amount: 1e80 currency units. A customer's total sums at
   * most 2^63 lines, so it stays below 1e99, within the range a clusterer accepts ({@link
   * io.eddy.Points#MAX_ABS}), and an RFM state always holds finite totals that can be saved and
   * loaded. Any real currency is far inside it.
   */
  public static final double MAX_AMOUNT = 1e80;

  /**
   * Validates the numbers.
   *
   * @throws IllegalArgumentException if the quantity is not finite, or the amount is not
   *     finite or beyond &plusmn;{@link #MAX_AMOUNT}
   */
  public Transaction {
    if (!Double.isFinite(quantity)) {
      throw new IllegalArgumentException("quantity is " + quantity + ", expected a finite value");
    }
    if (!(Math.abs(amount) <= MAX_AMOUNT)) {
      throw new IllegalArgumentException("amount is " + amount + ", expected a finite value within +-"
          + MAX_AMOUNT + " (Transaction.MAX_AMOUNT)");
    }
  }

  /** A line with a total amount, no product, invoice or cancellation (as in the CDNOW log). */
  public static Transaction of(String customerId, long time, double quantity, double amount) {
    return new Transaction(customerId, time, null, null, quantity, amount, false);
  }

  /** A line given by its unit price: {@code amount = quantity × unitPrice}. */
  public static Transaction ofUnitPrice(String customerId, long time, String productId, String invoiceId,
      double quantity, double unitPrice, boolean cancelled) {
    return new Transaction(customerId, time, productId, invoiceId, quantity, quantity * unitPrice, cancelled);
  }

  /** {@code amount / quantity}; NaN when the quantity is 0. */
  public double unitPrice() {
    return quantity == 0 ? Double.NaN : amount / quantity;
  }
}
