package io.pulse.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code ops.changed_dates}: the event dates each silver run wrote rows for, so that downstream
 * jobs recompute exactly the days late data touched. A log: every run appends its dates.
 */
public final class ChangedDates {
  private ChangedDates() {}

  public static final TableDef TABLE =
      new TableDef(
          Layer.OPS,
          "changed_dates",
          "Event dates each silver run wrote rows for: the days downstream jobs must recompute",
          List.of(
              new ColumnDef("entity", StringType, "Silver entity partitioned by event date"),
              new ColumnDef("dt", DateType, "Delivery date whose rows fell on event_date"),
              new ColumnDef("event_date", DateType, "A day the run wrote rows for"),
              new ColumnDef("run_id", StringType, "Silver run"),
              new ColumnDef("recorded_at", TimestampType, "When the run recorded it (UTC)")),
          List.of());

  /** The distinct (delivery, event date) pairs of {@code accepted} rows, as rows of the table. */
  public static Dataset<Row> of(String entity, Dataset<Row> accepted, String runId, Instant at) {
    return accepted
        .select(col("_dt").as("dt"), col(SilverEntity.EVENT_DATE).as("event_date"))
        .distinct()
        .select(
            lit(entity).as("entity"),
            col("dt"),
            col("event_date"),
            lit(runId).as("run_id"),
            lit(Timestamp.from(at)).as("recorded_at"));
  }
}
