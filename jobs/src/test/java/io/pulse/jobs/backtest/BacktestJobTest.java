package io.pulse.jobs.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.error.InputMissingException;
import io.pulse.common.error.UsageException;
import io.pulse.common.job.JobResult;
import io.pulse.common.job.RunDates;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.JobTestWarehouse;
import io.pulse.jobs.health.HealthTables;
import io.pulse.jobs.revenue.RevenueTables;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backtest job on a private warehouse. Revenue is known through 2026-05-29 = Feb 28 + 90, so of
 * the month ends Jan 31, Feb 28 and Mar 31 the last is skipped.
 *
 * <ul>
 *   <li>A: scored 30 (red, failing) on Jan 31, pays through Feb 10: churned.
 *   <li>B: 80 (green, success) on Jan 31 and Feb 28, pays through May 29.
 *   <li>C: 60 (yellow, hollow_experience) on Jan 31 and Feb 28, pays through Apr 15: churned at
 *       both (Apr 16 is day 75 after Jan 31, day 47 after Feb 28).
 *   <li>D: 90 (green, success) on Jan 31 and Feb 28, pays through May 29.
 *   <li>Rows of Jan 15 (not a month end) and Mar 31 (skipped) are not read.
 * </ul>
 */
@SparkTest
class BacktestJobTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final double EPS = 1e-12;
  private static JobTestWarehouse warehouse;

  private static String paying(String account, String to) {
    return "SELECT '"
        + account
        + "' AS account_id, explode(sequence(DATE'2026-01-01', DATE'"
        + to
        + "')) AS day, CAST(100 AS DECIMAL(18,4)) AS mrr";
  }

  private static String scored(
      String account, String day, int score, String band, String quadrant) {
    return "SELECT '"
        + account
        + "' AS account_id, DATE'"
        + day
        + "' AS day, trunc(DATE'"
        + day
        + "', 'MM') AS month, "
        + score
        + " AS health_score, '"
        + band
        + "' AS band, '"
        + quadrant
        + "' AS quadrant, 'test-1' AS scorecard_version";
  }

  @BeforeAll
  static void writeRevenueAndHealth() {
    warehouse = new JobTestWarehouse("backtest-job");
    warehouse.save(
        RevenueTables.MRR_DAILY,
        spark
            .sql(
                String.join(
                    " UNION ALL ",
                    paying("A", "2026-02-10"),
                    paying("B", "2026-05-29"),
                    paying("C", "2026-04-15"),
                    paying("D", "2026-05-29")))
            .selectExpr("*", "trunc(day, 'MM') AS month"));
    warehouse.save(
        HealthTables.ACCOUNT_HEALTH_DAILY,
        spark.sql(
            String.join(
                " UNION ALL ",
                scored("A", "2026-01-31", 30, "red", "failing"),
                scored("B", "2026-01-31", 80, "green", "success"),
                scored("C", "2026-01-31", 60, "yellow", "hollow_experience"),
                scored("D", "2026-01-31", 90, "green", "success"),
                scored("A", "2026-01-15", 95, "green", "success"),
                scored("B", "2026-02-28", 80, "green", "success"),
                scored("C", "2026-02-28", 60, "yellow", "hollow_experience"),
                scored("D", "2026-02-28", 90, "green", "success"),
                scored("B", "2026-03-31", 10, "red", "failing"))));
  }

  @AfterAll
  static void forgetTable() {
    // The writer registered the table under its name; the shared metastore must not keep it.
    spark.sql("DROP TABLE IF EXISTS gold." + BacktestTables.HEALTH_BACKTEST.name());
  }

  private static Map<String, Row> published() {
    Map<String, Row> rows = new HashMap<>();
    for (Row r : warehouse.read(BacktestTables.HEALTH_BACKTEST).collectAsList()) {
      rows.put(r.getAs("month_end") + "/" + r.getAs("group_value"), r);
    }
    return rows;
  }

  private static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  @Test
  void backtestsTheMonthEndsWithTheirHorizonKnownAndARerunChangesNothing() {
    JobResult result =
        warehouse.run(new BacktestJob(), new RunDates(d("2026-01-01"), d("2026-03-31")));
    // 4 + 3 scored account-month ends read; 2 month ends × 8 groups written.
    assertEquals(7, result.counts("gold.health_backtest").rowsRead());
    assertEquals(16, result.counts("gold.health_backtest").rowsWritten());

    Map<String, Row> rows = published();
    assertEquals(16, rows.size());
    Row jan = rows.get("2026-01-31/all");
    assertEquals(4L, jan.<Long>getAs("accounts"));
    assertEquals(2L, jan.<Long>getAs("churned_accounts"));
    assertEquals(0.5, jan.<Double>getAs("churn_rate"), EPS);
    // Churners' risks 70 (A) and 40 (C) above the stayers' 20 and 10: every pair right.
    assertEquals(1.0, jan.<Double>getAs("auc"), EPS);
    assertEquals(90, jan.<Integer>getAs("horizon_days"));
    assertEquals("test-1", jan.getAs("scorecard_version"));
    // red: A alone, churned → rate 1, lift 1 / 0.5 = 2; green: B and D stay.
    assertEquals(1.0, rows.get("2026-01-31/red").<Double>getAs("churn_rate"), EPS);
    assertEquals(2.0, rows.get("2026-01-31/red").<Double>getAs("lift"), EPS);
    assertEquals(0.0, rows.get("2026-01-31/green").<Double>getAs("churn_rate"), EPS);
    assertEquals(2L, rows.get("2026-01-31/green").<Long>getAs("accounts"));
    assertEquals(1.0, rows.get("2026-01-31/hollow_experience").<Double>getAs("churn_rate"), EPS);
    assertEquals(0L, rows.get("2026-01-31/at_risk_experience").<Long>getAs("accounts"));
    // Feb 28: C of B, C, D churns; no red account.
    Row feb = rows.get("2026-02-28/all");
    assertEquals(3L, feb.<Long>getAs("accounts"));
    assertEquals(1.0 / 3, feb.<Double>getAs("churn_rate"), EPS);
    assertEquals(1.0, feb.<Double>getAs("auc"), EPS);
    assertEquals(0L, rows.get("2026-02-28/red").<Long>getAs("accounts"));
    assertNull(rows.get("2026-02-28/red").getAs("churn_rate"));
    // Mar 31 + 90 = Jun 29 is after May 29: no rows.
    assertTrue(rows.keySet().stream().noneMatch(k -> k.startsWith("2026-03-31")));

    // Rerunning February alone replaces its rows with the same and leaves January alone.
    JobResult rerun =
        warehouse.run(new BacktestJob(), new RunDates(d("2026-02-01"), d("2026-02-28")));
    assertEquals(8, rerun.counts("gold.health_backtest").rowsWritten());
    Map<String, Row> again = published();
    assertEquals(rows, again);
  }

  @Test
  void aRangeWithoutAMonthEndOrWithoutItsHorizonKnownIsRefused() {
    UsageException none =
        assertThrows(
            UsageException.class,
            () -> warehouse.run(new BacktestJob(), RunDates.of(d("2026-03-15"))));
    assertTrue(none.getMessage().contains("no month end in 2026-03-15"), none.getMessage());
    UsageException unknown =
        assertThrows(
            UsageException.class,
            () -> warehouse.run(new BacktestJob(), new RunDates(d("2026-03-01"), d("2026-04-30"))));
    assertTrue(unknown.getMessage().contains("on or before 2026-02-28"), unknown.getMessage());
  }

  @Test
  void aMissingInputNamesTheJobToRun() {
    JobTestWarehouse empty = new JobTestWarehouse("backtest-job-empty");
    InputMissingException missing =
        assertThrows(
            InputMissingException.class,
            () -> empty.run(new BacktestJob(), RunDates.of(d("2026-01-31"))));
    assertTrue(missing.getMessage().contains("run `pulse revenue`"), missing.getMessage());
  }
}
