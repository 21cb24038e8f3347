package io.pulse.jobs.alerts;

/**
 * The alert types of METRICS.md §8. {@link #key()} is the value of {@code alert_type} in
 * gold.account_alerts; {@link #confKey()} names the type in {@code pulse.alerts} (kebab case, as
 * every other key).
 */
public enum AlertType {
  USAGE_DROP("usage_drop"),
  CHAMPION_LEFT("champion_left"),
  DETRACTOR_RESPONSE("detractor_response"),
  TICKET_SPIKE("ticket_spike"),
  BAND_FELL("band_fell"),
  RENEWAL_AT_RISK("renewal_at_risk"),
  NO_FIRST_VALUE("no_first_value"),
  PAYMENT_FAILED("payment_failed");

  private final String key;

  AlertType(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public String confKey() {
    return key.replace('_', '-');
  }
}
