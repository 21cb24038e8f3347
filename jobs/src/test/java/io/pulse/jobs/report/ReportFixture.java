package io.pulse.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trunc;

import io.pulse.common.table.Layer;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.JobTestWarehouse;
import io.pulse.jobs.cohorts.CohortsTables;
import io.pulse.jobs.experience.ExperienceTables;
import io.pulse.jobs.health.HealthTables;
import io.pulse.jobs.revenue.RevenueTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Hand-made gold tables for a report as of {@link #RUN_DATE} (window 2025-04-01 .. 2026-03-10).
 * Each table also has rows the report must leave out: another segment, a month or day outside the
 * window, a health day after D. Columns not given are null ({@link JobTestWarehouse#save}).
 */
final class ReportFixture {
  static final String RUN_DATE = "2026-03-10";

  private static final SparkSession spark = SparkTestSession.get();

  private ReportFixture() {}

  static void writeGold(JobTestWarehouse warehouse) {
    warehouse.save(RevenueTables.KPI_MONTHLY, kpiMonthly());
    warehouse.save(CohortsTables.REVENUE_COHORTS, cohorts());
    warehouse.save(HealthTables.ACCOUNT_HEALTH_DAILY, withMonth(health()));
    warehouse.save(ExperienceTables.EXPERIENCE_DAILY, withMonth(experience()));
    warehouse.save(RevenueTables.DIM_ACCOUNT, accounts());
  }

  /**
   * Months 2025-12 .. 2026-03 of segment all (2025-12 starts from 0 MRR: its rates are null);
   * 2025-03 is before the window and smb is another segment.
   */
  static Dataset<Row> kpiMonthly() {
    return values(
        "month, segment, mrr_start, new_mrr, reactivation_mrr, expansion_mrr, contraction_mrr,"
            + " churn_mrr, mrr_end, nrr, grr, logo_churn_rate",
        "('2025-03-01', 'all', 9, 9, 0, 0, 0, 0, 18, 1.0, 1.0, 0.0)",
        "('2025-12-01', 'all', 0, 1000, 0, 0, 0, 0, 1000, null, null, null)",
        "('2026-01-01', 'all', 1000, 200, 0, 50, -30, -100, 1120, 0.92, 0.87, 0.1)",
        "('2026-02-01', 'all', 1120, 0, 80, 0, 0, -120, 1080, 0.8928571428571429,"
            + " 0.8928571428571429, 0.125)",
        "('2026-03-01', 'all', 1080, 300.5, 0, 20, -10, 0, 1390.5, 1.0092592592592593,"
            + " 0.9907407407407407, 0.0)",
        "('2026-03-01', 'smb', 500, 7, 0, 0, 0, 0, 507, 1.0, 1.0, 0.0)");
  }

  /** Cohorts 2025-12 (4 accounts) and 2026-01 (2); 2025-02 is before the window. */
  static Dataset<Row> cohorts() {
    return values(
        "cohort_month, segment, months_since, is_partial_month, cohort_accounts, logo_retention,"
            + " revenue_retention",
        "('2025-02-01', 'all', 0, false, 3, 1.0, 1.0)",
        "('2025-12-01', 'all', 0, false, 4, 1.0, 1.0)",
        "('2025-12-01', 'all', 1, false, 4, 0.75, 0.9)",
        "('2025-12-01', 'all', 2, false, 4, 0.75, 1.05)",
        "('2025-12-01', 'all', 3, true, 4, 0.5, 0.6)",
        "('2025-12-01', 'smb', 0, false, 2, 1.0, 1.0)",
        "('2026-01-01', 'all', 0, false, 2, 1.0, 1.0)",
        "('2026-01-01', 'all', 1, false, 2, 1.0, 1.2)",
        "('2026-01-01', 'all', 2, true, 2, 0.5, 0.4)");
  }

  /**
   * Health on 2026-03-09 and D (and 2026-03-11, after D: ignored). On D: A1 35 red, A7 55 and A2 55
   * (A7 fell more: first), A3 60, A6 62, A4 88 green; A5 has no score. A3 and A6 round to the same
   * quadrant point (50, 80). A1's contributions fell in engagement −12.5, adoption −6, sentiment
   * −1.5 and deployment −0.5 (the fourth, not shown), rose in roi.
   */
  static Dataset<Row> health() {
    return values(
        "account_id, day, segment, health_score, band, quadrant, outcome_score,"
            + " experience_score, score_change_30d, deployment_contribution,"
            + " deployment_contribution_change_30d, engagement_contribution,"
            + " engagement_contribution_change_30d, adoption_contribution,"
            + " adoption_contribution_change_30d, roi_contribution, roi_contribution_change_30d,"
            + " sentiment_contribution, sentiment_contribution_change_30d",
        "('A1', '2026-03-09', 'smb', 40, 'red', 'failing', 31, 41, -15,"
            + " null, null, null, null, null, null, null, null, null, null)",
        "('A2', '2026-03-09', 'smb', 48, 'red', 'failing', 40, 50, -2,"
            + " null, null, null, null, null, null, null, null, null, null)",
        "('A3', '2026-03-09', 'smb', 60, 'yellow', 'hollow_experience', 50, 80, null,"
            + " null, null, null, null, null, null, null, null, null, null)",
        "('A4', '2026-03-09', 'enterprise', 88, 'green', 'success', 90, 85, 0,"
            + " null, null, null, null, null, null, null, null, null, null)",
        "('A1', '2026-03-10', 'smb', 35, 'red', 'failing', 30.4, 40.6, -20,"
            + " 4.0, -0.5, 6.0, -12.5, 5.0, -6.0, 8.0, 0.5, 3.0, -1.5)",
        "('A2', '2026-03-10', 'smb', 55, 'yellow', 'at_risk_experience', 70.2, 45.5, -5,"
            + " null, null, 10.0, -2.0, null, null, null, null, null, null)",
        "('A7', '2026-03-10', 'mid_market', 55, 'yellow', null, null, 55, -10,"
            + " null, null, null, null, null, null, null, null, null, null)",
        "('A3', '2026-03-10', 'smb', 60, 'yellow', 'hollow_experience', 50.0, 80.0, null,"
            + " null, null, null, null, null, null, null, null, null, null)",
        "('A6', '2026-03-10', 'smb', 62, 'yellow', 'hollow_experience', 50.4, 79.6, 3,"
            + " null, null, null, null, null, null, null, null, null, null)",
        "('A4', '2026-03-10', 'enterprise', 88, 'green', 'success', 90, 85, 0,"
            + " null, null, 20.0, 1.0, null, null, null, null, null, null)",
        "('A5', '2026-03-10', 'smb', null, null, null, null, null, null,"
            + " null, null, null, null, null, null, null, null, null, null)",
        "('A1', '2026-03-11', 'smb', 90, 'green', 'success', 90, 90, 40,"
            + " null, null, null, null, null, null, null, null, null, null)");
  }

  /** NPS/CSAT of segment all on 2026-03-09 and D; smb and a day before the window are left out. */
  static Dataset<Row> experience() {
    return values(
        "day, segment, nps, nps_responses, csat, csat_responses",
        "('2025-03-31', 'all', -50.0, 2, 0.1, 2)",
        "('2026-03-09', 'all', 20.0, 10, 0.8, 5)",
        "('2026-03-10', 'all', null, 0, 0.75, 4)",
        "('2026-03-10', 'smb', 99.0, 1, 1.0, 1)");
  }

  /** A1's current name has markup in it (escaped on the page); its old name is not used. */
  static Dataset<Row> accounts() {
    return values(
        "account_id, account_name, is_current",
        "('A1', 'Acme Old', false)",
        "('A1', 'Acme <Corp> & Co', true)",
        "('A2', 'Beta', true)",
        "('A3', 'Gamma', true)",
        "('A4', 'Delta', true)",
        "('A6', 'Zeta', true)");
  }

  /**
   * Alerts: A1 has one open since 03-01, one closed 03-05 and one opened after D; A2's closes
   * 03-12, after D, so it is open on D. A9 is not among the at-risk accounts.
   */
  static void writeAlerts(JobTestWarehouse warehouse) {
    values(
            "account_id, alert_type, opened_on, closed_on, severity",
            "('A1', 'usage_drop', '2026-03-01', null, 'high')",
            "('A1', 'detractor_response', '2026-02-01', '2026-03-05', 'medium')",
            "('A1', 'ticket_spike', '2026-03-11', null, 'high')",
            "('A2', 'champion_left', '2026-03-02', '2026-03-12', 'high')",
            "('A9', 'payment_failed', '2026-03-01', null, 'high')")
        .withColumn("opened_on", col("opened_on").cast("date"))
        .withColumn("closed_on", col("closed_on").cast("date"))
        .write()
        .format("delta")
        .mode("overwrite")
        .save(warehouse.tables().resolve(Layer.GOLD, ReportInputs.ALERTS_TABLE).location());
  }

  /** The partition column of the daily tables: the first day of day's month. */
  private static Dataset<Row> withMonth(Dataset<Row> daily) {
    return daily.withColumn("month", trunc(col("day").cast("date"), "month"));
  }

  /** A table from SQL value tuples; {@link JobTestWarehouse#save} casts to the declared types. */
  private static Dataset<Row> values(String columns, String... rows) {
    return spark.sql("select * from values " + String.join(", ", rows) + " as t(" + columns + ")");
  }
}
