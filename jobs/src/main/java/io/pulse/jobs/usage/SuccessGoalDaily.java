package io.pulse.jobs.usage;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;

import io.pulse.common.spark.ColumnNames;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * gold.fct_success_goal_daily for the days [start, end] (METRICS.md §7 ROI): for each success-plan
 * goal and each of its days in the range, the value events achieved since the goal's start against
 * its target pro-rated to the day.
 *
 * <p>Readings: a goal's days are start_date .. due_date, both included, so total_days = due_date −
 * start_date + 1 and elapsed_days = d − start_date + 1 (the target is due in full on the due date);
 * achieved counts the account's events whose event_type is the goal's value_event, on the days
 * start_date .. d; expected = target_count × elapsed_days / total_days; on track when achieved ≥
 * expected.
 */
public final class SuccessGoalDaily {
  private SuccessGoalDaily() {}

  /**
   * @param goals the latest version of each goal: {@code goal_id, account_id, value_event,
   *     target_count, start_date, due_date}
   * @param events usage events {@code account_id, event_type, day}, from the earliest start_date of
   *     the goals that overlap the range through end
   * @return one row per goal and day of [start, end] within the goal's days, in the columns of
   *     {@link UsageTables#SUCCESS_GOAL_DAILY}
   */
  public static Dataset<Row> of(
      Dataset<Row> goals, Dataset<Row> events, LocalDate start, LocalDate end) {
    Column from = lit(Date.valueOf(start));
    Column to = lit(Date.valueOf(end));
    Dataset<Row> relevant =
        overlapping(goals, start, end)
            .withColumn("_first", greatest(col("start_date"), from))
            .withColumn("_last", least(col("due_date"), to));

    // Only the goals' own accounts and event types, before the events are grouped: a small
    // broadcast filter on the largest input.
    Dataset<Row> goalTypes =
        relevant.select(col("account_id"), col("value_event").as("event_type")).distinct();
    Dataset<Row> typeDays =
        events
            .where(col("day").leq(to))
            .join(broadcast(goalTypes), ColumnNames.seq("account_id", "event_type"), "left_semi")
            .groupBy(col("account_id"), col("event_type").as("value_event"), col("day"))
            .agg(count(lit(1)).as("_events"));
    // Each goal's events from its start to the range's last day it covers.
    Dataset<Row> matched =
        relevant
            .select("goal_id", "account_id", "value_event", "start_date", "_first", "_last")
            .join(typeDays, ColumnNames.seq("account_id", "value_event"))
            .where(col("day").between(col("start_date"), col("_last")));
    Dataset<Row> before =
        matched
            .where(col("day").lt(col("_first")))
            .groupBy("goal_id")
            .agg(sum("_events").as("_before"));
    Dataset<Row> within =
        matched.where(col("day").geq(col("_first"))).select("goal_id", "day", "_events");

    Dataset<Row> goalDays =
        relevant.withColumn("day", explode(sequence(col("_first"), col("_last"))));
    Column achieved =
        coalesce(col("_before"), lit(0L))
            .plus(
                sum(coalesce(col("_events"), lit(0L)))
                    .over(
                        Window.partitionBy("goal_id")
                            .orderBy("day")
                            .rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
            .cast("long");
    Column elapsed = datediff(col("day"), col("start_date")).plus(1);
    Column total = datediff(col("due_date"), col("start_date")).plus(1);
    return goalDays
        .join(within, ColumnNames.seq("goal_id", "day"), "left")
        .join(before, ColumnNames.seq("goal_id"), "left")
        .select(
            col("goal_id"),
            col("account_id"),
            col("day"),
            trunc(col("day"), "month").as("month"),
            col("value_event"),
            col("target_count"),
            col("start_date"),
            col("due_date"),
            achieved.as("achieved"),
            col("target_count").cast("double").multiply(elapsed).divide(total).as("expected"))
        .withColumn("is_on_track", col("achieved").geq(col("expected")));
  }

  /** Goals with at least one day in [start, end]. */
  public static Dataset<Row> overlapping(Dataset<Row> goals, LocalDate start, LocalDate end) {
    return goals.where(
        col("start_date")
            .leq(lit(Date.valueOf(end)))
            .and(col("due_date").geq(lit(Date.valueOf(start))))
            .and(col("due_date").geq(col("start_date"))));
  }
}
