package io.pulse.jobs.cohorts;

import static io.pulse.jobs.cohorts.CohortsFixture.RUN_DATE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** cohort_retention_monthly on {@link CohortsFixture}'s MRR, every figure worked out by hand. */
@SparkTest
class RevenueCohortsTest {
  private static Dataset<Row> cohorts;

  @BeforeAll
  static void compute() {
    cohorts = RevenueCohorts.of(CohortsFixture.mrrMonthly(), RUN_DATE).cache();
  }

  private static Row cell(String cohort, String segment, int k) {
    List<Row> rows =
        cohorts
            .where(
                col("cohort_month")
                    .equalTo(lit(Date.valueOf(cohort + "-01")))
                    .and(col("segment").equalTo(segment))
                    .and(col("months_since").equalTo(k)))
            .collectAsList();
    assertEquals(1, rows.size(), cohort + "|" + segment + "|" + k);
    return rows.get(0);
  }

  @Test
  void everyRowAsWorkedOutByHand() {
    Frames.assertSameRows(
        CohortsFixture.frame(
            CohortsFixture.expectedRevenue(), CohortsTables.REVENUE_COHORTS.schema()),
        cohorts);
  }

  @Test
  void aReactivatedAccountStaysInItsFirstCohortAndCountsAgainFromItsReturn() {
    // A: churned in Mar, back in Apr. Jan × smb holds A and B throughout.
    assertEquals(1L, (long) cell("2026-01", "smb", 2).getAs("retained_accounts"));
    assertEquals(2L, (long) cell("2026-01", "smb", 3).getAs("retained_accounts"));
    assertEquals(
        0, cohorts.where(col("cohort_month").equalTo(lit(Date.valueOf("2026-03-01")))).count());
  }

  @Test
  void expansionTakesRevenueRetentionAboveOne() {
    // Jan × smb: 250 / 200 in Feb, (A 100 + B 200) / 200 in Apr.
    assertEquals(1.25, (double) cell("2026-01", "smb", 1).getAs("revenue_retention"));
    assertEquals(1.5, (double) cell("2026-01", "smb", 3).getAs("revenue_retention"));
  }

  @Test
  void aCohortOfOneKeepsItsRowsAtZeroAfterChurn() {
    // C: 300 in Feb only; Apr has no fct row for it and is still a row of its cohort.
    Row april = cell("2026-02", "mid_market", 2);
    assertEquals(1L, (long) april.getAs("cohort_accounts"));
    assertEquals(0L, (long) april.getAs("retained_accounts"));
    assertEquals(0.0, (double) april.getAs("logo_retention"));
    assertEquals(new BigDecimal("0.0000"), april.getAs("retained_mrr"));
  }

  @Test
  void theCurrentMonthIsMeasuredAsOfTheRunDateAndMonthsAfterItAreLeftOut() {
    Row april = cell("2026-04", "enterprise", 0);
    assertEquals(Date.valueOf(RUN_DATE), april.getAs("as_of_day"));
    assertTrue((boolean) april.getAs("is_partial_month"));
    Row march = cell("2026-01", "smb", 2);
    assertEquals(Date.valueOf("2026-03-31"), march.getAs("as_of_day"));
    assertEquals(false, march.getAs("is_partial_month"));
    // A's May row is after D's month.
    assertEquals(0, cohorts.where(col("month").gt(lit(Date.valueOf("2026-04-01")))).count());
  }

  @Test
  void anAccountStaysInTheSegmentOfItsCohortMonth() {
    // B became mid_market in Mar; Jan × mid_market holds G only.
    assertEquals(1L, (long) cell("2026-01", "mid_market", 3).getAs("cohort_accounts"));
    assertEquals(new BigDecimal("0.0000"), cell("2026-01", "mid_market", 3).getAs("retained_mrr"));
    assertEquals(new BigDecimal("300.0000"), cell("2026-01", "smb", 3).getAs("retained_mrr"));
  }

  @Test
  void allIsTheSumOfTheSegments() {
    Dataset<Row> segments =
        cohorts
            .where(col("segment").notEqual("all"))
            .groupBy("cohort_month", "months_since")
            .agg(
                sum("cohort_accounts").as("cohort_accounts"),
                sum("retained_accounts").as("retained_accounts"),
                sum("cohort_mrr").cast(CohortsFixture.MONEY).as("cohort_mrr"),
                sum("retained_mrr").cast(CohortsFixture.MONEY).as("retained_mrr"));
    Dataset<Row> all =
        cohorts
            .where(col("segment").equalTo("all"))
            .select(
                col("cohort_month"),
                col("months_since"),
                col("cohort_accounts"),
                col("retained_accounts"),
                col("cohort_mrr"),
                col("retained_mrr"));
    assertEquals(8, all.count()); // Jan 4 + Feb 3 + Apr 1 offsets
    Frames.assertSameRows(segments, all);
  }
}
