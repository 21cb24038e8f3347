package io.pulse.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.S3TestServer;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.CliRun;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
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

/** bronze-accounts end to end: landing CSVs uploaded to a real S3 server, loaded via the CLI. */
@Tag("slow")
@SparkTest
@ExtendWith(S3TestServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BronzeCsvJobTest {
  private static final SparkSession spark = SparkTestSession.get();

  private static CliRun pulse(String... args) {
    return CliRun.of(CliRun.concat(List.of(args), SparkTestSession.confArgs()));
  }

  @BeforeAll
  static void uploadLanding() throws URISyntaxException {
    Path landing = Path.of(BronzeCsvJobTest.class.getResource("/landing").toURI());
    CliRun upload = pulse("upload-landing", "--from", landing.toString(), "--create-bucket");
    assertEquals(0, upload.exitCode(), upload.err());
    assertTrue(upload.out().contains("uploaded 3 file(s)"), upload.out());
  }

  /** The readable part of bronze.accounts: no ingest time or run id, file name without bucket. */
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
            col("segment"),
            col("csm_owner"),
            col("_corrupt_record").isNotNull().as("is_corrupt"));
  }

  private static Dataset<Row> expected(Object[]... rows) {
    StructType schema =
        new StructType()
            .add("_dt", DataTypes.DateType)
            .add("file", DataTypes.StringType)
            .add("_row_number", DataTypes.LongType)
            .add("account_id", DataTypes.StringType)
            .add("account_name", DataTypes.StringType)
            .add("parent_account_id", DataTypes.StringType)
            .add("segment", DataTypes.StringType)
            .add("csm_owner", DataTypes.StringType)
            .add("is_corrupt", DataTypes.BooleanType, false);
    return spark.createDataFrame(
        java.util.Arrays.stream(rows).map(RowFactory::create).toList(), schema);
  }

  private static final Date JAN5 = Date.valueOf("2026-01-05");
  private static final Date JAN6 = Date.valueOf("2026-01-06");

  private static Dataset<Row> expectedAfterBackfill() {
    return expected(
        new Object[] {
          JAN5, "accounts-part-1.csv", 1L, "A001", "Acme Corp", null, "enterprise", "dana", false
        },
        new Object[] {
          JAN5, "accounts-part-1.csv", 2L, "A002", "Bolt, Inc.", "A001", "mid_market", "lee", false
        },
        new Object[] {
          JAN5, "accounts-part-1.csv", 3L, "A003", "Cobalt \"Labs\"", null, "smb", "kim", false
        },
        new Object[] {
          JAN5, "accounts-part-2.csv", 1L, "A004", "Delta\nDynamics", null, "smb", "dana", false
        },
        new Object[] {
          JAN5, "accounts-part-2.csv", 2L, "A005", "Echo Ltd", null, "smb", "lee", true
        },
        new Object[] {
          JAN6, "accounts.csv", 1L, "A001", "Acme Corp", null, "enterprise", "sam", false
        });
  }

  @Test
  @Order(0)
  void aDryRunWritesNothing() {
    CliRun run = pulse("bronze-accounts", "--run-date", "2026-01-05", "--dry-run");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(false, spark.catalog().tableExists("bronze.accounts"));
  }

  @Test
  @Order(1)
  void aBackfillLoadsEveryRecordOfEveryDay() {
    CliRun run = pulse("bronze-accounts", "--start", "2026-01-05", "--end", "2026-01-06");

    assertEquals(0, run.exitCode(), run.err());
    Frames.assertSameRows(expectedAfterBackfill(), bronzeAccounts());
    Row recorded =
        spark
            .sql(
                "SELECT status, exit_code, tables[0].table AS t, tables[0].rows_written AS n"
                    + " FROM ops.job_runs WHERE job = 'bronze-accounts' AND run_date_end = DATE'2026-01-06'")
            .first();
    assertEquals(
        List.of("succeeded", 0, "bronze.accounts", 6L),
        List.of(recorded.get(0), recorded.get(1), recorded.get(2), recorded.get(3)));
  }

  @Test
  @Order(2)
  void rerunningADayReplacesItsRowsInsteadOfDoublingThem() {
    long versionsBefore = spark.sql("DESCRIBE HISTORY bronze.accounts").count();

    CliRun run = pulse("bronze-accounts", "--run-date", "2026-01-05");

    assertEquals(0, run.exitCode(), run.err());
    Frames.assertSameRows(expectedAfterBackfill(), bronzeAccounts());
    assertEquals(versionsBefore + 1, spark.sql("DESCRIBE HISTORY bronze.accounts").count());
  }

  @Test
  @Order(3)
  void aMissingDeliveryExitsThreeNamingThePartition() {
    CliRun run = pulse("bronze-accounts", "--run-date", "2026-01-07");

    assertEquals(3, run.exitCode(), run.err());
    assertTrue(run.err().contains("accounts/dt=2026-01-07"), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    Row failed =
        spark
            .sql(
                "SELECT status, exit_code FROM ops.job_runs WHERE run_date_start = DATE'2026-01-07'")
            .first();
    assertEquals(List.of("failed", 3), List.of(failed.get(0), failed.get(1)));
  }
}
