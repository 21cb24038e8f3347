package io.pulse.jobs.cohorts;

import static io.pulse.jobs.cohorts.CohortsFixture.RUN_DATE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.SparkTest;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Each cohort check passes on the hand-computed tables and fails on one broken row. */
@SparkTest
class CohortsChecksTest {
  private static final Dataset<Row> REVENUE =
      CohortsFixture.frame(
          CohortsFixture.expectedRevenue(), CohortsTables.REVENUE_COHORTS.schema());
  private static final Dataset<Row> USAGE =
      CohortsFixture.frame(CohortsFixture.expectedUsage(), CohortsTables.USAGE_COHORTS.schema());

  /** Jan × smb at offset 2 (retained 1 of 2, 200 of 200). */
  private static final Column JAN_SMB_2 =
      col("cohort_month")
          .equalTo(lit(Date.valueOf("2026-01-01")))
          .and(col("segment").equalTo("smb"))
          .and(col("months_since").equalTo(2));

  private static Dataset<Row> set(Dataset<Row> rows, String column, Column value) {
    return rows.withColumn(column, when(JAN_SMB_2, value).otherwise(col(column)));
  }

  private static void assertOneProblem(String start, List<String> problems) {
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith(start), problems.get(0));
  }

  /** A broken segment row breaks its all row's sum too: the check under test comes first. */
  private static void assertFirstProblem(String start, List<String> problems) {
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith(start), problems.get(0));
    assertTrue(problems.get(1).startsWith("all is not the sum"), problems.get(1));
  }

  @Test
  void theHandComputedTablesPass() {
    assertEquals(List.of(), CohortsChecks.revenueViolations(REVENUE));
    assertEquals(List.of(), CohortsChecks.usageViolations(USAGE));
    assertEquals(
        List.of(),
        CohortsChecks.revenueViolations(RevenueCohorts.of(CohortsFixture.mrrMonthly(), RUN_DATE)));
  }

  @Test
  void aDuplicatedCellFails() {
    assertFirstProblem(
        "more than one row for cohort_month|segment|months_since: 2026-01-01|smb|2",
        CohortsChecks.usageViolations(USAGE.unionByName(USAGE.where(JAN_SMB_2))));
  }

  @Test
  void aNegativeOffsetFails() {
    assertFirstProblem(
        "negative months_since",
        CohortsChecks.usageViolations(set(USAGE, "months_since", lit(-1))));
  }

  @Test
  void moreRetainedThanInTheCohortFails() {
    // Jan × smb offset 2 retains 3 of 2: all still sums (the all row is changed too).
    Column jan2 =
        col("cohort_month")
            .equalTo(lit(Date.valueOf("2026-01-01")))
            .and(col("months_since").equalTo(2))
            .and(col("segment").isin("smb", "all"));
    Dataset<Row> broken =
        USAGE.withColumn(
            "retained_accounts",
            when(jan2, col("retained_accounts").plus(2)).otherwise(col("retained_accounts")));
    assertOneProblem(
        "retained_accounts outside 0..cohort_accounts: 2026-01-01|smb|2"
            .replace(": ", " for cohort_month|segment|months_since: "),
        CohortsChecks.usageViolations(broken));
  }

  @Test
  void aLogoRetentionAboveOneFails() {
    assertOneProblem(
        "logo_retention outside 0..1",
        CohortsChecks.usageViolations(set(USAGE, "logo_retention", lit(1.5))));
  }

  @Test
  void anAllRowThatIsNotTheSumFails() {
    assertOneProblem(
        "all is not the sum of the segments for cohort_month|months_since: 2026-01-01|2",
        CohortsChecks.revenueViolations(
            set(REVENUE, "retained_mrr", lit(150).cast(CohortsFixture.MONEY))));
  }

  @Test
  void revenueAtOffsetZeroMustBeWhole() {
    Column jan0 =
        col("cohort_month")
            .equalTo(lit(Date.valueOf("2026-01-01")))
            .and(col("months_since").equalTo(0))
            .and(col("segment").isin("smb", "all"));
    Dataset<Row> broken =
        REVENUE.withColumn(
            "retained_accounts",
            when(jan0, col("retained_accounts").minus(1)).otherwise(col("retained_accounts")));
    List<String> problems = CohortsChecks.revenueViolations(broken);
    assertOneProblem("not every account retained at months_since 0", problems);
  }
}
