package io.pulse.jobs.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.job.JobResult;
import io.pulse.common.job.RunDates;
import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.JobTestWarehouse;
import io.pulse.jobs.silver.SilverEntities;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Daily revenue runs replace only the months their deliveries can change, and end with the same
 * tables as one rebuild of every month ({@link RevenueChangesTest} covers each kind of change
 * alone). The deliveries (silver {@code _dt}):
 *
 * <ul>
 *   <li>01-05: S1 (A1, 10 × 10 USD) from 01-05, S2 (A2, 1 × 100 EUR) from 01-10, EUR 1.10 of 01-01,
 *       A1 and A2 in smb;
 *   <li>02-10: S1 upgraded to 20 seats from 02-10 (its first version closed at 02-10);
 *   <li>03-02: a late correction of S2 to 2 seats (back to 01-10), A3's S3 (5 × 10 USD) from 03-02,
 *       A1 moved to mid_market on 02-20, a late EUR rate of 02-01;
 *   <li>03-06: S1's 20-seat version again, unchanged, and an older-updated_at copy of it with 30
 *       seats that loses to it: neither changes anything.
 * </ul>
 */
@SparkTest
class RevenueIncrementalTest {
  private static final SparkSession spark = SparkTestSession.get();

  @AfterAll
  static void forgetGoldTables() {
    for (var table : RevenueTables.ALL) {
      spark.sql("DROP TABLE IF EXISTS gold." + table.name());
    }
  }

  private static void writeSilver(JobTestWarehouse warehouse) {
    warehouse.save(
        SilverEntities.SUBSCRIPTIONS.table(),
        spark.sql(
            "SELECT *, false AS is_trial FROM VALUES"
                + " ('S1', 'A1', 'P', 'USD', 'month', 10, 10, '2026-01-05', NULL, '2026-01-05', '2026-01-05'),"
                + " ('S2', 'A2', 'P', 'EUR', 'month', 1, 100, '2026-01-10', NULL, '2026-01-10', '2026-01-05'),"
                + " ('S1', 'A1', 'P', 'USD', 'month', 10, 10, '2026-01-05', '2026-02-10', '2026-02-10', '2026-02-10'),"
                + " ('S1', 'A1', 'P', 'USD', 'month', 20, 10, '2026-02-10', NULL, '2026-02-10', '2026-02-10'),"
                + " ('S2', 'A2', 'P', 'EUR', 'month', 2, 100, '2026-01-10', NULL, '2026-03-02', '2026-03-02'),"
                + " ('S3', 'A3', 'P', 'USD', 'month', 5, 10, '2026-03-02', NULL, '2026-03-02', '2026-03-02'),"
                + " ('S1', 'A1', 'P', 'USD', 'month', 20, 10, '2026-02-10', NULL, '2026-02-10', '2026-03-06'),"
                + " ('S1', 'A1', 'P', 'USD', 'month', 30, 10, '2026-02-10', NULL, '2026-02-09', '2026-03-06')"
                + " AS t(subscription_id, account_id, plan_id, currency, billing_interval, quantity,"
                + " unit_price, valid_from, valid_to, updated_at, _dt)"));
    warehouse.save(
        SilverEntities.FX_RATES.table(),
        spark.sql(
            "SELECT * FROM VALUES ('2026-01-01', 'EUR', 1.10, '2026-01-05'),"
                + " ('2026-02-01', 'EUR', 1.20, '2026-03-02')"
                + " AS t(rate_date, currency, rate_to_usd, _dt)"));
    warehouse.save(
        SilverEntities.ACCOUNTS.table(),
        spark.sql(
            "SELECT *, updated_at AS created_at FROM VALUES"
                + " ('A1', 'smb', '2026-01-01', '2026-01-05'),"
                + " ('A2', 'smb', '2026-01-01', '2026-01-05'),"
                + " ('A3', 'smb', '2026-03-01', '2026-03-02'),"
                + " ('A1', 'mid_market', '2026-02-20', '2026-03-02')"
                + " AS t(account_id, segment, updated_at, _dt)"));
    warehouse.save(
        SilverEntities.PLANS.table(),
        spark.sql(
            "SELECT 'P' AS plan_id, 'month' AS billing_interval, false AS is_per_seat,"
                + " DATE'2026-01-05' AS _dt"));
  }

  private static JobResult run(JobTestWarehouse warehouse, String day, boolean incremental) {
    // the job reads only its settings from here; the tables come from the warehouse
    PulseConfig config =
        PulseConfig.of("local", Map.of("pulse.revenue.incremental", "" + incremental));
    return warehouse.run(new RevenueJob(), RunDates.of(LocalDate.parse(day)), config);
  }

  private static long dailyRowsWritten(JobResult result) {
    return result.counts("gold.fct_mrr_daily").rowsWritten();
  }

  @Test
  void dailyRunsReplaceOnlyTheChangedMonthsAndEqualAFullRebuild() {
    JobTestWarehouse daily = new JobTestWarehouse("revenue-daily");
    writeSilver(daily);

    // nothing published yet: every month, A1's 27 days and A2's 22 of January
    assertEquals(49, dailyRowsWritten(run(daily, "2026-01-31", true)));
    // S2's correction reaches back to 01-10: from January, A1 58 days, A2 53, A3 2
    assertEquals(113, dailyRowsWritten(run(daily, "2026-03-03", true)));
    // nothing new before 03-04: from March (January and February kept), A1 and A2 6 days each,
    // A3 5
    assertEquals(17, dailyRowsWritten(run(daily, "2026-03-06", true)));

    // the shared catalog still names the daily warehouse's tables
    forgetGoldTables();
    JobTestWarehouse full = new JobTestWarehouse("revenue-full");
    writeSilver(full);
    run(full, "2026-03-06", false);
    for (var table : RevenueAsOf.TABLES) {
      Frames.assertSameRows(full.read(table), daily.read(table));
    }
  }
}
