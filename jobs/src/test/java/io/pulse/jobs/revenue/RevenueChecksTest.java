package io.pulse.jobs.revenue;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.SparkTest;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The revenue checks pass on {@link RevenueFixture}'s tables (run date 2026-05-20; their rows are
 * listed in MonthlyMrrTest and KpiMonthlyTest) and name each broken row by its key.
 */
@SparkTest
class RevenueChecksTest {
  private static final LocalDate RUN_DATE = MonthlyMrrTest.RUN_DATE;
  private static final Dataset<Row> MONTHLY =
      MonthlyMrr.withMovements(
          MonthlyMrr.accountMonths(RevenueFixture.versions(), RUN_DATE),
          RevenueFixture.accountVersions(),
          RUN_DATE);
  private static final Dataset<Row> KPIS = KpiMonthly.of(MONTHLY, 6);
  private static final Dataset<Row> DAILY = DailyMrr.of(RevenueFixture.versions(), RUN_DATE);

  private static Column is(String account, String column, String date) {
    return col("account_id").equalTo(account).and(col(column).equalTo(lit(Date.valueOf(date))));
  }

  /** {@code rows} with {@code column} set to {@code value} where {@code where} holds. */
  private static Dataset<Row> set(Dataset<Row> rows, Column where, String column, int value) {
    return rows.withColumn(
        column, when(where, lit(value)).otherwise(col(column)).cast(SubscriptionVersions.MONEY));
  }

  @Test
  void theFixtureTablesPass() {
    assertEquals(List.of(), RevenueChecks.violations(MONTHLY, KPIS));
    assertEquals(List.of(), RevenueChecks.dailyViolations(DAILY, MONTHLY, RUN_DATE));
  }

  @Test
  void aDuplicateAccountMonthAndANegativeMrrFail() {
    Column a1February = is("A1", "month", "2026-02-01");
    Dataset<Row> broken =
        set(MONTHLY, is("A4", "month", "2026-04-01"), "mrr", -40)
            .unionByName(MONTHLY.where(a1February));
    assertEquals(
        List.of(
            "more than one row for account_id|month, 1 key: A1|2026-02-01",
            "negative mrr for account_id|month, 1 key: A4|2026-04-01"),
        RevenueChecks.violations(broken, KPIS));
  }

  @Test
  void aBrokenMrrIdentityAndAStartOffThePreviousEndFail() {
    // March of 'all' ends 1 higher: its identity breaks, and April no longer starts where March
    // ended. A second January × smb row breaks the key.
    Column allMarch = col("segment").equalTo("all").and(col("month").equalTo(lit("2026-03-01")));
    Dataset<Row> broken =
        KPIS.withColumn(
                "mrr_end",
                when(allMarch, col("mrr_end").plus(1))
                    .otherwise(col("mrr_end"))
                    .cast(SubscriptionVersions.MONEY))
            .unionByName(
                KPIS.where(
                    col("segment").equalTo("smb").and(col("month").equalTo(lit("2026-01-01")))));
    assertEquals(
        List.of(
            "more than one row for month|segment, 1 key: 2026-01-01|smb",
            "mrr_start + movements != mrr_end for month|segment, 1 key: 2026-03-01|all",
            "mrr_start != previous mrr_end for month|segment, 1 key: 2026-04-01|all"),
        RevenueChecks.violations(MONTHLY, broken));
  }

  @Test
  void aDuplicateDayAndANegativeDailyMrrFail() {
    // Neither day is a month end: the cross-check with fct_mrr_monthly still holds.
    Dataset<Row> broken =
        set(DAILY, is("A4", "day", "2026-04-10"), "mrr", -1)
            .unionByName(DAILY.where(is("A1", "day", "2026-02-14")));
    assertEquals(
        List.of(
            "more than one row for account_id|day, 1 key: A1|2026-02-14",
            "negative daily mrr for account_id|day, 1 key: A4|2026-04-10"),
        RevenueChecks.dailyViolations(broken, MONTHLY, RUN_DATE));
  }
}
