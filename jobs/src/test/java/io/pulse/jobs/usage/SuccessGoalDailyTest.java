package io.pulse.jobs.usage;

import static io.pulse.jobs.usage.UsageFixture.day;
import static io.pulse.jobs.usage.UsageFixture.t;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * fct_success_goal_daily for t30 (2026-03-31) .. t33 (2026-04-03), day t(n) = 2026-03-01 + n.
 * Expected values by hand: elapsed = d − start + 1, total = due − start + 1, expected = target ×
 * elapsed / total, on track when achieved ≥ expected.
 */
@SparkTest
class SuccessGoalDailyTest {
  private static final SparkSession spark = SparkTestSession.get();

  static final StructType GOALS =
      new StructType()
          .add("goal_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType)
          .add("value_event", DataTypes.StringType)
          .add("target_count", DataTypes.IntegerType)
          .add("start_date", DataTypes.DateType)
          .add("due_date", DataTypes.DateType);

  static final StructType OUTPUT =
      new StructType()
          .add("goal_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType)
          .add("day", DataTypes.DateType)
          .add("month", DataTypes.DateType)
          .add("value_event", DataTypes.StringType)
          .add("target_count", DataTypes.IntegerType)
          .add("start_date", DataTypes.DateType)
          .add("due_date", DataTypes.DateType)
          .add("achieved", DataTypes.LongType)
          .add("expected", DataTypes.DoubleType)
          .add("is_on_track", DataTypes.BooleanType);

  private static Row goal(String id, String account, String type, int target, int from, int due) {
    return RowFactory.create(id, account, type, target, day(from), day(due));
  }

  private static Row event(String account, String type, int n) {
    return RowFactory.create(account, "u", type, null, day(n));
  }

  private static Dataset<Row> goals() {
    return spark.createDataFrame(
        List.of(
            goal("G1", "A", "report_exported", 10, 20, 39),
            goal("G2", "A", "playbook_completed", 1, 31, 32),
            goal("G3", "A", "report_exported", 4, 10, 29), // over before the range
            goal("G4", "B", "report_exported", 3, 34, 60), // starts after the range
            goal("G5", "C", "playbook_completed", 0, 30, 30),
            goal("G6", "A", "report_exported", 5, 33, 40)),
        GOALS);
  }

  private static Dataset<Row> events() {
    List<Row> rows = new ArrayList<>();
    rows.add(event("A", "report_exported", 21));
    rows.add(event("A", "report_exported", 21));
    rows.add(event("A", "report_exported", 25));
    rows.add(event("A", "report_exported", 31));
    for (int i = 0; i < 3; i++) {
      rows.add(event("A", "report_exported", 32));
    }
    rows.add(event("A", "playbook_completed", 31));
    rows.add(event("A", "dashboard_viewed", 31)); // no goal's type
    for (int i = 0; i < 5; i++) {
      rows.add(event("B", "report_exported", 31)); // another account: not A's
    }
    rows.add(event("A", "report_exported", 34)); // after the range
    return spark.createDataFrame(rows, UsageFixture.EVENTS);
  }

  private static Row r(
      String id,
      String account,
      int n,
      String type,
      int target,
      int from,
      int due,
      long achieved,
      double expected,
      boolean onTrack) {
    return RowFactory.create(
        id,
        account,
        day(n),
        Date.valueOf(n <= 30 ? "2026-03-01" : "2026-04-01"),
        type,
        target,
        day(from),
        day(due),
        achieved,
        expected,
        onTrack);
  }

  @Test
  void eachGoalDayHasItsAchievedAndProRatedTarget() {
    Dataset<Row> result = SuccessGoalDaily.of(goals(), events(), t(30), t(33));

    String rx = "report_exported";
    String pb = "playbook_completed";
    List<Row> expected =
        List.of(
            // G1: t20..t39, total 20; before the range: t21 ×2, t25 ×1 = 3.
            // t30: elapsed 11, 10 × 11 / 20 = 5.5, achieved 3 -> behind
            r("G1", "A", 30, rx, 10, 20, 39, 3, 5.5, false),
            // t31: elapsed 12 -> 6.0, achieved 3 + 1 = 4 -> behind
            r("G1", "A", 31, rx, 10, 20, 39, 4, 6.0, false),
            // t32: elapsed 13 -> 6.5, achieved 4 + 3 = 7 -> on track
            r("G1", "A", 32, rx, 10, 20, 39, 7, 6.5, true),
            // t33: elapsed 14 -> 7.0, achieved 7 -> on track (equal counts)
            r("G1", "A", 33, rx, 10, 20, 39, 7, 7.0, true),
            // G2: t31..t32, total 2; t31: 1 × 1 / 2 = 0.5, achieved 1; t32: 1.0, achieved 1
            r("G2", "A", 31, pb, 1, 31, 32, 1, 0.5, true),
            r("G2", "A", 32, pb, 1, 31, 32, 1, 1.0, true),
            // G5: one day, target 0: expected 0.0, achieved 0 -> on track
            r("G5", "C", 30, pb, 0, 30, 30, 0, 0.0, true),
            // G6: t33..t40, total 8; t33: 5 × 1 / 8 = 0.625; the t32 exports were before its
            // start and t34 is after d: achieved 0 -> behind
            r("G6", "A", 33, rx, 5, 33, 40, 0, 0.625, false));
    // G3 ended on t29 and G4 starts on t34: no rows.
    Frames.assertSameRows(spark.createDataFrame(expected, OUTPUT), result);
  }
}
