package io.pulse.jobs.alerts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import io.pulse.common.table.RowChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks gold.account_alerts must pass before it is published: one row per account, type and
 * opening day; at most one open alert per account and type; closed_on after opened_on and not after
 * the run date; a known type and severity; a recommended action on every row.
 */
public final class AlertsChecks {
  private AlertsChecks() {}

  /** One line per broken check, with its offending keys; empty when all hold. */
  public static List<String> violations(Dataset<Row> alerts) {
    String[] types = Arrays.stream(AlertType.values()).map(AlertType::key).toArray(String[]::new);
    List<String> problems =
        new ArrayList<>(
            RowChecks.keyedBy("account_id", "alert_type", "opened_on")
                .rule(
                    "closed_on not after opened_on, after as_of_date, or is_open wrong",
                    col("closed_on")
                        .leq(col("opened_on"))
                        .or(col("closed_on").gt(col("as_of_date")))
                        .or(col("opened_on").gt(col("as_of_date")))
                        .or(col("is_open").notEqual(col("closed_on").isNull())))
                .rule(
                    "unknown alert_type or severity, or no recommended_action,",
                    not(col("alert_type").isin((Object[]) types))
                        .or(not(col("severity").isin(AlertCondition.SEVERITIES.toArray())))
                        .or(col("severity").isNull())
                        .or(col("recommended_action").isNull()))
                .violations(alerts));
    // at most one open alert per account and type: the open rows are unique by those two
    problems.addAll(
        RowChecks.keyedBy("account_id", "alert_type").violations(alerts.where(col("is_open"))));
    return problems;
  }
}
