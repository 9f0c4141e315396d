package io.eddy.features;

/**
 * One clickstream event.
 *
 * @param userId the user (or device, or anonymous visitor), not null
 * @param time when, in milliseconds since the epoch (UTC)
 * @param type what happened, e.g. {@code "view"}, {@code "cart"}, {@code "purchase"}; not null
 * @param productId the product involved, or {@code null}
 * @param value a monetary value attached to the event (price, order value), 0 if none; finite
 *     within &plusmn;{@link Transaction#MAX_AMOUNT}, so that a session's total stays finite
 */
public record ClickEvent(String userId, long time, String type, String productId, double value) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the user or type is null or the value out of range
   */
  public ClickEvent {
    if (userId == null) {
      throw new IllegalArgumentException("userId is null");
    }
    if (type == null) {
      throw new IllegalArgumentException("type is null");
    }
    if (!(Math.abs(value) <= Transaction.MAX_AMOUNT)) {
      throw new IllegalArgumentException("value is " + value + ", expected a finite value within +-"
          + Transaction.MAX_AMOUNT + " (Transaction.MAX_AMOUNT)");
    }
  }
}
