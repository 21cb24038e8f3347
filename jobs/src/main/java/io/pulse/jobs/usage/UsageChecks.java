package io.pulse.jobs.usage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The checks fct_account_usage_daily must pass before it is published: one row per account and day;
 * dau ≤ wau ≤ mau; no negative seats; stickiness and breadth within 0..1; and only rows with MAU >
 * 0 or seats > 0 (U4).
 */
public final class UsageChecks {
  private UsageChecks() {}

  private static final int EXAMPLES = 3;

  /**
   * One line per broken check, with up to three offending account|day keys; empty when all hold.
   */
  public static List<String> violations(Dataset<Row> daily) {
    List<String> problems = new ArrayList<>();
    add(
        problems,
        "more than one row for account|day",
        daily
            .groupBy("account_id", "day")
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1))
            .select(key()));
    add(
        problems,
        "not dau <= wau <= mau for account|day",
        daily.where(col("dau").gt(col("wau")).or(col("wau").gt(col("mau")))).select(key()));
    add(
        problems,
        "negative seats for account|day",
        daily.where(col("seats_purchased").lt(0)).select(key()));
    add(
        problems,
        "stickiness or key_feature_breadth outside 0..1 for account|day",
        daily
            .where(outside(col("stickiness")).or(outside(col("key_feature_breadth"))))
            .select(key()));
    add(
        problems,
        "row with neither mau nor seats for account|day",
        daily.where(col("mau").leq(0).and(col("seats_purchased").leq(0))).select(key()));
    return problems;
  }

  /**
   * fct_success_goal_daily: one row per goal and day, each day within the goal's days, achieved
   * never negative, expected within 0..target_count.
   */
  public static List<String> goalViolations(Dataset<Row> goalDaily) {
    List<String> problems = new ArrayList<>();
    Column key = concat_ws("|", col("goal_id"), col("day").cast("string"));
    add(
        problems,
        "more than one row for goal|day",
        goalDaily
            .groupBy("goal_id", "day")
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1))
            .select(concat_ws("|", col("goal_id"), col("day").cast("string"))));
    add(
        problems,
        "day outside start_date..due_date for goal|day",
        goalDaily
            .where(col("day").lt(col("start_date")).or(col("day").gt(col("due_date"))))
            .select(key));
    add(
        problems,
        "achieved < 0 or expected outside 0..target_count for goal|day",
        goalDaily
            .where(
                col("achieved")
                    .lt(0)
                    .or(col("expected").lt(0))
                    .or(col("expected").gt(col("target_count"))))
            .select(key));
    return problems;
  }

  private static Column outside(Column ratio) {
    return ratio.lt(0).or(ratio.gt(1));
  }

  private static Column key() {
    return concat_ws("|", col("account_id"), col("day").cast("string"));
  }

  private static void add(List<String> problems, String check, Dataset<Row> offenders) {
    List<String> examples = offenders.as(Encoders.STRING()).takeAsList(EXAMPLES);
    if (!examples.isEmpty()) {
      problems.add(check + ": " + String.join(", ", examples));
    }
  }
}
