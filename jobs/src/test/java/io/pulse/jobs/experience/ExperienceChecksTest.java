package io.pulse.jobs.experience;

import static io.pulse.jobs.experience.ExperienceFixture.END;
import static io.pulse.jobs.experience.ExperienceFixture.START;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.SparkTest;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The checks pass on the fixture and name the rows that break them. */
@SparkTest
class ExperienceChecksTest {
  private static final Dataset<Row> WINDOWS = AccountExperienceDailyTest.windows(START, END);

  @Test
  void theFixturePasses() {
    assertEquals(
        List.of(),
        ExperienceChecks.responseViolations(SurveyResponses.of(ExperienceFixture.surveys())));
    assertEquals(List.of(), ExperienceChecks.accountViolations(AccountExperienceDaily.of(WINDOWS)));
    assertEquals(
        List.of(),
        ExperienceChecks.segmentViolations(
            ExperienceDaily.of(WINDOWS, ExperienceFixture.accounts(), START, END)));
  }

  @Test
  void duplicatesAndOutOfRangeScoresAreNamed() {
    Dataset<Row> daily = AccountExperienceDaily.of(WINDOWS);
    Dataset<Row> broken =
        daily
            .unionByName(daily.where(col("account_id").equalTo("B")))
            .withColumn(
                "nps", when(col("account_id").equalTo("D"), lit(150.0)).otherwise(col("nps")));
    List<String> problems = ExperienceChecks.accountViolations(broken);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("more than one row for account_id|day, 2 keys: B|2026-04-1"),
        problems.get(0));
    assertTrue(problems.get(1).contains("D|2026-04-11"), problems.get(1));
  }
}
