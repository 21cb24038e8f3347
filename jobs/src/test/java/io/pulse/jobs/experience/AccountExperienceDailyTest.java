package io.pulse.jobs.experience;

import static io.pulse.jobs.experience.ExperienceFixture.END;
import static io.pulse.jobs.experience.ExperienceFixture.EXPORT_FAILS_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.GOOD_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.GREAT_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.NEUTRAL_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.NOT_GOOD_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.SETTINGS;
import static io.pulse.jobs.experience.ExperienceFixture.START;
import static io.pulse.jobs.experience.ExperienceFixture.TERRIBLE_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.day;
import static io.pulse.jobs.experience.ExperienceFixture.t;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * agg_account_experience_daily on {@link ExperienceFixture} for t100 .. t101, from pre-scored
 * comments and texts; every expected value is worked out by hand below.
 */
@SparkTest
class AccountExperienceDailyTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final Date APRIL = Date.valueOf("2026-04-01");

  static final StructType SCHEMA =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("day", DataTypes.DateType)
          .add("month", DataTypes.DateType)
          .add("nps", DataTypes.DoubleType)
          .add("nps_responses", DataTypes.LongType)
          .add("promoters", DataTypes.LongType)
          .add("passives", DataTypes.LongType)
          .add("detractors", DataTypes.LongType)
          .add("csat", DataTypes.DoubleType)
          .add("csat_responses", DataTypes.LongType)
          .add("ces", DataTypes.DoubleType)
          .add("ces_responses", DataTypes.LongType)
          .add("sentiment", DataTypes.DoubleType)
          .add("sentiment_texts", DataTypes.LongType)
          .add("last_response_date", DataTypes.DateType)
          .add("days_since_last_response", DataTypes.IntegerType);

  private static Row r(
      String account,
      int n,
      Double nps,
      long[] npsCounts,
      Double csat,
      long csatResponses,
      Double ces,
      long cesResponses,
      Double sentiment,
      long texts,
      Integer lastResponse) {
    return RowFactory.create(
        account,
        day(n),
        APRIL,
        nps,
        npsCounts[0],
        npsCounts[1],
        npsCounts[2],
        npsCounts[3],
        csat,
        csatResponses,
        ces,
        cesResponses,
        sentiment,
        texts,
        lastResponse == null ? null : day(lastResponse),
        lastResponse == null ? null : n - lastResponse);
  }

  /** nps_responses, promoters, passives, detractors. */
  private static long[] nps(long responses, long promoters, long passives, long detractors) {
    return new long[] {responses, promoters, passives, detractors};
  }

  static List<Row> expected() {
    List<Row> rows = new ArrayList<>();
    long[] none = nps(0, 0, 0, 0);
    // A, t100, window [t11, t100]. NPS, each contact's latest rated response: c1 -> r02 (10; r01
    // is older, r07 unrated), c2 -> r03 (8, on t11, the window's first day), c3's r04 (t10) is a
    // day before the window, r05 (6) and r06 (7) have no contact: two contacts, c4 -> r09 (9,
    // same instant as r08, larger response_id). Promoters r02, r09; passives r03, r06; detractor
    // r05: 100 × (2 − 1) / 5 = 20.
    // CSAT (E1): 3, 4, 5 (r13 unrated, r14 on t10 outside; tickets are no ratings): 2 / 3.
    // CES: (2 + 5 + 6) / 3 = 13 / 3.
    // Texts: comments of r02 (t60), r05 (t90), r07 (t99, unrated but commented) and ticket T1
    // (t94); T3's blank and T4's null subjects are no texts; T2 (t101) is later.
    // Last response: r07 and r17 on t99.
    rows.add(
        r(
            "A",
            100,
            20.0,
            nps(5, 2, 2, 1),
            2.0 / 3,
            3,
            13.0 / 3,
            3,
            (GREAT_SCORE + TERRIBLE_SCORE + NEUTRAL_SCORE + EXPORT_FAILS_SCORE) / 4,
            4,
            99));
    // A, t101, window [t12, t101]: r03 (t11) drops out: 4 contacts, 100 × (2 − 1) / 4 = 25.
    // T2 (t101) joins the texts.
    rows.add(
        r(
            "A",
            101,
            25.0,
            nps(4, 2, 1, 1),
            2.0 / 3,
            3,
            13.0 / 3,
            3,
            (GREAT_SCORE + TERRIBLE_SCORE + NEUTRAL_SCORE + EXPORT_FAILS_SCORE + GOOD_SCORE) / 5,
            5,
            99));
    // B: responses only on t5 (NPS 9, CSAT 5 with ":)"): nothing in the window, so every window
    // metric is null (never 0) and the counts are 0; the last response was 95 and 96 days ago.
    rows.add(r("B", 100, null, none, null, 0, null, 0, null, 0, 5));
    rows.add(r("B", 101, null, none, null, 0, null, 0, null, 0, 5));
    // C: no response by t101 (r30 is on t103); its first text is T5 on t101: a row from t101 only.
    rows.add(r("C", 101, null, none, null, 0, null, 0, NOT_GOOD_SCORE, 1, null));
    // D: r40 NPS 10 on t99 -> 100; r43 CES 7 on t100; r41 CSAT 4 on t101 with GOOD's comment.
    rows.add(r("D", 100, 100.0, nps(1, 1, 0, 0), null, 0, 7.0, 1, null, 0, 100));
    rows.add(r("D", 101, 100.0, nps(1, 1, 0, 0), 1.0, 1, 7.0, 1, GOOD_SCORE, 1, 101));
    return rows;
  }

  /** Sentiment means to 10 decimals: a sum of doubles depends on its order, its value does not. */
  static Dataset<Row> comparable(Dataset<Row> daily) {
    return daily.withColumn("sentiment", round(col("sentiment"), 10));
  }

  static Dataset<Row> windows(java.time.LocalDate start, java.time.LocalDate end) {
    return ExperienceWindows.of(
        ExperienceFixture.scoredResponses(), ExperienceFixture.scoredTexts(), SETTINGS, start, end);
  }

  @Test
  void everyAccountDayIsComputedByHand() {
    List<Row> expected = expected();
    assertEquals(7, expected.size());
    Frames.assertSameRows(
        comparable(spark.createDataFrame(expected, SCHEMA)),
        comparable(AccountExperienceDaily.of(windows(START, END))));
  }

  @Test
  void oneDayGivesThatDaysRowsOnly() {
    List<Row> expected =
        expected().stream().filter(row -> row.getDate(1).equals(day(101))).toList();
    assertEquals(4, expected.size());
    Frames.assertSameRows(
        comparable(spark.createDataFrame(expected, SCHEMA)),
        comparable(AccountExperienceDaily.of(windows(t(101), t(101)))));
  }

  @Test
  void aShorterWindowCountsLess() {
    // 10 days ending t100: [t91, t100]. A: NPS r06 (7) only -> 0 promoters − 0 detractors = 0.0
    // over 1; CSAT 3, 4, 5 -> 2/3; CES r17 (6); texts r07 (0.0) and T1 (t94, −0.6705).
    Dataset<Row> result =
        AccountExperienceDaily.of(
                ExperienceWindows.of(
                    ExperienceFixture.scoredResponses(),
                    ExperienceFixture.scoredTexts(),
                    new ExperienceSettings(10),
                    START,
                    START))
            .where(col("account_id").equalTo("A"));
    Frames.assertSameRows(
        comparable(
            spark.createDataFrame(
                List.of(
                    r(
                        "A",
                        100,
                        0.0,
                        nps(1, 0, 1, 0),
                        2.0 / 3,
                        3,
                        6.0,
                        1,
                        (NEUTRAL_SCORE + EXPORT_FAILS_SCORE) / 2,
                        2,
                        99)),
                SCHEMA)),
        comparable(result));
  }

  @Test
  void textsAreCommentsByResponseDateAndNonBlankSubjectsByCreatedDate() {
    // The subjects are scored by the analyzer here; their scores are SentimentTest's.
    Frames.assertSameRows(
        ExperienceFixture.scoredTexts(),
        SentimentTexts.of(ExperienceFixture.scoredResponses(), ExperienceFixture.tickets()));
  }
}
