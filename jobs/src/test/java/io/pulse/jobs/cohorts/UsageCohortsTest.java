package io.pulse.jobs.cohorts;

import static io.pulse.jobs.cohorts.CohortsFixture.FIRST_USAGE_DAY;
import static io.pulse.jobs.cohorts.CohortsFixture.RUN_DATE;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** usage_cohort_retention_monthly on {@link CohortsFixture}'s CRM versions and events. */
@SparkTest
class UsageCohortsTest {
  private static Dataset<Row> cohorts(java.time.LocalDate firstUsageDay) {
    return UsageCohorts.of(
        CohortsFixture.accountVersions(),
        UsageCohorts.activeMonths(CohortsFixture.events(), RUN_DATE),
        firstUsageDay,
        RUN_DATE);
  }

  @Test
  void everyRowAsWorkedOutByHand() {
    Frames.assertSameRows(
        CohortsFixture.frame(CohortsFixture.expectedUsage(), CohortsTables.USAGE_COHORTS.schema()),
        cohorts(FIRST_USAGE_DAY));
  }

  @Test
  void activeMonthsStopAtTheRunDate() {
    // U1 Feb, Apr; U2 Mar; U6 Feb, Mar (two users, one month); U7 Mar; U4 Apr, its 04-11 event
    // being after D.
    Dataset<Row> months = UsageCohorts.activeMonths(CohortsFixture.events(), RUN_DATE);
    assertEquals(7, months.count());
    assertEquals(
        java.sql.Date.valueOf("2026-04-09"),
        months.where(col("account_id").equalTo("U4")).first().getAs("first_active_day"));
  }

  @Test
  void withoutUsageDataNoMonthIsMeasurable() {
    Dataset<Row> cohorts = cohorts(null);
    assertEquals(30, cohorts.count());
    assertEquals(0, cohorts.where(col("retained_accounts").isNotNull()).count());
    assertEquals(0, cohorts.where(col("logo_retention").isNotNull()).count());
  }
}
