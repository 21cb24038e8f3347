package io.pulse.jobs.revenue;

import static io.pulse.common.spark.ColumnNames.seq;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Account × month MRR and its movements (METRICS.md §1, rules R4-R6). Each version is expanded only
 * over the months of its own validity, never a cross join of accounts and calendar.
 */
public final class MonthlyMrr {
  private MonthlyMrr() {}

  /**
   * Account MRR at the end of each month up to the month of {@code runDate} (R4: active at the end
   * of day d means {@code valid_from < start(d+1) AND (valid_to IS NULL OR valid_to >=
   * start(d+1))}; the current month is taken as of {@code runDate}).
   *
   * @param versions {@code account_id, valid_from, valid_to, mrr}
   * @return {@code account_id, month, mrr}, for months in which some version was active
   */
  public static Dataset<Row> accountMonths(Dataset<Row> versions, LocalDate runDate) {
    Column runMonth = runMonth(runDate);
    Column firstMonth = trunc(col("valid_from"), "month");
    Column lastMonth = least(coalesce(trunc(col("valid_to"), "month"), runMonth), runMonth);
    Column judgedAt = judgedAt(runDate);
    return versions
        .where(col("valid_from").lt(lit(afterRunDate(runDate))))
        .withColumn("month", explode(sequence(firstMonth, lastMonth, expr("INTERVAL 1 MONTH"))))
        .where(
            col("valid_from")
                .lt(judgedAt)
                .and(col("valid_to").isNull().or(col("valid_to").geq(judgedAt))))
        .groupBy("account_id", "month")
        .agg(sum("mrr").cast(SubscriptionVersions.MONEY).as("mrr"));
  }

  /**
   * {@code fct_mrr_monthly}: per account, every month from its first active month to the month of
   * {@code runDate} where {@code prev_mrr > 0 or mrr > 0} (R5), with the movement and the segment
   * as of the month's end (R6).
   *
   * @param accountMonths the result of {@link #accountMonths}
   * @param accountVersions {@code account_id, segment, updated_at} (every CRM version)
   */
  public static Dataset<Row> withMovements(
      Dataset<Row> accountMonths, Dataset<Row> accountVersions, LocalDate runDate) {
    Column runMonth = runMonth(runDate);
    Dataset<Row> grid =
        accountMonths
            .groupBy("account_id")
            .agg(min("month").as("_first"))
            .withColumn(
                "month", explode(sequence(col("_first"), runMonth, expr("INTERVAL 1 MONTH"))))
            .drop("_first");
    WindowSpec byMonth = Window.partitionBy("account_id").orderBy("month");
    Column cur = col("mrr");
    Column prev = col("prev_mrr");
    Column zero = lit(0).cast(SubscriptionVersions.MONEY);
    Dataset<Row> months =
        grid.join(accountMonths, seq("account_id", "month"), "left")
            .withColumn("mrr", coalesce(cur, zero))
            .withColumn("prev_mrr", coalesce(lag(cur, 1).over(byMonth), zero))
            .withColumn(
                "_paid_before",
                coalesce(
                    max(cur).over(byMonth.rowsBetween(Window.unboundedPreceding(), -1)).gt(0),
                    lit(false)));
    // The order matters: new and reactivation are told apart before the sign tests (§1).
    Column movement =
        when(prev.equalTo(0).and(cur.gt(0)).and(col("_paid_before")), "reactivation")
            .when(prev.equalTo(0).and(cur.gt(0)), "new")
            .when(prev.gt(0).and(cur.gt(prev)), "expansion")
            .when(prev.gt(0).and(cur.gt(0)).and(cur.lt(prev)), "contraction")
            .when(prev.gt(0).and(cur.equalTo(0)), "churn");
    Dataset<Row> moved =
        months
            .where(prev.gt(0).or(cur.gt(0)))
            .withColumn("movement_type", movement)
            .withColumn("movement_amount", cur.minus(prev).cast(SubscriptionVersions.MONEY));
    return withSegment(moved, accountVersions, runDate)
        .select(
            "account_id",
            "month",
            "segment",
            "mrr",
            "prev_mrr",
            "movement_type",
            "movement_amount");
  }

  /** R6: the segment of the CRM version with the latest {@code updated_at} by the month's end. */
  private static Dataset<Row> withSegment(
      Dataset<Row> months, Dataset<Row> accountVersions, LocalDate runDate) {
    Dataset<Row> judged = months.withColumn("_judged_at", judgedAt(runDate));
    Dataset<Row> crm =
        accountVersions.select(
            col("account_id").as("_crm_account"), col("segment").as("_segment"), col("updated_at"));
    Dataset<Row> segments =
        judged
            .select("account_id", "month", "_judged_at")
            .join(
                crm,
                col("account_id")
                    .equalTo(col("_crm_account"))
                    .and(col("updated_at").lt(col("_judged_at"))))
            .groupBy("account_id", "month")
            .agg(max_by(col("_segment"), col("updated_at")).as("segment"));
    return judged
        .join(segments, seq("account_id", "month"), "left")
        .withColumn("segment", coalesce(col("segment"), lit("unknown")));
  }

  private static Column runMonth(LocalDate runDate) {
    return lit(Date.valueOf(runDate.withDayOfMonth(1)));
  }

  /** The start of the day after the run date: where the current month is judged. */
  private static Timestamp afterRunDate(LocalDate runDate) {
    return Timestamp.from(runDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /**
   * The instant column {@code month} is judged at (R4): the start of the next month, or for the run
   * date's month the start of the day after the run date.
   */
  private static Column judgedAt(LocalDate runDate) {
    return when(col("month").equalTo(runMonth(runDate)), lit(afterRunDate(runDate)))
        .otherwise(expr("CAST(add_months(month, 1) AS TIMESTAMP)"));
  }
}
