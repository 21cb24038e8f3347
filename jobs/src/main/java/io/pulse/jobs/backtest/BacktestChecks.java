package io.pulse.jobs.backtest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.table.RowChecks;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks gold.health_backtest must pass before it is published: one row per month end and
 * group, 0 ≤ churned ≤ accounts, churn rate and AUC within 0..1, and the bands adding up to the all
 * row (every scored account has a band).
 */
final class BacktestChecks {
  private BacktestChecks() {}

  /** One line per broken check, with its offending keys; empty when all hold. */
  static List<String> violations(Dataset<Row> rows) {
    Column churned = col("churned_accounts");
    List<String> problems =
        new ArrayList<>(
            RowChecks.keyedBy("month_end", "group_type", "group_value")
                .rule(
                    "churned_accounts outside 0..accounts",
                    churned.lt(0).or(churned.gt(col("accounts"))))
                .rule(
                    "churn_rate or auc outside 0..1",
                    outside01(col("churn_rate")).or(outside01(col("auc"))))
                .violations(rows));
    Column bandAccounts = when(col("group_type").equalTo(HealthBacktest.BAND), col("accounts"));
    Column allAccounts = when(col("group_type").equalTo(HealthBacktest.ALL), col("accounts"));
    problems.addAll(
        RowChecks.keyedBy("month_end")
            .rule("band accounts do not add up to all accounts", col("bands").notEqual(col("all")))
            .violations(
                rows.groupBy("month_end")
                    .agg(sum(bandAccounts).as("bands"), sum(allAccounts).as("all"))));
    return problems;
  }

  private static Column outside01(Column value) {
    return value.lt(0).or(value.gt(1));
  }
}
