package io.pulse.jobs.revenue;

import static io.pulse.common.spark.ColumnNames.seq;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code kpi_monthly} (METRICS.md §2, rules R6-R8): one row per month and segment, plus {@code
 * 'all'}, for every month of fct_mrr_monthly. Contraction and churn are negative; rates use their
 * absolute values; a division by zero yields null. Ratios are doubles, money decimal(18,4).
 */
public final class KpiMonthly {
  private KpiMonthly() {}

  public static final String ALL = "all";

  /**
   * @param mrrMonthly fct_mrr_monthly
   * @param ltvMonths the trailing window of the LTV means (default 6: months m−5..m)
   */
  public static Dataset<Row> of(Dataset<Row> mrrMonthly, int ltvMonths) {
    Dataset<Row> bySegment = totals(mrrMonthly, col("segment"));
    Dataset<Row> overall = totals(mrrMonthly, lit(ALL));
    Dataset<Row> grid =
        mrrMonthly
            .agg(min("month").as("_first"), max("month").as("_last"))
            .withColumn(
                "month", explode(sequence(col("_first"), col("_last"), expr("INTERVAL 1 MONTH"))))
            .select("month")
            .crossJoin(
                mrrMonthly
                    .select("segment")
                    .distinct()
                    .union(mrrMonthly.sparkSession().sql("SELECT '" + ALL + "' AS segment")));
    Dataset<Row> kpis = grid.join(bySegment.unionByName(overall), seq("month", "segment"), "left");
    for (String money :
        List.of(
            "mrr_start",
            "new_mrr",
            "reactivation_mrr",
            "expansion_mrr",
            "contraction_mrr",
            "churn_mrr",
            "mrr_end")) {
      kpis = kpis.withColumn(money, coalesce(col(money), lit(0)).cast(SubscriptionVersions.MONEY));
    }
    for (String counted :
        List.of(
            "customers_start",
            "customers_end",
            "new_customers",
            "churned_customers",
            "reactivated_customers")) {
      kpis = kpis.withColumn(counted, coalesce(col(counted), lit(0L)));
    }
    Column start = col("mrr_start");
    Column lost = abs(col("contraction_mrr")).plus(abs(col("churn_mrr")));
    Column expansion = col("expansion_mrr");
    Column gained = col("new_mrr").plus(col("reactivation_mrr")).plus(expansion);
    var trailing = Window.partitionBy("segment").orderBy("month").rowsBetween(-(ltvMonths - 1), 0);
    return kpis.withColumn(
            "logo_churn_rate", ratio(col("churned_customers"), col("customers_start")))
        .withColumn("gross_mrr_churn_rate", ratio(lost, start))
        .withColumn("net_mrr_churn_rate", ratio(lost.minus(expansion), start))
        .withColumn("grr", ratio(start.minus(lost), start))
        .withColumn("nrr", ratio(start.plus(expansion).minus(lost), start))
        .withColumn(
            "arpa",
            when(col("customers_end").gt(0), round(col("mrr_end").divide(col("customers_end")), 4))
                .cast(SubscriptionVersions.MONEY))
        .withColumn("quick_ratio", ratio(gained, lost))
        // In doubles, like the churn mean it is divided by: a decimal mean of ARPA keeps 8 places,
        // and a small churn rate magnifies that rounding into LTV's fourth decimal.
        .withColumn("_mean_arpa", avg(col("arpa").cast(DataTypes.DoubleType)).over(trailing))
        .withColumn("_mean_churn", avg("logo_churn_rate").over(trailing))
        .withColumn(
            "ltv",
            when(col("_mean_churn").gt(0), round(col("_mean_arpa").divide(col("_mean_churn")), 4))
                .cast(SubscriptionVersions.MONEY))
        .select(
            "month",
            "segment",
            "mrr_start",
            "new_mrr",
            "reactivation_mrr",
            "expansion_mrr",
            "contraction_mrr",
            "churn_mrr",
            "mrr_end",
            "customers_start",
            "customers_end",
            "new_customers",
            "churned_customers",
            "reactivated_customers",
            "logo_churn_rate",
            "gross_mrr_churn_rate",
            "net_mrr_churn_rate",
            "grr",
            "nrr",
            "arpa",
            "ltv",
            "quick_ratio");
  }

  /** Sums and counts per month and the given segment column. */
  private static Dataset<Row> totals(Dataset<Row> mrrMonthly, Column segment) {
    return mrrMonthly
        .groupBy(col("month"), segment.as("segment"))
        .agg(
            sum("prev_mrr").as("mrr_start"),
            amountOf("new").as("new_mrr"),
            amountOf("reactivation").as("reactivation_mrr"),
            amountOf("expansion").as("expansion_mrr"),
            amountOf("contraction").as("contraction_mrr"),
            amountOf("churn").as("churn_mrr"),
            sum("mrr").as("mrr_end"),
            count(when(col("prev_mrr").gt(0), 1)).as("customers_start"),
            count(when(col("mrr").gt(0), 1)).as("customers_end"),
            count(when(col("movement_type").equalTo("new"), 1)).as("new_customers"),
            count(when(col("movement_type").equalTo("churn"), 1)).as("churned_customers"),
            count(when(col("movement_type").equalTo("reactivation"), 1))
                .as("reactivated_customers"));
  }

  private static Column amountOf(String movement) {
    return sum(
        when(col("movement_type").equalTo(movement), col("movement_amount")).otherwise(lit(0)));
  }

  /** {@code numerator / denominator} as doubles; null when the denominator is 0. */
  private static Column ratio(Column numerator, Column denominator) {
    return when(
        denominator.notEqual(0),
        numerator.cast(DataTypes.DoubleType).divide(denominator.cast(DataTypes.DoubleType)));
  }
}
