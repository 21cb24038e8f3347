package io.pulse.jobs.health;

import static io.pulse.jobs.health.HealthJobFixture.D;
import static io.pulse.jobs.health.HealthJobFixture.MONTH_BEFORE;
import static io.pulse.jobs.health.HealthJobFixture.WEEK_BEFORE;
import static io.pulse.jobs.health.HealthJobFixture.date;
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
import org.junit.jupiter.api.Test;

/**
 * The long signals of {@link HealthJobFixture}: one row per paying account, day and signal with a
 * value, observed on the day, on the last touchpoint (touchpoints) or on the last survey response
 * (NPS, CSAT, CES); the segment of the CRM version in force at the end of the day.
 */
@SparkTest
class AccountSignalsTest {
  private static final SparkSession spark = SparkTestSession.get();

  @Test
  void everyPayingAccountDayWithItsSignals() {
    Date d = date(D);
    Date touched = date("2026-03-25");
    Date surveyed = date("2026-03-01");
    List<Row> expected = new ArrayList<>();
    // A on D−30 and D−7: utilization only; smb (mid_market starts at 15:00 on D).
    expected.add(
        row("A", date(MONTH_BEFORE), "smb", "license_utilization", 0.3, date(MONTH_BEFORE)));
    expected.add(row("A", date(WEEK_BEFORE), "smb", "license_utilization", 0.8, date(WEEK_BEFORE)));
    // A on D: mid_market at the end of D; every signal, CES and stickiness too.
    expected.add(row("A", d, "mid_market", "license_utilization", 0.55, d));
    expected.add(row("A", d, "mid_market", "key_feature_breadth", 0.5, d));
    expected.add(row("A", d, "mid_market", "key_feature_depth", 11.0, d));
    expected.add(row("A", d, "mid_market", "mau_change_28d", -0.1, d));
    expected.add(row("A", d, "mid_market", "stickiness", 0.25, d));
    expected.add(row("A", d, "mid_market", "goals_on_track_share", 0.5, d)); // G1 of G1, G2
    expected.add(row("A", d, "mid_market", "key_contact_touchpoints_90d", 3.0, touched));
    expected.add(row("A", d, "mid_market", "champion_present", 1.0, d));
    expected.add(row("A", d, "mid_market", "nps", 20.0, surveyed));
    expected.add(row("A", d, "mid_market", "csat", 0.75, surveyed));
    expected.add(row("A", d, "mid_market", "ces", 3.0, surveyed));
    expected.add(row("A", d, "mid_market", "sentiment", 0.4, d));
    expected.add(row("A", d, "mid_market", "reopen_rate", 0.175, d));
    expected.add(row("A", d, "mid_market", "sla_breaches_90d", 1.0, d));
    // B: usage only, its null MAU change is no row.
    expected.add(row("B", d, "enterprise", "license_utilization", 0.45, d));
    expected.add(row("B", d, "enterprise", "key_feature_breadth", 0.5, d));
    expected.add(row("B", d, "enterprise", "key_feature_depth", 6.5, d));
    // N: paying, nothing known: one row without a signal, so that it still gets a (null) score.
    expected.add(row("N", d, null, null, null, null));
    // C (MRR 0 on D) has none.

    Dataset<Row> signals = AccountSignals.of(HealthJobFixture.sources(), MONTH_BEFORE, D);
    Frames.assertSameRows(spark.createDataFrame(expected, HealthFixture.SIGNALS), signals);

    // The range bounds the days: from D−7, A's D−30 row is left out.
    assertEquals(19, AccountSignals.of(HealthJobFixture.sources(), WEEK_BEFORE, D).count());
  }

  @Test
  void theDailyTablesAreJoinedBySortingEvenWhenTheyLookSmall() {
    String plan =
        AccountSignals.of(HealthJobFixture.sources(), MONTH_BEFORE, D)
            .queryExecution()
            .executedPlan()
            .toString();

    // Usage, goals, stakeholders, experience, support; only the CRM versions may be broadcast.
    assertEquals(5, occurrences(plan, "SortMergeJoin"), plan);
    assertEquals(1, occurrences(plan, "BroadcastHashJoin"), plan);
  }

  private static int occurrences(String text, String word) {
    return text.split(word, -1).length - 1;
  }

  private static Row row(
      String account, Date day, String segment, String signal, Double value, Date observedOn) {
    return RowFactory.create(account, day, segment, signal, value, observedOn);
  }
}
