package io.pulse.jobs.experience;

import static io.pulse.jobs.experience.ExperienceFixture.GOOD;
import static io.pulse.jobs.experience.ExperienceFixture.GOOD_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.at;
import static io.pulse.jobs.experience.ExperienceFixture.day;
import static io.pulse.jobs.experience.ExperienceFixture.s;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** fct_survey_response rows: NPS categories at each boundary, the UTC response date, sentiment. */
@SparkTest
class SurveyResponsesTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final Date APRIL = Date.valueOf("2026-04-01");

  static final StructType OUTPUT =
      new StructType()
          .add("response_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType)
          .add("contact_id", DataTypes.StringType)
          .add("survey_type", DataTypes.StringType)
          .add("score", DataTypes.IntegerType)
          .add("nps_category", DataTypes.StringType)
          .add("comment", DataTypes.StringType)
          .add("comment_sentiment", DataTypes.DoubleType)
          .add("responded_at", DataTypes.TimestampType)
          .add("response_date", DataTypes.DateType)
          .add("ticket_id", DataTypes.StringType)
          .add("month", DataTypes.DateType);

  static Row out(
      String id,
      String type,
      Integer score,
      String category,
      String comment,
      Double sentiment,
      Timestamp at,
      Date date,
      Date month) {
    return RowFactory.create(
        id, "A", "c1", type, score, category, comment, sentiment, at, date, null, month);
  }

  @Test
  void categoriesDatesAndSentiment() {
    // 23:59 UTC on t90 (2026-04-01) is still t90: the response date is the UTC date.
    Timestamp late = at(90, "23:59");
    Timestamp march = at(89, "00:00");
    List<Row> input =
        List.of(
            s("n0", "A", "c1", "nps", 0, null, late),
            s("n6", "A", "c1", "nps", 6, "", late),
            s("n7", "A", "c1", "nps", 7, GOOD, late),
            s("n8", "A", "c1", "nps", 8, null, late),
            s("n9", "A", "c1", "nps", 9, null, late),
            s("n10", "A", "c1", "nps", 10, null, late),
            s("nx", "A", "c1", "nps", null, null, late), // unrated: no category (E2)
            s("c5", "A", "c1", "csat", 5, null, march), // csat and ces have none
            s("e7", "A", "c1", "ces", 7, null, march));
    Date t90 = day(90);
    Date t89 = day(89);
    Date marchFirst = Date.valueOf("2026-03-01");
    List<Row> expected =
        List.of(
            out("n0", "nps", 0, "detractor", null, null, late, t90, APRIL),
            out("n6", "nps", 6, "detractor", "", null, late, t90, APRIL), // blank: no sentiment
            out("n7", "nps", 7, "passive", GOOD, GOOD_SCORE, late, t90, APRIL),
            out("n8", "nps", 8, "passive", null, null, late, t90, APRIL),
            out("n9", "nps", 9, "promoter", null, null, late, t90, APRIL),
            out("n10", "nps", 10, "promoter", null, null, late, t90, APRIL),
            out("nx", "nps", null, null, null, null, late, t90, APRIL),
            out("c5", "csat", 5, null, null, null, march, t89, marchFirst),
            out("e7", "ces", 7, null, null, null, march, t89, marchFirst));

    Frames.assertSameRows(
        spark.createDataFrame(expected, OUTPUT),
        SurveyResponses.of(spark.createDataFrame(input, ExperienceFixture.SURVEYS)));
  }
}
