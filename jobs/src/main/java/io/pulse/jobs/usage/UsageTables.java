package io.pulse.jobs.usage;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.util.List;

/** The gold usage tables, each column documented (METRICS.md §4, U1-U4). */
public final class UsageTables {
  private UsageTables() {}

  public static final TableDef ACCOUNT_USAGE_DAILY =
      new TableDef(
          Layer.GOLD,
          "fct_account_usage_daily",
          "Usage per account and day, for each day with MAU > 0 or seats > 0 (U4); windows are the"
              + " N days ending the day, day included",
          List.of(
              new ColumnDef("account_id", StringType, "Account"),
              new ColumnDef("day", DateType, "UTC day d"),
              new ColumnDef("month", DateType, "First day of the day's month: the partition"),
              new ColumnDef("dau", LongType, "Distinct users with at least one event on d"),
              new ColumnDef(
                  "wau", LongType, "Distinct users with at least one event in the 7 days ending d"),
              new ColumnDef(
                  "mau",
                  LongType,
                  "Distinct users with at least one event in the pulse.usage.mau-days (28 or 30)"
                      + " days ending d"),
              new ColumnDef(
                  "stickiness",
                  DoubleType,
                  "Mean of dau/mau over the 28 days ending d, days with mau 0 skipped (U1); null"
                      + " when all are skipped"),
              new ColumnDef(
                  "seats_purchased",
                  LongType,
                  "Sum of quantity of the per-seat subscription versions (trials too) active at"
                      + " the end of d (U2, R4)"),
              new ColumnDef(
                  "license_utilization",
                  DoubleType,
                  "mau / seats_purchased; null when seats_purchased is 0"),
              new ColumnDef(
                  "key_feature_breadth",
                  DoubleType,
                  "Distinct key features (pulse.usage.key-features) used in the 28 days ending d /"
                      + " number of key features; 0 when none (U3)"),
              new ColumnDef(
                  "key_feature_depth",
                  DoubleType,
                  "Key-feature events in the 28 days ending d / mau; null when mau is 0 (U3)"),
              new ColumnDef(
                  "value_events",
                  LongType,
                  "Events on d whose type is in pulse.usage.value-events (U3)"),
              new ColumnDef(
                  "mau_change_28d",
                  DoubleType,
                  "(mau − mau of d−28) / mau of d−28; null when the mau of d−28 is 0")),
          List.of("month"));

  public static final TableDef SUCCESS_GOAL_DAILY =
      new TableDef(
          Layer.GOLD,
          "fct_success_goal_daily",
          "Success-plan goals per day from start_date to due_date: value events achieved since the"
              + " start against the target pro-rated to the day",
          List.of(
              new ColumnDef("goal_id", StringType, "Goal"),
              new ColumnDef("account_id", StringType, "Account of the goal"),
              new ColumnDef("day", DateType, "UTC day d, start_date ≤ d ≤ due_date"),
              new ColumnDef("month", DateType, "First day of the day's month: the partition"),
              new ColumnDef("value_event", StringType, "Event type that counts towards the goal"),
              new ColumnDef("target_count", IntegerType, "Value events to reach by the due date"),
              new ColumnDef("start_date", DateType, "First day of the goal"),
              new ColumnDef("due_date", DateType, "Last day of the goal"),
              new ColumnDef(
                  "achieved",
                  LongType,
                  "The account's events of type value_event on start_date .. d"),
              new ColumnDef(
                  "expected",
                  DoubleType,
                  "target_count × (d − start_date + 1) / (due_date − start_date + 1)"),
              new ColumnDef("is_on_track", BooleanType, "achieved ≥ expected")),
          List.of("month"));

  static final List<TableDef> ALL = List.of(ACCOUNT_USAGE_DAILY, SUCCESS_GOAL_DAILY);
}
