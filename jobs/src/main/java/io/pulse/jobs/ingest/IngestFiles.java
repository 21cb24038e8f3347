package io.pulse.jobs.ingest;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code ops.ingest_files}: every landing file bronze looked at, whether it loaded, and why not.
 */
public final class IngestFiles {
  private IngestFiles() {}

  public static final String LOADED = "loaded";
  public static final String FAILED = "failed";

  public static final TableDef TABLE =
      new TableDef(
          Layer.OPS,
          "ingest_files",
          "Every landing file bronze looked at: loaded with its row counts, or failed with the reason",
          List.of(
              new ColumnDef("source", StringType, "Landing source, e.g. accounts"),
              new ColumnDef("dt", DateType, "Delivery date of the file's dt= folder"),
              new ColumnDef("file", StringType, "Full path of the file (or of the folder)"),
              new ColumnDef("size_bytes", LongType, "File size in bytes"),
              new ColumnDef("status", StringType, "loaded or failed"),
              new ColumnDef("reason", StringType, "Why the file failed; warnings for loaded ones"),
              new ColumnDef("rows", LongType, "Records loaded into bronze from the file"),
              new ColumnDef(
                  "unparseable_rows", LongType, "Of those, records kept raw in _corrupt_record"),
              new ColumnDef("run_id", StringType, "Run that looked at the file"),
              new ColumnDef("ingested_at", TimestampType, "When (UTC)")),
          List.of("source"));

  static Row failed(
      LandingSource source, LocalDate dt, FileFailure failure, String runId, Instant at) {
    return RowFactory.create(
        source.name(),
        Date.valueOf(dt),
        failure.path(),
        failure.sizeBytes(),
        FAILED,
        failure.reason(),
        0L,
        0L,
        runId,
        Timestamp.from(at));
  }

  static Row loaded(
      LandingSource source,
      LocalDate dt,
      LandingFile file,
      long rows,
      long unparseable,
      String runId,
      Instant at) {
    String warning =
        file.extraColumns().isEmpty()
            ? null
            : "extra column(s) kept in _extra_columns: " + String.join(", ", file.extraColumns());
    return RowFactory.create(
        source.name(),
        Date.valueOf(dt),
        file.path(),
        file.sizeBytes(),
        LOADED,
        warning,
        rows,
        unparseable,
        runId,
        Timestamp.from(at));
  }
}
