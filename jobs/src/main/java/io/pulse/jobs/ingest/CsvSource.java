package io.pulse.jobs.ingest;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * A landing source delivered as CSV files with a header row: its contract columns, in order, each
 * with a comment, and the bronze table that keeps it raw.
 */
public record CsvSource(String name, String description, Map<String, String> columns) {
  /** Holds the whole line when Spark cannot parse it into the contract's columns. */
  public static final String CORRUPT_RECORD = "_corrupt_record";

  /** The CRM accounts snapshot, one row per account per delivery. */
  public static final CsvSource ACCOUNTS =
      new CsvSource(
          "accounts",
          "CRM account snapshots as delivered",
          ordered(
              "account_id", "Account key in the CRM",
              "account_name", "Account display name",
              "parent_account_id", "Parent account key; empty for top-level accounts",
              "segment", "smb, mid_market or enterprise",
              "industry", "Industry as recorded in the CRM",
              "region", "Sales region",
              "country", "ISO country code",
              "csm_owner", "Customer success manager who owns the account",
              "created_at", "When the account was created (ISO-8601 with offset)",
              "updated_at", "When the CRM last changed the record (ISO-8601 with offset)"));

  public CsvSource {
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** The read schema: every contract column as a string, plus the corrupt-record column. */
  public StructType readSchema() {
    StructType schema = new StructType();
    for (String column : columns.keySet()) {
      schema = schema.add(column, StringType);
    }
    return schema.add(CORRUPT_RECORD, StringType);
  }

  /**
   * {@code bronze.<name>}: raw string values plus ingest metadata, partitioned by delivery date.
   */
  public TableDef bronzeTable() {
    List<ColumnDef> defs = new ArrayList<>();
    columns.forEach(
        (column, comment) -> defs.add(new ColumnDef(column, StringType, comment + " (raw)")));
    defs.add(
        new ColumnDef(
            CORRUPT_RECORD, StringType, "The raw line when it could not be parsed, else null"));
    defs.add(new ColumnDef("_source_file", StringType, "Landing file the row was read from"));
    defs.add(new ColumnDef("_row_number", LongType, "1-based position of the record in its file"));
    defs.add(new ColumnDef("_dt", DateType, "Delivery date: the dt= partition it landed in"));
    defs.add(new ColumnDef("_ingested_at", TimestampType, "When bronze ingested it (UTC)"));
    defs.add(new ColumnDef("_run_id", StringType, "Run that ingested it (ops.job_runs.run_id)"));
    return new TableDef(
        Layer.BRONZE,
        name,
        description + ", raw, one partition per delivery date",
        defs,
        List.of("_dt"));
  }

  private static Map<String, String> ordered(String... namesAndComments) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndComments.length; i += 2) {
      map.put(namesAndComments[i], namesAndComments[i + 1]);
    }
    return map;
  }
}
