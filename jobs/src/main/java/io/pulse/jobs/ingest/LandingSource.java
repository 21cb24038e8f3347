package io.pulse.jobs.ingest;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * One source of the landing contract: its delivery format, its columns, and the bronze table that
 * keeps it as delivered.
 */
public record LandingSource(
    String name, Format format, String description, List<SourceColumn> columns) {

  /** How a source's files are delivered. */
  public enum Format {
    /** CSV with a header row, UTF-8, RFC 4180 quoting, LF or CRLF. */
    CSV,
    /** One JSON object per line, gzip-compressed. */
    JSONL_GZ
  }

  /** Holds the raw text of a record Spark could not parse into the columns, else null. */
  public static final String CORRUPT_RECORD = "_corrupt_record";

  /** Holds a CSV file's columns beyond the contract, as a JSON object, else null. */
  public static final String EXTRA_COLUMNS = "_extra_columns";

  public LandingSource {
    columns = List.copyOf(columns);
  }

  public List<String> columnNames() {
    return columns.stream().map(SourceColumn::name).toList();
  }

  public List<String> requiredColumns() {
    return columns.stream().filter(SourceColumn::required).map(SourceColumn::name).toList();
  }

  /** Every contract column as a string: bronze never interprets values. */
  public StructType stringSchema() {
    StructType schema = new StructType();
    for (SourceColumn column : columns) {
      schema = schema.add(column.name(), StringType);
    }
    return schema;
  }

  /**
   * {@code bronze.<name>}: raw string values plus ingest metadata, partitioned by delivery month.
   */
  public TableDef bronzeTable() {
    List<ColumnDef> defs = new ArrayList<>();
    for (SourceColumn column : columns) {
      defs.add(new ColumnDef(column.name(), StringType, column.comment() + " (as delivered)"));
    }
    defs.add(new ColumnDef(EXTRA_COLUMNS, StringType, "Columns beyond the contract, as JSON"));
    defs.add(
        new ColumnDef(CORRUPT_RECORD, StringType, "The raw record when it could not be parsed"));
    defs.add(new ColumnDef("_source_file", StringType, "Landing file the record was read from"));
    defs.add(
        new ColumnDef(
            "_row_number",
            LongType,
            "1-based position of the record in its file (the line, for JSON lines)"));
    defs.add(new ColumnDef("_dt", DateType, "Delivery date: the dt= folder it landed in"));
    defs.add(new ColumnDef("_ingested_at", TimestampType, "When bronze ingested it (UTC)"));
    defs.add(new ColumnDef("_run_id", StringType, "Run that ingested it (ops.job_runs.run_id)"));
    defs.add(ColumnDef.monthOf("_dt"));
    return new TableDef(
        Layer.BRONZE,
        name,
        description + "; as delivered, partitioned by delivery month",
        defs,
        List.of(ColumnDef.MONTH),
        TableDef.OPTIMIZED_WRITES);
  }
}
