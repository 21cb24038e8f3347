package io.pulse.jobs.alerts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Turns daily condition rows into alerts: an alert (an episode) is a maximal run of consecutive
 * days on which its type's condition holds for the account, so an alert that stays open is one row,
 * not one per day. Gaps and islands: within an account and type, day − (row number by day) is the
 * same for every day of a run of consecutive days and differs between runs.
 *
 * <p>{@code opened_on} is the first day of the run; {@code closed_on} the first day after it (the
 * condition no longer holds), null when the run reaches the run date D (still open). The measured
 * values are those of the opening day (what fired it); {@code severity} is the worst the alert
 * reached while open, so an alert that escalates shows it.
 */
public final class AlertEpisodes {
  private AlertEpisodes() {}

  /**
   * @param conditions rows in the shape of {@link AlertCondition}, at most one per account, type
   *     and day; days after {@code asOf} are ignored
   * @return {@code account_id, alert_type, opened_on, closed_on, is_open, severity, metric_name,
   *     metric_value, baseline_value, threshold, details}
   */
  public static Dataset<Row> of(Dataset<Row> conditions, LocalDate asOf) {
    Column runDay = lit(Date.valueOf(asOf));
    Column run =
        date_sub(
            col("day"),
            row_number().over(Window.partitionBy("account_id", "alert_type").orderBy("day")));
    Column severityRank = when(col("severity").equalTo(AlertCondition.HIGH), 2).otherwise(1);
    Dataset<Row> runs =
        conditions
            .where(col("day").leq(runDay))
            .withColumn("_run", run)
            .groupBy("account_id", "alert_type", "_run")
            .agg(
                min("day").as("opened_on"),
                max("day").as("_last_day"),
                max(severityRank).as("_severity_rank"),
                // Structs compare field by field: the one with the least day is the opening day's.
                min(struct(
                        col("day"),
                        col("metric_name"),
                        col("metric_value"),
                        col("baseline_value"),
                        col("threshold"),
                        col("details")))
                    .as("_first"));
    Column closedOn = when(col("_last_day").lt(runDay), date_add(col("_last_day"), 1));
    return runs.select(
        col("account_id"),
        col("alert_type"),
        col("opened_on"),
        closedOn.as("closed_on"),
        closedOn.isNull().as("is_open"),
        when(col("_severity_rank").equalTo(2), lit(AlertCondition.HIGH))
            .otherwise(lit(AlertCondition.MEDIUM))
            .as("severity"),
        col("_first.metric_name").as("metric_name"),
        col("_first.metric_value").as("metric_value"),
        col("_first.baseline_value").as("baseline_value"),
        col("_first.threshold").as("threshold"),
        col("_first.details").as("details"));
  }
}
