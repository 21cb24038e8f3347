package io.pulse.jobs.experience;

import static org.apache.spark.sql.functions.col;

import io.pulse.common.table.RowChecks;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks the experience tables must pass before they are published: unique keys, and every
 * score within its scale (NPS −100..100, CSAT 0..1, CES 1..7, sentiment −1..1), NPS categories
 * adding up to the responses counted.
 */
public final class ExperienceChecks {
  private ExperienceChecks() {}

  /** fct_survey_response: one row per response; comment sentiment within −1..1. */
  public static List<String> responseViolations(Dataset<Row> responses) {
    return RowChecks.keyedBy("response_id")
        .rule("comment_sentiment outside -1..1", outside(col("comment_sentiment"), -1, 1))
        .violations(responses);
  }

  /** agg_account_experience_daily: one row per account and day; scores in range. */
  public static List<String> accountViolations(Dataset<Row> daily) {
    return RowChecks.keyedBy("account_id", "day")
        .rule("score out of range", outOfRange())
        .rule(
            "sentiment outside -1..1 or days_since_last_response < 0",
            outside(col("sentiment"), -1, 1).or(col("days_since_last_response").lt(0)))
        .violations(daily);
  }

  /** agg_experience_daily: one row per day and segment; scores in range. */
  public static List<String> segmentViolations(Dataset<Row> daily) {
    return RowChecks.keyedBy("day", "segment")
        .rule("score out of range", outOfRange())
        .violations(daily);
  }

  /** NPS, CSAT or CES outside its scale, or NPS categories not adding up to the responses. */
  private static Column outOfRange() {
    return outside(col("nps"), -100, 100)
        .or(outside(col("csat"), 0, 1))
        .or(outside(col("ces"), 1, 7))
        .or(
            col("promoters")
                .plus(col("passives"))
                .plus(col("detractors"))
                .notEqual(col("nps_responses")));
  }

  /** Outside [low, high]; a null is not outside. */
  private static Column outside(Column value, double low, double high) {
    return value.lt(low).or(value.gt(high));
  }
}
