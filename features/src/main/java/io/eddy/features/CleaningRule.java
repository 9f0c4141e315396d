package io.eddy.features;

/**
 * The reasons a transaction is left out of RFM, checked in this order; a dropped line is
 * counted under the first rule it breaks, so the counts add up to the lines dropped.
 */
public enum CleaningRule {
  /** No customer id (null or blank): the line cannot be attributed. */
  MISSING_CUSTOMER,
  /** The log flags the line as cancelled. */
  CANCELLATION,
  /** Negative quantity or negative amount: goods coming back. */
  RETURN,
  /**
   * Zero amount (a non-positive unit price): samples, adjustments, data errors. Applied only
   * when enabled in {@link IncrementalRfm.Params} (it is by default).
   */
  NON_POSITIVE_PRICE,
  /**
   * An exact copy (all fields equal) of an earlier line of the same customer at the same
   * time: a double-logged event. Applied only when enabled in {@link IncrementalRfm.Params}.
   */
  DUPLICATE
}
