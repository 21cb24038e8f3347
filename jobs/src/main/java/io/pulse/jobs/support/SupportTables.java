package io.pulse.jobs.support;

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

/** The gold support tables, each column documented (METRICS.md §6, S1-S6). */
public final class SupportTables {
  private SupportTables() {}

  public static final TableDef FCT_TICKET =
      new TableDef(
          Layer.GOLD,
          "fct_ticket",
          "Each support ticket in its latest version known at the run date D (deliveries up to"
              + " D); the whole table is rewritten by every run",
          List.of(
              new ColumnDef("ticket_id", StringType, "Ticket"),
              new ColumnDef("account_id", StringType, "Account that raised it"),
              new ColumnDef("requester_id", StringType, "Contact who raised it"),
              new ColumnDef("priority", StringType, "low | normal | high | urgent (S6)"),
              new ColumnDef(
                  "status", StringType, "new | open | pending | on_hold | solved | closed (S6)"),
              new ColumnDef("channel", StringType, "Channel it came in by"),
              new ColumnDef("subject", StringType, "Subject line"),
              new ColumnDef("created_at", TimestampType, "When it was opened (UTC)"),
              new ColumnDef(
                  "first_response_at", TimestampType, "First agent reply (UTC); null if none"),
              new ColumnDef(
                  "solved_at", TimestampType, "When it was solved (UTC); null if not solved"),
              new ColumnDef("reopened_count", IntegerType, "Times it was reopened"),
              new ColumnDef("created_date", DateType, "UTC date of created_at"),
              new ColumnDef(
                  "created_month", DateType, "First day of created_date's month: the partition"),
              new ColumnDef(
                  "first_reply_hours",
                  DoubleType,
                  "first_response_at − created_at in calendar hours; null when unanswered"),
              new ColumnDef(
                  "resolution_hours",
                  DoubleType,
                  "solved_at − created_at in calendar hours; null when not solved"),
              new ColumnDef("is_reopened", BooleanType, "reopened_count > 0"),
              new ColumnDef(
                  "sla_first_reply_hours",
                  DoubleType,
                  "First-reply SLA of the priority (pulse.support.sla-first-reply-hours); null"
                      + " when the priority has none"),
              new ColumnDef(
                  "is_sla_breached",
                  BooleanType,
                  "(first_response_at, or the end of as_of_date when unanswered) − created_at >"
                      + " sla_first_reply_hours (S3); false without an SLA"),
              new ColumnDef("as_of_date", DateType, "The run date D this state is as of")),
          List.of("created_month"));

  public static final TableDef AGG_SUPPORT_DAILY =
      new TableDef(
          Layer.GOLD,
          "agg_support_daily",
          "Support per account and day, from the day of the account's first ticket; windows are"
              + " the N days ending the day and hold the tickets created in them, each in its"
              + " latest version known at the run date (S1)",
          List.of(
              new ColumnDef("account_id", StringType, "Account"),
              new ColumnDef("day", DateType, "UTC day d"),
              new ColumnDef("month", DateType, "First day of the day's month: the partition"),
              new ColumnDef("tickets_opened", LongType, "Tickets created on d"),
              new ColumnDef(
                  "tickets_opened_7d",
                  LongType,
                  "Tickets created in the pulse.support.short-window-days (7) days ending d"),
              new ColumnDef(
                  "tickets_opened_30d",
                  LongType,
                  "Tickets created in the pulse.support.window-days (30) days ending d"),
              new ColumnDef(
                  "tickets_opened_90d",
                  LongType,
                  "Tickets created in the pulse.support.long-window-days (90) days ending d"),
              new ColumnDef(
                  "open_backlog",
                  LongType,
                  "Tickets with created_at < start(d+1) and solved_at null or ≥ start(d+1) (S5)"),
              new ColumnDef(
                  "median_first_reply_hours",
                  DoubleType,
                  "Exact median (S4) of first_reply_hours of the answered tickets created in the"
                      + " 30-day window; null when none"),
              new ColumnDef(
                  "median_resolution_hours",
                  DoubleType,
                  "Exact median (S4) of resolution_hours of the solved tickets created in the"
                      + " 30-day window; null when none"),
              new ColumnDef(
                  "reopen_rate",
                  DoubleType,
                  "Solved tickets created in the 90-day window with reopened_count > 0 / solved"
                      + " tickets created in it (S2); null when none is solved"),
              new ColumnDef(
                  "sla_breaches_30d",
                  LongType,
                  "Tickets created in the 30-day window that breach their SLA at the end of d"
                      + " (S3)"),
              new ColumnDef(
                  "sla_breaches_90d",
                  LongType,
                  "Tickets created in the 90-day window that breach their SLA at the end of d"
                      + " (S3)"),
              new ColumnDef(
                  "ticket_daily_mean_90d",
                  DoubleType,
                  "tickets_opened_90d / long-window-days: the baseline of the ticket-spike"
                      + " alert")),
          List.of("month"));

  static final List<TableDef> ALL = List.of(FCT_TICKET, AGG_SUPPORT_DAILY);
}
