package io.pulse.jobs.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The first day that the deliveries after the published date (02-01 here) change, for each kind of
 * delivery alone. The published tables know S1: A1's 10 seats from 01-05, open, delivered 01-05.
 */
@SparkTest
class RevenueChangesTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final LocalDate PUBLISHED = LocalDate.parse("2026-02-01");
  private static final String S1 =
      "('S1', 'A1', 10, '2026-01-05', NULL, '2026-01-05', '2026-01-05')";

  /** Subscription rows {@code (id, account, quantity, valid_from, valid_to, updated_at, _dt)}. */
  private static Dataset<Row> versions(String... rows) {
    return spark.sql(
        "SELECT subscription_id, account_id, 'USD' AS currency, 'month' AS billing_interval,"
            + " quantity, CAST(10 AS DECIMAL(18, 4)) AS unit_price,"
            + " CAST(NULL AS DECIMAL(18, 4)) AS discount_pct, false AS is_trial,"
            + " CAST(valid_from AS TIMESTAMP) AS valid_from, CAST(valid_to AS TIMESTAMP) AS valid_to,"
            + " CAST(updated_at AS TIMESTAMP) AS updated_at, CAST(_dt AS DATE) AS _dt,"
            + " CAST(NULL AS STRING) AS _source_file, CAST(NULL AS BIGINT) AS _row_number"
            + " FROM VALUES "
            + String.join(", ", rows)
            + " AS t(subscription_id, account_id, quantity, valid_from, valid_to, updated_at, _dt)");
  }

  /** FX rows {@code (rate_date, _dt)}. */
  private static Dataset<Row> fxRates(String... rows) {
    return spark.sql(
        "SELECT CAST(rate_date AS DATE) AS rate_date, CAST(_dt AS DATE) AS _dt FROM VALUES "
            + (rows.length == 0 ? "('2026-01-01', '2026-01-01')" : String.join(", ", rows))
            + " AS t(rate_date, _dt)");
  }

  /** CRM rows {@code (updated_at, _dt)}. */
  private static Dataset<Row> accounts(String... rows) {
    return spark.sql(
        "SELECT CAST(updated_at AS TIMESTAMP) AS updated_at, CAST(_dt AS DATE) AS _dt FROM VALUES "
            + (rows.length == 0 ? "('2026-01-01', '2026-01-01')" : String.join(", ", rows))
            + " AS t(updated_at, _dt)");
  }

  private static String firstDay(Dataset<Row> versions, Dataset<Row> fx, Dataset<Row> crm) {
    Date day = RevenueChanges.firstChangedDay(versions, fx, crm, PUBLISHED).first().getDate(0);
    return day == null ? "none" : day.toString();
  }

  private static String firstDay(String... laterVersions) {
    String[] rows = new String[laterVersions.length + 1];
    rows[0] = S1;
    System.arraycopy(laterVersions, 0, rows, 1, laterVersions.length);
    return firstDay(versions(rows), fxRates(), accounts());
  }

  @Test
  void nothingDeliveredLaterChangesNothing() {
    assertEquals("none", firstDay());
  }

  @Test
  void aRedeliveryOrAVersionThatLosesChangesNothing() {
    assertEquals(
        "none", firstDay("('S1', 'A1', 10, '2026-01-05', NULL, '2026-01-05', '2026-02-05')"));
    // 30 seats, but an older updated_at than the published version: not the winner
    assertEquals(
        "none", firstDay("('S1', 'A1', 30, '2026-01-05', NULL, '2026-01-04', '2026-02-05')"));
  }

  @Test
  void aClosedVersionChangesFromItsNewEnd() {
    assertEquals(
        "2026-02-10",
        firstDay("('S1', 'A1', 10, '2026-01-05', '2026-02-10', '2026-02-10', '2026-02-10')"));
  }

  @Test
  void aReopenedVersionChangesFromItsOldEnd() {
    assertEquals(
        "2026-03-01",
        firstDay(
            "('S2', 'A2', 1, '2026-01-07', '2026-03-01', '2026-01-07', '2026-01-07')",
            "('S2', 'A2', 1, '2026-01-07', NULL, '2026-02-02', '2026-02-02')"));
  }

  @Test
  void aRepricedVersionChangesFromItsStart() {
    assertEquals(
        "2026-01-05", firstDay("('S1', 'A1', 12, '2026-01-05', NULL, '2026-02-03', '2026-02-03')"));
  }

  @Test
  void aNewVersionChangesFromItsStartEvenBeforeThePublishedDate() {
    assertEquals(
        "2025-12-20", firstDay("('S3', 'A3', 1, '2025-12-20', NULL, '2026-02-03', '2026-02-03')"));
  }

  @Test
  void aLateFxRateOrCrmVersionChangesFromItsDay() {
    assertEquals(
        "2026-01-15", firstDay(versions(S1), fxRates("('2026-01-15', '2026-02-03')"), accounts()));
    assertEquals(
        "2026-01-20",
        firstDay(versions(S1), fxRates(), accounts("('2026-01-20 10:00:00', '2026-02-03')")));
  }
}
