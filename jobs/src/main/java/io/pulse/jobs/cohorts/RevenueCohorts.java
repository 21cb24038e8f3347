package io.pulse.jobs.cohorts;

import static io.pulse.common.spark.ColumnNames.seq;
import static io.pulse.jobs.cohorts.CohortMonths.ratio;
import static io.pulse.jobs.cohorts.CohortMonths.runMonth;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code cohort_retention_monthly} (METRICS.md §3, C1) from {@code fct_mrr_monthly}, whose rows
 * already hold each account's MRR at every month end (D for D's month) and its segment there (R6).
 * An account's cohort is its first month with MRR > 0; a month without a row, or with MRR 0, is a
 * month it is not retained, so a reactivated account counts again from its return, in its first
 * cohort.
 */
public final class RevenueCohorts {
  private RevenueCohorts() {}

  private static final Column ZERO = lit(0).cast(CohortsTables.MONEY);

  /**
   * @param mrrMonthly {@code account_id, month, segment, mrr} (fct_mrr_monthly); months after the
   *     run date's month are left out
   * @return the table's columns: one row per cohort month, segment with accounts in that cohort
   *     (and {@code all}), and offset up to the run date's month
   */
  public static Dataset<Row> of(Dataset<Row> mrrMonthly, LocalDate runDate) {
    Dataset<Row> paid =
        mrrMonthly
            .where(col("month").leq(runMonth(runDate)).and(col("mrr").gt(0)))
            .select("account_id", "month", "segment", "mrr");
    // The segment and MRR of the first paid month: the cohort's (C1).
    Dataset<Row> members =
        CohortMonths.withAll(
            paid.groupBy("account_id")
                .agg(
                    min("month").as("cohort_month"),
                    min_by(col("segment"), col("month")).as("segment"),
                    min_by(col("mrr"), col("month")).as("start_mrr")));
    Dataset<Row> cells =
        members
            .groupBy("cohort_month", "segment")
            .agg(
                count(lit(1)).as("cohort_accounts"),
                sum("start_mrr").cast(CohortsTables.MONEY).as("cohort_mrr"));
    Dataset<Row> retained =
        paid.select("account_id", "month", "mrr")
            .join(members.select("account_id", "cohort_month", "segment"), "account_id")
            .groupBy("cohort_month", "segment", "month")
            .agg(count(lit(1)).as("retained_accounts"), sum("mrr").as("retained_mrr"));
    return CohortMonths.offsets(cells, runDate)
        .join(retained, seq("cohort_month", "segment", "month"), "left")
        .withColumn("retained_accounts", coalesce(col("retained_accounts"), lit(0L)))
        .withColumn("retained_mrr", coalesce(col("retained_mrr").cast(CohortsTables.MONEY), ZERO))
        .withColumn("logo_retention", ratio(col("retained_accounts"), col("cohort_accounts")))
        .withColumn("revenue_retention", ratio(col("retained_mrr"), col("cohort_mrr")))
        .select(columns(CohortsTables.REVENUE_COHORTS.columnNames().toArray(String[]::new)));
  }

  static Column[] columns(String... names) {
    Column[] columns = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      columns[i] = col(names[i]);
    }
    return columns;
  }
}
