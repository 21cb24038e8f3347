package io.pulse.jobs.engagement;

import static org.apache.spark.sql.functions.col;

import io.pulse.common.table.RowChecks;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks the engagement and onboarding tables must pass before they are published; each returns
 * one line per broken check with its offending keys, empty when all hold.
 */
public final class EngagementChecks {
  private EngagementChecks() {}

  /** fct_touchpoint: one row per activity_id, each with an account and a date. */
  public static List<String> touchpointViolations(Dataset<Row> touchpoints) {
    return RowChecks.keyedBy("activity_id")
        .rule(
            "no account_id or activity_date",
            col("account_id").isNull().or(col("activity_date").isNull()))
        .violations(touchpoints);
  }

  /**
   * agg_stakeholder_daily: one row per account and day; 0 ≤ key-contact touchpoints ≤ touchpoints;
   * active contacts never negative, and a champion only among them; no date after the row's day.
   */
  public static List<String> stakeholderViolations(Dataset<Row> daily) {
    return RowChecks.keyedBy("account_id", "day")
        .rule(
            "not 0 <= key_contact_touchpoints_90d <= touchpoints_90d",
            col("key_contact_touchpoints_90d")
                .lt(0)
                .or(col("key_contact_touchpoints_90d").gt(col("touchpoints_90d"))))
        .rule(
            "negative active_contacts, or a champion without one,",
            col("active_contacts")
                .lt(0)
                .or(col("champion_present").and(col("active_contacts").leq(0))))
        .rule(
            "a last or lost date after the day",
            col("last_touchpoint_date")
                .gt(col("day"))
                .or(col("last_qbr_date").gt(col("last_touchpoint_date")))
                .or(col("champion_lost_date").gt(col("day"))))
        .violations(daily);
  }

  /**
   * onboarding_milestones: one row per account; a value event never before the first paid day (nor
   * one "before paid" on or after it); first success agrees with the days to first value.
   */
  public static List<String> milestoneViolations(
      Dataset<Row> milestones, OnboardingSettings settings) {
    Column ttfv = col("time_to_first_value_days");
    return RowChecks.keyedBy("account_id")
        .rule(
            "time_to_first_value_days < 0 or first_value_before_paid_date >= first_paid_day",
            ttfv.lt(0).or(col("first_value_before_paid_date").geq(col("first_paid_day"))))
        .rule(
            "first_success_30d disagrees with time_to_first_value_days",
            ttfv.isNotNull()
                .and(
                    col("first_success_30d")
                        .isNull()
                        .or(
                            col("first_success_30d")
                                .notEqual(ttfv.leq(settings.firstSuccessDays())))))
        .violations(milestones);
  }

  /**
   * retention_by_onboarding: one row per cohort and flag; retained ≤ eligible ≤ accounts; rates in
   * 0..1.
   */
  public static List<String> retentionViolations(Dataset<Row> retention) {
    return RowChecks.keyedBy("cohort", "first_success_30d")
        .rule(
            "not 0 <= accounts_retained <= accounts_eligible <= accounts",
            col("accounts_retained")
                .lt(0)
                .or(col("accounts_retained").gt(col("accounts_eligible")))
                .or(col("accounts_eligible").gt(col("accounts"))))
        .rule(
            "retention_rate outside 0..1",
            col("retention_rate").lt(0).or(col("retention_rate").gt(1)))
        .violations(retention);
  }
}
