package io.pulse.jobs.experience;

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
 * The checks the experience tables must pass before they are published: unique keys, and every
 * score within its scale (NPS −100..100, CSAT 0..1, CES 1..7, sentiment −1..1), NPS categories
 * adding up to the responses counted.
 */
public final class ExperienceChecks {
  private ExperienceChecks() {}

  private static final int EXAMPLES = 3;

  /** fct_survey_response: one row per response; comment sentiment within −1..1. */
  public static List<String> responseViolations(Dataset<Row> responses) {
    List<String> problems = new ArrayList<>();
    add(
        problems,
        "more than one row for response_id",
        duplicates(responses, "response_id").select(col("response_id")));
    add(
        problems,
        "comment_sentiment outside -1..1 for response_id",
        responses.where(outside(col("comment_sentiment"), -1, 1)).select(col("response_id")));
    return problems;
  }

  /** agg_account_experience_daily: one row per account and day; scores in range. */
  public static List<String> accountViolations(Dataset<Row> daily) {
    Column key = concat_ws("|", col("account_id"), col("day").cast("string"));
    List<String> problems = new ArrayList<>();
    add(
        problems,
        "more than one row for account|day",
        duplicates(daily, "account_id", "day")
            .select(concat_ws("|", col("account_id"), col("day").cast("string"))));
    add(problems, "score out of range for account|day", daily.where(outOfRange()).select(key));
    add(
        problems,
        "sentiment outside -1..1 or days_since_last_response < 0 for account|day",
        daily
            .where(outside(col("sentiment"), -1, 1).or(col("days_since_last_response").lt(0)))
            .select(key));
    return problems;
  }

  /** agg_experience_daily: one row per day and segment; scores in range. */
  public static List<String> segmentViolations(Dataset<Row> daily) {
    Column key = concat_ws("|", col("day").cast("string"), col("segment"));
    List<String> problems = new ArrayList<>();
    add(
        problems,
        "more than one row for day|segment",
        duplicates(daily, "day", "segment")
            .select(concat_ws("|", col("day").cast("string"), col("segment"))));
    add(problems, "score out of range for day|segment", daily.where(outOfRange()).select(key));
    return problems;
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

  private static Dataset<Row> duplicates(Dataset<Row> rows, String... key) {
    return rows.groupBy(key[0], java.util.Arrays.copyOfRange(key, 1, key.length))
        .agg(count(lit(1)).as("_n"))
        .where(col("_n").gt(1));
  }

  /** Outside [low, high]; a null is not outside. */
  private static Column outside(Column value, double low, double high) {
    return value.lt(low).or(value.gt(high));
  }

  private static void add(List<String> problems, String check, Dataset<Row> offenders) {
    List<String> examples = offenders.as(Encoders.STRING()).takeAsList(EXAMPLES);
    if (!examples.isEmpty()) {
      problems.add(check + ": " + String.join(", ", examples));
    }
  }
}
