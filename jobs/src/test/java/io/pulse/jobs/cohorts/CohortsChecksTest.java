package io.pulse.jobs.cohorts;

import static io.pulse.jobs.cohorts.CohortsFixture.RUN_DATE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

  /**
   * {@code rows} with {@code change} more accounts retained in Jan × smb and Jan × all at {@code
   * offset}: the all row still sums.
   */
  private static Dataset<Row> retainedInSmbAndAll(Dataset<Row> rows, int offset, int change) {
    Column cells =
        col("cohort_month")
            .equalTo(lit(Date.valueOf("2026-01-01")))
            .and(col("months_since").equalTo(offset))
            .and(col("segment").isin("smb", "all"));
    Column retained = col("retained_accounts");
    return rows.withColumn(
        "retained_accounts", when(cells, retained.plus(change)).otherwise(retained));
  }

  /** Messages of the cells' key, and of the all-row sums' key. */
  private static final String CELL = " for cohort_month|segment|months_since, ";

  private static final String ALL_NOT_SUM =
      "all is not the sum of the segments for cohort_month|months_since, ";

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
    // The second smb row also doubles the segments' sum of Jan at offset 2.
    assertEquals(
        List.of(
            "more than one row" + CELL + "1 key: 2026-01-01|smb|2",
            ALL_NOT_SUM + "1 key: 2026-01-01|2"),
        CohortsChecks.usageViolations(USAGE.unionByName(USAGE.where(JAN_SMB_2))));
  }

  @Test
  void aNegativeOffsetFails() {
    // Moving the row leaves Jan at offset 2 short of smb and Jan at −1 without an all row.
    assertEquals(
        List.of(
            "negative months_since" + CELL + "1 key: 2026-01-01|smb|-1",
            ALL_NOT_SUM + "2 keys: 2026-01-01|-1, 2026-01-01|2"),
        CohortsChecks.usageViolations(set(USAGE, "months_since", lit(-1))));
  }

  @Test
  void moreRetainedThanInTheCohortFails() {
    // Jan offset 2 retains 3 of 2 (smb) and 4 of 3 (all): all still sums.
    Dataset<Row> broken = retainedInSmbAndAll(USAGE, 2, 2);
    assertEquals(
        List.of(
            "retained_accounts outside 0..cohort_accounts"
                + CELL
                + "2 keys: 2026-01-01|all|2, 2026-01-01|smb|2"),
        CohortsChecks.usageViolations(broken));
  }

  @Test
  void aLogoRetentionAboveOneFails() {
    assertEquals(
        List.of("logo_retention outside 0..1" + CELL + "1 key: 2026-01-01|smb|2"),
        CohortsChecks.usageViolations(set(USAGE, "logo_retention", lit(1.5))));
  }

  @Test
  void anAllRowThatIsNotTheSumFails() {
    // smb retains 150 instead of 200: 150 + 40 != 240.
    assertEquals(
        List.of(ALL_NOT_SUM + "1 key: 2026-01-01|2"),
        CohortsChecks.revenueViolations(
            set(REVENUE, "retained_mrr", lit(150).cast(CohortsFixture.MONEY))));
  }

  @Test
  void aNegativeRevenueRetentionFails() {
    assertEquals(
        List.of("negative revenue_retention" + CELL + "1 key: 2026-01-01|smb|2"),
        CohortsChecks.revenueViolations(set(REVENUE, "revenue_retention", lit(-0.5))));
  }

  @Test
  void revenueAtOffsetZeroMustBeWhole() {
    // Jan offset 0 retains 1 of 2 (smb) and 2 of 3 (all): all still sums.
    Dataset<Row> broken = retainedInSmbAndAll(REVENUE, 0, -1);
    assertEquals(
        List.of(
            "not every account retained at months_since 0"
                + CELL
                + "2 keys: 2026-01-01|all|0, 2026-01-01|smb|0"),
        CohortsChecks.revenueViolations(broken));
  }
}
