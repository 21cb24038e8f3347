package io.pulse.jobs.revenue;

import static io.pulse.common.spark.ColumnNames.seq;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The checks that must hold before revenue tables are published: the MRR identity for every month
 * and segment, exactly; MRR never negative; one row per account and month; each month's {@code
 * mrr_start} equal to the previous month's {@code mrr_end} for segment 'all' (R6); dim_account's
 * versions well formed ({@link #dimAccountViolations}); fct_mrr_daily consistent with
 * fct_mrr_monthly ({@link #dailyViolations}).
 */
public final class RevenueChecks {
  private RevenueChecks() {}

  private static final int EXAMPLES = 3;

  /** One line per broken check, with up to three offending keys; empty when all hold. */
  public static List<String> violations(Dataset<Row> mrrMonthly, Dataset<Row> kpis) {
    List<String> problems = new ArrayList<>();
    add(
        problems,
        "mrr_start + movements != mrr_end for month|segment",
        kpis.where(
                col("mrr_start")
                    .plus(col("new_mrr"))
                    .plus(col("reactivation_mrr"))
                    .plus(col("expansion_mrr"))
                    .plus(col("contraction_mrr"))
                    .plus(col("churn_mrr"))
                    .notEqual(col("mrr_end")))
            .select(concat_ws("|", col("month"), col("segment"))));
    add(
        problems,
        "negative mrr for account|month",
        mrrMonthly
            .where(col("mrr").lt(0).or(col("prev_mrr").lt(0)))
            .select(concat_ws("|", col("account_id"), col("month"))));
    add(
        problems,
        "more than one row for account|month",
        mrrMonthly
            .groupBy("account_id", "month")
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1))
            .select(concat_ws("|", col("account_id"), col("month"))));
    var inOrder = Window.partitionBy("segment").orderBy("month");
    add(
        problems,
        "mrr_start != previous mrr_end for month",
        kpis.where(col("segment").equalTo(KpiMonthly.ALL))
            .withColumn("_previous_end", lag(col("mrr_end"), 1).over(inOrder))
            .where(
                col("_previous_end")
                    .isNotNull()
                    .and(col("_previous_end").notEqual(col("mrr_start"))))
            .select(col("month").cast("string")));
    return problems;
  }

  /**
   * dim_account: one row per {@code (account_id, valid_from)}; exactly one current row per account;
   * versions contiguous and not overlapping: each {@code valid_to} is the next version's {@code
   * valid_from} (so later than its own), and only the last version is open and current.
   */
  public static List<String> dimAccountViolations(Dataset<Row> dimAccount) {
    List<String> problems = new ArrayList<>();
    add(
        problems,
        "more than one dim_account row for account|valid_from",
        dimAccount
            .groupBy("account_id", "valid_from")
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1))
            .select(concat_ws("|", col("account_id"), col("valid_from"))));
    add(
        problems,
        "not exactly one current dim_account row for account",
        dimAccount
            .groupBy("account_id")
            .agg(count(when(col("is_current"), 1)).as("n"))
            .where(col("n").notEqual(1))
            .select(col("account_id")));
    var byStart = Window.partitionBy("account_id").orderBy("valid_from");
    add(
        problems,
        "dim_account versions overlap or leave a gap for account|valid_from",
        dimAccount
            .withColumn("_next", lead(col("valid_from"), 1).over(byStart))
            .where(
                not(col("valid_to").eqNullSafe(col("_next")))
                    .or(col("valid_to").leq(col("valid_from")))
                    .or(not(col("is_current").eqNullSafe(col("valid_to").isNull()))))
            .select(concat_ws("|", col("account_id"), col("valid_from"))));
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
    List<String> problems = new ArrayList<>();
    add(
        problems,
        "more than one fct_mrr_daily row for account|day",
        daily
            .groupBy("account_id", "day")
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1))
            .select(concat_ws("|", col("account_id"), col("day"))));
    add(
        problems,
        "negative daily mrr for account|day",
        daily.where(col("mrr").lt(0)).select(concat_ws("|", col("account_id"), col("day"))));
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
    add(
        problems,
        "month-end daily mrr != monthly mrr for account|month",
        monthEnds
            .join(months, seq("account_id", "month"), "full_outer")
            .where(coalesce(col("_daily"), zero).notEqual(coalesce(col("_monthly"), zero)))
            .select(concat_ws("|", col("account_id"), col("month"))));
    return problems;
  }

  private static void add(List<String> problems, String check, Dataset<Row> offenders) {
    List<String> examples = offenders.as(Encoders.STRING()).takeAsList(EXAMPLES);
    if (!examples.isEmpty()) {
      problems.add(check + ": " + String.join(", ", examples));
    }
  }
}
