package io.pulse.jobs.experience;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** gold.fct_survey_response rows from the latest version of each silver survey response. */
public final class SurveyResponses {
  private SurveyResponses() {}

  /**
   * @param surveys the latest version of each {@code response_id}: {@code response_id, account_id,
   *     contact_id, survey_type, score, comment, responded_at, ticket_id}
   * @return every response in the columns of {@link ExperienceTables#SURVEY_RESPONSE}; the caller
   *     keeps the days it writes
   */
  public static Dataset<Row> of(Dataset<Row> surveys) {
    Column responseDate = to_date(col("responded_at"));
    return surveys.select(
        col("response_id"),
        col("account_id"),
        col("contact_id"),
        col("survey_type"),
        col("score"),
        npsCategory(col("survey_type"), col("score")).as("nps_category"),
        col("comment"),
        Sentiment.of(col("comment")).as("comment_sentiment"),
        col("responded_at"),
        responseDate.as("response_date"),
        col("ticket_id"),
        trunc(responseDate, "month").as("month"));
  }

  /** §5: promoter 9-10, passive 7-8, detractor 0-6; null for other surveys and unrated (E2). */
  static Column npsCategory(Column surveyType, Column score) {
    Column nps = surveyType.equalTo(lit("nps"));
    return when(nps.and(score.geq(9)), "promoter")
        .when(nps.and(score.geq(7)), "passive")
        .when(nps.and(score.geq(0)), "detractor");
  }
}
