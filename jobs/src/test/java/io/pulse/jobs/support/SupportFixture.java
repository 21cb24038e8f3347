package io.pulse.jobs.support;

import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Hand-made tickets, each in its latest version known at D = 2026-04-10; the tests run for
 * 2026-04-09 .. 2026-04-10. SLA hours: urgent 1, high 4, normal 24, low 48; windows 7, 30, 90.
 * "(reply h / resolution h)" are the calendar hours after created_at.
 *
 * <ul>
 *   <li>A, T8 low: 01-10 05:00, replied after 49 h (breach), solved after 72 h; the first day of
 *       the 90-day window ending 04-09 (04-09 − 89), out of the one ending 04-10.
 *   <li>A, T0 normal: 03-11 12:00 (1.5 / 48), reopened once; the first day of the 30-day window
 *       ending 04-09 (04-09 − 29), out of the one ending 04-10.
 *   <li>A, T4 low: 04-08 00:00, never answered, open: waited 48 h at the end of 04-09 (not more
 *       than 48: no breach), 72 h at the end of 04-10 (breach).
 *   <li>A, T1 normal: 04-08 22:30, replied 04-09 01:00 across midnight (2.5), solved at exactly
 *       04-10 00:00 (25.5): still open at the end of 04-09, not at the end of 04-10 (S5).
 *   <li>A, T2 urgent: created 04-09 08:00−05:00 (13:00 UTC), replied 18:30+02:00 (16:30 UTC): 3.5
 *       h, a breach for urgent (a high ticket would not breach); solved 20:00 UTC (7); reopened
 *       twice.
 *   <li>A, T3 urgent: 04-09 10:00, never answered, open: 14 h at the end of 04-09, a breach.
 *   <li>A, T5 urgent: 04-09 08:00 (1.0: exactly the SLA, no breach), solved 04-10 10:00 (26).
 *   <li>A, T6 high: 04-10 02:00 (4.0: exactly the SLA, no breach), reopened once and open again.
 *   <li>B, T9 normal: 04-10 23:00, unanswered: 1 h at the end of 04-10. B's first ticket, so B has
 *       no row on 04-09.
 *   <li>C, T10 normal (2025-12-01, 1 / 24) and T11 low (2025-11-20, never answered, open): nothing
 *       in any window, one ticket in the backlog.
 *   <li>D, T12 normal: 04-09 12:00, solved 18:00 (6) without any reply: unanswered, so by S3 it
 *       waits to the end of the day: 12 h at the end of 04-09, 36 h (a breach) at the end of 04-10.
 * </ul>
 */
final class SupportFixture {
  private static final SparkSession spark = SparkTestSession.get();
  static final LocalDate START = LocalDate.parse("2026-04-09");
  static final LocalDate END = LocalDate.parse("2026-04-10");

  static final SupportSettings SETTINGS =
      new SupportSettings(
          Map.of("urgent", 1.0, "high", 4.0, "normal", 24.0, "low", 48.0), 7, 30, 90);

  static final StructType TICKETS =
      new StructType()
          .add("ticket_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType)
          .add("requester_id", DataTypes.StringType)
          .add("priority", DataTypes.StringType)
          .add("status", DataTypes.StringType)
          .add("channel", DataTypes.StringType)
          .add("subject", DataTypes.StringType)
          .add("created_at", DataTypes.TimestampType)
          .add("first_response_at", DataTypes.TimestampType)
          .add("solved_at", DataTypes.TimestampType)
          .add("reopened_count", DataTypes.IntegerType);

  private SupportFixture() {}

  /** An ISO-8601 instant with an offset, as landing delivers it; null stays null. */
  static Timestamp ts(String iso) {
    return iso == null ? null : Timestamp.from(OffsetDateTime.parse(iso).toInstant());
  }

  static Date date(String iso) {
    return Date.valueOf(iso);
  }

  static Row ticket(
      String id,
      String account,
      String priority,
      String status,
      String created,
      String replied,
      String solved,
      int reopened) {
    return RowFactory.create(
        id,
        account,
        "c-" + id,
        priority,
        status,
        "email",
        "subject of " + id,
        ts(created),
        ts(replied),
        ts(solved),
        reopened);
  }

  static List<Row> rows() {
    return List.of(
        ticket(
            "T8",
            "A",
            "low",
            "closed",
            "2026-01-10T05:00:00Z",
            "2026-01-12T06:00:00Z",
            "2026-01-13T05:00:00Z",
            0),
        ticket(
            "T0",
            "A",
            "normal",
            "closed",
            "2026-03-11T12:00:00Z",
            "2026-03-11T13:30:00Z",
            "2026-03-13T12:00:00Z",
            1),
        ticket("T4", "A", "low", "new", "2026-04-08T00:00:00Z", null, null, 0),
        ticket(
            "T1",
            "A",
            "normal",
            "solved",
            "2026-04-08T22:30:00Z",
            "2026-04-09T01:00:00Z",
            "2026-04-10T00:00:00Z",
            0),
        ticket(
            "T2",
            "A",
            "urgent",
            "solved",
            "2026-04-09T08:00:00-05:00",
            "2026-04-09T18:30:00+02:00",
            "2026-04-09T20:00:00Z",
            2),
        ticket("T3", "A", "urgent", "new", "2026-04-09T10:00:00Z", null, null, 0),
        ticket(
            "T5",
            "A",
            "urgent",
            "solved",
            "2026-04-09T08:00:00Z",
            "2026-04-09T09:00:00Z",
            "2026-04-10T10:00:00Z",
            0),
        ticket("T6", "A", "high", "open", "2026-04-10T02:00:00Z", "2026-04-10T06:00:00Z", null, 1),
        ticket("T9", "B", "normal", "new", "2026-04-10T23:00:00Z", null, null, 0),
        ticket(
            "T10",
            "C",
            "normal",
            "closed",
            "2025-12-01T09:00:00Z",
            "2025-12-01T10:00:00Z",
            "2025-12-02T09:00:00Z",
            0),
        ticket("T11", "C", "low", "new", "2025-11-20T00:00:00Z", null, null, 0),
        ticket(
            "T12",
            "D",
            "normal",
            "solved",
            "2026-04-09T12:00:00Z",
            null,
            "2026-04-09T18:00:00Z",
            0));
  }

  /** The latest version of each ticket known at 2026-04-10. */
  static Dataset<Row> tickets() {
    return spark.createDataFrame(rows(), TICKETS);
  }
}
