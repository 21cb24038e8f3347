package io.pulse.jobs.experience;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A hand-made experience fixture. Day t(n) is 2026-01-01 + n days; the tests run for t100
 * (2026-04-11) and t101 (2026-04-12) with the default 90-day window: [t11, t100] on t100 and [t12,
 * t101] on t101. Every comment and subject is one whose VADER score {@link SentimentTest} asserts.
 *
 * <ul>
 *   <li>A, NPS: c1 answered 3 on t50 and 10 on t60 (only the latest counts) and left an unrated
 *       answer on t99 (E2: it hides nothing); c2 answered 8 on t11 (the first day of t100's window:
 *       counts on t100, not on t101); c3 answered 9 on t10 (a day before: never counts); two
 *       responses without a contact (6 on t90, 7 on t95) are two contacts (E3); c4 answered 5 and 9
 *       at the same instant on t70, r09 beats r08 by response_id (E3). CSAT 3, 4, 5 in the window,
 *       one unrated and a 1 on t10 outside it; CES 2, 5, 6. Tickets: T1 on t94 ("Export fails with
 *       an error"), T2 on t101, T3 with a blank and T4 with no subject (no texts).
 *   <li>B: only old responses (NPS 9 and CSAT 5 with ":)" on t5): rows with nothing in the window.
 *   <li>C: no survey response by t101, a ticket on t101 (a text: its first row is t101); an NPS 10
 *       on t103, after the run, is ignored.
 *   <li>D: NPS 10 on t99, CES 7 on t100, CSAT 4 on t101 commented "The product is good".
 * </ul>
 */
final class ExperienceFixture {
  private static final SparkSession spark = SparkTestSession.get();
  static final LocalDate T0 = LocalDate.parse("2026-01-01");
  static final LocalDate START = t(100);
  static final LocalDate END = t(101);
  static final ExperienceSettings SETTINGS = new ExperienceSettings(90);

  static final String GREAT = "Great product, the dashboards save us hours every week";
  static final String TERRIBLE = "Terrible experience, exports keep failing";
  static final String NEUTRAL = "It works, mostly";
  static final String EXPORT_FAILS = "Export fails with an error";
  static final String GOOD = "The product is good";
  static final String NOT_GOOD = "The product is not good";
  static final String SMILEY = ":)";

  /** VADER's compound scores of the texts above, as {@link SentimentTest} asserts them. */
  static final double GREAT_SCORE = 0.8074;

  static final double TERRIBLE_SCORE = -0.7506;
  static final double NEUTRAL_SCORE = 0.0;
  static final double EXPORT_FAILS_SCORE = -0.6705;
  static final double GOOD_SCORE = 0.4404;
  static final double NOT_GOOD_SCORE = -0.3412;
  static final double SMILEY_SCORE = 0.4588;

  private ExperienceFixture() {}

  static LocalDate t(int n) {
    return T0.plusDays(n);
  }

  static Date day(int n) {
    return Date.valueOf(t(n));
  }

  /** Day n at hh:mm UTC. */
  static Timestamp at(int n, String time) {
    return Timestamp.from(Instant.parse(t(n) + "T" + time + ":00Z"));
  }

  /** The silver survey columns the job reads. */
  static final StructType SURVEYS =
      new StructType()
          .add("response_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType)
          .add("contact_id", DataTypes.StringType)
          .add("survey_type", DataTypes.StringType)
          .add("score", DataTypes.IntegerType)
          .add("comment", DataTypes.StringType)
          .add("responded_at", DataTypes.TimestampType)
          .add("ticket_id", DataTypes.StringType);

  static Row s(
      String id,
      String account,
      String contact,
      String type,
      Integer score,
      String comment,
      Timestamp at) {
    return RowFactory.create(id, account, contact, type, score, comment, at, null);
  }

  static List<Row> surveyRows() {
    List<Row> rows = new ArrayList<>();
    rows.add(s("r01", "A", "c1", "nps", 3, null, at(50, "10:00")));
    rows.add(s("r02", "A", "c1", "nps", 10, GREAT, at(60, "10:00")));
    rows.add(s("r03", "A", "c2", "nps", 8, null, at(11, "12:00")));
    rows.add(s("r04", "A", "c3", "nps", 9, null, at(10, "12:00")));
    rows.add(s("r05", "A", null, "nps", 6, TERRIBLE, at(90, "09:00")));
    rows.add(s("r06", "A", null, "nps", 7, null, at(95, "09:00")));
    rows.add(s("r07", "A", "c1", "nps", null, NEUTRAL, at(99, "08:00")));
    rows.add(s("r08", "A", "c4", "nps", 5, null, at(70, "12:00")));
    rows.add(s("r09", "A", "c4", "nps", 9, null, at(70, "12:00")));
    rows.add(s("r10", "A", "c1", "csat", 3, null, at(95, "10:00")));
    rows.add(s("r11", "A", "c1", "csat", 4, null, at(96, "10:00")));
    rows.add(s("r12", "A", "c1", "csat", 5, null, at(97, "10:00")));
    rows.add(s("r13", "A", "c1", "csat", null, null, at(98, "10:00")));
    rows.add(s("r14", "A", "c1", "csat", 1, null, at(10, "10:00")));
    rows.add(s("r15", "A", "c1", "ces", 2, null, at(80, "10:00")));
    rows.add(s("r16", "A", "c1", "ces", 5, null, at(81, "10:00")));
    rows.add(s("r17", "A", "c1", "ces", 6, null, at(99, "10:00")));
    rows.add(s("r20", "B", "b1", "nps", 9, null, at(5, "10:00")));
    rows.add(s("r21", "B", "b1", "csat", 5, SMILEY, at(5, "11:00")));
    rows.add(s("r30", "C", "x1", "nps", 10, null, at(103, "10:00")));
    rows.add(s("r40", "D", "d1", "nps", 10, null, at(99, "10:00")));
    rows.add(s("r41", "D", "d2", "csat", 4, GOOD, at(101, "09:00")));
    rows.add(s("r43", "D", "d1", "ces", 7, null, at(100, "15:00")));
    return rows;
  }

  static Dataset<Row> surveys() {
    return spark.createDataFrame(surveyRows(), SURVEYS);
  }

  /** The latest ticket versions: {@code ticket_id, account_id, subject, created_at}. */
  static final StructType TICKETS =
      new StructType()
          .add("ticket_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType)
          .add("subject", DataTypes.StringType)
          .add("created_at", DataTypes.TimestampType);

  static List<Row> ticketRows() {
    return List.of(
        RowFactory.create("T1", "A", EXPORT_FAILS, at(94, "10:00")),
        RowFactory.create("T2", "A", GOOD, at(101, "10:00")),
        RowFactory.create("T3", "A", "   ", at(99, "10:00")),
        RowFactory.create("T4", "A", null, at(99, "11:00")),
        RowFactory.create("T5", "C", NOT_GOOD, at(101, "10:00")));
  }

  static Dataset<Row> tickets() {
    return spark.createDataFrame(ticketRows(), TICKETS);
  }

  /** CRM versions: {@code account_id, segment, updated_at}. */
  static final StructType ACCOUNTS =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("segment", DataTypes.StringType)
          .add("updated_at", DataTypes.TimestampType);

  /**
   * A is smb, then enterprise from 23:00 on t100 (so on t100 already); B is smb, then mid_market
   * from 00:00 on t101 (the start of t101: still smb at the end of t100); C mid_market from 12:00
   * on t101; D enterprise.
   */
  static Dataset<Row> accounts() {
    return spark.createDataFrame(
        List.of(
            RowFactory.create("A", "smb", at(0, "00:00")),
            RowFactory.create("A", "enterprise", at(100, "23:00")),
            RowFactory.create("B", "smb", at(0, "00:00")),
            RowFactory.create("B", "mid_market", at(101, "00:00")),
            RowFactory.create("C", "mid_market", at(101, "12:00")),
            RowFactory.create("D", "enterprise", at(0, "00:00"))),
        ACCOUNTS);
  }

  /**
   * The fixture's responses as fct_survey_response rows with the comment sentiment set from the
   * asserted scores, not from the analyzer: the aggregate tests feed pre-scored rows.
   */
  static Dataset<Row> scoredResponses() {
    return SurveyResponses.of(surveys())
        .drop("comment_sentiment")
        .withColumn(
            "comment_sentiment",
            when(col("comment").equalTo(GREAT), GREAT_SCORE)
                .when(col("comment").equalTo(TERRIBLE), TERRIBLE_SCORE)
                .when(col("comment").equalTo(NEUTRAL), NEUTRAL_SCORE)
                .when(col("comment").equalTo(GOOD), GOOD_SCORE)
                .when(col("comment").equalTo(SMILEY), SMILEY_SCORE));
  }

  /** The texts, pre-scored: comments by response date, ticket subjects by created date. */
  static Dataset<Row> scoredTexts() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("day", DataTypes.DateType)
            .add("sentiment", DataTypes.DoubleType);
    return spark.createDataFrame(
        List.of(
            RowFactory.create("A", day(60), GREAT_SCORE),
            RowFactory.create("A", day(90), TERRIBLE_SCORE),
            RowFactory.create("A", day(99), NEUTRAL_SCORE),
            RowFactory.create("A", day(94), EXPORT_FAILS_SCORE),
            RowFactory.create("A", day(101), GOOD_SCORE),
            RowFactory.create("B", day(5), SMILEY_SCORE),
            RowFactory.create("C", day(101), NOT_GOOD_SCORE),
            RowFactory.create("D", day(101), GOOD_SCORE)),
        schema);
  }
}
