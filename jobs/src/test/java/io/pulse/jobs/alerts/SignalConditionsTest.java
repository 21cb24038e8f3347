package io.pulse.jobs.alerts;

import static io.pulse.jobs.alerts.AlertsFixture.DEFAULTS;
import static io.pulse.jobs.alerts.AlertsFixture.d;
import static io.pulse.jobs.alerts.AlertsFixture.episodes;
import static io.pulse.jobs.alerts.AlertsFixture.frame;
import static io.pulse.jobs.alerts.AlertsFixture.row;
import static io.pulse.jobs.alerts.AlertsFixture.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.SparkTest;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Usage drop, ticket spike, band fell and renewal at risk on hand-made signal rows under the
 * default thresholds, through {@link AlertEpisodes}: each fires, stays one row while it holds,
 * closes on the first day it no longer holds and fires again after.
 */
@SparkTest
class SignalConditionsTest {

  /**
   * A: MAU 10 on 03-01..03-04, then 7, 4, 8 on 03-29..03-31 and no row on 04-01 (MAU 0). Against 28
   * days before: 03-29 (7−10)/10 = −0.3 fires (the bound is inclusive, medium), 03-30 −0.6 (high),
   * 03-31 −0.2 closes it; 04-01 (0−10)/10 = −1 opens a second one, and 04-02 has no earlier MAU
   * (03-05 has no row), so it closes. B: MAU 4 on 03-06 and 2 on 04-03, the table's last day: −0.5
   * is high and still open.
   */
  @Test
  void usageDropFiresOnADropOfThirtyPercentAndOnADropToNothing() {
    String ddl = "account_id string, day date, mau long";
    Dataset<Row> usage =
        frame(
            ddl,
            row("A", d("2026-03-01"), 10L),
            row("A", d("2026-03-02"), 10L),
            row("A", d("2026-03-03"), 10L),
            row("A", d("2026-03-04"), 10L),
            row("A", d("2026-03-29"), 7L),
            row("A", d("2026-03-30"), 4L),
            row("A", d("2026-03-31"), 8L),
            row("B", d("2026-03-06"), 4L),
            row("B", d("2026-04-03"), 2L));
    assertEquals(
        List.of(
            "A usage_drop 2026-03-29..2026-03-31 high mau_change=-0.3 base=10.0 thr=-0.3"
                + " | mau 7 vs 10 on 2026-03-01",
            "A usage_drop 2026-04-01..2026-04-02 high mau_change=-1.0 base=10.0 thr=-0.3"
                + " | mau 0 vs 10 on 2026-03-04",
            "B usage_drop 2026-04-03..open high mau_change=-0.5 base=4.0 thr=-0.3"
                + " | mau 2 vs 4 on 2026-03-06"),
        episodes(SignalConditions.usageDrop(usage, DEFAULTS), LocalDate.parse("2026-04-03")));
  }

  /**
   * Ratio = (t7 × 90) / (7 × t90). A: 03-01 2×90/(7×10) = 2.57 no; 03-02 7×90/(7×30) = 3.0 fires
   * (medium, baseline 30/90); 03-03 14×90/(7×36) = 5.0 (high); 03-04 7×90/(7×35) = 2.57 closes;
   * 03-05 3×90/(7×3) = 12.857… with 3 tickets fires again (high). B: 2 tickets, ratio 12.86, under
   * min-tickets 3: nothing. C: no tickets in 90 days: nothing.
   */
  @Test
  void ticketSpikeComparesTheSevenDayRateWithTheNinetyDayRate() {
    String ddl = "account_id string, day date, tickets_opened_7d long, tickets_opened_90d long";
    Dataset<Row> support =
        frame(
            ddl,
            row("A", d("2026-03-01"), 2L, 10L),
            row("A", d("2026-03-02"), 7L, 30L),
            row("A", d("2026-03-03"), 14L, 36L),
            row("A", d("2026-03-04"), 7L, 35L),
            row("A", d("2026-03-05"), 3L, 3L),
            row("B", d("2026-03-05"), 2L, 2L),
            row("C", d("2026-03-05"), 0L, 0L));
    assertEquals(
        List.of(
            "A ticket_spike 2026-03-02..2026-03-04 high ticket_rate_ratio=3.0"
                + " base=0.3333333333333333 thr=3.0 | 7 tickets in 7 days vs 30 in 90 days",
            "A ticket_spike 2026-03-05..open high ticket_rate_ratio="
                + (3.0 * 90 / 21)
                + " base=0.03333333333333333 thr=3.0 | 3 tickets in 7 days vs 3 in 90 days"),
        episodes(
            SignalConditions.ticketSpike(support, DEFAULTS, 90), LocalDate.parse("2026-03-05")));
  }

