package io.pulse.jobs.support;

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

/** The checks the support tables must pass before either is published. */
public final class SupportChecks {
  private SupportChecks() {}

  private static final int EXAMPLES = 3;

  /**
   * fct_ticket: one row per ticket; no negative reply or resolution time (silver already refuses a
   * reply or solve before created_at, so one here means a broken transform).
   */
  public static List<String> ticketViolations(Dataset<Row> tickets) {
    List<String> problems = new ArrayList<>();
    add(
        problems,
        "more than one row for ticket",
        tickets
            .groupBy("ticket_id")
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1))
            .select("ticket_id"));
    add(
        problems,
        "negative first_reply_hours or resolution_hours for ticket",
        tickets
            .where(col("first_reply_hours").lt(0).or(col("resolution_hours").lt(0)))
            .select("ticket_id"));
    return problems;
  }

  /**
   * agg_support_daily: one row per account and day; tickets_opened ≤ _7d ≤ _30d ≤ _90d (the windows
   * nest); breaches within the tickets of their window; backlog and medians never negative; reopen
   * rate within 0..1.
   */
  public static List<String> dailyViolations(Dataset<Row> daily) {
    List<String> problems = new ArrayList<>();
    Column key = concat_ws("|", col("account_id"), col("day").cast("string"));
    add(
        problems,
        "more than one row for account|day",
        daily
            .groupBy("account_id", "day")
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1))
            .select(concat_ws("|", col("account_id"), col("day").cast("string"))));
    add(
        problems,
        "not 0 <= tickets_opened <= _7d <= _30d <= _90d for account|day",
        daily
            .where(
                col("tickets_opened")
                    .lt(0)
                    .or(col("tickets_opened").gt(col("tickets_opened_7d")))
                    .or(col("tickets_opened_7d").gt(col("tickets_opened_30d")))
                    .or(col("tickets_opened_30d").gt(col("tickets_opened_90d"))))
            .select(key));
    add(
        problems,
        "SLA breaches negative or above the window's tickets for account|day",
        daily
            .where(
                col("sla_breaches_30d")
                    .lt(0)
                    .or(col("sla_breaches_30d").gt(col("tickets_opened_30d")))
                    .or(col("sla_breaches_90d").lt(col("sla_breaches_30d")))
                    .or(col("sla_breaches_90d").gt(col("tickets_opened_90d"))))
            .select(key));
    add(
        problems,
        "negative open_backlog or median for account|day",
        daily
            .where(
                col("open_backlog")
                    .lt(0)
                    .or(col("median_first_reply_hours").lt(0))
                    .or(col("median_resolution_hours").lt(0)))
            .select(key));
    add(
        problems,
        "reopen_rate outside 0..1 for account|day",
        daily.where(col("reopen_rate").lt(0).or(col("reopen_rate").gt(1))).select(key));
    return problems;
  }

  private static void add(List<String> problems, String check, Dataset<Row> offenders) {
    List<String> examples = offenders.as(Encoders.STRING()).takeAsList(EXAMPLES);
    if (!examples.isEmpty()) {
      problems.add(check + ": " + String.join(", ", examples));
    }
  }
}
