package io.pulse.generator.life;

import io.pulse.generator.catalog.Plan;
import java.math.BigDecimal;

/**
 * One version of a subscription's terms, valid on {@code [validFrom, validTo)} (epoch seconds). It
 * is delivered when recorded ({@code createdAt}, {@code valid_to} empty unless already known) and
 * again when closed ({@code closedAt}: superseded or cancelled, {@code valid_to} set).
 */
public record SubscriptionVersion(
    String subscriptionId,
    Plan plan,
    int quantity,
    int discountPct,
    boolean trial,
    long validFrom,
    Long validTo,
    long createdAt,
    Long closedAt) {

  public BigDecimal unitPrice() {
    return plan.listPrice();
  }

  public SubscriptionVersion closed(long validTo, long closedAt) {
    return new SubscriptionVersion(
        subscriptionId,
        plan,
        quantity,
        discountPct,
        trial,
        validFrom,
        validTo,
        createdAt,
        closedAt);
  }

  /** Whether these terms are in force at {@code epochSecond}. */
  public boolean activeAt(long epochSecond) {
    return validFrom <= epochSecond && (validTo == null || epochSecond < validTo);
  }
}
