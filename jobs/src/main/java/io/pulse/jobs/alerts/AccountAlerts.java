package io.pulse.jobs.alerts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.spark.ColumnNames;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold.account_alerts as of the run date: every alert type's conditions turned into episodes, with
 * the recommended action of the type (conf text) and the account's current segment.
 */
public final class AccountAlerts {
  private AccountAlerts() {}

  /**
   * @param conditions the daily condition rows of every type ({@link AlertCondition})
   * @param accounts gold.dim_account: {@code account_id, segment, is_current}
   * @return the rows of {@link AlertsTables#ACCOUNT_ALERTS}, in its column order
   */
  public static Dataset<Row> of(
      Dataset<Row> conditions, Dataset<Row> accounts, AlertsSettings settings, LocalDate asOf) {
    Dataset<Row> segments = accounts.where(col("is_current")).select("account_id", "segment");
    List<String> columns = AlertsTables.ACCOUNT_ALERTS.columnNames();
    return AlertEpisodes.of(conditions, asOf)
        .join(segments, ColumnNames.seq("account_id"), "left")
        .withColumn("recommended_action", action(settings))
        .withColumn("as_of_date", lit(Date.valueOf(asOf)))
        .select(columns.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  private static Column action(AlertsSettings settings) {
    Column text = lit(null).cast("string");
    for (AlertType type : AlertType.values()) {
      text =
          when(col("alert_type").equalTo(type.key()), lit(settings.recommendedActions().get(type)))
              .otherwise(text);
    }
    return text;
  }
}
