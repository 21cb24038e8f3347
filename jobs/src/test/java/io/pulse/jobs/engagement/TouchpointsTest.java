package io.pulse.jobs.engagement;

import static io.pulse.jobs.engagement.EngagementFixture.at;
import static io.pulse.jobs.engagement.EngagementFixture.day;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** fct_touchpoint on {@link EngagementFixture}: dates, months and key contacts by hand. */
@SparkTest
class TouchpointsTest {
  private static final SparkSession spark = SparkTestSession.get();

  static final StructType SCHEMA =
      EngagementFixture.ACTIVITIES
          .add("activity_date", DataTypes.DateType)
          .add("month", DataTypes.DateType)
          .add("is_key_contact", DataTypes.BooleanType);

  private static Row r(
      String id, String account, String contact, String type, Timestamp when, int n, boolean key) {
    Date month = Date.valueOf(day(n).toLocalDate().withDayOfMonth(1));
    return RowFactory.create(id, account, contact, type, when, day(n), month, key);
  }

  static List<Row> expected() {
    return List.of(
        // A2 is an end_user, never a champion: not key.
        r("a1", "A", "A2", "call", at(9, "12:00:00"), 9, false),
        // A1 is a power_user (not a key role) flagged champion: key by the flag.
        r("a2", "A", "A1", "meeting", at(10, "00:00:00"), 10, true),
        r("a3", "A", "A1", "qbr", at(60, "15:00:00"), 60, true),
        // 09:00 on t99: A1's first version is in force (it leaves at 14:00).
        r("a4", "A", "A1", "email", at(99, "09:00:00"), 99, true),
        r("a5", "A", null, "call", at(100, "23:59:59"), 100, false),
        // 03:00, before B1's first record at 10:00: its earliest version, executive_sponsor.
        r("b1", "B", "B1", "meeting", at(99, "03:00:00"), 99, true),
        // 09:00 on t100: C2's 08:00 version (champion) is in force, not the 12:00 one (unflagged)
        // nor the first (billing, no flag).
        r("c1", "C", "C2", "call", at(100, "09:00:00"), 100, true),
        // D9 has no version at all.
        r("d1", "D", "D9", "call", at(5, "12:00:00"), 5, false),
        r("e1", "E", null, "meeting", at(101, "10:00:00"), 101, false));
  }

  @Test
  void keyContactIsReadFromTheVersionInForceWhenTheActivityTookPlace() {
    Frames.assertSameRows(
        spark.createDataFrame(expected(), SCHEMA),
        Touchpoints.of(
            EngagementFixture.activities(),
            EngagementFixture.contacts(),
            EngagementFixture.SETTINGS));
  }
}
