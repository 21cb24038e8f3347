package io.pulse.jobs.health;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;

import io.pulse.common.table.ColumnDef;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Puts the CSM override in force on each day beside the computed score (METRICS.md §7: an override
 * applies until its expiry; expired ones are ignored). The computed health_score is left as it is.
 */
public final class ActiveOverrides {
  private ActiveOverrides() {}

  /**
   * @param daily health rows (score and trend columns)
   * @param overrides rows of {@link HealthTables#HEALTH_OVERRIDES}, at most one per account
   * @return the rows in the columns of {@link HealthTables#ACCOUNT_HEALTH_DAILY}; the override
   *     columns are filled on d when the override was set on or before d (UTC date of set_at), was
   *     not cleared before d and expires on or after d
   */
  public static Dataset<Row> of(Dataset<Row> daily, Dataset<Row> overrides) {
    Dataset<Row> o =
        overrides.select(
            col("account_id").as("_o_account"),
            col("override_score"),
            col("override_reason"),
            col("override_expires_on"),
            to_date(col("set_at")).as("_o_set_on"),
            to_date(col("cleared_at")).as("_o_cleared_on"));
    Column inForce =
        col("account_id")
            .equalTo(col("_o_account"))
            .and(col("_o_set_on").leq(col("day")))
            .and(col("_o_cleared_on").isNull().or(col("_o_cleared_on").geq(col("day"))))
            .and(col("override_expires_on").geq(col("day")));
    return daily
        .join(o, inForce, "left")
        .select(
            HealthTables.ACCOUNT_HEALTH_DAILY.columns().stream()
                .map(ColumnDef::name)
                .map(c -> col(c))
                .toArray(Column[]::new));
  }
}
