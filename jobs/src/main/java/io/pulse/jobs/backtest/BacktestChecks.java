package io.pulse.jobs.backtest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The checks gold.health_backtest must pass before it is published: one row per month end and
 * group, 0 ≤ churned ≤ accounts, churn rate and AUC within 0..1, and the bands adding up to the all
 * row (every scored account has a band).
 */
final class BacktestChecks {
  private BacktestChecks() {}

  private static final int EXAMPLES = 3;

  /** One line per broken check, with up to three offending keys; empty when all hold. */
  static List<String> violations(Dataset<Row> rows) {
    List<String> problems = new ArrayList<>();
    Column key =
        concat_ws("|", col("month_end").cast("string"), col("group_type"), col("group_value"));
    add(
        problems,
        "more than one row for month_end|group_type|group_value",
        rows.groupBy(key.as("k")).agg(count(lit(1)).as("n")).where(col("n").gt(1)).select("k"));
    add(
        problems,
        "churned_accounts outside 0..accounts for month_end|group_type|group_value",
        rows.where(col("churned_accounts").lt(0).or(col("churned_accounts").gt(col("accounts"))))
            .select(key));
    add(
        problems,
        "churn_rate or auc outside 0..1 for month_end|group_type|group_value",
        rows.where(outside01(col("churn_rate")).or(outside01(col("auc")))).select(key));
    Column bandAccounts = when(col("group_type").equalTo(HealthBacktest.BAND), col("accounts"));
    Column allAccounts = when(col("group_type").equalTo(HealthBacktest.ALL), col("accounts"));
    add(
        problems,
        "band accounts do not add up to all accounts for month_end",
        rows.groupBy("month_end")
            .agg(sum(bandAccounts).as("bands"), sum(allAccounts).as("all"))
            .where(col("bands").notEqual(col("all")))
            .select(col("month_end").cast("string")));
    return problems;
  }

  private static Column outside01(Column value) {
    return value.lt(0).or(value.gt(1));
  }

  private static void add(List<String> problems, String check, Dataset<Row> offenders) {
    List<String> examples = offenders.as(Encoders.STRING()).takeAsList(EXAMPLES);
    if (!examples.isEmpty()) {
      problems.add(check + ": " + String.join(", ", examples));
    }
  }
}
