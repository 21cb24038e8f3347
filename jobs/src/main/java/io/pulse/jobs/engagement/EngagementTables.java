package io.pulse.jobs.engagement;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.util.List;

/**
 * The gold tables of stakeholder engagement (METRICS.md §7 Engagement, §8 champion left) and of
 * onboarding / time to value (§9), each column documented.
 */
public final class EngagementTables {
  private EngagementTables() {}

  public static final TableDef TOUCHPOINT =
      new TableDef(
          Layer.GOLD,
          "fct_touchpoint",
          "Every CS activity known at the run date (latest delivery of each activity_id), with"
              + " whether its contact was a key contact at the time",
          List.of(
              new ColumnDef("activity_id", StringType, "Activity"),
              new ColumnDef("account_id", StringType, "Account touched"),
              new ColumnDef("contact_id", StringType, "Contact met; null when none"),
              new ColumnDef("activity_type", StringType, "meeting, qbr, call, email or training"),
              new ColumnDef("occurred_at", TimestampType, "When it took place (UTC)"),
              new ColumnDef("activity_date", DateType, "UTC date of occurred_at"),
              new ColumnDef("month", DateType, "First day of activity_date's month: the partition"),
              new ColumnDef(
                  "is_key_contact",
                  BooleanType,
                  "The contact's version in force at occurred_at (else its earliest) is flagged"
                      + " champion or has a role in pulse.engagement.key-roles; false without a"
                      + " known contact")),
          List.of("month"));

  public static final TableDef STAKEHOLDER_DAILY =
      new TableDef(
          Layer.GOLD,
          "agg_stakeholder_daily",
          "Stakeholder engagement per account and day, for accounts with a contact or an activity"
              + " on or before the day; windows are the N days ending the day, day included",
          List.of(
              new ColumnDef("account_id", StringType, "Account"),
              new ColumnDef("day", DateType, "UTC day d"),
              new ColumnDef("month", DateType, "First day of the day's month: the partition"),
              new ColumnDef(
                  "touchpoints_90d",
                  LongType,
                  "Activities in the pulse.engagement.window-days (default 90) days ending d"),
              new ColumnDef(
                  "key_contact_touchpoints_90d",
                  LongType,
                  "Those of touchpoints_90d with is_key_contact"),
              new ColumnDef(
                  "last_touchpoint_date",
                  DateType,
                  "Latest activity_date on or before d; null if none"),
              new ColumnDef(
                  "last_qbr_date",
                  DateType,
                  "Latest qbr activity_date on or before d; null if none"),
              new ColumnDef(
                  "active_contacts",
                  LongType,
                  "Contacts of the account active at the end of d (each contact's latest version"
                      + " with updated_at before start(d+1))"),
              new ColumnDef(
                  "champion_present",
                  BooleanType,
                  "At least one of those active contacts is flagged champion"),
              new ColumnDef(
                  "champion_lost_date",
                  DateType,
                  "Latest day on or before d at whose end an active champion of the account had"
                      + " become inactive, lost the flag or moved away; null if never")),
          List.of("month"));

  public static final TableDef ONBOARDING_MILESTONES =
      new TableDef(
          Layer.GOLD,
          "onboarding_milestones",
          "One row per account that ever paid (MRR > 0 on some day up to the run date): first paid"
              + " day, first value event after it and first success",
          List.of(
              new ColumnDef("account_id", StringType, "Account"),
              new ColumnDef(
                  "first_paid_day", DateType, "First day with MRR > 0 in gold.fct_mrr_daily"),
              new ColumnDef("cohort_month", DateType, "First day of first_paid_day's month"),
              new ColumnDef(
                  "events_cover_onboarding",
                  BooleanType,
                  "Usage events are known from first_paid_day or earlier; when false the value"
                      + " columns and first_success_30d are null (not measurable)"),
              new ColumnDef(
                  "first_value_event_date",
                  DateType,
                  "First day on or after first_paid_day with a value event (pulse.usage.value-events);"
                      + " null if none yet"),
              new ColumnDef(
                  "time_to_first_value_days",
                  IntegerType,
                  "first_value_event_date − first_paid_day in days; null if no value event yet"),
              new ColumnDef(
                  "first_success_30d",
                  BooleanType,
                  "time_to_first_value_days ≤ pulse.engagement.first-success-days (30); false when"
                      + " that many days have passed without a value event; null while undecided"),
              new ColumnDef(
                  "first_value_before_paid_date",
                  DateType,
                  "First value event before first_paid_day (a trial's, usually); not time to value"),
              new ColumnDef("as_of_date", DateType, "Run date D the row is as of")),
          List.of());

  public static final TableDef RETENTION_BY_ONBOARDING =
      new TableDef(
          Layer.GOLD,
          "retention_by_onboarding",
          "Logo retention pulse.engagement.retention-months (12) after the first paid day, per"
              + " cohort month and first-success flag, and over all cohorts",
          List.of(
              new ColumnDef("cohort", StringType, "Cohort month as yyyy-MM, or 'all'"),
              new ColumnDef(
                  "cohort_month", DateType, "First day of the cohort month; null on 'all' rows"),
              new ColumnDef(
                  "first_success_30d",
                  BooleanType,
                  "The accounts' first_success_30d (decided only)"),
              new ColumnDef("accounts", LongType, "Accounts of the cohort with this flag"),
              new ColumnDef(
                  "accounts_eligible",
                  LongType,
                  "Those whose first_paid_day + retention-months is on or before the run date"),
              new ColumnDef(
                  "accounts_retained",
                  LongType,
                  "Eligible accounts with MRR > 0 on first_paid_day + retention-months"),
              new ColumnDef(
                  "retention_rate",
                  DoubleType,
                  "accounts_retained / accounts_eligible; null when none is eligible"),
              new ColumnDef(
                  "success_retention_ratio",
                  DoubleType,
                  "The cohort's retention_rate with first success / without (same on both rows);"
                      + " null when either is null or the one without is 0"),
              new ColumnDef("as_of_date", DateType, "Run date D the row is as of")),
          List.of());

  static final List<TableDef> ENGAGEMENT = List.of(TOUCHPOINT, STAKEHOLDER_DAILY);
  static final List<TableDef> ONBOARDING = List.of(ONBOARDING_MILESTONES, RETENTION_BY_ONBOARDING);
}
