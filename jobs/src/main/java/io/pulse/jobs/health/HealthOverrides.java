package io.pulse.jobs.health;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.pulse.common.error.UsageException;
import io.pulse.common.table.DeltaWriter;
import io.pulse.common.table.TableResolver;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The CSM overrides of the health score in {@code gold.health_overrides} (METRICS.md §7): one row
 * per account, upserted by account, so an account has at most one override in force; a clear stamps
 * {@code cleared_at} and keeps the row as a record.
 */
public final class HealthOverrides {
  private HealthOverrides() {}

  private static final List<String> KEY = List.of("account_id");

  /** A checked override: score 0..100, a reason, an expiry not before today. */
  public record Request(String accountId, int score, String reason, LocalDate expiresOn) {

    /**
     * @throws UsageException (exit 2) with a one-line message when a value is wrong
     */
    public static Request of(
        String accountId, int score, String reason, LocalDate expiresOn, LocalDate today) {
      if (accountId == null || accountId.isBlank()) {
        throw new UsageException("--account must not be empty");
      }
      if (score < 0 || score > 100) {
        throw new UsageException("--score must be within 0..100, not " + score);
      }
      if (reason == null || reason.isBlank()) {
        throw new UsageException("--reason must not be empty: say why the score is overridden");
      }
      if (expiresOn.isBefore(today)) {
        throw new UsageException(
            "--expires " + expiresOn + " is in the past (today is " + today + ", UTC)");
      }
      return new Request(accountId.strip(), score, reason.strip(), expiresOn);
    }
  }

  /** The user setting an override: USER, else USERNAME, else the JVM's user.name. */
  public static String currentUser() {
    for (String variable : List.of("USER", "USERNAME")) {
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return System.getProperty("user.name", "unknown");
  }

  /** Sets (or replaces) the account's override, not cleared. */
  public static void set(
      SparkSession spark, DeltaWriter writer, Request request, String user, Instant now) {
    Row row =
        RowFactory.create(
            request.accountId(),
            request.score(),
            request.reason(),
            Date.valueOf(request.expiresOn()),
            user,
            Timestamp.from(now),
            null);
    Dataset<Row> rows = spark.createDataFrame(List.of(row), HealthTables.HEALTH_OVERRIDES.schema());
    writer.merge(HealthTables.HEALTH_OVERRIDES, rows, KEY);
  }

  /**
   * Clears the account's override if it has one not yet cleared.
   *
   * @return whether one was cleared
   */
  public static boolean clear(
      SparkSession spark, TableResolver tables, DeltaWriter writer, String accountId, Instant now) {
    Dataset<Row> open =
        read(spark, tables)
            .where(col("account_id").equalTo(accountId).and(col("cleared_at").isNull()))
            .withColumn("cleared_at", lit(Timestamp.from(now)));
    if (open.isEmpty()) {
      return false;
    }
    writer.merge(HealthTables.HEALTH_OVERRIDES, open, KEY);
    return true;
  }

  /** The overrides table, or no rows when no override was ever set. */
  public static Dataset<Row> read(SparkSession spark, TableResolver tables) {
    String location = tables.resolve(HealthTables.HEALTH_OVERRIDES).location();
    if (!DeltaTable.isDeltaTable(spark, location)) {
      return spark.createDataFrame(List.<Row>of(), HealthTables.HEALTH_OVERRIDES.schema());
    }
    return spark.read().format("delta").load(location);
  }
}
