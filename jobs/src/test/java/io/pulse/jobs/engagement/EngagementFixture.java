package io.pulse.jobs.engagement;

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
 * A hand-made stakeholder fixture. Day t(n) is 2026-01-01 + n days; the run covers t98 (2026-04-09)
 * .. t100 (2026-04-11), windows of 90 days: the window ending t98 is [t9, t98], t99 [t10, t99],
 * t100 [t11, t100]. Key roles: executive_sponsor, admin.
 *
 * <ul>
 *   <li>A: A1 (power_user, champion only by flag) active from t0, inactive at 14:00 on t99: the
 *       champion leaves. A2 (end_user) from t5; on t50 inactive at 10:00 and active again at 16:00,
 *       which no day's end sees. Activities: a1 t9 call with A2 (not key; the day before t99's
 *       window), a2 t10 00:00 meeting with A1 (key; t99's window's first day), a3 t60 qbr with A1,
 *       a4 t99 09:00 email with A1 (still a champion then), a5 t100 23:59:59 call with no contact.
 *   <li>B: B1 (executive_sponsor) first recorded at 10:00 on t99; b1 at 03:00 on t99 meets B1
 *       before that record: read from B1's earliest version, a key role.
 *   <li>C: C1 (admin, champion) from t1, unflagged at 09:00 on t98 (still active): a champion lost
 *       on t98. C2 (billing) from t1, flagged champion at 08:00 on t100 and unflagged at 12:00: no
 *       champion at t100's end; c1 at 09:00 on t100 with C2 is a key touchpoint.
 *   <li>D: only d1 on t5, with a contact nobody recorded: rows with 0 touchpoints.
 *   <li>E: only e1 on t101, after the run: no row.
 *   <li>F, G: F1 (admin, champion) of F from t2 moves to G at 11:00 on t99, still champion: F loses
 *       a champion on t99 and G has one from t99.
 * </ul>
 */
final class EngagementFixture {
  private static final SparkSession spark = SparkTestSession.get();
  static final LocalDate T0 = LocalDate.parse("2026-01-01");
  static final LocalDate START = t(98);
  static final LocalDate END = t(100);
  static final EngagementSettings SETTINGS =
      new EngagementSettings(90, List.of("executive_sponsor", "admin"));

  private EngagementFixture() {}

  static LocalDate t(int n) {
    return T0.plusDays(n);
  }

  static Date day(int n) {
    return Date.valueOf(t(n));
  }

  /** t(n) at hh:mm:ss UTC. */
  static Timestamp at(int n, String time) {
    return Timestamp.from(Instant.parse(t(n) + "T" + time + "Z"));
  }

  static final StructType ACTIVITIES =
      new StructType()
          .add("activity_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType)
          .add("contact_id", DataTypes.StringType)
          .add("activity_type", DataTypes.StringType)
          .add("occurred_at", DataTypes.TimestampType);

  static Row activity(String id, String account, String contact, String type, Timestamp when) {
    return RowFactory.create(id, account, contact, type, when);
  }

  static List<Row> activityRows() {
    return List.of(
        activity("a1", "A", "A2", "call", at(9, "12:00:00")),
        activity("a2", "A", "A1", "meeting", at(10, "00:00:00")),
        activity("a3", "A", "A1", "qbr", at(60, "15:00:00")),
        activity("a4", "A", "A1", "email", at(99, "09:00:00")),
        activity("a5", "A", null, "call", at(100, "23:59:59")),
        activity("b1", "B", "B1", "meeting", at(99, "03:00:00")),
        activity("c1", "C", "C2", "call", at(100, "09:00:00")),
        activity("d1", "D", "D9", "call", at(5, "12:00:00")),
        activity("e1", "E", null, "meeting", at(101, "10:00:00")));
  }

  static Dataset<Row> activities() {
    return spark.createDataFrame(activityRows(), ACTIVITIES);
  }

  static final StructType CONTACTS =
      new StructType()
          .add("contact_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType)
          .add("role", DataTypes.StringType)
          .add("is_champion", DataTypes.BooleanType)
          .add("is_active", DataTypes.BooleanType)
          .add("updated_at", DataTypes.TimestampType);

  static Row contact(
      String id, String account, String role, boolean champion, boolean active, Timestamp when) {
    return RowFactory.create(id, account, role, champion, active, when);
  }

  static List<Row> contactRows() {
    return List.of(
        contact("A1", "A", "power_user", true, true, at(0, "10:00:00")),
        contact("A1", "A", "power_user", true, false, at(99, "14:00:00")),
        contact("A2", "A", "end_user", false, true, at(5, "09:00:00")),
        contact("A2", "A", "end_user", false, false, at(50, "10:00:00")),
        contact("A2", "A", "end_user", false, true, at(50, "16:00:00")),
        contact("B1", "B", "executive_sponsor", false, true, at(99, "10:00:00")),
        contact("C1", "C", "admin", true, true, at(1, "10:00:00")),
        contact("C1", "C", "admin", false, true, at(98, "09:00:00")),
        contact("C2", "C", "billing", false, true, at(1, "10:00:00")),
        contact("C2", "C", "billing", true, true, at(100, "08:00:00")),
        contact("C2", "C", "billing", false, true, at(100, "12:00:00")),
        contact("F1", "F", "admin", true, true, at(2, "10:00:00")),
        contact("F1", "G", "admin", true, true, at(99, "11:00:00")));
  }

  static Dataset<Row> contacts() {
    return spark.createDataFrame(contactRows(), CONTACTS);
  }
}
