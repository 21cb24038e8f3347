package io.pulse.jobs.experience;

import static io.pulse.jobs.experience.ExperienceFixture.GOOD;
import static io.pulse.jobs.experience.ExperienceFixture.GOOD_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.TERRIBLE;
import static io.pulse.jobs.experience.ExperienceFixture.at;
import static io.pulse.jobs.experience.ExperienceFixture.day;
import static io.pulse.jobs.experience.ExperienceFixture.s;
import static io.pulse.jobs.experience.ExperienceFixture.t;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.job.JobResult;
import io.pulse.common.job.RunDates;
import io.pulse.common.table.TableDef;
import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.JobTestWarehouse;
import io.pulse.jobs.silver.SilverEntities;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The experience job on silver tables made from {@link ExperienceFixture}, with real comment and
 * subject texts scored by the analyzer, in a private warehouse: it takes the latest version of each
 * response and ticket, ignores deliveries after the run's last date, writes exactly the
 * hand-computed rows of the transform tests, and a rerun of one day leaves every table as it was.
 */
@SparkTest
class ExperienceJobTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static JobTestWarehouse warehouse;

  @BeforeAll
  static void writeSilver() {
    warehouse = new JobTestWarehouse("experience-job");
    // Each response delivered on its day; r05 was first delivered on t89 with score 2 and
    // corrected on t91 (the latest delivery wins); r30 (t103) and r50 (an NPS 0 for A on t101,
    // delivered on t102) come after the run's end.
    List<Row> surveys = new ArrayList<>(ExperienceFixture.surveyRows());
    surveys.add(s("r50", "A", "c9", "nps", 0, TERRIBLE, at(101, "10:00")));
    Dataset<Row> delivered =
        spark
            .createDataFrame(surveys, ExperienceFixture.SURVEYS)
            .withColumn(
                "_dt",
                org.apache
                    .spark
                    .sql
                    .functions
                    .when(col("response_id").equalTo("r05"), lit(day(91)))
                    .when(col("response_id").equalTo("r50"), lit(day(102)))
                    .otherwise(to_date(col("responded_at"))));
    Dataset<Row> firstR05 =
        spark
            .createDataFrame(
                List.of(s("r05", "A", null, "nps", 2, TERRIBLE, at(90, "09:00"))),
                ExperienceFixture.SURVEYS)
            .withColumn("_dt", lit(day(89)));
    warehouse.save(SilverEntities.SURVEYS.table(), delivered.unionByName(firstR05));

    // T1's latest version known at t101 has the subject of the fixture; an older version had
    // another, and a newer one arrives on t102, after the run.
    Dataset<Row> tickets =
        ExperienceFixture.tickets()
            .withColumn("updated_at", col("created_at"))
            .withColumn("_dt", to_date(col("created_at")));
    Dataset<Row> otherVersions =
        spark
            .createDataFrame(
                List.of(
                    RowFactory.create("T1", "A", TERRIBLE, at(94, "10:00")),
                    RowFactory.create("T1", "A", GOOD, at(94, "10:00"))),
                ExperienceFixture.TICKETS)
            .withColumn(
                "updated_at",
                org.apache
                    .spark
                    .sql
                    .functions
                    .when(col("subject").equalTo(GOOD), lit(at(102, "08:00")))
                    .otherwise(lit(at(94, "09:00"))))
            .withColumn("_dt", to_date(col("updated_at")));
    // T1's fixture version is its creation; make it the t95 correction of the t94 one.
    Dataset<Row> corrected =
        tickets.withColumn(
            "updated_at",
            org.apache
                .spark
                .sql
                .functions
                .when(col("ticket_id").equalTo("T1"), lit(at(95, "10:00")))
                .otherwise(col("updated_at")));
    warehouse.save(
        SilverEntities.TICKETS.table(),
        corrected.withColumn("_dt", to_date(col("updated_at"))).unionByName(otherVersions));

    warehouse.save(
        SilverEntities.ACCOUNTS.table(),
        ExperienceFixture.accounts().withColumn("_dt", to_date(col("updated_at"))));
  }

  @AfterAll
  static void forgetGoldTables() {
    // The writer registered the tables under their names; the shared metastore must not keep them.
    for (TableDef table : ExperienceTables.ALL) {
      spark.sql("DROP TABLE IF EXISTS gold." + table.name());
    }
  }

  /** r43 (D's CES 7 on t100) and r41 (D's CSAT 4 on t101, commented): the run's responses. */
  private static Dataset<Row> expectedResponses() {
    Date april = Date.valueOf("2026-04-01");
    return spark.createDataFrame(
        List.of(
            RowFactory.create(
                "r43",
                "D",
                "d1",
                "ces",
                7,
                null,
                null,
                null,
                at(100, "15:00"),
                day(100),
                null,
                april),
            RowFactory.create(
                "r41",
                "D",
                "d2",
                "csat",
                4,
                null,
                GOOD,
                GOOD_SCORE,
                at(101, "09:00"),
                day(101),
                null,
                april)),
        SurveyResponsesTest.OUTPUT);
  }

  private void assertPublished() {
    Frames.assertSameRows(expectedResponses(), warehouse.read(ExperienceTables.SURVEY_RESPONSE));
    Frames.assertSameRows(
        AccountExperienceDailyTest.comparable(
            spark.createDataFrame(
                AccountExperienceDailyTest.expected(), AccountExperienceDailyTest.SCHEMA)),
        AccountExperienceDailyTest.comparable(
            warehouse.read(ExperienceTables.ACCOUNT_EXPERIENCE_DAILY)));
    Frames.assertSameRows(
        spark.createDataFrame(ExperienceDailyTest.expected(), ExperienceDailyTest.SCHEMA),
        warehouse.read(ExperienceTables.EXPERIENCE_DAILY));
  }

  @Test
  void writesTheRangeAndARerunOfOneDayChangesNothing() {
    JobResult range = warehouse.run(new ExperienceJob(), new RunDates(t(100), t(101)));
    assertEquals(2, range.counts("gold.fct_survey_response").rowsWritten());
    assertEquals(7, range.counts("gold.agg_account_experience_daily").rowsWritten());
    assertEquals(8, range.counts("gold.agg_experience_daily").rowsWritten());
    assertPublished();

    // t101 again: r41; A, B, C and D; all and the three CRM segments. Other days stay.
    JobResult again = warehouse.run(new ExperienceJob(), RunDates.of(t(101)));
    assertEquals(1, again.counts("gold.fct_survey_response").rowsWritten());
    assertEquals(4, again.counts("gold.agg_account_experience_daily").rowsWritten());
    assertEquals(4, again.counts("gold.agg_experience_daily").rowsWritten());
    assertPublished();
  }
}
