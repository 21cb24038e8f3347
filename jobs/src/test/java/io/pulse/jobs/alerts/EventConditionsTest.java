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
 * Champion left, detractor response, payment failed and no first value on hand-made rows, through
 * {@link AlertEpisodes}: how long each stays open after its event, what closes it, and that a
 * second event while open does not raise it again.
 */
@SparkTest
class EventConditionsTest {

  private static Object[] stake(String account, String day, boolean present, String lost) {
    return row(account, d(day), present, d(lost));
  }

  /**
   * open-days 5. A: its only champion leaves on 03-02 (high); a champion is back on 03-04, which
   * closes it; the new one leaves on 03-09: a second alert, open. B: one of two champions leaves on
   * 03-02 (medium): open on the loss day and 4 more, closes on 03-07. E: lost 03-01, another loss
   * on 03-04 while open: one alert through 03-08 (03-04 + 4), closes 03-09.
   */
  @Test
  void championLeftStaysOpenForItsDaysOrUntilAChampionIsBack() {
    String ddl = "account_id string, day date, champion_present boolean, champion_lost_date date";
    Dataset<Row> stakeholders =
        frame(
            ddl,
            stake("A", "2026-03-01", true, null),
            stake("A", "2026-03-02", false, "2026-03-02"),
            stake("A", "2026-03-03", false, "2026-03-02"),
            stake("A", "2026-03-04", true, "2026-03-02"),
            stake("A", "2026-03-05", true, "2026-03-02"),
            stake("A", "2026-03-06", true, "2026-03-02"),
            stake("A", "2026-03-08", true, "2026-03-02"),
            stake("A", "2026-03-09", false, "2026-03-09"),
            stake("A", "2026-03-10", false, "2026-03-09"),
            stake("B", "2026-03-01", true, null),
            stake("B", "2026-03-02", true, "2026-03-02"),
            stake("B", "2026-03-03", true, "2026-03-02"),
            stake("B", "2026-03-04", true, "2026-03-02"),
            stake("B", "2026-03-05", true, "2026-03-02"),
            stake("B", "2026-03-06", true, "2026-03-02"),
            stake("B", "2026-03-07", true, "2026-03-02"),
            stake("B", "2026-03-10", true, "2026-03-02"),
            stake("E", "2026-03-01", false, "2026-03-01"),
            stake("E", "2026-03-02", false, "2026-03-01"),
            stake("E", "2026-03-03", false, "2026-03-01"),
            stake("E", "2026-03-04", false, "2026-03-04"),
            stake("E", "2026-03-05", false, "2026-03-04"),
            stake("E", "2026-03-06", false, "2026-03-04"),
            stake("E", "2026-03-07", false, "2026-03-04"),
            stake("E", "2026-03-08", false, "2026-03-04"),
            stake("E", "2026-03-09", false, "2026-03-04"),
            stake("E", "2026-03-10", false, "2026-03-04"));
    AlertsSettings settings = AlertsFixture.settings("pulse.alerts.champion-left.open-days = 5");
    String none = "; no active champion left";
    assertEquals(
        List.of(
            "A champion_left 2026-03-02..2026-03-04 high champion_present=0.0 base=null thr=null"
                + " | champion lost on 2026-03-02"
                + none,
            "A champion_left 2026-03-09..open high champion_present=0.0 base=null thr=null"
                + " | champion lost on 2026-03-09"
                + none,
            "B champion_left 2026-03-02..2026-03-07 medium champion_present=1.0 base=null thr=null"
                + " | champion lost on 2026-03-02; another active champion remains",
            "E champion_left 2026-03-01..2026-03-09 high champion_present=0.0 base=null thr=null"
                + " | champion lost on 2026-03-01"
                + none),
        episodes(
            EventConditions.championLeft(stakeholders, settings), LocalDate.parse("2026-03-10")));
  }

  /**
   * open-days 5. A: R1 (5) on 03-01 holds 03-01..03-05, R2 (2) on 03-04 extends it to 03-08 and
   * makes it high: one alert closing 03-09, with R1's values. R3 is a promoter, R4 a CSAT 2 and R5
   * unrated: none counts (R4 would join R6's alert). R6 (6) on 03-12: a second alert, open on
   * 03-14. B: R7 without contact on 03-01, closes 03-06.
   */
  @Test
  void detractorResponseStaysOpenForItsDaysAfterTheLastDetractor() {
    String ddl =
        "response_id string, account_id string, contact_id string, survey_type string, score int,"
            + " response_date date";
    Dataset<Row> responses =
        frame(
            ddl,
            row("R1", "A", "C1", "nps", 5, d("2026-03-01")),
            row("R2", "A", "C2", "nps", 2, d("2026-03-04")),
            row("R3", "A", "C1", "nps", 9, d("2026-03-05")),
            row("R4", "A", "C1", "csat", 2, d("2026-03-09")),
            row("R5", "A", "C3", "nps", null, d("2026-03-09")),
            row("R6", "A", "C1", "nps", 6, d("2026-03-12")),
            row("R7", "B", null, "nps", 6, d("2026-03-01")));
    AlertsSettings settings =
        AlertsFixture.settings("pulse.alerts.detractor-response.open-days = 5");
    assertEquals(
        List.of(
            "A detractor_response 2026-03-01..2026-03-09 high nps_score=5.0 base=null thr=6.0"
                + " | response R1 of contact C1 scored 5; detractor responses in the last 5 days: 1",
            "A detractor_response 2026-03-12..open medium nps_score=6.0 base=null thr=6.0"
                + " | response R6 of contact C1 scored 6; detractor responses in the last 5 days: 1",
            "B detractor_response 2026-03-01..2026-03-06 medium nps_score=6.0 base=null thr=6.0"
                + " | response R7 of contact unknown scored 6; detractor responses in the last 5"
                + " days: 1"),
        episodes(
            EventConditions.detractorResponse(responses, settings), LocalDate.parse("2026-03-14")));
  }

