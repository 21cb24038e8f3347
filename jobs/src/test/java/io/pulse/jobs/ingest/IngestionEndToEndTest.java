package io.pulse.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.S3TestServer;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.CliRun;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bronze then silver end to end: the landing fixture (src/test/resources/landing) uploaded to a
 * real S3 server, loaded through the CLI. The fixture holds a quoted comma, escaped quotes, a
 * quoted newline, a line with an extra field, a CRLF file with an extra column, a file missing a
 * required column, a malformed JSON line, a truncated gzip, an empty file and a folder without
 * _SUCCESS.
 */
@Tag("slow")
@SparkTest
@ExtendWith(S3TestServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestionEndToEndTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final Date JAN5 = Date.valueOf("2026-01-05");
  private static final Date JAN6 = Date.valueOf("2026-01-06");

  private static CliRun pulse(String... args) {
    return CliRun.of(CliRun.concat(List.of(args), SparkTestSession.confArgs()));
  }

  @BeforeAll
  static void uploadLanding() throws URISyntaxException {
    Path landing = Path.of(IngestionEndToEndTest.class.getResource("/landing").toURI());
    CliRun upload = pulse("upload-landing", "--from", landing.toString(), "--create-bucket");
    assertEquals(0, upload.exitCode(), upload.err());
    assertTrue(upload.out().contains("uploaded 14 file(s)"), upload.out());
  }

  private static Dataset<Row> rows(StructType schema, Object[]... rows) {
    return spark.createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), schema);
  }

  private static Dataset<Row> bronzeAccounts() {
    return spark
        .table("bronze.accounts")
        .select(
            col("_dt"),
            regexp_extract(col("_source_file"), "[^/]+$", 0).as("file"),
            col("_row_number"),
            col("account_id"),
            col("account_name"),
            col("parent_account_id"),
            col("csm_owner"),
            col("_extra_columns"),
            col("_corrupt_record").isNotNull().as("is_corrupt"));
  }

  private static Dataset<Row> expectedAccounts() {
    StructType schema =
        new StructType()
            .add("_dt", DataTypes.DateType)
            .add("file", DataTypes.StringType)
            .add("_row_number", DataTypes.LongType)
            .add("account_id", DataTypes.StringType)
            .add("account_name", DataTypes.StringType)
            .add("parent_account_id", DataTypes.StringType)
            .add("csm_owner", DataTypes.StringType)
            .add("_extra_columns", DataTypes.StringType)
            .add("is_corrupt", DataTypes.BooleanType, false);
    String part1 = "accounts-part-1.csv";
    String part2 = "accounts-part-2.csv";
    return rows(
        schema,
        new Object[] {JAN5, part1, 1L, "A001", "Acme Corp", null, "dana", null, false},
        new Object[] {JAN5, part1, 2L, "A002", "Bolt, Inc.", "A001", "lee", null, false},
        new Object[] {JAN5, part1, 3L, "A003", "Cobalt \"Labs\"", null, "kim", null, false},
        new Object[] {JAN5, part2, 1L, "A004", "Delta\nDynamics", null, "dana", null, false},
        new Object[] {JAN5, part2, 2L, "A005", "Echo Ltd", null, "lee", null, true},
        new Object[] {
          JAN5,
          "accounts-part-3.csv",
          1L,
          "A006",
          "Fjord Analytics",
          null,
          "kim",
          "{\"tier_hint\":\"gold\"}",
          false
        },
        new Object[] {JAN6, "accounts.csv", 1L, "A001", "Acme Corp", null, "sam", null, false});
  }

  private static Dataset<Row> bronzeEvents() {
    return spark
        .table("bronze.usage_events")
        .select(
            col("_row_number"),
            col("event_id"),
            col("occurred_at"),
            col("properties"),
            col("_corrupt_record"));
  }

  private static Dataset<Row> expectedEvents() {
    StructType schema =
        new StructType()
            .add("_row_number", DataTypes.LongType)
            .add("event_id", DataTypes.StringType)
            .add("occurred_at", DataTypes.StringType)
            .add("properties", DataTypes.StringType)
            .add("_corrupt_record", DataTypes.StringType);
    return rows(
        schema,
        new Object[] {1L, "E1", "2026-01-04T10:00:00Z", "{\"format\":\"pdf\",\"pages\":3}", null},
        new Object[] {
          2L,
          null,
          null,
          null,
          "{\"event_id\":\"E2\",\"account_id\":\"A001\",\"user_id\":\"U2\",\"event_type\":\"login\""
        },
        new Object[] {3L, "E3", "2026-01-05T08:30:00+01:00", null, null});
  }

  private static Dataset<Row> ingestFiles() {
    return spark
        .table("ops.ingest_files")
        .select(
            col("source"),
            col("dt"),
            regexp_extract(col("file"), "[^/]+$", 0).as("file"),
            col("status"),
            regexp_extract(col("reason"), "^[^:]*", 0).as("reason"),
            col("rows"),
            col("unparseable_rows"));
  }

  private static Dataset<Row> expectedIngestFiles() {
    StructType schema =
        new StructType()
            .add("source", DataTypes.StringType)
            .add("dt", DataTypes.DateType)
            .add("file", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("rows", DataTypes.LongType)
            .add("unparseable_rows", DataTypes.LongType);
    return rows(
        schema,
        new Object[] {"accounts", JAN5, "accounts-part-1.csv", "loaded", null, 3L, 0L},
        new Object[] {"accounts", JAN5, "accounts-part-2.csv", "loaded", null, 2L, 1L},
        new Object[] {
          "accounts",
          JAN5,
          "accounts-part-3.csv",
          "loaded",
          "extra column(s) kept in _extra_columns",
          1L,
          0L
        },
        new Object[] {"accounts", JAN6, "accounts.csv", "loaded", null, 1L, 0L},
        new Object[] {"contacts", JAN5, "contacts.csv", "loaded", null, 2L, 0L},
        new Object[] {
          "contacts",
          JAN5,
          "contacts-missing-column.csv",
          "failed",
          "missing required column(s) is_active",
          0L,
          0L
        },
        new Object[] {"usage_events", JAN5, "events-1.jsonl.gz", "loaded", null, 3L, 1L},
        new Object[] {
          "usage_events", JAN5, "events-2.jsonl.gz", "failed", "truncated or corrupt gzip", 0L, 0L
        },
        new Object[] {"usage_events", JAN5, "events-3.jsonl.gz", "failed", "empty file", 0L, 0L},
        new Object[] {"tickets", JAN5, "dt=2026-01-05", "failed", "no _SUCCESS marker", 0L, 0L});
  }

  @Test
  @Order(0)
  void aDryRunWritesNothing() {
    CliRun run =
        pulse(
            "bronze",
            "--run-date",
            "2026-01-05",
            "--dry-run",
            "--conf",
            "pulse.ingest.on-bad-file=warn");

    assertEquals(0, run.exitCode(), run.err());
    assertFalse(spark.catalog().tableExists("bronze.accounts"));
  }

  @Test
  @Order(1)
  void aBackfillLoadsEveryReadableFileAndExitsFourForTheOthers() {
    CliRun run = pulse("bronze", "--start", "2026-01-05", "--end", "2026-01-06");

    assertEquals(4, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("4 landing file(s) could not be loaded"), run.err());
    Frames.assertSameRows(expectedAccounts(), bronzeAccounts());
    Frames.assertSameRows(expectedEvents(), bronzeEvents());
    Frames.assertSameRows(expectedIngestFiles(), ingestFiles());
    assertEquals(2, spark.table("bronze.contacts").count());
    assertFalse(spark.catalog().tableExists("bronze.tickets"));
  }

  @Test
  @Order(2)
  void aRerunGivesTheSameTablesAndTheWarnPolicyExitsZero() {
    CliRun run =
        pulse(
            "bronze",
            "--start",
            "2026-01-05",
            "--end",
            "2026-01-06",
            "--conf",
            "pulse.ingest.on-bad-file=warn");

    assertEquals(0, run.exitCode(), run.err());
    Frames.assertSameRows(expectedAccounts(), bronzeAccounts());
    Frames.assertSameRows(expectedEvents(), bronzeEvents());
    Frames.assertSameRows(expectedIngestFiles(), ingestFiles());
    Row recorded =
        spark
            .sql(
                "SELECT status, size(tables) FROM ops.job_runs WHERE job = 'bronze' AND exit_code = 0")
            .first();
    assertEquals(List.of("succeeded", 3), List.of(recorded.get(0), recorded.get(1)));
  }

  @Test
  @Order(3)
  void aDateWithNoDeliveryExitsThree() {
    CliRun run = pulse("bronze", "--run-date", "2026-01-07");

    assertEquals(3, run.exitCode(), run.err());
    assertTrue(run.err().contains("dt=2026-01-07"), run.err());
    assertEquals(1, run.errLines().size(), run.err());
  }

  @Test
  @Order(4)
  void silverTypesTheBronzeRowsAndReconciles() {
    CliRun run = pulse("silver", "--start", "2026-01-05", "--end", "2026-01-06");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        List.of("A001", "A001", "A002", "A003", "A004", "A006"),
        spark
            .sql("SELECT account_id FROM silver.accounts ORDER BY account_id")
            .as(Encoders.STRING())
            .collectAsList());
    assertEquals(
        List.of("A001|sam", "A002|lee", "A003|kim", "A004|dana", "A006|kim"),
        spark
            .sql(
                "SELECT concat(account_id, '|', csm_owner) FROM silver.accounts_current ORDER BY 1")
            .as(Encoders.STRING())
            .collectAsList());
    assertEquals(
        List.of("accounts-part-2.csv:2:unparseable"),
        spark
            .sql(
                "SELECT concat(regexp_extract(_source_file, '[^/]+$', 0), ':', _row_number, ':', reason)"
                    + " FROM silver.accounts_quarantine")
            .as(Encoders.STRING())
            .collectAsList());
    assertEquals(
        List.of("E1", "E3"),
        spark
            .sql("SELECT event_id FROM silver.usage_events ORDER BY 1")
            .as(Encoders.STRING())
            .collectAsList());
    assertEquals(
        // delivery > event day: E1 of 01-04 came late, with E3, in the delivery of 01-05
        List.of("2026-01-05>2026-01-04", "2026-01-05>2026-01-05"),
        spark
            .sql(
                "SELECT DISTINCT concat(dt, '>', event_date) FROM ops.changed_dates"
                    + " WHERE entity = 'usage_events' ORDER BY 1")
            .as(Encoders.STRING())
            .collectAsList());
    Row accounts =
        spark
            .sql(
                "SELECT t.rows_read, t.rows_written, t.rows_quarantined FROM ops.job_runs"
                    + " LATERAL VIEW explode(tables) AS t WHERE job = 'silver' AND t.table = 'silver.accounts'")
            .first();
    assertEquals(List.of(7L, 6L, 1L), List.of(accounts.get(0), accounts.get(1), accounts.get(2)));
    assertEquals(
        List.of("2026-01-05:6=5+1+0:true", "2026-01-06:1=1+0+0:true"),
        spark
            .sql(
                "SELECT concat(dt, ':', bronze_rows, '=', accepted_rows, '+', quarantined_rows, '+',"
                    + " duplicate_rows, ':', is_balanced) FROM ops.reconciliation"
                    + " WHERE entity = 'accounts' ORDER BY dt")
            .as(Encoders.STRING())
            .collectAsList());
  }

  @Test
  @Order(5)
  void aRerunOfADayInACrowdedMonthCompactsItAndKeepsItsRows() {
    List<Row> before = silverAccounts();
    assertEquals(1, silverAccountFiles(), "the backfill writes one file for January");

    // the rerun rewrites the January file without 01-06's row and adds 01-06's: two files
    CliRun run = pulse("silver", "--run-date", "2026-01-06", "--conf", "pulse.compact-min-files=2");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, silverAccountFiles(), "compacted back into one file");
    assertEquals(before, silverAccounts());
    assertEquals(
        "OPTIMIZE",
        spark
            .sql("DESCRIBE HISTORY silver.accounts LIMIT 1")
            .select("operation")
            .as(Encoders.STRING())
            .first());
  }

  /** Every row but the run that wrote it. */
  private List<Row> silverAccounts() {
    return spark
        .table("silver.accounts")
        .drop("_run_id")
        .orderBy("account_id", "_dt")
        .collectAsList();
  }

  private long silverAccountFiles() {
    return spark.table("silver.accounts").inputFiles().length;
  }
}
