package io.pulse.jobs.health;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.table.RowChecks;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks the health tables must pass before they are published: one row per account and day
 * (per account, day and signal for the inputs), health_score within 0..100 or null, and the band
 * the one the scorecard gives that score (null with it).
 */
public final class HealthChecks {
  private HealthChecks() {}

  /** One line per broken check, with its offending keys; empty when all hold. */
  public static List<String> violations(
      Dataset<Row> daily, Dataset<Row> inputs, Scorecard.Bands bands) {
    Column score = col("health_score");
    Column expectedBand =
        when(score.leq(bands.redMax()), "red")
            .when(score.leq(bands.yellowMax()), "yellow")
            .when(score.isNotNull(), "green");
    List<String> problems =
        new ArrayList<>(
            RowChecks.keyedBy("account_id", "day")
                .rule("health_score outside 0..100", score.lt(0).or(score.gt(100)))
                .rule("band not the one of health_score", not(col("band").eqNullSafe(expectedBand)))
                .violations(daily));
    problems.addAll(RowChecks.keyedBy("account_id", "day", "signal").violations(inputs));
    return problems;
  }
}
