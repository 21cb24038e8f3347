package io.pulse.generator.life;

/**
 * A planted cause of churn (or, for high adoption, of expansion), with its documented strength: the
 * factor it multiplies the account's churn probability by. docs/generator.md lists the signal each
 * one leaves in the landing data.
 */
public enum Driver {
  LOW_LICENSE_UTILIZATION("low_license_utilization", 4.0),
  FALLING_USAGE("falling_usage", 3.0),
  CHAMPION_LOSS("champion_loss", 2.5),
  DETRACTOR_NPS("detractor_nps", 2.5),
  TICKET_SPIKE("ticket_spike", 2.0),
  NO_EARLY_VALUE("no_early_value", 2.5),
  FAILED_PAYMENTS("failed_payments", 3.0),
  HIGH_ADOPTION("high_adoption", 0.5);

  private final String code;
  private final double churnMultiplier;

  Driver(String code, double churnMultiplier) {
    this.code = code;
    this.churnMultiplier = churnMultiplier;
  }

  public String code() {
    return code;
  }

  public double churnMultiplier() {
    return churnMultiplier;
  }
}
