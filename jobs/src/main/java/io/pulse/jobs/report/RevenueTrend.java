package io.pulse.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The MRR waterfall and the retention rates per month: gold.kpi_monthly, segment {@code all}, the
 * window's months, as stored (no value is recomputed).
 */
final class RevenueTrend {
  private RevenueTrend() {}

  /** One month of kpi_monthly; contraction and churn are negative, rates null when S = 0. */
  record Month(
      String month,
      BigDecimal mrrStart,
      BigDecimal newMrr,
      BigDecimal reactivationMrr,
      BigDecimal expansionMrr,
      BigDecimal contractionMrr,
      BigDecimal churnMrr,
      BigDecimal mrrEnd,
      Double nrr,
      Double grr,
      Double logoChurnRate) {}

  /** The window's months of segment all, oldest first. */
  static Dataset<Row> select(Dataset<Row> kpiMonthly, ReportWindow window) {
    return kpiMonthly
        .where(
            col("segment")
                .equalTo("all")
                .and(
                    col("month")
                        .between(
                            lit(Date.valueOf(window.firstMonth())),
                            lit(Date.valueOf(window.lastMonth())))))
        .select(
            "month",
            "mrr_start",
            "new_mrr",
            "reactivation_mrr",
            "expansion_mrr",
            "contraction_mrr",
            "churn_mrr",
            "mrr_end",
            "nrr",
            "grr",
            "logo_churn_rate")
        .orderBy("month");
  }

  /** At most {@link ReportWindow#MONTHS} rows reach the driver. */
  static List<Month> collect(Dataset<Row> selected) {
    return selected.collectAsList().stream()
        .map(
            r ->
                new Month(
                    r.getDate(0).toString(),
                    r.getDecimal(1),
                    r.getDecimal(2),
                    r.getDecimal(3),
                    r.getDecimal(4),
                    r.getDecimal(5),
                    r.getDecimal(6),
                    r.getDecimal(7),
                    Values.doubleOrNull(r, 8),
                    Values.doubleOrNull(r, 9),
                    Values.doubleOrNull(r, 10)))
        .toList();
  }
}
