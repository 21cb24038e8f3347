package io.pulse.jobs.experience;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.spark.ColumnNames;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The sums and counts of each account's experience window on each day of [start, end] (METRICS.md
 * §5, E1-E4), from which both the account table and the per-segment table take their ratios: the
 * per-segment NPS, CSAT and CES are then over the very responses the accounts count.
 *
 * <p>An account has a row on d when it has a survey response or a text on or before d. Its window
 * is the N days ending d, [d − N + 1, d]. Each day joins the responses and texts of its window (a
 * range join on the account: surveys and tickets are sparse, a few per account and window).
 */
public final class ExperienceWindows {
  private ExperienceWindows() {}

  private static final String NPS = "nps";
  private static final String CSAT = "csat";
  private static final String CES = "ces";
  private static final String TEXT = "text";

  /**
   * @param responses fct_survey_response rows of every day up to end: {@code response_id,
   *     account_id, contact_id, survey_type, score, responded_at, response_date}
   * @param texts {@link SentimentTexts}: {@code account_id, day, sentiment}
   * @return one row per account and day of [start, end] on or after the account's first response or
   *     text: {@code account_id, day, nps_responses, promoters, passives, detractors,
   *     csat_responses, csat_positive, ces_responses, ces_sum, sentiment_texts, sentiment_sum,
   *     last_response_date}; counts are 0 and sums null when the window has nothing
   */
  public static Dataset<Row> of(
      Dataset<Row> responses,
      Dataset<Row> texts,
      ExperienceSettings settings,
      LocalDate start,
      LocalDate end) {
    Column from = lit(Date.valueOf(start));
    Column to = lit(Date.valueOf(end));
    Dataset<Row> known = responses.where(col("response_date").leq(to));
    Dataset<Row> knownTexts = texts.where(col("day").leq(to));

    Dataset<Row> spine =
        known
            .select(col("account_id"), col("response_date").as("day"))
            .unionByName(knownTexts.select("account_id", "day"))
            .groupBy("account_id")
            .agg(min("day").as("_first"))
            .select(
                col("account_id"), explode(sequence(greatest(col("_first"), from), to)).as("day"));

    int back = settings.windowDays() - 1;
    Dataset<Row> items =
        items(known, knownTexts)
            .where(col("_item_day").geq(lit(Date.valueOf(start.minusDays(back)))));
    // E3: each contact's latest rated NPS response of the window, ties in responded_at broken by
    // response_id; only the NPS rows use this rank.
    Column latestFirst =
        row_number()
            .over(
                Window.partitionBy(col("account_id"), col("day"), col("_kind"), col("_contact"))
                    .orderBy(col("responded_at").desc(), col("response_id").desc()));
    Dataset<Row> inWindow =
        spine
            .join(
                items,
                col("account_id")
                    .equalTo(col("_item_account"))
                    .and(col("_item_day").between(date_sub(col("day"), back), col("day"))))
            .withColumn("_rank", latestFirst);

    Column kind = col("_kind");
    Column score = col("score");
    Column counted = kind.equalTo(NPS).and(col("_rank").equalTo(1));
    Dataset<Row> sums =
        inWindow
            .groupBy("account_id", "day")
            .agg(
                count(when(counted, 1)).as("nps_responses"),
                count(when(counted.and(score.geq(9)), 1)).as("promoters"),
                count(when(counted.and(score.between(7, 8)), 1)).as("passives"),
                count(when(counted.and(score.leq(6)), 1)).as("detractors"),
                count(when(kind.equalTo(CSAT), 1)).as("csat_responses"),
                count(when(kind.equalTo(CSAT).and(score.geq(4)), 1)).as("csat_positive"),
                count(when(kind.equalTo(CES), 1)).as("ces_responses"),
                sum(when(kind.equalTo(CES), score.cast("long"))).as("ces_sum"),
                count(col("_sentiment")).as("sentiment_texts"),
                sum(col("_sentiment")).as("sentiment_sum"));

    Dataset<Row> withSums = spine.join(sums, ColumnNames.seq("account_id", "day"), "left");
    for (String c :
        new String[] {
          "nps_responses",
          "promoters",
          "passives",
          "detractors",
          "csat_responses",
          "csat_positive",
          "ces_responses",
          "sentiment_texts"
        }) {
      withSums = withSums.withColumn(c, coalesce(col(c), lit(0L)));
    }
    return withLastResponse(withSums, known, from);
  }

  /**
   * The rated survey responses (E2: unrated ones are left out of every score) and the texts, in one
   * shape: {@code _item_account, _item_day, _kind, _contact, responded_at, response_id, score,
   * _sentiment}. A response without contact_id is its own contact (E3).
   */
  private static Dataset<Row> items(Dataset<Row> responses, Dataset<Row> texts) {
    Dataset<Row> rated =
        responses
            .where(col("score").isNotNull())
            .select(
                col("account_id").as("_item_account"),
                col("response_date").as("_item_day"),
                col("survey_type").as("_kind"),
                coalesce(col("contact_id"), concat(lit("response:"), col("response_id")))
                    .as("_contact"),
                col("responded_at"),
                col("response_id"),
                col("score"),
                lit(null).cast("double").as("_sentiment"));
    Dataset<Row> scoredTexts =
        texts.select(
            col("account_id").as("_item_account"),
            col("day").as("_item_day"),
            lit(TEXT).as("_kind"),
            lit(null).cast("string").as("_contact"),
            lit(null).cast("timestamp").as("responded_at"),
            lit(null).cast("string").as("response_id"),
            lit(null).cast("int").as("score"),
            col("sentiment").as("_sentiment"));
    return rated.unionByName(scoredTexts);
  }

  /**
   * The latest response date (any survey, rated or not) on or before each day: a running max over
   * the account's days from start on, after the latest one before start.
   */
  private static Dataset<Row> withLastResponse(
      Dataset<Row> days, Dataset<Row> responses, Column from) {
    Dataset<Row> responseDays =
        responses
            .where(col("response_date").geq(from))
            .select(col("account_id"), col("response_date").as("day"))
            .distinct()
            .withColumn("_responded", col("day"));
    Dataset<Row> before =
        responses
            .where(col("response_date").lt(from))
            .groupBy("account_id")
            .agg(max("response_date").as("_before"));
    Column upToDay =
        max(col("_responded"))
            .over(
                Window.partitionBy("account_id")
                    .orderBy("day")
                    .rowsBetween(Window.unboundedPreceding(), Window.currentRow()));
    return days.join(responseDays, ColumnNames.seq("account_id", "day"), "left")
        .join(before, ColumnNames.seq("account_id"), "left")
        .withColumn("last_response_date", coalesce(upToDay, col("_before")))
        .drop("_responded", "_before");
  }
}
