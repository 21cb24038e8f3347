package io.pulse.jobs.alerts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The shape every alert type's daily condition rows share: one row per account and day on which the
 * type's condition holds, {@code account_id, day, alert_type, severity, metric_name, metric_value,
 * baseline_value, threshold, details}. {@link AlertEpisodes} turns them into alerts.
 */
final class AlertCondition {
  private AlertCondition() {}

  static final String HIGH = "high";
  static final String MEDIUM = "medium";

  /** Severities from the least to the most urgent: an episode keeps the worst it reached. */
  static final List<String> SEVERITIES = List.of(MEDIUM, HIGH);

  /**
   * @param holding rows that already hold the condition, one per account and day, with {@code
   *     account_id} and {@code day}
   * @param metricValue the measured value the condition tests
   * @param baseline what it is compared with (null when there is nothing to compare)
   * @param threshold the configured limit it crossed (null when the type has none)
   * @param details the other measured values, as text an analyst can read
   */
  static Dataset<Row> rows(
      Dataset<Row> holding,
      AlertType type,
      Column severity,
      String metricName,
      Column metricValue,
      Column baseline,
      Column threshold,
      Column details) {
    return holding.select(
        col("account_id"),
        col("day"),
        lit(type.key()).as("alert_type"),
        severity.as("severity"),
        lit(metricName).as("metric_name"),
        metricValue.cast("double").as("metric_value"),
        baseline.cast("double").as("baseline_value"),
        threshold.cast("double").as("threshold"),
        details.as("details"));
  }

  static Column none() {
    return lit(null);
  }
}
