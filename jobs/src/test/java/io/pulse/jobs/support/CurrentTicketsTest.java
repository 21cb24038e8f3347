package io.pulse.jobs.support;

import static io.pulse.jobs.support.SupportFixture.date;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** fct_ticket on {@link SupportFixture}: durations, reopen flag and SLA standing, by hand. */
@SparkTest
class CurrentTicketsTest {
  private static final SparkSession spark = SparkTestSession.get();

  static final StructType SCHEMA =
      SupportFixture.TICKETS
          .add("created_date", DataTypes.DateType)
          .add("created_month", DataTypes.DateType)
          .add("first_reply_hours", DataTypes.DoubleType)
          .add("resolution_hours", DataTypes.DoubleType)
          .add("is_reopened", DataTypes.BooleanType)
          .add("sla_first_reply_hours", DataTypes.DoubleType)
          .add("is_sla_breached", DataTypes.BooleanType)
          .add("as_of_date", DataTypes.DateType);

  /** What the transform adds to a ticket, worked out by hand. */
  private record Derived(
      String createdDate,
      Double reply,
      Double resolution,
      boolean reopened,
      Double sla,
      boolean breached) {}

  /**
   * As of 2026-04-10 (the end of D is 04-11 00:00). T1: 22:30 → 01:00 is 2.5 h across midnight, →
   * 04-10 00:00 is 25.5 h. T2: 13:00 → 16:30 UTC (the offsets resolved) 3.5 h > urgent 1; → 20:00
   * is 7 h; reopened twice is one reopened ticket. T4: unanswered, 04-08 00:00 → 04-11 00:00 is 72
   * h > low 48. T3: unanswered 38 h > 1. T5: 1.0 h, not more than urgent 1; 26 h to solve. T6: 4.0
   * h, not more than high 4. T9: unanswered 04-10 23:00 → 1 h ≤ 24. T8: 49 h > 48. T11: unanswered
   * since 2025-11-20, far past 48 h.
   */
  static Map<String, Derived> asOfD() {
    return Map.ofEntries(
        Map.entry("T8", new Derived("2026-01-10", 49.0, 72.0, false, 48.0, true)),
        Map.entry("T0", new Derived("2026-03-11", 1.5, 48.0, true, 24.0, false)),
        Map.entry("T4", new Derived("2026-04-08", null, null, false, 48.0, true)),
        Map.entry("T1", new Derived("2026-04-08", 2.5, 25.5, false, 24.0, false)),
        Map.entry("T2", new Derived("2026-04-09", 3.5, 7.0, true, 1.0, true)),
        Map.entry("T3", new Derived("2026-04-09", null, null, false, 1.0, true)),
        Map.entry("T5", new Derived("2026-04-09", 1.0, 26.0, false, 1.0, false)),
        Map.entry("T6", new Derived("2026-04-10", 4.0, null, true, 4.0, false)),
        Map.entry("T9", new Derived("2026-04-10", null, null, false, 24.0, false)),
        Map.entry("T10", new Derived("2025-12-01", 1.0, 24.0, false, 24.0, false)),
        Map.entry("T11", new Derived("2025-11-20", null, null, false, 48.0, true)),
        Map.entry("T12", new Derived("2026-04-09", null, 6.0, false, 24.0, true)));
  }

  static List<Row> expected(LocalDate asOf) {
    Map<String, Derived> derived = asOfD();
    List<Row> rows = new ArrayList<>();
    for (Row t : SupportFixture.rows()) {
      Derived d = derived.get(t.getString(0));
      Date created = date(d.createdDate());
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < t.length(); i++) {
        values.add(t.get(i));
      }
      values.addAll(
          Arrays.asList(
              created,
              Date.valueOf(created.toLocalDate().withDayOfMonth(1)),
              d.reply(),
              d.resolution(),
              d.reopened(),
              d.sla(),
              d.breached(),
              Date.valueOf(asOf)));
      rows.add(RowFactory.create(values.toArray()));
    }
    return rows;
  }

  @Test
  void durationsReopenAndSlaAsOfD() {
    Frames.assertSameRows(
        spark.createDataFrame(expected(SupportFixture.END), SCHEMA),
        CurrentTickets.of(SupportFixture.tickets(), SupportFixture.SETTINGS, SupportFixture.END));
  }

  @Test
  void anUnansweredTicketBreachesOnlyOnceItWaitedLongerThanItsSla() {
    // As of 04-09 (end 04-10 00:00): T4 has waited exactly 48 h, not more than low's 48; T3 14 h.
    Dataset<Row> asOfStart =
        CurrentTickets.of(SupportFixture.tickets(), SupportFixture.SETTINGS, SupportFixture.START);
    assertEquals(
        List.of(false, true),
        asOfStart
            .where(col("ticket_id").isin("T4", "T3"))
            .orderBy(col("ticket_id").desc())
            .select("is_sla_breached")
            .as(Encoders.BOOLEAN())
            .collectAsList());
  }

  @Test
  void aPriorityWithoutAnSlaHasNoneAndNeverBreaches() {
    SupportSettings noLow =
        new SupportSettings(Map.of("urgent", 1.0, "high", 4.0, "normal", 24.0), 7, 30, 90);
    Dataset<Row> lows =
        CurrentTickets.of(SupportFixture.tickets(), noLow, SupportFixture.END)
            .where(col("priority").equalTo("low"));
    // T8 (49 h), T4 (72 h), T11: each would breach low's 48 h.
    assertEquals(3, lows.count());
    assertEquals(
        0,
        lows.where(
                col("sla_first_reply_hours").isNotNull().or(col("is_sla_breached").notEqual(false)))
            .count());
  }

  /**
   * Business hours, Mon-Fri 09-17 UTC (2026-04-08 is a Wednesday, 2026-01-10 a Saturday). T1: Wed
   * 22:30 → Thu 01:00 is closed, 0 h to reply; → Fri 00:00 is Thursday's 8 h to solve. T4:
   * unanswered from Wed 00:00 to the end of Fri 04-10 is 3 × 8 = 24 h, within low's 48 (its 72
   * calendar hours breach it). T8: Sat 05:00 → Mon 06:00 (49 calendar hours) is 0 h, not a breach;
   * solved Tue 05:00, Monday's 8 h.
   */
  @Test
  void businessHoursCountOnlyTheOpenHoursAndTheSlaWaitsForThem() {
    SupportSettings business =
        new SupportSettings(
            SupportFixture.SETTINGS.slaFirstReplyHours(),
            7,
            30,
            90,
            BusinessHours.parse(
                "UTC", List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "17:00"));
    List<String> rows =
        CurrentTickets.of(SupportFixture.tickets(), business, SupportFixture.END)
            .where(col("ticket_id").isin("T1", "T4", "T8"))
            .orderBy("ticket_id")
            .selectExpr(
                "concat_ws(' ', ticket_id, first_reply_hours, resolution_hours, is_sla_breached)")
            .as(Encoders.STRING())
            .collectAsList();
    assertEquals(List.of("T1 0.0 8.0 false", "T4 false", "T8 0.0 8.0 false"), rows);
  }
}
