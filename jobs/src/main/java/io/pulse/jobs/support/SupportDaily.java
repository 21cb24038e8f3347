package io.pulse.jobs.support;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.spark.ColumnNames;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * gold.agg_support_daily for the days [start, end] (METRICS.md §6, S1-S5). A window of N days
 * ending d holds the tickets created in it (S1), each as known at the run date. Each ticket is
 * paired with the days of the range whose long window holds it (at most long-window-days of them),
 * so every windowed figure, the exact medians included, is one aggregation over those pairs; the
 * backlog is a running sum of +1 on the day a ticket opens and −1 on the day it is solved.
 */
public final class SupportDaily {
  private SupportDaily() {}

  /**
   * @param tickets gold.fct_ticket rows: {@code account_id, created_at, created_date, solved_at,
   *     first_reply_hours, resolution_hours, is_reopened, sla_first_reply_hours}
   * @return one row per account and day of [start, end] from the day of the account's first ticket,
   *     in the columns of {@link SupportTables#AGG_SUPPORT_DAILY}
   */
  public static Dataset<Row> of(
      Dataset<Row> tickets, SupportSettings settings, LocalDate start, LocalDate end) {
    Column from = lit(Date.valueOf(start));
    Column to = lit(Date.valueOf(end));
    Dataset<Row> known = tickets.where(col("created_date").leq(to));

    Dataset<Row> spine =
        known
            .groupBy("account_id")
            .agg(min("created_date").as("_first"))
            .select(
                col("account_id"), explode(sequence(greatest(col("_first"), from), to)).as("day"));

    Dataset<Row> filled =
        spine
            .join(backlogChanges(known, from, to), ColumnNames.seq("account_id", "day"), "left")
            .withColumn(
                "open_backlog",
                sum(coalesce(col("_change"), lit(0L)))
                    .over(
                        Window.partitionBy("account_id")
                            .orderBy("day")
                            .rowsBetween(Window.unboundedPreceding(), Window.currentRow()))
                    .cast("long"))
            .join(
                windows(known, settings, start, end), ColumnNames.seq("account_id", "day"), "left");

    return filled.select(
        col("account_id"),
        col("day"),
        trunc(col("day"), "month").as("month"),
        countOrZero("tickets_opened"),
        countOrZero("tickets_opened_7d"),
        countOrZero("tickets_opened_30d"),
        countOrZero("tickets_opened_90d"),
        col("open_backlog"),
        col("median_first_reply_hours"),
        col("median_resolution_hours"),
        // S2: null, not 0, when no ticket of the window is solved.
        when(col("_solved").gt(0), col("_reopened_solved").cast("double").divide(col("_solved")))
            .as("reopen_rate"),
        countOrZero("sla_breaches_30d"),
        countOrZero("sla_breaches_90d"),
        countOrZero("tickets_opened_90d")
            .cast("double")
            .divide(lit(settings.longWindowDays()))
            .as("ticket_daily_mean_90d"));
  }

  /** A count of the window aggregation; 0 on a day no ticket's window reaches. */
  private static Column countOrZero(String name) {
    return coalesce(col(name), lit(0L)).as(name);
  }

  /**
   * S5: a ticket is open at the end of d when {@code created_at < start(d+1)} and ({@code
   * solved_at} null or {@code ≥ start(d+1)}), i.e. on the days date(created_at) .. date(solved_at)
   * − 1. Changes before start land on start, so the running sum begins with the open count there.
   */
  static Dataset<Row> backlogChanges(Dataset<Row> known, Column from, Column to) {
    Dataset<Row> opened =
        known.select(
            col("account_id"), greatest(col("created_date"), from).as("day"), lit(1L).as("_d"));
    Column solvedDay = to_date(col("solved_at"));
    Dataset<Row> solved =
        known
            .where(col("solved_at").isNotNull().and(solvedDay.leq(to)))
            .select(col("account_id"), greatest(solvedDay, from).as("day"), lit(-1L).as("_d"));
    return opened.unionByName(solved).groupBy("account_id", "day").agg(sum("_d").as("_change"));
  }

  /** The window figures of each account and day that at least one ticket's long window reaches. */
  static Dataset<Row> windows(
      Dataset<Row> known, SupportSettings settings, LocalDate start, LocalDate end) {
    int longDays = settings.longWindowDays();
    Column created = col("created_date");
    // A ticket created on c is in the N-day window ending d when c ≤ d ≤ c + N − 1.
    Dataset<Row> pairs =
        known
            .where(created.geq(lit(Date.valueOf(start.minusDays(longDays - 1)))))
            .withColumn(
                "day",
                explode(
                    sequence(
                        greatest(created, lit(Date.valueOf(start))),
                        least(date_add(created, longDays - 1), lit(Date.valueOf(end))))))
            .withColumn("_age", datediff(col("day"), created));

    Column inShort = col("_age").lt(settings.shortWindowDays());
    Column inMain = col("_age").lt(settings.windowDays());
    Column inLong = col("_age").lt(longDays);
    Column solved = col("solved_at").isNotNull();
    Column breached =
        new TicketHours(settings)
            .breached(
                col("first_reply_hours"),
                col("created_at"),
                TicketHours.endOf(col("day")),
                col("sla_first_reply_hours"));
    return pairs
        .groupBy("account_id", "day")
        .agg(
            countWhere(col("_age").equalTo(0)).as("tickets_opened"),
            countWhere(inShort).as("tickets_opened_7d"),
            countWhere(inMain).as("tickets_opened_30d"),
            countWhere(inLong).as("tickets_opened_90d"),
            // S4: Spark's median is exact (percentile 0.5, the mean of the two middle values for
            // an even count); nulls (unanswered, unsolved) are left out.
            median(when(inMain, col("first_reply_hours"))).as("median_first_reply_hours"),
            median(when(inMain, col("resolution_hours"))).as("median_resolution_hours"),
            countWhere(inLong.and(solved)).as("_solved"),
            countWhere(inLong.and(solved).and(col("is_reopened"))).as("_reopened_solved"),
            countWhere(inMain.and(breached)).as("sla_breaches_30d"),
            countWhere(inLong.and(breached)).as("sla_breaches_90d"));
  }

  private static Column countWhere(Column condition) {
    return sum(when(condition, 1L).otherwise(0L));
  }
}
