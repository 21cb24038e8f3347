package io.pulse.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Band distribution over time and the experience × outcome quadrant scatter, both aggregated from
 * gold.account_health_daily in Spark: accounts per day and band, and accounts per whole-point
 * (outcome, experience) cell and quadrant on the as-of day, so no per-account row is collected.
 */
final class HealthOverview {
  private HealthOverview() {}

  /** Accounts in one band on one day. */
  record BandCount(String day, String band, long accounts) {}

  /**
   * Accounts on the as-of day whose scores round (HALF_UP, Spark's round) to this point, in this
   * quadrant.
   */
  record QuadrantPoint(int outcomeScore, int experienceScore, String quadrant, long accounts) {}

  /** Accounts per day and band over the window's days; rows without a score have no band. */
  static Dataset<Row> bandCounts(Dataset<Row> health, ReportWindow window) {
    return health
        .where(
            Partitions.months(window.firstMonth(), window.lastMonth())
                .and(
                    col("day")
                        .between(
                            lit(Date.valueOf(window.firstMonth())),
                            lit(Date.valueOf(window.runDate()))))
                .and(col("band").isNotNull()))
        .groupBy("day", "band")
        .agg(count(lit(1)).as("accounts"))
        .orderBy("day", "band");
  }

  /**
   * Accounts per rounded (outcome, experience) and quadrant on {@code day}; both groups present.
   */
  static Dataset<Row> quadrantPoints(Dataset<Row> health, Date day) {
    return health
        .where(
            Partitions.monthOf(day)
                .and(col("day").equalTo(lit(day)))
                .and(col("quadrant").isNotNull()))
        .groupBy(
            round(col("outcome_score")).cast("int").as("outcome"),
            round(col("experience_score")).cast("int").as("experience"),
            col("quadrant"))
        .agg(count(lit(1)).as("accounts"))
        .orderBy("quadrant", "outcome", "experience");
  }

  static List<BandCount> collectBands(Dataset<Row> counts) {
    return counts.collectAsList().stream()
        .map(r -> new BandCount(r.getDate(0).toString(), r.getString(1), r.getLong(2)))
        .toList();
  }

  static List<QuadrantPoint> collectQuadrants(Dataset<Row> points) {
    return points.collectAsList().stream()
        .map(r -> new QuadrantPoint(r.getInt(0), r.getInt(1), r.getString(2), r.getLong(3)))
        .toList();
  }
}
