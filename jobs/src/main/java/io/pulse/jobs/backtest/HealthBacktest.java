package io.pulse.jobs.backtest;

import static io.pulse.common.spark.ColumnNames.seq;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The backtest rows (METRICS.md §10) from the churn outcomes of {@link ChurnOutcomes}: per period
 * (a month end, or any other grouping of the outcomes) and group (all, each band, each quadrant)
 * the accounts, churned accounts, churn rate, lift over the period's base rate and, on the all row,
 * the AUC of (100 − health score) against churn.
 */
final class HealthBacktest {
  private HealthBacktest() {}

  static final String ALL = "all";
  static final String BAND = "band";
  static final String QUADRANT = "quadrant";

  /** Every band and quadrant has a row, so that an empty one reads 0 accounts, not "missing". */
  static final List<String> BANDS = List.of("red", "yellow", "green");

  static final List<String> QUADRANTS =
      List.of("success", "hollow_experience", "at_risk_experience", "failing");

  /**
   * @param outcomes {@code account_id, <period>, health_score, band, quadrant, scorecard_version,
   *     churned}
   * @param period the column that says which rows are measured together
   * @return {@code <period>, group_type, group_value, accounts, churned_accounts, churn_rate, lift,
   *     auc, mean_health_score, scorecard_version}
   */
  static Dataset<Row> of(Dataset<Row> outcomes, String period) {
    Column churned = when(col("churned"), 1L).otherwise(0L);
    // An account with no quadrant (a group NA) is in its band and in all, not in a quadrant row.
    // An account with no quadrant (a group NA) is in its band and in all, not in a quadrant row.
    Dataset<Row> memberships =
        members(outcomes, period, ALL, lit(ALL))
            .unionByName(members(outcomes, period, BAND, col("band")))
            .unionByName(
                members(
                    outcomes.where(col("quadrant").isNotNull()),
                    period,
                    QUADRANT,
                    col("quadrant")));
    Dataset<Row> counts =
        memberships
            .groupBy(period, "group_type", "group_value")
            .agg(
                count(lit(1)).as("accounts"),
                sum(churned).as("churned_accounts"),
                avg("health_score").as("mean_health_score"));
    Dataset<Row> rows =
        outcomes
            .select(period)
            .distinct()
            .crossJoin(groups(outcomes.sparkSession()))
            .join(counts, seq(period, "group_type", "group_value"), "left")
            .withColumn("accounts", coalesce(col("accounts"), lit(0L)))
            .withColumn("churned_accounts", coalesce(col("churned_accounts"), lit(0L)))
            .withColumn(
                "churn_rate",
                when(
                    col("accounts").gt(0),
                    col("churned_accounts").cast("double").divide(col("accounts"))));
    Dataset<Row> perPeriod =
        rows.where(col("group_type").equalTo(ALL))
            .select(col(period), col("churn_rate").as("base_rate"))
            .join(RankAuc.of(riskOf(outcomes), period, "risk", "churned"), seq(period), "left")
            .join(versions(outcomes, period), seq(period), "left");
    Column lift = when(col("base_rate").gt(0), col("churn_rate").divide(col("base_rate")));
    return rows.join(perPeriod, seq(period), "left")
        .select(
            col(period),
            col("group_type"),
            col("group_value"),
            col("accounts"),
            col("churned_accounts"),
            col("churn_rate"),
            lift.as("lift"),
            when(col("group_type").equalTo(ALL), col("auc")).as("auc"),
            col("mean_health_score"),
            col("scorecard_version"));
  }

  private static Dataset<Row> members(
      Dataset<Row> outcomes, String period, String groupType, Column groupValue) {
    return outcomes.select(
        col(period),
        lit(groupType).as("group_type"),
        groupValue.as("group_value"),
        col("health_score"),
        col("churned"));
  }

  /** §10 ranks by 100 − score: the lower the score, the higher the predicted churn risk. */
  private static Dataset<Row> riskOf(Dataset<Row> outcomes) {
    return outcomes.withColumn("risk", lit(100).minus(col("health_score")));
  }

  private static Dataset<Row> versions(Dataset<Row> outcomes, String period) {
    return outcomes
        .groupBy(period)
        .agg(
            concat_ws(",", array_sort(collect_set(col("scorecard_version"))))
                .as("scorecard_version"));
  }

  private static Dataset<Row> groups(SparkSession spark) {
    List<Row> groups = new ArrayList<>();
    groups.add(RowFactory.create(ALL, ALL));
    BANDS.forEach(b -> groups.add(RowFactory.create(BAND, b)));
    QUADRANTS.forEach(q -> groups.add(RowFactory.create(QUADRANT, q)));
    StructType schema =
        new StructType()
            .add("group_type", DataTypes.StringType)
            .add("group_value", DataTypes.StringType);
    return spark.createDataFrame(groups, schema);
  }
}
