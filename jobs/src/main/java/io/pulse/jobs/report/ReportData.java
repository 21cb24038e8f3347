package io.pulse.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Everything the page shows, as small plain values queried from the gold tables: the JSON embedded
 * in the page is this record as Jackson writes it.
 *
 * @param runDate D
 * @param firstMonth first month of the trends and first cohort shown
 * @param healthDay the latest day on or before D with rows in account_health_daily (null: none);
 *     the quadrant and at-risk sections are as of it
 * @param alertsComputed gold.account_alerts exists; each at-risk account's openAlerts is null
 *     otherwise
 */
public record ReportData(
    String runDate,
    String firstMonth,
    String healthDay,
    boolean alertsComputed,
    List<RevenueTrend.Month> revenue,
    List<CohortHeatmap.Cell> cohorts,
    List<HealthOverview.BandCount> bands,
    List<HealthOverview.QuadrantPoint> quadrants,
    List<AtRiskAccounts.Account> atRisk,
    List<ExperienceTrend.Day> experience) {

  /** Queries the inputs for {@code window}: a handful of small aggregates reach the driver. */
  public static ReportData query(ReportInputs inputs, ReportWindow window) {
    Date runDate = Date.valueOf(window.runDate());
    Dataset<Row> health = inputs.accountHealth();
    Date healthDay = health.where(col("day").leq(lit(runDate))).agg(max("day")).first().getDate(0);

    List<HealthOverview.QuadrantPoint> quadrants = List.of();
    List<AtRiskAccounts.Account> atRisk = List.of();
    Dataset<Row> alerts = inputs.alerts().orElse(null);
    if (healthDay != null) {
      quadrants = HealthOverview.collectQuadrants(HealthOverview.quadrantPoints(health, healthDay));
      Dataset<Row> lowest = AtRiskAccounts.lowest(health, inputs.accounts(), healthDay).cache();
      try {
        Map<String, List<AtRiskAccounts.OpenAlert>> open = null;
        if (alerts != null) {
          List<String> ids = lowest.select("account_id").as(Encoders.STRING()).collectAsList();
          open = AtRiskAccounts.collectAlerts(AtRiskAccounts.openAlerts(alerts, ids, runDate));
        }
        atRisk = AtRiskAccounts.collect(lowest, open);
      } finally {
        lowest.unpersist();
      }
    }
    return new ReportData(
        window.runDate().toString(),
        window.firstMonth().toString(),
        healthDay == null ? null : healthDay.toString(),
        alerts != null,
        RevenueTrend.collect(RevenueTrend.select(inputs.kpiMonthly(), window)),
        CohortHeatmap.collect(CohortHeatmap.select(inputs.cohortRetention(), window)),
        HealthOverview.collectBands(HealthOverview.bandCounts(health, window)),
        quadrants,
        atRisk,
        ExperienceTrend.collect(ExperienceTrend.select(inputs.experienceDaily(), window)));
  }
}
