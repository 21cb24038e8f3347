package io.pulse.jobs.support;

import static io.pulse.jobs.support.SupportFixture.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The publish checks pass on the hand-computed rows and name each broken rule with its key. */
@SparkTest
class SupportChecksTest {
  private static final SparkSession spark = SparkTestSession.get();

  private static Row day(
      String account,
      String day,
      long opened,
      long opened7,
      long opened30,
      long opened90,
      long backlog,
      Double reopenRate,
      long breaches30,
      long breaches90) {
    return RowFactory.create(
        account,
        date(day),
        date("2026-04-01"),
        opened,
        opened7,
        opened30,
        opened90,
        backlog,
        null,
        null,
        reopenRate,
        breaches30,
        breaches90,
        0.0);
  }

  @Test
  void handRowsPassAndBrokenDailyRowsAreNamed() {
    assertEquals(
        List.of(),
        SupportChecks.dailyViolations(
            spark.createDataFrame(SupportDailyTest.expected(), SupportDailyTest.SCHEMA)));

    List<Row> bad = new ArrayList<>();
    bad.add(day("X", "2026-04-01", 0, 0, 0, 0, 0, null, 0, 0));
    bad.add(day("X", "2026-04-01", 0, 0, 0, 0, 0, null, 0, 0)); // the same account and day twice
    bad.add(day("Y", "2026-04-02", 0, 3, 2, 5, 0, null, 0, 0)); // 7 days above 30
    bad.add(day("Z", "2026-04-03", 1, 1, 1, 1, 0, null, 2, 2)); // more breaches than tickets
    bad.add(day("W", "2026-04-04", 0, 0, 0, 0, -1, null, 0, 0)); // negative backlog
    bad.add(day("V", "2026-04-05", 1, 1, 1, 1, 0, 1.5, 0, 0)); // reopen rate above 1
    List<String> problems =
        SupportChecks.dailyViolations(spark.createDataFrame(bad, SupportDailyTest.SCHEMA));

    assertEquals(5, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("X|2026-04-01"), problems.get(0));
    assertTrue(problems.get(1).contains("Y|2026-04-02"), problems.get(1));
    assertTrue(problems.get(2).contains("Z|2026-04-03"), problems.get(2));
    assertTrue(problems.get(3).contains("W|2026-04-04"), problems.get(3));
    assertTrue(problems.get(4).contains("V|2026-04-05"), problems.get(4));
  }

  @Test
  void aTicketTwiceOrANegativeDurationIsNamed() {
    List<Row> tickets = new ArrayList<>(CurrentTicketsTest.expected(SupportFixture.END));
    assertEquals(
        List.of(),
        SupportChecks.ticketViolations(spark.createDataFrame(tickets, CurrentTicketsTest.SCHEMA)));

    tickets.add(tickets.get(0)); // T8 twice
    Object[] negative = new Object[CurrentTicketsTest.SCHEMA.size()];
    for (int i = 0; i < negative.length; i++) {
      negative[i] = tickets.get(1).get(i);
    }
    negative[0] = "T99";
    negative[CurrentTicketsTest.SCHEMA.fieldIndex("resolution_hours")] = -1.0;
    tickets.add(RowFactory.create(negative));
    List<String> problems =
        SupportChecks.ticketViolations(spark.createDataFrame(tickets, CurrentTicketsTest.SCHEMA));

    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).endsWith(": T8"), problems.get(0));
    assertTrue(problems.get(1).endsWith(": T99"), problems.get(1));
  }
}
