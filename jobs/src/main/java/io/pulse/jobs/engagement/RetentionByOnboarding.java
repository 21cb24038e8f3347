package io.pulse.jobs.engagement;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.spark.ColumnNames;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * gold.retention_by_onboarding as of day D (METRICS.md §9, seed 004's "first success in 30 days
 * renews 3-5x more"): logo retention M months after the first paid day, split by first success.
 *
 * <p>An account is eligible once {@code first_paid_day + M months ≤ D} and retained when it has MRR
 * > 0 on that day (a day of its own, not a month end: each account is read exactly M months into
 * its life). Accounts whose first success is still undecided are left out: they are at most N days
 * past their first paid day, so none can be eligible. Each cohort that has a decided account gets a
 * row for both flags (zeros when empty), so the ratio of the two rates is on both rows.
 */
public final class RetentionByOnboarding {
  private RetentionByOnboarding() {}

  /**
   * @param milestones the rows of {@link OnboardingMilestones#of}
   * @param mrrDaily gold.fct_mrr_daily: {@code account_id, day, mrr}
   * @return the columns of {@link EngagementTables#RETENTION_BY_ONBOARDING}
   */
  public static Dataset<Row> of(
      Dataset<Row> milestones, Dataset<Row> mrrDaily, OnboardingSettings settings, LocalDate asOf) {
    Column asOfDay = lit(Date.valueOf(asOf));
    Dataset<Row> paidDays =
        mrrDaily
            .where(col("mrr").gt(0).and(col("day").leq(asOfDay)))
            .select(col("account_id"), col("day").as("anniversary"), lit(1L).as("_paid"));
    Dataset<Row> accounts =
        milestones
            .where(col("first_success_30d").isNotNull())
            .withColumn(
                "anniversary", add_months(col("first_paid_day"), settings.retentionMonths()))
            .join(paidDays, ColumnNames.seq("account_id", "anniversary"), "left")
            .select(
                col("cohort_month"),
                col("first_success_30d"),
                when(col("anniversary").leq(asOfDay), 1L).otherwise(0L).as("_eligible"),
                coalesce(col("_paid"), lit(0L)).as("_retained"));

    Dataset<Row> byCohort =
        accounts.select(
            date_format(col("cohort_month"), "yyyy-MM").as("cohort"),
            col("cohort_month"),
            col("first_success_30d"),
            col("_eligible"),
            col("_retained"));
    Dataset<Row> overall =
        accounts.select(
            lit("all").as("cohort"),
            lit(null).cast("date").as("cohort_month"),
            col("first_success_30d"),
            col("_eligible"),
            col("_retained"));
    Dataset<Row> all = byCohort.unionByName(overall);

    Dataset<Row> counts =
        all.groupBy("cohort", "first_success_30d")
            .agg(
                count(lit(1)).as("accounts"),
                sum("_eligible").as("accounts_eligible"),
                sum("_retained").as("accounts_retained"));
    Dataset<Row> flags =
        all.select("cohort", "cohort_month")
            .distinct()
            .crossJoin(
                all.sparkSession().range(2).select(col("id").equalTo(1).as("first_success_30d")));

    Column eligible = coalesce(col("accounts_eligible"), lit(0L));
    Column rate = when(eligible.gt(0), col("accounts_retained").cast("double").divide(eligible));
    WindowSpec cohort = Window.partitionBy("cohort");
    Column withSuccess = max(when(col("first_success_30d"), col("retention_rate"))).over(cohort);
    Column without =
        max(when(col("first_success_30d").equalTo(false), col("retention_rate"))).over(cohort);
    return flags
        .join(counts, ColumnNames.seq("cohort", "first_success_30d"), "left")
        .select(
            col("cohort"),
            col("cohort_month"),
            col("first_success_30d"),
            coalesce(col("accounts"), lit(0L)).as("accounts"),
            eligible.as("accounts_eligible"),
            coalesce(col("accounts_retained"), lit(0L)).as("accounts_retained"),
            rate.as("retention_rate"))
        .withColumn("success_retention_ratio", when(without.gt(0), withSuccess.divide(without)))
        .withColumn("as_of_date", asOfDay);
  }
}
