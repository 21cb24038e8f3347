package io.pulse.jobs.revenue;

import static io.pulse.jobs.revenue.RevenueFixture.v;
import static io.pulse.jobs.revenue.RevenueFixture.versionsOf;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * fct_mrr_daily on hand-made versions, run date 2026-03-02. A version is active at the end of day d
 * when valid_from < start(d+1) and (valid_to null or valid_to >= start(d+1)) (R4); each expected
 * day below is checked against that by hand.
 */
@SparkTest
class DailyMrrTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final DecimalType MONEY = new DecimalType(18, 4);
  private static final LocalDate RUN_DATE = LocalDate.parse("2026-03-02");

  private static Dataset<Row> versions() {
    return versionsOf(
        // B1: ends exactly at 00:00 Mar 1: active at the end of Feb 26, 27, 28 (valid_to Mar 1
        // >= start(Mar 1)), not of Mar 1 (Mar 1 < start(Mar 2)); the next starts exactly then
        // and is active at the end of Mar 1 and Mar 2 (the run date), not before.
        v("B1", "2026-02-26T00:00:00Z", "2026-03-01T00:00:00Z", "100"),
        v("B1", "2026-03-01T00:00:00Z", null, "150"),
        // B2: 15:30 Feb 27 to 09:00 Feb 28: at the end of Feb 27 yes (09:00 Feb 28 >=
        // start(Feb 28)); at the end of Feb 28 no (09:00 Feb 28 < start(Mar 1)).
        v("B2", "2026-02-27T15:30:00Z", "2026-02-28T09:00:00Z", "40"),
        // B3: starts and ends within Feb 27: active at no day's end, so no row at all.
        v("B3", "2026-02-27T01:00:00Z", "2026-02-27T23:00:00Z", "70"),
        // B4: two subscriptions overlapping: 30 from Feb 27 on; 20 from 12:00 Feb 28 to
        // 00:00 Mar 2 (active at the end of Feb 28 and Mar 1, not Mar 2) and a 0 trial.
        v("B4", "2026-02-27T00:00:00Z", null, "30"),
        v("B4", "2026-02-28T12:00:00Z", "2026-03-02T00:00:00Z", "20"),
        v("B4", "2026-02-26T00:00:00Z", "2026-02-27T00:00:00Z", "0"),
        // B5: a trial only, running past the run date: rows with MRR 0 up to D.
        v("B5", "2026-03-01T00:00:00Z", "2026-03-15T00:00:00Z", "0"),
        // B6: starts one second before the end of D: active at the end of D.
        v("B6", "2026-03-02T23:59:59Z", null, "10"),
        // B7: starts at the start of D+1: nothing yet.
        v("B7", "2026-03-03T00:00:00Z", null, "999"),
        // B8: a gap: Feb 26 only, then nothing on Feb 27-28, back on Mar 1.
        v("B8", "2026-02-26T00:00:00Z", "2026-02-27T00:00:00Z", "5"),
        v("B8", "2026-03-01T00:00:00Z", null, "6"));
  }

  private static Row day(String account, String day, String mrr) {
    LocalDate d = LocalDate.parse(day);
    return RowFactory.create(
        account, Date.valueOf(d), Date.valueOf(d.withDayOfMonth(1)), new BigDecimal(mrr));
  }

  @Test
  void eachVersionCoversOnlyTheDaysItIsActiveAtTheEndOf() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("day", DataTypes.DateType)
            .add("month", DataTypes.DateType)
            .add("mrr", MONEY);
    Frames.assertSameRows(
        spark.createDataFrame(
            List.of(
                day("B1", "2026-02-26", "100"),
                day("B1", "2026-02-27", "100"),
                day("B1", "2026-02-28", "100"),
                day("B1", "2026-03-01", "150"),
                day("B1", "2026-03-02", "150"),
                day("B2", "2026-02-27", "40"),
                day("B4", "2026-02-26", "0"), // the trial alone
                day("B4", "2026-02-27", "30"), // trial ended at 00:00 Feb 27: 30 only
                day("B4", "2026-02-28", "50"), // 30 + 20
                day("B4", "2026-03-01", "50"), // 30 + 20 (20 ends at start(Mar 2))
                day("B4", "2026-03-02", "30"),
                day("B5", "2026-03-01", "0"),
                day("B5", "2026-03-02", "0"),
                day("B6", "2026-03-02", "10"),
                day("B8", "2026-02-26", "5"),
                day("B8", "2026-03-01", "6"),
                day("B8", "2026-03-02", "6")),
            schema),
        DailyMrr.of(versions(), RUN_DATE));
  }

  /**
   * The strong cross-check on the shared monthly fixture (run date 2026-05-20): each month's last
   * day (May: the run date) equals fct_mrr_monthly's mrr. A few hand-read points as well: A1 Feb 14
   * = 100 and Feb 15 = 150 (upgrade at 00:00 Feb 15); A2 Feb 28 = 200 and no row on Mar 1 (ended at
   * 00:00 Mar 1); A4 has no row on Feb 28 (starts at 00:00 Mar 1) and 60 on Mar 1.
   */
  @Test
  void monthEndsAgreeWithMonthlyMrrAndTheCheckCatchesADifference() {
    LocalDate runDate = MonthlyMrrTest.RUN_DATE;
    Dataset<Row> daily = DailyMrr.of(RevenueFixture.versions(), runDate);
    Dataset<Row> monthly =
        MonthlyMrr.withMovements(
            MonthlyMrr.accountMonths(RevenueFixture.versions(), runDate),
            RevenueFixture.accountVersions(),
            runDate);

    assertEquals(List.of(), RevenueChecks.dailyViolations(daily, monthly, runDate));
    StructType points =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("day", DataTypes.DateType)
            .add("mrr", MONEY);
    Frames.assertSameRows(
        spark.createDataFrame(
            List.of(
                RowFactory.create("A1", Date.valueOf("2026-02-14"), new BigDecimal("100")),
                RowFactory.create("A1", Date.valueOf("2026-02-15"), new BigDecimal("150")),
                RowFactory.create("A2", Date.valueOf("2026-02-28"), new BigDecimal("200")),
                RowFactory.create("A4", Date.valueOf("2026-03-01"), new BigDecimal("60"))),
            points),
        daily
            .where(
                col("account_id")
                    .equalTo("A1")
                    .and(col("day").isin(Date.valueOf("2026-02-14"), Date.valueOf("2026-02-15")))
                    .or(
                        col("account_id")
                            .isin("A2", "A4")
                            .and(
                                col("day")
                                    .between(
                                        Date.valueOf("2026-02-28"), Date.valueOf("2026-03-01")))))
            .select("account_id", "day", "mrr"));
    // No row after the run date, none before the first version (A1, A5, A6 start Jan 1).
    assertEquals(0, daily.where(col("day").gt(Date.valueOf(runDate))).count());
    assertEquals(0, daily.where(col("day").lt(Date.valueOf("2026-01-01"))).count());

    // A1's Apr 30 off by 1: the cross-check names the account-month.
    Dataset<Row> broken =
        daily.withColumn(
            "mrr",
            when(
                    col("account_id")
                        .equalTo("A1")
                        .and(col("day").equalTo(Date.valueOf("2026-04-30"))),
                    col("mrr").plus(lit(1)))
                .otherwise(col("mrr"))
                .cast(MONEY));
    assertEquals(
        List.of("month-end daily mrr != monthly mrr for account_id|month, 1 key: A1|2026-04-01"),
        RevenueChecks.dailyViolations(broken, monthly, runDate));
  }
}
