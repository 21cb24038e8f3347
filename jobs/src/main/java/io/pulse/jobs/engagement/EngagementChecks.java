package io.pulse.jobs.engagement;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The checks the engagement and onboarding tables must pass before they are published; each returns
 * one line per broken check with up to three offending keys, empty when all hold.
 */
public final class EngagementChecks {
  private EngagementChecks() {}

  private static final int EXAMPLES = 3;

  /** fct_touchpoint: one row per activity_id, each with an account and a date. */
  public static List<String> touchpointViolations(Dataset<Row> touchpoints) {
    List<String> problems = new ArrayList<>();
    add(problems, "more than one row for activity", duplicates(touchpoints, "activity_id"));
    add(
        problems,
        "no account_id or activity_date for activity",
        touchpoints
            .where(col("account_id").isNull().or(col("activity_date").isNull()))
            .select(col("activity_id")));
    return problems;
  }

  /**
   * agg_stakeholder_daily: one row per account and day; 0 ≤ key-contact touchpoints ≤ touchpoints;
   * active contacts never negative, and a champion only among them; no date after the row's day.
   */
  public static List<String> stakeholderViolations(Dataset<Row> daily) {
    List<String> problems = new ArrayList<>();
    Column key = concat_ws("|", col("account_id"), col("day").cast("string"));
    add(problems, "more than one row for account|day", duplicates(daily, "account_id", "day"));
    add(
        problems,
        "not 0 <= key_contact_touchpoints_90d <= touchpoints_90d for account|day",
        daily
            .where(
                col("key_contact_touchpoints_90d")
                    .lt(0)
                    .or(col("key_contact_touchpoints_90d").gt(col("touchpoints_90d"))))
            .select(key));
    add(
        problems,
        "negative active_contacts, or a champion without one, for account|day",
        daily
            .where(
                col("active_contacts")
                    .lt(0)
                    .or(col("champion_present").and(col("active_contacts").leq(0))))
            .select(key));
    add(
        problems,
        "a last or lost date after the day for account|day",
        daily
            .where(
                col("last_touchpoint_date")
                    .gt(col("day"))
                    .or(col("last_qbr_date").gt(col("last_touchpoint_date")))
                    .or(col("champion_lost_date").gt(col("day"))))
            .select(key));
    return problems;
  }

  /**
   * onboarding_milestones: one row per account; a value event never before the first paid day (nor
   * one "before paid" on or after it); first success agrees with the days to first value.
   */
  public static List<String> milestoneViolations(
      Dataset<Row> milestones, OnboardingSettings settings) {
    List<String> problems = new ArrayList<>();
    add(problems, "more than one row for account", duplicates(milestones, "account_id"));
    add(
        problems,
        "time_to_first_value_days < 0 or first_value_before_paid_date >= first_paid_day for"
            + " account",
        milestones
            .where(
                col("time_to_first_value_days")
                    .lt(0)
                    .or(col("first_value_before_paid_date").geq(col("first_paid_day"))))
            .select(col("account_id")));
    Column ttfv = col("time_to_first_value_days");
    add(
        problems,
        "first_success_30d disagrees with time_to_first_value_days for account",
        milestones
            .where(
                ttfv.isNotNull()
                    .and(
                        col("first_success_30d")
                            .isNull()
                            .or(
                                col("first_success_30d")
                                    .notEqual(ttfv.leq(settings.firstSuccessDays())))))
            .select(col("account_id")));
    return problems;
  }

  /**
   * retention_by_onboarding: one row per cohort and flag; retained ≤ eligible ≤ accounts; rates in
   * 0..1.
   */
  public static List<String> retentionViolations(Dataset<Row> retention) {
    List<String> problems = new ArrayList<>();
    Column key = concat_ws("|", col("cohort"), col("first_success_30d").cast("string"));
    add(
        problems,
        "more than one row for cohort|first_success_30d",
        duplicates(retention, "cohort", "first_success_30d"));
    add(
        problems,
        "not 0 <= accounts_retained <= accounts_eligible <= accounts for cohort|first_success_30d",
        retention
            .where(
                col("accounts_retained")
                    .lt(0)
                    .or(col("accounts_retained").gt(col("accounts_eligible")))
                    .or(col("accounts_eligible").gt(col("accounts"))))
            .select(key));
    add(
        problems,
        "retention_rate outside 0..1 for cohort|first_success_30d",
        retention.where(col("retention_rate").lt(0).or(col("retention_rate").gt(1))).select(key));
    return problems;
  }

  private static Dataset<Row> duplicates(Dataset<Row> rows, String... keys) {
    Column[] columns = new Column[keys.length];
    for (int i = 0; i < keys.length; i++) {
      columns[i] = col(keys[i]).cast("string").as(keys[i]);
    }
    return rows.groupBy(columns)
        .agg(count(lit(1)).as("_n"))
        .where(col("_n").gt(1))
        .select(concat_ws("|", columnsNamed(keys)));
  }

  private static Column[] columnsNamed(String... keys) {
    Column[] columns = new Column[keys.length];
    for (int i = 0; i < keys.length; i++) {
      columns[i] = col(keys[i]);
    }
    return columns;
  }

  private static void add(List<String> problems, String check, Dataset<Row> offenders) {
    List<String> examples = offenders.as(Encoders.STRING()).takeAsList(EXAMPLES);
    if (!examples.isEmpty()) {
      problems.add(check + ": " + String.join(", ", examples));
    }
  }
}
