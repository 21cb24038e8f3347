package io.pulse.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The logo and revenue retention heatmaps: gold.cohort_retention_monthly, segment {@code all}, the
 * cohorts that started in the window (so at most 12 × 12 / 2 cells).
 */
final class CohortHeatmap {
  private CohortHeatmap() {}

  /** One cell; partial is the run date's month, measured as of D. */
  record Cell(
      String cohortMonth,
      int monthsSince,
      long cohortAccounts,
      Double logoRetention,
      Double revenueRetention,
      boolean partial) {}

  static Dataset<Row> select(Dataset<Row> cohorts, ReportWindow window) {
    return cohorts
        .where(
            col("segment")
                .equalTo("all")
                .and(
                    col("cohort_month")
                        .between(
                            lit(Date.valueOf(window.firstMonth())),
                            lit(Date.valueOf(window.lastMonth())))))
        .select(
            "cohort_month",
            "months_since",
            "cohort_accounts",
            "logo_retention",
            "revenue_retention",
            "is_partial_month")
        .orderBy("cohort_month", "months_since");
  }

  static List<Cell> collect(Dataset<Row> selected) {
    return selected.collectAsList().stream()
        .map(
            r ->
                new Cell(
                    r.getDate(0).toString(),
                    r.getInt(1),
                    r.getLong(2),
                    Values.doubleOrNull(r, 3),
                    Values.doubleOrNull(r, 4),
                    r.getBoolean(5)))
        .toList();
  }
}
