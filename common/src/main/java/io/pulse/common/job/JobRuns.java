package io.pulse.common.job;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

/** The {@code ops.job_runs} table: one row per job run, successful or not. */
public final class JobRuns {
  private JobRuns() {}

  static final StructType TABLE_COUNTS =
      new StructType()
          .add("table", StringType)
          .add("rows_read", LongType)
          .add("rows_written", LongType)
          .add("rows_quarantined", LongType);

  public static final TableDef TABLE =
      new TableDef(
          Layer.OPS,
          "job_runs",
          "One row per Pulse job run: what ran, for which dates, how it ended, rows per table.",
          List.of(
              new ColumnDef("run_id", StringType, "Unique id of the run, also in ingest metadata"),
              new ColumnDef("job", StringType, "Job name as given to the CLI"),
              new ColumnDef("run_date_start", DateType, "First run date processed"),
              new ColumnDef("run_date_end", DateType, "Last run date processed (inclusive)"),
              new ColumnDef("env", StringType, "Configuration environment (local, prod)"),
              new ColumnDef("status", StringType, "succeeded or failed"),
              new ColumnDef("exit_code", IntegerType, "Process exit code the run ended with"),
              new ColumnDef("message", StringType, "Failure reason; null when succeeded"),
              new ColumnDef("started_at", TimestampType, "When the run started (UTC)"),
              new ColumnDef("finished_at", TimestampType, "When the run ended (UTC)"),
              new ColumnDef("duration_ms", LongType, "Wall time of the run in milliseconds"),
              new ColumnDef(
                  "tables",
                  new ArrayType(TABLE_COUNTS, false),
                  "Per table written: rows read, written and quarantined")),
          List.of());

  /** The row recording one run. */
  static Row row(
      JobContext context,
      String job,
      int exitCode,
      String message,
      Instant started,
      Instant finished,
      List<TableCounts> tables) {
    List<Row> counts =
        tables.stream()
            .map(
                t ->
                    RowFactory.create(
                        t.table(), t.rowsRead(), t.rowsWritten(), t.rowsQuarantined()))
            .toList();
    return RowFactory.create(
        context.runId(),
        job,
        Date.valueOf(context.dates().start()),
        Date.valueOf(context.dates().end()),
        context.config().env(),
        exitCode == 0 ? "succeeded" : "failed",
        exitCode,
        message,
        Timestamp.from(started),
        Timestamp.from(finished),
        finished.toEpochMilli() - started.toEpochMilli(),
        counts);
  }
}