  private static Object[] invoice(
      String id, String account, String status, String issued, String due, String paid) {
    return row(id, account, status, ts(issued), ts(due), ts(paid));
  }

  /**
   * Overdue more than 14 days: due 03-01 fails from 03-16. A: I1 paid 03-20 fails 03-16..03-19
   * (closes 03-20); I2 paid on 03-16 never fails; I3 is void; I9 due 03-25, unpaid, fails from
   * 04-09 (a second alert, open). B: I4 uncollectible (a failed status, high) holds its 30
   * open-days 03-16..04-14 and closes 04-15. C: I5 open and I8 uncollectible, both due 04-01, fail
   * from 04-16: one alert listing both. D: I6 without due_at is due on its issue date 04-03: from
   * 04-18. E: I7 paid without paid_at: nothing.
   */
  @Test
  void paymentFailedHoldsWhileAnInvoiceIsOverdueOrWrittenOff() {
    String ddl =
        "invoice_id string, account_id string, status string, issued_at timestamp,"
            + " due_at timestamp, paid_at timestamp";
    String due0301 = "2026-03-01T00:00:00Z";
    String issued = "2026-02-15T00:00:00Z";
    Dataset<Row> invoices =
        frame(
            ddl,
            invoice("I1", "A", "paid", issued, due0301, "2026-03-20T10:00:00Z"),
            invoice("I2", "A", "paid", issued, due0301, "2026-03-16T08:00:00Z"),
            invoice("I3", "A", "void", issued, "2026-02-01T00:00:00Z", null),
            invoice("I9", "A", "open", issued, "2026-03-25T12:00:00Z", null),
            invoice("I4", "B", "uncollectible", issued, due0301, null),
            invoice("I5", "C", "open", issued, "2026-04-01T12:00:00Z", null),
            invoice("I8", "C", "uncollectible", issued, "2026-04-01T00:00:00Z", null),
            invoice("I6", "D", "open", "2026-04-03T08:00:00Z", null, null),
            invoice("I7", "E", "paid", issued, due0301, null));
    LocalDate asOf = LocalDate.parse("2026-04-20");
    String failed = " base=null thr=14.0 | failing invoices: ";
    assertEquals(
        List.of(
            "A payment_failed 2026-03-16..2026-03-20 medium days_overdue=15.0"
                + failed
                + "I1 (paid, due 2026-03-01)",
            "A payment_failed 2026-04-09..open medium days_overdue=15.0"
                + failed
                + "I9 (open, due 2026-03-25)",
            "B payment_failed 2026-03-16..2026-04-15 high days_overdue=15.0"
                + failed
                + "I4 (uncollectible, due 2026-03-01)",
            "C payment_failed 2026-04-16..open high days_overdue=15.0"
                + failed
                + "I5 (open, due 2026-04-01); I8 (uncollectible, due 2026-04-01)",
            "D payment_failed 2026-04-18..open medium days_overdue=15.0"
                + failed
                + "I6 (open, due 2026-04-03)"),
        episodes(EventConditions.paymentFailed(invoices, DEFAULTS, asOf), asOf));
  }

  /**
   * A: first paid 03-01, first value 04-05: holds from day 30 (03-31) to 04-04, closed by the value
   * event on 04-05. B: value on day 30 itself (03-31) is a first success: nothing. C: first paid
   * 03-10, no value by 04-20: open from 04-09. D: onboarding not covered by usage data: nothing. E:
   * paid 04-01, day 30 not reached: nothing. (A value event closes it for good: it cannot fire
   * again.)
   */
  @Test
  void noFirstValueOpensOnDayThirtyAndClosesOnTheFirstValueEvent() {
    String ddl =
        "account_id string, first_paid_day date, events_cover_onboarding boolean,"
            + " first_value_event_date date";
    Dataset<Row> milestones =
        frame(
            ddl,
            row("A", d("2026-03-01"), true, d("2026-04-05")),
            row("B", d("2026-03-01"), true, d("2026-03-31")),
            row("C", d("2026-03-10"), true, null),
            row("D", d("2026-03-01"), false, null),
            row("E", d("2026-04-01"), true, null));
    LocalDate asOf = LocalDate.parse("2026-04-20");
    String value = " medium days_since_first_paid=30.0 base=null thr=30.0 | first paid on ";
    assertEquals(
        List.of(
            "A no_first_value 2026-03-31..2026-04-05" + value + "2026-03-01; no value event since",
            "C no_first_value 2026-04-09..open" + value + "2026-03-10; no value event since"),
        episodes(EventConditions.noFirstValue(milestones, DEFAULTS, asOf), asOf));
  }
}
