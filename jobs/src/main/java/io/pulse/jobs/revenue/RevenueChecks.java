package io.pulse.jobs.revenue;

import static io.pulse.common.spark.ColumnNames.seq;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.table.RowChecks;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The checks that must hold before revenue tables are published: the MRR identity for every month
 * and segment, exactly; MRR never negative; one row per account and month, and per month and
 * segment in kpi_monthly; each month's {@code mrr_start} equal to the previous month's {@code
 * mrr_end} for segment 'all' (R6); dim_account's versions well formed ({@link
 * #dimAccountViolations}); fct_mrr_daily consistent with fct_mrr_monthly ({@link
 * #dailyViolations}).
 */
public final class RevenueChecks {
  private RevenueChecks() {}

  /** One line per broken check, with its offending keys; empty when all hold. */
  public static List<String> violations(Dataset<Row> mrrMonthly, Dataset<Row> kpis) {
    List<String> problems =
        new ArrayList<>(
            RowChecks.keyedBy("account_id", "month")
                .rule("negative mrr", col("mrr").lt(0).or(col("prev_mrr").lt(0)))
                .violations(mrrMonthly));
    Column movedTo =
        col("mrr_start")
            .plus(col("new_mrr"))
            .plus(col("reactivation_mrr"))
            .plus(col("expansion_mrr"))
            .plus(col("contraction_mrr"))
            .plus(col("churn_mrr"));
    // R6 for segment 'all': the month before in the table (none for the first) ended where this
    // one starts.
    Column previousEnd =
        when(
            col("segment").equalTo(KpiMonthly.ALL),
            lag(col("mrr_end"), 1).over(Window.partitionBy("segment").orderBy("month")));
    problems.addAll(
        RowChecks.keyedBy("month", "segment")
            .rule("mrr_start + movements != mrr_end", movedTo.notEqual(col("mrr_end")))
            .rule("mrr_start != previous mrr_end", col("_previous_end").notEqual(col("mrr_start")))
            .violations(kpis.withColumn("_previous_end", previousEnd)));
    return problems;
  }

  /**
   * dim_account: one row per {@code (account_id, valid_from)}; exactly one current row per account;
   * versions contiguous and not overlapping: each {@code valid_to} is the next version's {@code
   * valid_from} (so later than its own), and only the last version is open and current.
   */
  public static List<String> dimAccountViolations(Dataset<Row> dimAccount) {
    Column next =
        lead(col("valid_from"), 1).over(Window.partitionBy("account_id").orderBy("valid_from"));
    List<String> problems =
        new ArrayList<>(
            RowChecks.keyedBy("account_id", "valid_from")
                .rule(
                    "dim_account versions overlap or leave a gap",
                    not(col("valid_to").eqNullSafe(col("_next")))
                        .or(col("valid_to").leq(col("valid_from")))
                        .or(not(col("is_current").eqNullSafe(col("valid_to").isNull()))))
                .violations(dimAccount.withColumn("_next", next)));
    problems.addAll(
        RowChecks.keyedBy("account_id")
            .rule("not exactly one current dim_account row", col("_current").notEqual(1))
            .violations(
                dimAccount
                    .groupBy("account_id")
                    .agg(count(when(col("is_current"), 1)).as("_current"))));
    return problems;
  }

  /**
   * fct_mrr_daily: one row per account and day; MRR never negative; and, the strong cross-check,
   * the MRR of each month's last day (the run date for its month) equals fct_mrr_monthly's {@code
   * mrr} for that account-month, an absent row on either side counting as 0 (both are sums of the
   * same versions active at the same instant, R4).
   */
  public static List<String> dailyViolations(
      Dataset<Row> daily, Dataset<Row> mrrMonthly, LocalDate runDate) {
    List<String> problems =
        new ArrayList<>(
            RowChecks.keyedBy("account_id", "day")
                .rule("negative daily mrr", col("mrr").lt(0))
                .violations(daily));
    Dataset<Row> monthEnds =
        daily
            .where(
                col("day")
                    .equalTo(last_day(col("day")))
                    .or(col("day").equalTo(lit(Date.valueOf(runDate)))))
            .select(col("account_id"), col("month"), col("mrr").as("_daily"));
    Dataset<Row> months =
        mrrMonthly.select(col("account_id"), col("month"), col("mrr").as("_monthly"));
    Column zero = lit(0).cast(SubscriptionVersions.MONEY);
    problems.addAll(
        RowChecks.keyedBy("account_id", "month")
            .rule(
                "month-end daily mrr != monthly mrr",
                coalesce(col("_daily"), zero).notEqual(coalesce(col("_monthly"), zero)))
            .violations(monthEnds.join(months, seq("account_id", "month"), "full_outer")));
    return problems;
  }
}
