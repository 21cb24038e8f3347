package io.pulse.jobs.alerts;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.util.List;

/** The gold alerts table (METRICS.md §8), each column documented; {@link AlertsJob} writes it. */
public final class AlertsTables {
  private AlertsTables() {}

  public static final TableDef ACCOUNT_ALERTS =
      new TableDef(
          Layer.GOLD,
          "account_alerts",
          "One row per account, alert type and day the alert opened: a run of consecutive days on"
              + " which the type's condition held, with the values that fired it; rebuilt whole"
              + " from the inputs' history by every run (docs/alerts.md)",
          List.of(
              new ColumnDef("account_id", StringType, "Account"),
              new ColumnDef(
                  "alert_type",
                  StringType,
                  "usage_drop, champion_left, detractor_response, ticket_spike, band_fell,"
                      + " renewal_at_risk, no_first_value or payment_failed"),
              new ColumnDef("opened_on", DateType, "First day of the run on which it held"),
              new ColumnDef(
                  "closed_on",
                  DateType,
                  "First day after the run (the condition no longer held); null while open"),
              new ColumnDef("is_open", BooleanType, "closed_on is null: it held on as_of_date"),
              new ColumnDef(
                  "severity",
                  StringType,
                  "high or medium: the worst it reached while open (rules per type in"
                      + " docs/alerts.md)"),
              new ColumnDef(
                  "metric_name",
                  StringType,
                  "The measured value the type tests, e.g. mau_change, ticket_rate_ratio"),
              new ColumnDef("metric_value", DoubleType, "Its value on opened_on"),
              new ColumnDef(
                  "baseline_value",
                  DoubleType,
                  "What it was compared with on opened_on (earlier MAU, 90-day daily ticket"
                      + " mean, previous health score); null when the type has none"),
              new ColumnDef(
                  "threshold",
                  DoubleType,
                  "The configured limit it crossed (pulse.alerts); null when the type has none"),
              new ColumnDef(
                  "details", StringType, "The other measured values on opened_on, as text"),
              new ColumnDef(
                  "recommended_action",
                  StringType,
                  "pulse.alerts.recommended-action.<type> at the run"),
              new ColumnDef(
                  "segment", StringType, "Current segment of the account (gold.dim_account)"),
              new ColumnDef("as_of_date", DateType, "Run date D the table is as of")),
          List.of());

  static final List<TableDef> ALL = List.of(ACCOUNT_ALERTS);
}
