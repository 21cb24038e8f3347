package io.pulse.jobs.experience;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold.agg_account_experience_daily (METRICS.md §5, E1-E4) from the account windows of {@link
 * ExperienceWindows}: every ratio is null when its window has nothing to count, never 0.
 */
public final class AccountExperienceDaily {
  private AccountExperienceDaily() {}

  /**
   * @param windows {@link ExperienceWindows#of}
   * @return the columns of {@link ExperienceTables#ACCOUNT_EXPERIENCE_DAILY}
   */
  public static Dataset<Row> of(Dataset<Row> windows) {
    return windows.select(
        col("account_id"),
        col("day"),
        trunc(col("day"), "month").as("month"),
        nps(col("promoters"), col("detractors"), col("nps_responses")).as("nps"),
        col("nps_responses"),
        col("promoters"),
        col("passives"),
        col("detractors"),
        ratio(col("csat_positive"), col("csat_responses")).as("csat"),
        col("csat_responses"),
        ratio(col("ces_sum"), col("ces_responses")).as("ces"),
        col("ces_responses"),
        ratio(col("sentiment_sum"), col("sentiment_texts")).as("sentiment"),
        col("sentiment_texts"),
        col("last_response_date"),
        datediff(col("day"), col("last_response_date")).as("days_since_last_response"));
  }

  /** §5: 100 × (promoters − detractors) / responses; null without responses. */
  static Column nps(Column promoters, Column detractors, Column responses) {
    return when(
        responses.gt(0),
        lit(100.0).multiply(promoters.minus(detractors)).divide(responses.cast("double")));
  }

  /** {@code part / whole} as a double; null when whole is 0. */
  static Column ratio(Column part, Column whole) {
    return when(whole.gt(0), part.cast("double").divide(whole.cast("double")));
  }
}
