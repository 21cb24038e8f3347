package io.pulse.jobs.engagement;

import static io.pulse.jobs.engagement.EngagementFixture.day;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * agg_stakeholder_daily on {@link EngagementFixture} for t98 .. t100, every value by hand below.
 * Windows: t98 [t9, t98], t99 [t10, t99], t100 [t11, t100].
 */
@SparkTest
class StakeholderDailyTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final Date APRIL = Date.valueOf("2026-04-01");

  static final StructType SCHEMA =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("day", DataTypes.DateType)
          .add("month", DataTypes.DateType)
          .add("touchpoints_90d", DataTypes.LongType)
          .add("key_contact_touchpoints_90d", DataTypes.LongType)
          .add("last_touchpoint_date", DataTypes.DateType)
          .add("last_qbr_date", DataTypes.DateType)
          .add("active_contacts", DataTypes.LongType)
          .add("champion_present", DataTypes.BooleanType)
          .add("champion_lost_date", DataTypes.DateType);

  private static Date d(Integer n) {
    return n == null ? null : day(n);
  }

  private static Row r(
      String account,
      int n,
      long touchpoints,
      long key,
      Integer last,
      Integer qbr,
      long active,
      boolean champion,
      Integer lost) {
    return RowFactory.create(
        account, day(n), APRIL, touchpoints, key, d(last), d(qbr), active, champion, d(lost));
  }

  static List<Row> expected() {
    List<Row> rows = new ArrayList<>();
    // A. t98: a1 (t9, the window's first day: counts; not key), a2, a3 (key) -> 3, 2.
    //    t99: a1 (t9) is the day before [t10, t99]: out; a2 (t10, first day), a3, a4 -> 3, 3.
    //    t100: a2 out; a3, a4, a5 (no contact: not key) -> 3, 2.
    //    Contacts: A1 and A2 active through t98 (A2's t50 lapse is undone the same day);
    //    A1 inactive from 14:00 on t99: 1 active, no champion, lost on t99.
    rows.add(r("A", 98, 3, 2, 60, 60, 2, true, null));
    rows.add(r("A", 99, 3, 3, 99, 60, 1, false, 99));
    rows.add(r("A", 100, 3, 2, 100, 60, 1, false, 99));
    // B: first seen on t99 (b1 and B1's first version): no t98 row.
    rows.add(r("B", 99, 1, 1, 99, null, 1, false, null));
    rows.add(r("B", 100, 1, 1, 99, null, 1, false, null));
    // C: C1 unflagged on t98: lost that day; C2's champion flag on t100 is undone before the day
    //    ends, so no champion and no new loss; c1 (t100) is a key touchpoint.
    rows.add(r("C", 98, 0, 0, null, null, 2, false, 98));
    rows.add(r("C", 99, 0, 0, null, null, 2, false, 98));
    rows.add(r("C", 100, 1, 1, 100, null, 2, false, 98));
    // D: d1 on t5 only, outside every window; no contacts: zeros, not nulls.
    rows.add(r("D", 98, 0, 0, 5, null, 0, false, null));
    rows.add(r("D", 99, 0, 0, 5, null, 0, false, null));
    rows.add(r("D", 100, 0, 0, 5, null, 0, false, null));
    // F1 moves from F to G on t99, still a champion: F loses it, G has it from t99.
    rows.add(r("F", 98, 0, 0, null, null, 1, true, null));
    rows.add(r("F", 99, 0, 0, null, null, 0, false, 99));
    rows.add(r("F", 100, 0, 0, null, null, 0, false, 99));
    rows.add(r("G", 99, 0, 0, null, null, 1, true, null));
    rows.add(r("G", 100, 0, 0, null, null, 1, true, null));
    // E's only activity is on t101, after the run: no row.
    return rows;
  }

  @Test
  void windowsContactsAndChampionLossPerAccountAndDay() {
    Frames.assertSameRows(
        spark.createDataFrame(expected(), SCHEMA),
        StakeholderDaily.of(
            Touchpoints.of(
                EngagementFixture.activities(),
                EngagementFixture.contacts(),
                EngagementFixture.SETTINGS),
            ContactChanges.of(EngagementFixture.contacts()),
            EngagementFixture.SETTINGS,
            EngagementFixture.START,
            EngagementFixture.END));
  }

  @Test
  void aShorterWindowDropsTheOlderTouchpoints() {
    // 40 days: t100's window is [t61, t100]; a3 (t60) falls out: A keeps a4 (key), a5 -> 2, 1.
    EngagementSettings forty = new EngagementSettings(40, EngagementFixture.SETTINGS.keyRoles());
    Frames.assertSameRows(
        spark.createDataFrame(List.of(r("A", 100, 2, 1, 100, 60, 1, false, 99)), SCHEMA),
        StakeholderDaily.of(
                Touchpoints.of(EngagementFixture.activities(), EngagementFixture.contacts(), forty),
                ContactChanges.of(EngagementFixture.contacts()),
                forty,
                EngagementFixture.END,
                EngagementFixture.END)
            .where("account_id = 'A'"));
  }
}
