package io.pulse.jobs.usage;

import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A hand-made usage fixture. Day t(n) is 2026-03-01 + n days; the tests run for t28 (2026-03-29) ..
 * t40 (2026-04-10), so the job reads events from t28 − 55 = t−27 (2026-02-02).
 *
 * <ul>
 *   <li>A (10 seats, plus 2 more on t29..t31): a1 active only on t10, so in MAU through t37 (t10 =
 *       d−27) and out on t38 (t10 = d−28); a2 on t36 and t38; a3 on t38 (two users that day).
 *   <li>B (a non-per-seat plan only: usage, no seats): b1 on t1 and t30, a gap of 29 days, longer
 *       than the window, so MAU is 0 on t29 (no row); b2 only on t−27, the first day read.
 *   <li>C (seats, no usage): a per-seat trial of 3 seats on t24..t33, then 5 paid seats from t36.
 * </ul>
 */
final class UsageFixture {
  private static final SparkSession spark = SparkTestSession.get();
  static final LocalDate T0 = LocalDate.parse("2026-03-01");
  static final LocalDate START = t(28);
  static final LocalDate END = t(40);

  static final UsageSettings SETTINGS =
      new UsageSettings(
          28,
          List.of("dashboards", "reports", "alerts", "integrations", "playbooks"),
          List.of("report_exported", "playbook_completed"));

  private UsageFixture() {}

  static LocalDate t(int n) {
    return T0.plusDays(n);
  }

  static Date day(int n) {
    return Date.valueOf(t(n));
  }

  static final StructType EVENTS =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("user_id", DataTypes.StringType)
          .add("event_type", DataTypes.StringType)
          .add("feature", DataTypes.StringType)
          .add("day", DataTypes.DateType);

  private static Row e(String account, String user, int n, String type, String feature) {
    return RowFactory.create(account, user, type, feature, day(n));
  }

  static Dataset<Row> events() {
    return spark.createDataFrame(
        List.of(
            e("A", "a1", 10, "dashboard_viewed", "dashboards"),
            e("A", "a2", 36, "report_exported", "reports"), // a value event
            e("A", "a2", 36, "report_created", "reports"),
            e("A", "a2", 38, "session_started", null), // no feature: not a key-feature event
            e("A", "a3", 38, "playbook_completed", "playbooks"), // a value event
            e("A", "a3", 38, "dashboard_viewed", "dashboards"),
            e("B", "b2", -27, "alert_configured", "alerts"),
            e("B", "b1", 1, "alert_triggered", "alerts"),
            e("B", "b1", 30, "integration_synced", "integrations")),
        EVENTS);
  }

  static Timestamp ts(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }

  private static Row v(
      String account, String plan, int quantity, boolean trial, String from, String to) {
    return RowFactory.create(account, plan, quantity, trial, ts(from), to == null ? null : ts(to));
  }

  static Dataset<Row> versions() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("plan_id", DataTypes.StringType)
            .add("quantity", DataTypes.IntegerType)
            .add("is_trial", DataTypes.BooleanType)
            .add("valid_from", DataTypes.TimestampType)
            .add("valid_to", DataTypes.TimestampType);
    return spark.createDataFrame(
        List.of(
            v("A", "SEAT", 10, false, "2026-01-01T00:00:00Z", null),
            // active at the end of 03-30 (t29) .. 04-01 (t31): it ends at 10:00 on 04-02 (R4)
            v("A", "SEAT", 2, false, "2026-03-30T15:00:00Z", "2026-04-02T10:00:00Z"),
            // a flat plan: not seats (U2)
            v("B", "FLAT", 5, false, "2026-01-01T00:00:00Z", null),
            // a per-seat trial counts (U2): 03-25 (t24) .. 04-03 (t33); ends 00:00 on 04-04
            v("C", "SEAT", 3, true, "2026-03-25T00:00:00Z", "2026-04-04T00:00:00Z"),
            // paid from 12:00 on 04-06 (t36): nothing on t34, t35
            v("C", "SEAT", 5, false, "2026-04-06T12:00:00Z", null),
            // ended before the first day read, starts after the last, and an unknown plan
            v("C", "SEAT", 7, false, "2025-10-01T00:00:00Z", "2026-01-15T00:00:00Z"),
            v("C", "SEAT", 4, false, "2026-04-20T00:00:00Z", null),
            v("C", "GONE", 50, false, "2026-01-01T00:00:00Z", null)),
        schema);
  }

  static Dataset<Row> plans() {
    StructType schema =
        new StructType()
            .add("plan_id", DataTypes.StringType)
            .add("is_per_seat", DataTypes.BooleanType);
    return spark.createDataFrame(
        List.of(RowFactory.create("SEAT", true), RowFactory.create("FLAT", false)), schema);
  }
}
