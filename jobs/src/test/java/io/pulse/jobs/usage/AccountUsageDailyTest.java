package io.pulse.jobs.usage;

import static io.pulse.jobs.usage.UsageFixture.day;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * fct_account_usage_daily on {@link UsageFixture} for t28 (2026-03-29) .. t40 (2026-04-10). Every
 * expected value is worked out by hand below; "[x, y]" is a window of days, both included.
 */
@SparkTest
class AccountUsageDailyTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final Date MARCH = Date.valueOf("2026-03-01");
  private static final Date APRIL = Date.valueOf("2026-04-01");

  static final StructType SCHEMA =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("day", DataTypes.DateType)
          .add("month", DataTypes.DateType)
          .add("dau", DataTypes.LongType)
          .add("wau", DataTypes.LongType)
          .add("mau", DataTypes.LongType)
          .add("stickiness", DataTypes.DoubleType)
          .add("seats_purchased", DataTypes.LongType)
          .add("license_utilization", DataTypes.DoubleType)
          .add("key_feature_breadth", DataTypes.DoubleType)
          .add("key_feature_depth", DataTypes.DoubleType)
          .add("value_events", DataTypes.LongType)
          .add("mau_change_28d", DataTypes.DoubleType);

  private static Row r(
      String account,
      int n,
      long dau,
      long wau,
      long mau,
      Double stickiness,
      long seats,
      Double utilization,
      double breadth,
      Double depth,
      long valueEvents,
      Double change) {
    return RowFactory.create(
        account,
        day(n),
        n <= 30 ? MARCH : APRIL,
        dau,
        wau,
        mau,
        stickiness,
        seats,
        utilization,
        breadth,
        depth,
        valueEvents,
        change);
  }

  static List<Row> expected() {
    List<Row> rows = new ArrayList<>();
    // A. MAU: a1 (t10) covers [10, 37]; a2 (t36, t38) covers [36, 65]; a3 (t38) [38, 65].
    // So MAU = 1 on t28..t35 (a1), 2 on t36, t37 (a1, a2), 2 on t38..t40 (a2, a3; a1 out since
    // t10 = d−28 on t38). WAU [d−6, d]: 0 until t35; a2 from t36; a2, a3 from t38.
    // DAU: 1 on t36 (a2), 2 on t38 (a2, a3).
    // Seats: 10, plus 2 on t29..t31 (valid 03-30 15:00 .. 04-02 10:00, R4) = 12.
    // Stickiness (U1), mean of DAU/MAU over [d−27, d] skipping MAU 0 (days before t10); the
    //   ratios that are not 0: t10 1/1, t36 1/2, t38 2/2.
    //   t28..t35: [d−27, d] from t10 on holds d − 9 days (19 on t28 .. 26 on t35), sum 1 (t10)
    //   -> 1/(d − 9); t36: [9, 36], t9 skipped, 27 days, 1 + 0.5 -> 1.5/27;
    //   t37: [10, 37], 28 days, 1.5 -> 1.5/28; t38..t40: t10 out, 0.5 + 1 = 1.5 -> 1.5/28.
    // Breadth over [d−27, d], of 5 key features: dashboards (t10) until t37 -> 0.2; reports
    //   (t36) from t36 -> 0.4; dashboards (t38) and playbooks (t38) from t38 -> 0.6.
    // Depth = key-feature events in [d−27, d] / MAU: t10: 1, t36: 2 (two reports events),
    //   t38: 2 (playbooks, dashboards; session_started has no feature).
    //   t28..t35: 1/1 = 1.0; t36, t37: (1 + 2)/2 = 1.5; t38..t40 (t10 out): 4/2 = 2.0.
    // Value events: t36 report_exported (report_created is not one), t38 playbook_completed.
    // mau_change_28d: MAU(d−28) = 0 for d−28 < 10 -> null through t37; t38..t40: MAU(10..12)
    //   = 1 -> (2 − 1)/1 = 1.0.
    for (int n = 28; n <= 35; n++) {
      long seats = n >= 29 && n <= 31 ? 12 : 10;
      rows.add(r("A", n, 0, 0, 1, 1.0 / (n - 9), seats, 1.0 / seats, 0.2, 1.0, 0, null));
    }
    rows.add(r("A", 36, 1, 1, 2, 1.5 / 27, 10, 0.2, 0.4, 1.5, 1, null));
    rows.add(r("A", 37, 0, 1, 2, 1.5 / 28, 10, 0.2, 0.4, 1.5, 0, null));
    rows.add(r("A", 38, 2, 2, 2, 1.5 / 28, 10, 0.2, 0.6, 2.0, 1, 1.0));
    rows.add(r("A", 39, 0, 2, 2, 1.5 / 28, 10, 0.2, 0.6, 2.0, 0, 1.0));
    rows.add(r("A", 40, 0, 2, 2, 1.5 / 28, 10, 0.2, 0.6, 2.0, 0, 1.0));

    // B. No seats (its plan is not per-seat): utilization null. MAU: b2 (t−27) covers [−27, 0],
    // b1 (t1) covers [1, 28], b1 (t30) covers [30, 57]; 29 days apart, so MAU is 0 on t29 and,
    // with no seats, there is no row that day (U4). WAU: 1 on t30..t36. DAU: 1 on t30.
    // Stickiness: t28: [1, 28], 28 days, DAU/MAU 1 on t1 -> 1/28; t30..t40: [d−27, d] holds t29
    //   (MAU 0, skipped) and t30 (ratio 1) but not t1 -> 1/27.
    // Breadth: alerts (t1) on t28 -> 0.2; integrations (t30) on t30..t40 -> 0.2.
    // Depth: one key-feature event in the window, MAU 1 -> 1.0.
    // mau_change_28d: t28: MAU(t0) = 1 (b2, read because t−27 is the first day read) -> 0.0;
    //   t30..t40: MAU(t2..t12) = 1 (b1) -> 0.0.
    rows.add(r("B", 28, 0, 0, 1, 1.0 / 28, 0, null, 0.2, 1.0, 0, 0.0));
    rows.add(r("B", 30, 1, 1, 1, 1.0 / 27, 0, null, 0.2, 1.0, 0, 0.0));
    for (int n = 31; n <= 40; n++) {
      rows.add(r("B", n, 0, n <= 36 ? 1 : 0, 1, 1.0 / 27, 0, null, 0.2, 1.0, 0, 0.0));
    }

    // C. Seats without usage: a row with MAU 0 (U4). Trial per-seat 3 seats on 03-25 .. 04-03
    // (t24..t33, it ends 00:00 on 04-04); 5 paid seats from 12:00 on 04-06 (t36); none on t34,
    // t35 (no row). The version ended 01-15, the one from 04-20 and the unknown plan never count.
    // Utilization 0/seats = 0.0; breadth 0.0 (U3); stickiness, depth, mau_change null.
    for (int n = 28; n <= 40; n++) {
      if (n == 34 || n == 35) {
        continue;
      }
      rows.add(r("C", n, 0, 0, 0, null, n <= 33 ? 3 : 5, 0.0, 0.0, null, 0, null));
    }
    return rows;
  }

  @Test
  void everyAccountDayIsComputedByHand() {
    Dataset<Row> result =
        AccountUsageDaily.of(
            UsageFixture.events(),
            UsageFixture.versions(),
            UsageFixture.plans(),
            UsageFixture.SETTINGS,
            UsageFixture.START,
            UsageFixture.END);

    List<Row> expected = expected();
    assertEquals(13 + 12 + 11, expected.size());
    Frames.assertSameRows(spark.createDataFrame(expected, SCHEMA), result);
  }

  @Test
  void oneDayGivesThatDaysRowsOnly() {
    // A run for t38 alone reads back to t38 − 55 and must give the same t38 rows as the range.
    Dataset<Row> result =
        AccountUsageDaily.of(
            UsageFixture.events(),
            UsageFixture.versions(),
            UsageFixture.plans(),
            UsageFixture.SETTINGS,
            UsageFixture.t(38),
            UsageFixture.t(38));

    List<Row> expected = expected().stream().filter(row -> row.getDate(1).equals(day(38))).toList();
    assertEquals(3, expected.size());
    Frames.assertSameRows(spark.createDataFrame(expected, SCHEMA), result);
  }
}
