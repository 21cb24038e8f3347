package io.pulse.jobs.support;

import static org.apache.spark.sql.functions.col;

import io.pulse.common.table.RowChecks;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The checks the support tables must pass before either is published. */
public final class SupportChecks {
  private SupportChecks() {}

  /**
   * fct_ticket: one row per ticket; no negative reply or resolution time (silver already refuses a
   * reply or solve before created_at, so one here means a broken transform).
   */
  public static List<String> ticketViolations(Dataset<Row> tickets) {
    return RowChecks.keyedBy("ticket_id")
        .rule(
            "negative first_reply_hours or resolution_hours",
            col("first_reply_hours").lt(0).or(col("resolution_hours").lt(0)))
        .violations(tickets);
  }

  /**
   * agg_support_daily: one row per account and day; tickets_opened ≤ _7d ≤ _30d ≤ _90d (the windows
   * nest); breaches within the tickets of their window; backlog and medians never negative; reopen
   * rate within 0..1.
   */
  public static List<String> dailyViolations(Dataset<Row> daily) {
    return RowChecks.keyedBy("account_id", "day")
        .rule(
            "not 0 <= tickets_opened <= _7d <= _30d <= _90d",
            col("tickets_opened")
                .lt(0)
                .or(col("tickets_opened").gt(col("tickets_opened_7d")))
                .or(col("tickets_opened_7d").gt(col("tickets_opened_30d")))
                .or(col("tickets_opened_30d").gt(col("tickets_opened_90d"))))
        .rule(
            "SLA breaches negative or above the window's tickets",
            col("sla_breaches_30d")
                .lt(0)
                .or(col("sla_breaches_30d").gt(col("tickets_opened_30d")))
                .or(col("sla_breaches_90d").lt(col("sla_breaches_30d")))
                .or(col("sla_breaches_90d").gt(col("tickets_opened_90d"))))
        .rule(
            "negative open_backlog or median",
            col("open_backlog")
                .lt(0)
                .or(col("median_first_reply_hours").lt(0))
                .or(col("median_resolution_hours").lt(0)))
        .rule("reopen_rate outside 0..1", col("reopen_rate").lt(0).or(col("reopen_rate").gt(1)))
        .violations(daily);
  }
}
