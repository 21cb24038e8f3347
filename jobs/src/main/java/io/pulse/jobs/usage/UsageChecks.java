package io.pulse.jobs.usage;

import static org.apache.spark.sql.functions.col;

import io.pulse.common.table.RowChecks;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks fct_account_usage_daily must pass before it is published: one row per account and day;
 * dau ≤ wau ≤ mau; no negative seats; stickiness and breadth within 0..1; and only rows with MAU >
 * 0 or seats > 0 (U4).
 */
public final class UsageChecks {
  private UsageChecks() {}

  /** One line per broken check, with its offending account|day keys; empty when all hold. */
  public static List<String> violations(Dataset<Row> daily) {
    return RowChecks.keyedBy("account_id", "day")
        .rule("not dau <= wau <= mau", col("dau").gt(col("wau")).or(col("wau").gt(col("mau"))))
        .rule("negative seats", col("seats_purchased").lt(0))
        .rule(
            "stickiness or key_feature_breadth outside 0..1",
            outside(col("stickiness")).or(outside(col("key_feature_breadth"))))
        .rule(
            "row with neither mau nor seats", col("mau").leq(0).and(col("seats_purchased").leq(0)))
        .violations(daily);
  }

  /**
   * fct_success_goal_daily: one row per goal and day, each day within the goal's days, achieved
   * never negative, expected within 0..target_count.
   */
  public static List<String> goalViolations(Dataset<Row> goalDaily) {
    return RowChecks.keyedBy("goal_id", "day")
        .rule(
            "day outside start_date..due_date",
            col("day").lt(col("start_date")).or(col("day").gt(col("due_date"))))
        .rule(
            "achieved < 0 or expected outside 0..target_count",
            col("achieved")
                .lt(0)
                .or(col("expected").lt(0))
                .or(col("expected").gt(col("target_count"))))
        .violations(goalDaily);
  }

  private static Column outside(Column ratio) {
    return ratio.lt(0).or(ratio.gt(1));
  }
}
