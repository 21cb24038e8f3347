package io.pulse.jobs.experience;

import static io.pulse.jobs.experience.ExperienceFixture.END;
import static io.pulse.jobs.experience.ExperienceFixture.START;
import static io.pulse.jobs.experience.ExperienceFixture.day;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * agg_experience_daily on {@link ExperienceFixture}: the accounts' counted responses summed per
 * segment as of each day, worked out from the account rows of {@link AccountExperienceDailyTest}.
 */
@SparkTest
class ExperienceDailyTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final Date APRIL = Date.valueOf("2026-04-01");

  static final StructType SCHEMA =
      new StructType()
          .add("day", DataTypes.DateType)
          .add("month", DataTypes.DateType)
          .add("segment", DataTypes.StringType)
          .add("accounts", DataTypes.LongType)
          .add("nps", DataTypes.DoubleType)
          .add("nps_responses", DataTypes.LongType)
          .add("promoters", DataTypes.LongType)
          .add("passives", DataTypes.LongType)
          .add("detractors", DataTypes.LongType)
          .add("csat", DataTypes.DoubleType)
          .add("csat_responses", DataTypes.LongType)
          .add("ces", DataTypes.DoubleType)
          .add("ces_responses", DataTypes.LongType);

  private static Row r(
      int n,
      String segment,
      long accounts,
      Double nps,
      long responses,
      long promoters,
      long passives,
      long detractors,
      Double csat,
      long csatResponses,
      Double ces,
      long cesResponses) {
    return RowFactory.create(
        day(n),
        APRIL,
        segment,
        accounts,
        nps,
        responses,
        promoters,
        passives,
        detractors,
        csat,
        csatResponses,
        ces,
        cesResponses);
  }

  private static Row empty(int n, String segment, long accounts) {
    return r(n, segment, accounts, null, 0, 0, 0, 0, null, 0, null, 0);
  }

  static List<Row> expected() {
    List<Row> rows = new ArrayList<>();
    // t100: A is enterprise (its version of 23:00 on t100 is before the end of t100), B smb (its
    // mid_market version of 00:00 on t101 is after), D enterprise; C has no row yet.
    // NPS over the counted responses: A 5 (2 promoters, 2 passives, 1 detractor) + D 1 (a
    // promoter): 100 × (3 − 1) / 6 = 33.33 (the mean of the account NPS, (20 + 100) / 2 = 60,
    // is not it). CSAT: A's 2 of 3. CES: A 2 + 5 + 6, D 7: 20 / 4 = 5.
    rows.add(r(100, "all", 3, 100.0 * 2 / 6, 6, 3, 2, 1, 2.0 / 3, 3, 5.0, 4));
    rows.add(r(100, "enterprise", 2, 100.0 * 2 / 6, 6, 3, 2, 1, 2.0 / 3, 3, 5.0, 4));
    rows.add(empty(100, "smb", 1));
    rows.add(empty(100, "mid_market", 0)); // a CRM segment with no account that day
    // t101: A 4 (2, 1, 1) + D 1 (1, 0, 0): 100 × (3 − 1) / 5 = 40. CSAT: A 2 of 3 + D's 4: 3 / 4.
    // B and C are mid_market (C's version of 12:00 on t101), nothing in their windows.
    rows.add(r(101, "all", 4, 40.0, 5, 3, 1, 1, 0.75, 4, 5.0, 4));
    rows.add(r(101, "enterprise", 2, 40.0, 5, 3, 1, 1, 0.75, 4, 5.0, 4));
    rows.add(empty(101, "mid_market", 2));
    rows.add(empty(101, "smb", 0));
    return rows;
  }

  @Test
  void segmentsAsOfEachDaySumTheCountedResponses() {
    List<Row> expected = expected();
    assertEquals(8, expected.size());
    Frames.assertSameRows(
        spark.createDataFrame(expected, SCHEMA),
        ExperienceDaily.of(
            AccountExperienceDailyTest.windows(START, END),
            ExperienceFixture.accounts(),
            START,
            END));
  }

  @Test
  void anAccountTheCrmDoesNotKnowYetIsUnknown() {
    // Without C's version, C is 'unknown' on t101 (and that segment has no row on t100).
    List<Row> expected = new ArrayList<>(expected());
    expected.replaceAll(
        row ->
            row.getDate(0).equals(day(101)) && row.getString(2).equals("mid_market")
                ? empty(101, "mid_market", 1)
                : row);
    expected.add(empty(101, ExperienceDaily.UNKNOWN, 1));
    Frames.assertSameRows(
        spark.createDataFrame(expected, SCHEMA),
        ExperienceDaily.of(
            AccountExperienceDailyTest.windows(START, END),
            ExperienceFixture.accounts().where("account_id <> 'C'"),
            START,
            END));
  }
}
