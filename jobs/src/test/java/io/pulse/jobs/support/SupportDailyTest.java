package io.pulse.jobs.support;

import static io.pulse.jobs.support.SupportFixture.date;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * agg_support_daily on {@link SupportFixture} for 2026-04-09 .. 2026-04-10, every value by hand.
 * Windows ending 04-09: 7 days [04-03, 04-09], 30 [03-11, 04-09], 90 [01-10, 04-09]; ending 04-10:
 * [04-04, 04-10], [03-12, 04-10], [01-11, 04-10].
 */
@SparkTest
class SupportDailyTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final Date APRIL = date("2026-04-01");

  static final StructType SCHEMA =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("day", DataTypes.DateType)
          .add("month", DataTypes.DateType)
          .add("tickets_opened", DataTypes.LongType)
          .add("tickets_opened_7d", DataTypes.LongType)
          .add("tickets_opened_30d", DataTypes.LongType)
          .add("tickets_opened_90d", DataTypes.LongType)
          .add("open_backlog", DataTypes.LongType)
          .add("median_first_reply_hours", DataTypes.DoubleType)
          .add("median_resolution_hours", DataTypes.DoubleType)
          .add("reopen_rate", DataTypes.DoubleType)
          .add("sla_breaches_30d", DataTypes.LongType)
          .add("sla_breaches_90d", DataTypes.LongType)
          .add("ticket_daily_mean_90d", DataTypes.DoubleType);

  private static Row r(
      String account,
      String day,
      long opened,
      long opened7,
      long opened30,
      long opened90,
      long backlog,
      Double medianReply,
      Double medianResolution,
      Double reopenRate,
      long breaches30,
      long breaches90) {
    return RowFactory.create(
        account,
        date(day),
        APRIL,
        opened,
        opened7,
        opened30,
        opened90,
        backlog,
        medianReply,
        medianResolution,
        reopenRate,
        breaches30,
        breaches90,
        opened90 / 90.0);
  }

  static List<Row> expected() {
    return List.of(
        // A on 04-09. Opened on d: T2, T3, T5. 7 days: + T4, T1 (04-08) = 5; 30: + T0 (03-11) = 6;
        // 90: + T8 (01-10) = 7. Backlog at 04-10 00:00: T4, T3 (never solved), T1 (solved at
        // exactly 04-10 00:00, not before start(d+1)), T5 (solved 04-10 10:00) = 4; T2 was solved
        // at 20:00. Replies in 30 days: T5 1.0, T0 1.5, T1 2.5, T2 3.5 -> (1.5 + 2.5) / 2 = 2.0.
        // Resolutions: T2 7, T1 25.5, T5 26, T0 48 -> (25.5 + 26) / 2 = 25.75. Reopen rate over
        // 90 days: solved T8, T0 (1), T1, T2 (2: counted once), T5 -> 2 / 5. Breaches: T2 (3.5 >
        // 1), T3 (14 > 1); T4 has waited 48, not more than 48 -> 2; 90 days: + T8 (49 > 48) = 3.
        r("A", "2026-04-09", 3, 5, 6, 7, 4, 2.0, 25.75, 0.4, 2, 3),
        // A on 04-10. Opened: T6. 7 days: T4, T1, T2, T3, T5, T6 = 6; 30: the same 6 (T0 left);
        // 90: + T0 = 7 (T8 left). Backlog at 04-11 00:00: T4, T3, T6 (reopened, unsolved) = 3.
        // Replies: T5 1.0, T1 2.5, T2 3.5, T6 4.0 -> (2.5 + 3.5) / 2 = 3.0. Resolutions: 7, 25.5,
        // 26 -> 25.5. Reopen rate: solved T0 (1), T1, T2 (2), T5 -> 2 / 4; T6 is reopened but not
        // solved, so in neither count (S2). Breaches: T2, T3, and T4 now (72 > 48) = 3; T6 (4.0)
        // and T5 (1.0) sit exactly on their SLA; 90 days: the same 3 (T0 was answered in 1.5).
        r("A", "2026-04-10", 1, 6, 6, 7, 3, 3.0, 25.5, 0.5, 3, 3),
        // B: from its first ticket, T9 on 04-10: one open, unanswered 1 h (no breach); no reply,
        // no solve, so medians and reopen rate have no data: null.
        r("B", "2026-04-10", 1, 1, 1, 1, 1, null, null, null, 0, 0),
        // C: nothing created in any window: counts 0, the rest null; T11 still open.
        r("C", "2026-04-09", 0, 0, 0, 0, 1, null, null, null, 0, 0),
        r("C", "2026-04-10", 0, 0, 0, 0, 1, null, null, null, 0, 0),
        // D: T12 solved at 18:00 on its day (not in any backlog) after 6 h, never answered: no
        // reply median, a resolution median of one value, a reopen rate of 0 of 1 solved (0, not
        // null). Its wait runs to the end of the day (S3): 12 h ≤ 24 on 04-09, 36 h > 24 on 04-10.
        r("D", "2026-04-09", 1, 1, 1, 1, 0, null, 6.0, 0.0, 0, 0),
        r("D", "2026-04-10", 0, 1, 1, 1, 0, null, 6.0, 0.0, 1, 1));
  }

  @Test
  void windowsBacklogMediansReopenRateAndBreaches() {
    Frames.assertSameRows(
        spark.createDataFrame(expected(), SCHEMA),
        SupportDaily.of(
            CurrentTickets.of(
                SupportFixture.tickets(), SupportFixture.SETTINGS, SupportFixture.END),
            SupportFixture.SETTINGS,
            SupportFixture.START,
            SupportFixture.END));
  }
}
