package io.pulse.jobs.health;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The checks the health tables must pass before they are published: one row per account and day
 * (per account, day and signal for the inputs), health_score within 0..100 or null, and the band
 * the one the scorecard gives that score (null with it).
 */
public final class HealthChecks {
  private HealthChecks() {}

  private static final int EXAMPLES = 3;

  /** One line per broken check, with up to three offending keys; empty when all hold. */
  public static List<String> violations(
      Dataset<Row> daily, Dataset<Row> inputs, Scorecard.Bands bands) {
    List<String> problems = new ArrayList<>();
    Column key = concat_ws("|", col("account_id"), col("day").cast("string"));
    add(
        problems,
        "more than one row for account|day",
        daily.groupBy(key.as("k")).agg(count(lit(1)).as("n")).where(col("n").gt(1)).select("k"));
    add(
        problems,
        "health_score outside 0..100 for account|day",
        daily.where(col("health_score").lt(0).or(col("health_score").gt(100))).select(key));
    Column score = col("health_score");
    Column expectedBand =
        when(score.leq(bands.redMax()), "red")
            .when(score.leq(bands.yellowMax()), "yellow")
            .when(score.isNotNull(), "green");
    add(
        problems,
        "band not the one of health_score for account|day",
        daily.where(not(col("band").eqNullSafe(expectedBand))).select(key));
    add(
        problems,
        "more than one input row for account|day|signal",
        inputs
            .groupBy(
                concat_ws("|", col("account_id"), col("day").cast("string"), col("signal")).as("k"))
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1))
            .select("k"));
    return problems;
  }

  private static void add(List<String> problems, String check, Dataset<Row> offenders) {
    List<String> examples = offenders.as(Encoders.STRING()).takeAsList(EXAMPLES);
    if (!examples.isEmpty()) {
      problems.add(check + ": " + String.join(", ", examples));
    }
  }
}
