package io.pulse.generator.catalog;

import java.math.BigDecimal;

/** One price-list entry: a product tier billed every {@code interval} in one currency. */
public record Plan(
    String planId,
    String planName,
    String product,
    Tier tier,
    Interval interval,
    BigDecimal listPrice,
    String currency) {

  /** Tiers in upgrade order; the add-on is a second, flat-priced product. */
  public enum Tier {
    STARTER("starter", "core", false, "49"),
    PRO("pro", "core", true, "25"),
    ENTERPRISE("enterprise", "core", true, "55"),
    INSIGHTS("insights", "insights", false, "199");

    private final String code;
    private final String product;
    private final boolean perSeat;
    private final BigDecimal monthlyUsd;

    Tier(String code, String product, boolean perSeat, String monthlyUsd) {
      this.code = code;
      this.product = product;
      this.perSeat = perSeat;
      this.monthlyUsd = new BigDecimal(monthlyUsd);
    }

    public String code() {
      return code;
    }

    public String product() {
      return product;
    }

    public boolean perSeat() {
      return perSeat;
    }

    /** List price per month (per seat when per-seat) in USD. */
    public BigDecimal monthlyUsd() {
      return monthlyUsd;
    }
  }

  /** Billing intervals: longer commitments are discounted on the list price. */
  public enum Interval {
    MONTH("month", 1, "1.00"),
    QUARTER("quarter", 3, "0.95"),
    YEAR("year", 12, "0.85");

    private final String code;
    private final int months;
    private final BigDecimal priceFactor;

    Interval(String code, int months, String priceFactor) {
      this.code = code;
      this.months = months;
      this.priceFactor = new BigDecimal(priceFactor);
    }

    public String code() {
      return code;
    }

    public int months() {
      return months;
    }

    public BigDecimal priceFactor() {
      return priceFactor;
    }
  }

  public boolean isPerSeat() {
    return tier.perSeat();
  }
}
