package io.pulse.jobs.backtest;

import static io.pulse.common.spark.ColumnNames.seq;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Each scored account at a month end, with whether it churned in the horizon after it (METRICS.md
 * §10): churned when its MRR is 0 at the end of at least one day of (m, m + horizon], i.e. the
 * account has fewer than horizon days with {@code mrr > 0} in gold.fct_mrr_daily there (a day
 * without a row has MRR 0). "The N days after m" are [start(m+1), start(m+N+1)): a churn on day m +
 * N counts, one on m + N + 1 does not.
 */
final class ChurnOutcomes {
  private ChurnOutcomes() {}

  /**
   * @param health rows of gold.account_health_daily on the month ends to test: {@code account_id,
   *     day, health_score, band, quadrant, scorecard_version}; every row is a paying account-day
   * @param mrrDaily gold.fct_mrr_daily ({@code account_id, day, mrr}) covering every horizon
   * @return {@code account_id, month_end, health_score, band, quadrant, scorecard_version,
   *     churned}, for the rows with a health score (an account with no data has nothing to rank)
   */
  static Dataset<Row> of(Dataset<Row> health, Dataset<Row> mrrDaily, int horizonDays) {
    Dataset<Row> scored =
        health
            .where(col("health_score").isNotNull())
            .select(
                col("account_id"),
                col("day").as("month_end"),
                col("health_score"),
                col("band"),
                col("quadrant"),
                col("scorecard_version"));
    Dataset<Row> paid = mrrDaily.where(col("mrr").gt(0)).select("account_id", "day");
    // fct_mrr_daily has one row per account and day (a revenue check), so rows count days.
    Dataset<Row> paidDays =
        scored
            .select("account_id", "month_end")
            .join(paid, "account_id")
            .where(
                col("day")
                    .gt(col("month_end"))
                    .and(col("day").leq(date_add(col("month_end"), horizonDays))))
            .groupBy("account_id", "month_end")
            .agg(count(lit(1)).as("paid_days"));
    return scored
        .join(paidDays, seq("account_id", "month_end"), "left")
        .withColumn("churned", coalesce(col("paid_days"), lit(0L)).lt(horizonDays))
        .drop("paid_days");
  }
}
