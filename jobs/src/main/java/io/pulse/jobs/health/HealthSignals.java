package io.pulse.jobs.health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signal columns a scorecard input may name: the one list the scorecard is checked against.
 * Each is an account × day value of a gold table written by another job, gathered by {@link
 * AccountSignals}; an account-day without the value has that input NA.
 */
public final class HealthSignals {
  private HealthSignals() {}

  /** Signal column → where its value comes from, in scorecard order. */
  public static final Map<String, String> KNOWN = known();

  public static boolean isKnown(String signal) {
    return KNOWN.containsKey(signal);
  }

  private static Map<String, String> known() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("license_utilization", "gold.fct_account_usage_daily: mau / seats_purchased");
    m.put("key_feature_breadth", "gold.fct_account_usage_daily: share of key features used, 0..1");
    m.put("key_feature_depth", "gold.fct_account_usage_daily: key-feature events per MAU");
    m.put("mau_change_28d", "gold.fct_account_usage_daily: (mau − mau(d−28)) / mau(d−28)");
    m.put("stickiness", "gold.fct_account_usage_daily: mean DAU/MAU over 28 days");
    m.put(
        "key_contact_touchpoints_90d",
        "gold.agg_stakeholder_daily: CRM activities with the account's key contacts in the 90 days"
            + " ending d");
    m.put(
        "champion_present",
        "gold.agg_stakeholder_daily: 1 when an active contact is flagged champion, else 0");
    m.put(
        "goals_on_track_share",
        "gold.fct_success_goal_daily: share of the account's success-plan goals running on d that"
            + " are on track (is_on_track)");
    m.put("nps", "gold.agg_account_experience_daily: account NPS, −100..100");
    m.put("csat", "gold.agg_account_experience_daily: share of CSAT ratings 4-5, 0..1");
    m.put("ces", "gold.agg_account_experience_daily: mean CES, 1..7");
    m.put("sentiment", "gold.agg_account_experience_daily: mean sentiment, −1..1");
    m.put(
        "reopen_rate",
        "gold.agg_support_daily: reopened / solved tickets created in the 90 days ending d, 0..1");
    m.put(
        "sla_breaches_90d",
        "gold.agg_support_daily: tickets created in the 90 days ending d that breach their SLA");
    return java.util.Collections.unmodifiableMap(m);
  }
}
