package io.pulse.jobs.backtest;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The backtest as printed by {@code pulse backtest}: one line per month end and one over all of
 * them, with the churn rate of every band and quadrant side by side. A small aggregate: at most one
 * line per month of the range.
 */
final class BacktestReport {
  private BacktestReport() {}

  /** The label of the line over all month ends of the run. */
  static final String POOLED = "all month ends";

  /**
   * @param rows the rows written to gold.health_backtest
   * @return one string-valued row per month end, then one over all of them: accounts and churned
   *     summed over the month ends (account-month ends), rates and lifts of those sums, and the
   *     mean of the month ends' AUCs
   */
  static Dataset<Row> lines(Dataset<Row> rows) {
    Dataset<Row> summed =
        rows.groupBy("group_type", "group_value")
            .agg(
                sum("accounts").as("accounts"),
                sum("churned_accounts").as("churned_accounts"),
                avg("auc").as("auc"))
            .withColumn(
                "churn_rate",
                when(
                    col("accounts").gt(0),
                    col("churned_accounts").cast("double").divide(col("accounts"))));
    Dataset<Row> base =
        summed
            .where(col("group_type").equalTo(HealthBacktest.ALL))
            .select(col("churn_rate").as("base_rate"));
    Dataset<Row> pooled =
        summed
            .crossJoin(base)
            .withColumn(
                "lift", when(col("base_rate").gt(0), col("churn_rate").divide(col("base_rate"))))
            .withColumn("period", lit(POOLED));
    return wide(rows.withColumn("period", col("month_end").cast("string")))
        .unionByName(wide(pooled))
        .orderBy(col("period").equalTo(POOLED), col("period"));
  }

  private static Dataset<Row> wide(Dataset<Row> rows) {
    List<Column> columns = new ArrayList<>();
    columns.add(max(all(col("accounts"))).cast("string").as("accounts"));
    columns.add(max(all(col("churned_accounts"))).cast("string").as("churned"));
    columns.add(percent(max(all(col("churn_rate")))).as("churn"));
    columns.add(format_number(max(all(col("auc"))), 3).as("auc"));
    for (String band : HealthBacktest.BANDS) {
      columns.add(percent(max(of(band, col("churn_rate")))).as(band));
    }
    columns.add(format_number(max(of("red", col("lift"))), 2).as("red_lift"));
    Column red = max(of("red", col("churn_rate")));
    Column green = max(of("green", col("churn_rate")));
    columns.add(format_number(when(green.gt(0), red.divide(green)), 2).as("red/green"));
    for (String quadrant : HealthBacktest.QUADRANTS) {
      columns.add(percent(max(of(quadrant, col("churn_rate")))).as(quadrant));
    }
    return rows.groupBy("period")
        .agg(columns.get(0), columns.subList(1, columns.size()).toArray(Column[]::new));
  }

  private static Column all(Column value) {
    return when(col("group_type").equalTo(HealthBacktest.ALL), value);
  }

  private static Column of(String groupValue, Column value) {
    return when(
        col("group_type").notEqual(HealthBacktest.ALL).and(col("group_value").equalTo(groupValue)),
        value);
  }

  private static Column percent(Column ratio) {
    return concat(format_number(ratio.multiply(100), 1), lit("%"));
  }
}
