package io.pulse.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** NPS and CSAT per day: gold.agg_experience_daily, segment {@code all}, the window's days. */
final class ExperienceTrend {
  private ExperienceTrend() {}

  /** One day; nps in −100..100 and csat in 0..1, each null when it had no response. */
  record Day(String day, Double nps, Long npsResponses, Double csat, Long csatResponses) {}

  static Dataset<Row> select(Dataset<Row> experienceDaily, ReportWindow window) {
    return experienceDaily
        .where(
            Partitions.months(window.firstMonth(), window.lastMonth())
                .and(col("segment").equalTo("all"))
                .and(
                    col("day")
                        .between(
                            lit(Date.valueOf(window.firstMonth())),
                            lit(Date.valueOf(window.runDate())))))
        .select("day", "nps", "nps_responses", "csat", "csat_responses")
        .orderBy("day");
  }

  static List<Day> collect(Dataset<Row> selected) {
    return selected.collectAsList().stream()
        .map(
            r ->
                new Day(
                    r.getDate(0).toString(),
                    Values.doubleOrNull(r, 1),
                    Values.longOrNull(r, 2),
                    Values.doubleOrNull(r, 3),
                    Values.longOrNull(r, 4)))
        .toList();
  }
}