  /**
   * B goes yellow → red on 03-02 and stays red for six days: one alert, opened once, still open. A:
   * green → yellow on 03-02 opens (medium), yellow → red on 03-03 continues it (now high), red
   * again on 03-04/03-05, back to yellow (the band of the latest fall) on 03-06 closes it, red on
   * 03-07 opens a second. C: a day without a band (03-02) is skipped as "previous day": green →
   * yellow on 03-03 is a fall; C has no row after 03-03, so that alert closes on 03-04 (a day
   * without a band does not hold). G: a rise, then green: nothing.
   */
  @Test
  void aBandChangeRaisesOneAlertOverSeveralRedDays() {
    String ddl = "account_id string, day date, health_score int, band string";
    Dataset<Row> health =
        frame(
            ddl,
            row("B", d("2026-03-01"), 60, "yellow"),
            row("B", d("2026-03-02"), 50, "red"),
            row("B", d("2026-03-03"), 45, "red"),
            row("B", d("2026-03-04"), 40, "red"),
            row("B", d("2026-03-05"), 42, "red"),
            row("B", d("2026-03-06"), 48, "red"),
            row("B", d("2026-03-07"), 44, "red"),
            row("A", d("2026-03-01"), 80, "green"),
            row("A", d("2026-03-02"), 70, "yellow"),
            row("A", d("2026-03-03"), 45, "red"),
            row("A", d("2026-03-04"), 40, "red"),
            row("A", d("2026-03-05"), 42, "red"),
            row("A", d("2026-03-06"), 60, "yellow"),
            row("A", d("2026-03-07"), 30, "red"),
            row("C", d("2026-03-01"), 90, "green"),
            row("C", d("2026-03-02"), null, null),
            row("C", d("2026-03-03"), 70, "yellow"),
            row("G", d("2026-03-01"), 70, "yellow"),
            row("G", d("2026-03-02"), 90, "green"),
            row("G", d("2026-03-03"), 95, "green"));
    assertEquals(
        List.of(
            "A band_fell 2026-03-02..2026-03-06 high health_score=70.0 base=80.0 thr=null"
                + " | green -> yellow",
            "A band_fell 2026-03-07..open high health_score=30.0 base=60.0 thr=null"
                + " | yellow -> red",
            "B band_fell 2026-03-02..open high health_score=50.0 base=60.0 thr=null"
                + " | yellow -> red",
            "C band_fell 2026-03-03..2026-03-04 medium health_score=70.0 base=90.0 thr=null"
                + " | green -> yellow"),
        episodes(SignalConditions.bandFell(health), LocalDate.parse("2026-03-07")));
  }

  /**
   * A: an annual subscription started 2025-05-15 renews on 2026-05-15: red on 03-01 (75 days,
   * medium) and 03-02, yellow 03-03 closes; red 03-05 opens again, yellow 03-06 closes. B: a trial
   * from 01-01, then a quarterly paid version from 01-20 ending at 00:00 on 03-22: renews 04-20
   * (counted from the paid start, not the trial's): 31 days on 03-20 (medium), 30 on 03-21 (high);
   * not paying at the end of 03-22 (R4), so it closes then although still red. C: monthly from
   * 02-10; on its renewal day 03-10 the next renewal is 04-10 (31 days). Y: red but renews in 167
   * days (annual from 2025-09-01, as of 03-17): nothing.
   */
  @Test
  void renewalAtRiskNeedsARedBandAndARenewalWithinNinetyDays() {
    String versionsDdl =
        "subscription_id string, account_id string, interval_months int, is_trial boolean,"
            + " valid_from timestamp, valid_to timestamp";
    Dataset<Row> versions =
        frame(
            versionsDdl,
            row("S1", "A", 12, false, ts("2025-05-15T10:00:00Z"), null),
            row("S2", "B", 3, true, ts("2026-01-01T00:00:00Z"), ts("2026-01-20T00:00:00Z")),
            row("S2", "B", 3, false, ts("2026-01-20T00:00:00Z"), ts("2026-03-22T00:00:00Z")),
            row("S3", "C", 1, false, ts("2026-02-10T09:00:00Z"), null),
            row("S4", "Y", 12, false, ts("2025-09-01T00:00:00Z"), null));
    String healthDdl = "account_id string, day date, health_score int, band string";
    Dataset<Row> health =
        frame(
            healthDdl,
            row("A", d("2026-03-01"), 40, "red"),
            row("A", d("2026-03-02"), 41, "red"),
            row("A", d("2026-03-03"), 55, "yellow"),
            row("A", d("2026-03-05"), 42, "red"),
            row("A", d("2026-03-06"), 60, "yellow"),
            row("B", d("2026-03-20"), 40, "red"),
            row("B", d("2026-03-21"), 40, "red"),
            row("B", d("2026-03-22"), 40, "red"),
            row("C", d("2026-03-10"), 30, "red"),
            row("Y", d("2026-03-17"), 20, "red"));
    assertEquals(
        List.of(
            "A renewal_at_risk 2026-03-01..2026-03-03 medium days_to_renewal=75.0 base=null"
                + " thr=90.0 | S1 renews on 2026-05-15; band red, health 40",
            "A renewal_at_risk 2026-03-05..2026-03-06 medium days_to_renewal=71.0 base=null"
                + " thr=90.0 | S1 renews on 2026-05-15; band red, health 42",
            "B renewal_at_risk 2026-03-20..2026-03-22 high days_to_renewal=31.0 base=null"
                + " thr=90.0 | S2 renews on 2026-04-20; band red, health 40",
            "C renewal_at_risk 2026-03-10..2026-03-11 medium days_to_renewal=31.0 base=null"
                + " thr=90.0 | S3 renews on 2026-04-10; band red, health 30"),
        episodes(
            SignalConditions.renewalAtRisk(
                versions, health, DEFAULTS, LocalDate.parse("2026-03-22")),
            LocalDate.parse("2026-03-22")));
  }
}
