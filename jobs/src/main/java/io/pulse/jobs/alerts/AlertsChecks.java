package io.pulse.jobs.alerts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The checks gold.account_alerts must pass before it is published: one row per account, type and
 * opening day; at most one open alert per account and type; closed_on after opened_on and not after
 * the run date; a known type and severity; a recommended action on every row.
 */
public final class AlertsChecks {
  private AlertsChecks() {}

  private static final int EXAMPLES = 3;

  /** One line per broken check, with up to three offending keys; empty when all hold. */
  public static List<String> violations(Dataset<Row> alerts) {
    List<String> problems = new ArrayList<>();
    Column key =
        concat_ws("|", col("account_id"), col("alert_type"), col("opened_on").cast("string"));
    add(
        problems,
        "more than one row for account|type|opened_on",
        alerts
            .groupBy("account_id", "alert_type", "opened_on")
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1))
            .select(key));
    add(
        problems,
        "more than one open alert for account|type",
        alerts
            .where(col("is_open"))
            .groupBy("account_id", "alert_type")
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1))
            .select(concat_ws("|", col("account_id"), col("alert_type"))));
    add(
        problems,
        "closed_on not after opened_on, after as_of_date, or is_open wrong for account|type|opened_on",
        alerts
            .where(
                col("closed_on")
                    .leq(col("opened_on"))
                    .or(col("closed_on").gt(col("as_of_date")))
                    .or(col("opened_on").gt(col("as_of_date")))
                    .or(col("is_open").notEqual(col("closed_on").isNull())))
            .select(key));
    String[] types = Arrays.stream(AlertType.values()).map(AlertType::key).toArray(String[]::new);
    add(
        problems,
        "unknown alert_type or severity, or no recommended_action, for account|type|opened_on",
        alerts
            .where(
                not(col("alert_type").isin((Object[]) types))
                    .or(not(col("severity").isin(AlertCondition.SEVERITIES.toArray())))
                    .or(col("severity").isNull())
                    .or(col("recommended_action").isNull()))
            .select(key));
    return problems;
  }

  private static void add(List<String> problems, String check, Dataset<Row> offenders) {
    List<String> examples = offenders.as(Encoders.STRING()).takeAsList(EXAMPLES);
    if (!examples.isEmpty()) {
      problems.add(check + ": " + String.join(", ", examples));
    }
  }
}
