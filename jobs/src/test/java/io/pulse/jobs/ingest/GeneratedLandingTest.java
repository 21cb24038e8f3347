package io.pulse.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.xxhash64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.S3TestServer;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.CliRun;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverEntity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingestion's "done when": six days of generated landing data with 2% injected bad rows, put on
 * a real S3 server and run through bronze and silver. Every bad row listed in the generator's
 * {@code _truth/bad_rows} must come out with the outcome its kind calls for, every other row must
 * be in silver, the counts must reconcile, a rerun of a day must leave every table as it was, and
 * late events must land on the day they happened and be listed in {@code ops.changed_dates}.
 */
@Tag("slow")
@SparkTest
@ExtendWith(S3TestServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedLandingTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final String START = "2026-01-01";
  private static final String END = "2026-01-06";
  private static final List<String> FILE_KINDS = List.of("empty_file", "truncated_gzip");

  @TempDir static Path dir;

  private static CliRun pulse(String... args) {
    List<String> all = CliRun.concat(List.of(args), SparkTestSession.confArgs());
    all.addAll(List.of("--conf", "pulse.landing=s3a://" + S3TestServer.LANDING_BUCKET + "/gen"));
    return CliRun.of(all);
  }

  @BeforeAll
  static void generateLoadAndType() throws Exception {
    dropTables();
    Path landing = dir.resolve("landing");
    CliRun generate =
        CliRun.of(
            "generate",
            "--scale-factor",
            "0.1",
            "--seed",
            "5",
            "--start",
            START,
            "--end",
            END,
            "--bad-row-rate",
            "0.02",
            "--out",
            landing.toString());
    assertEquals(0, generate.exitCode(), generate.err());
    CliRun upload = pulse("upload-landing", "--from", landing.toString(), "--create-bucket");
    assertEquals(0, upload.exitCode(), upload.err());
    // the generator writes empty and truncated files: bronze loads the rest and exits 4
    CliRun bronze = pulse("bronze", "--start", START, "--end", END);
    assertEquals(4, bronze.exitCode(), bronze.err());
    CliRun silver = pulse("silver", "--start", START, "--end", END);
    assertEquals(0, silver.exitCode(), silver.err());
    spark
        .read()
        .option("header", "true")
        .csv(landing.resolve("_truth/bad_rows/bad_rows.csv").toString())
        .createOrReplaceTempView("truth");
  }

  /** Other test classes share the session's warehouse: leave it as we found it. */
  @AfterAll
  static void dropTables() throws Exception {
    for (String database : List.of("bronze", "silver", "gold", "ops")) {
      spark.sql("DROP DATABASE IF EXISTS " + database + " CASCADE");
    }
    String warehouse =
        SparkTestSession.confArgs().stream()
            .filter(a -> a.startsWith("pulse.warehouse="))
            .findFirst()
            .orElseThrow()
            .substring("pulse.warehouse=".length());
    Path root = Path.of(java.net.URI.create(warehouse));
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    org.apache.spark.sql.delta.DeltaLog.clearCache();
  }

  /**
   * The outcome an injected bad row of {@code kind} must have: a quarantine reason, or {@code
   * duplicate} for a usage event repeating an event id (rule L4: the first delivery wins).
   */
  static String expectedOutcome(String source, String kind, String detail) {
    return switch (kind) {
      case "malformed_json", "malformed_csv_quoting", "extra_column", "missing_column" ->
          "unparseable";
      case "wrong_type", "timestamp_without_offset" ->
          detail.endsWith("_at") ? "bad_timestamp" : "bad_type";
      case "missing_required_field" -> "missing_required";
      case "unknown_account_id" -> "unknown_account";
      case "negative_amount", "score_out_of_range" -> "out_of_range";
      case "valid_to_before_valid_from" -> "invalid_period";
      case "unknown_currency" -> "unknown_currency";
      case "future_timestamp" -> "future_timestamp";
      case "invalid_utf8" -> "bad_encoding";
      // a byte-order mark inside a file: in a CSV it sticks to the first value, a JSON line
      // starting with one does not parse
      case "stray_bom" -> source.equals("usage_events") ? "unparseable" : "bad_encoding";
      case "conflicting_duplicate" ->
          source.equals("usage_events") ? "duplicate" : "conflicting_duplicate";
      default -> throw new IllegalArgumentException("unknown bad row kind " + kind);
    };
  }

  /** {@code source, file, record_number, outcome} of every bronze row: silver's verdict. */
  private static Dataset<Row> outcomes() {
    Dataset<Row> all = null;
    for (SilverEntity entity : SilverEntities.ALL) {
      Dataset<Row> quarantined =
          spark
              .table("silver." + entity.name() + "_quarantine")
              .select(col("_source_file"), col("_row_number"), col("reason").as("outcome"));
      Dataset<Row> accepted =
          spark
              .table("silver." + entity.name())
              .select(col("_source_file"), col("_row_number"), lit("accepted").as("outcome"));
      Dataset<Row> judged =
          spark
              .table("bronze." + entity.name())
              .select(col("_source_file"), col("_row_number"))
              .join(
                  quarantined.unionByName(accepted),
                  io.pulse.common.spark.ColumnNames.seq("_source_file", "_row_number"),
                  "left")
              .select(
                  lit(entity.name()).as("source"),
                  org.apache
                      .spark
                      .sql
                      .functions
                      .regexp_extract(col("_source_file"), "[^/]+/dt=[^/]+/[^/]+$", 0)
                      .as("file"),
                  col("_row_number").as("record_number"),
                  org.apache
                      .spark
                      .sql
                      .functions
                      .coalesce(col("outcome"), lit("duplicate"))
                      .as("outcome"));
      all = all == null ? judged : all.unionByName(judged);
    }
    return all;
  }

  @Test
  @Order(1)
  void everyInjectedBadRowHasTheOutcomeItsKindCallsFor() {
    outcomes().createOrReplaceTempView("outcomes");
    List<Row> truth =
        spark
            .sql(
                "SELECT t.source, t.file, t.record_number, t.kind, coalesce(t.detail, ''),"
                    + " coalesce(o.outcome, 'missing') FROM truth t LEFT JOIN outcomes o"
                    + " ON o.source = t.source AND o.file = t.file"
                    + " AND o.record_number = CAST(t.record_number AS BIGINT)"
                    + " WHERE t.kind NOT IN ('empty_file', 'truncated_gzip')")
            .collectAsList();
    List<String> wrong = new ArrayList<>();
    Map<String, Integer> kinds = new HashMap<>();
    for (Row r : truth) {
      kinds.merge(r.getString(3), 1, Integer::sum);
      String expected = expectedOutcome(r.getString(0), r.getString(3), r.getString(4));
      if (!expected.equals(r.getString(5))) {
        wrong.add(r.mkString(" ") + " expected " + expected);
      }
    }
    assertTrue(wrong.isEmpty(), wrong.size() + " of " + truth.size() + " wrong, e.g. " + wrong);
    // the sample must exercise the row-level kinds, or the test proves little; its few surveys
    // draw no score_out_of_range row (SilverRulesTest covers that rule)
    List<String> rowKinds = new ArrayList<>();
    for (io.pulse.generator.output.BadRowKind kind :
        io.pulse.generator.output.BadRowKind.values()) {
      rowKinds.add(kind.code());
    }
    rowKinds.removeAll(FILE_KINDS);
    rowKinds.remove("score_out_of_range");
    assertTrue(kinds.keySet().containsAll(rowKinds), kinds + " lacks some of " + rowKinds);
  }

  @Test
  @Order(2)
  void everyFileThatCannotBeReadIsRecordedAsFailed() {
    List<String> failed =
        spark
            .sql(
                "SELECT concat(t.kind, ':', coalesce(f.status, 'missing')) FROM truth t"
                    + " LEFT JOIN ops.ingest_files f ON f.file LIKE concat('%/', t.file)"
                    + " WHERE t.kind IN ('empty_file', 'truncated_gzip') ORDER BY 1")
            .as(Encoders.STRING())
            .collectAsList();
    assertTrue(failed.size() >= 2, failed.toString());
    assertTrue(failed.stream().allMatch(f -> f.endsWith(":failed")), failed.toString());
  }

  /**
   * Every row that is not an injected bad row is accepted or a duplicate of an accepted row, unless
   * it shares its identity and delivery with an injected conflicting duplicate (rule L4 then
   * quarantines both).
   */
  @Test
  @Order(3)
  void everyGoodRowIsInSilverByKey() {
    outcomes().createOrReplaceTempView("outcomes");
    List<String> wrong =
        spark
            .sql(
                "SELECT concat_ws(' ', o.source, o.file, o.record_number, o.outcome) FROM outcomes o"
                    + " LEFT ANTI JOIN truth t ON o.source = t.source AND o.file = t.file"
                    + " AND o.record_number = CAST(t.record_number AS BIGINT)"
                    + " WHERE o.outcome NOT IN ('accepted', 'duplicate')"
                    + " AND NOT (o.outcome = 'conflicting_duplicate' AND o.record_number + 1 IN"
                    + " (SELECT CAST(record_number AS BIGINT) FROM truth c WHERE c.file = o.file"
                    + " AND c.kind = 'conflicting_duplicate'))")
            .as(Encoders.STRING())
            .collectAsList();
    assertTrue(wrong.isEmpty(), wrong.toString());
    for (SilverEntity entity : SilverEntities.ALL) {
      String key = entity.key().get(0);
      Dataset<Row> goodKeys =
          spark
              .table("bronze." + entity.name())
              .withColumn(
                  "file",
                  org.apache.spark.sql.functions.regexp_extract(
                      col("_source_file"), "[^/]+/dt=[^/]+/[^/]+$", 0))
              .join(
                  spark.sql("SELECT file, CAST(record_number AS BIGINT) AS _row_number FROM truth"),
                  io.pulse.common.spark.ColumnNames.seq("file", "_row_number"),
                  "left_anti")
              .select(trim(col(key)).as("k"))
              .except(
                  spark.sql(
                      "SELECT get_json_object(raw, '$."
                          + key
                          + "') AS k FROM silver."
                          + entity.name()
                          + "_quarantine WHERE reason = 'conflicting_duplicate'"));
      Dataset<Row> silverKeys =
          spark.table("silver." + entity.name()).select(col(key).cast("string").as("k"));
      List<String> missing =
          goodKeys.except(silverKeys).as(Encoders.STRING()).limit(5).collectAsList();
      assertTrue(missing.isEmpty(), entity.name() + ": good keys not in silver: " + missing);
    }
  }

  @Test
  @Order(4)
  void everyDeliveryReconciles() {
    List<String> unbalanced =
        spark
            .sql("SELECT concat(entity, ' ', dt) FROM ops.reconciliation WHERE NOT is_balanced")
            .as(Encoders.STRING())
            .collectAsList();
    assertTrue(unbalanced.isEmpty(), unbalanced.toString());
    long bronzeRows = 0;
    for (SilverEntity entity : SilverEntities.ALL) {
      bronzeRows += spark.table("bronze." + entity.name()).count();
    }
    long reconciled =
        spark.sql("SELECT sum(bronze_rows) FROM ops.reconciliation").first().getLong(0);
    assertEquals(bronzeRows, reconciled);
    long loaded =
        spark
            .sql("SELECT sum(rows) FROM ops.ingest_files WHERE status = 'loaded'")
            .first()
            .getLong(0);
    assertEquals(bronzeRows, loaded);
  }

  /**
   * Every table's fingerprint: its row count and the sum of its rows' hashes, leaving out the
   * columns that name the run that wrote it. Equal fingerprints mean the same rows (as a multiset,
   * bar a 64-bit hash collision); a lost, gained or changed row changes them.
   */
  private static Map<String, Row> fingerprints() {
    Map<String, Row> tables = new HashMap<>();
    for (String database : List.of("bronze", "silver")) {
      for (Row t : spark.sql("SHOW TABLES IN " + database).collectAsList()) {
        String name = database + "." + t.getString(1);
        if (t.getBoolean(2) || name.endsWith("_current")) {
          continue;
        }
        Dataset<Row> rows = spark.table(name).drop("_run_id", "_ingested_at");
        // as JSON, so a null in one column and a value in another hash apart from the reverse
        Column row =
            to_json(struct(Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new)));
        tables.put(
            name, rows.select(count(lit(1)), sum(xxhash64(row).cast("decimal(38,0)"))).first());
      }
    }
    return tables;
  }

  @Test
  @Order(5)
  void aRerunOfADayLeavesEveryTableAsItWas() {
    Map<String, Row> before = fingerprints();

    CliRun bronze = pulse("bronze", "--run-date", END, "--conf", "pulse.ingest.on-bad-file=warn");
    assertEquals(0, bronze.exitCode(), bronze.err());
    CliRun silver = pulse("silver", "--run-date", END);
    assertEquals(0, silver.exitCode(), silver.err());

    Map<String, Row> after = fingerprints();
    assertEquals(before.keySet(), after.keySet());
    for (String table : before.keySet()) {
      assertEquals(before.get(table), after.get(table), table + ": rows changed in the rerun");
    }
  }

  @Test
  @Order(6)
  void aLateEventLandsOnItsDayAndThatDayIsListedAsChanged() {
    Dataset<Row> events = spark.table("silver.usage_events").where(col("_dt").equalTo(lit(END)));
    assertEquals(
        0,
        events.where(col("event_date").notEqual(to_date(col("occurred_at")))).count(),
        "event_date is the UTC day of occurred_at");
    String runId = events.select("_run_id").first().getString(0);
    List<String> lateDays =
        events
            .where(col("event_date").lt(col("_dt")))
            .select(col("event_date").cast("string"))
            .distinct()
            .orderBy("event_date")
            .as(Encoders.STRING())
            .collectAsList();
    assertTrue(!lateDays.isEmpty(), "the sample holds late events delivered on " + END);
    List<String> changed =
        spark
            .sql(
                "SELECT CAST(event_date AS STRING) FROM ops.changed_dates"
                    + " WHERE entity = 'usage_events' AND run_id = '"
                    + runId
                    + "' ORDER BY 1")
            .as(Encoders.STRING())
            .collectAsList();
    assertTrue(changed.containsAll(lateDays), changed + " lacks some of " + lateDays);
    assertTrue(changed.contains(END), changed.toString());
  }
}
