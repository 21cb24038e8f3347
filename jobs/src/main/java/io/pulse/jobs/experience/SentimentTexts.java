package io.pulse.jobs.experience;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The texts whose sentiment an account's window averages (E4): survey comments on their response
 * date and ticket subjects on the UTC date the ticket was created. Blank texts are no texts.
 */
public final class SentimentTexts {
  private SentimentTexts() {}

  /**
   * @param responses fct_survey_response rows: {@code account_id, response_date, comment_sentiment}
   * @param tickets the latest version of each ticket: {@code account_id, subject, created_at}
   * @return {@code account_id, day, sentiment}, one row per text, sentiment never null
   */
  public static Dataset<Row> of(Dataset<Row> responses, Dataset<Row> tickets) {
    Dataset<Row> comments =
        responses.select(
            col("account_id"),
            col("response_date").as("day"),
            col("comment_sentiment").as("sentiment"));
    Dataset<Row> subjects =
        tickets.select(
            col("account_id"),
            to_date(col("created_at")).as("day"),
            Sentiment.of(col("subject")).as("sentiment"));
    return comments.unionByName(subjects).where(col("sentiment").isNotNull());
  }
}
