package io.pulse.jobs.usage;

import static io.pulse.jobs.usage.UsageFixture.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The publish checks pass on the hand-computed rows and name each broken rule with its key. */
@SparkTest
class UsageChecksTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final Date MARCH = Date.valueOf("2026-03-01");

  private static Row row(
      String account, int n, long dau, long wau, long mau, long seats, double breadth) {
    return RowFactory.create(
        account, day(n), MARCH, dau, wau, mau, null, seats, null, breadth, null, 0L, null);
  }

  @Test
  void handRowsPassAndBrokenRowsAreNamed() {
    assertEquals(
        List.of(),
        UsageChecks.violations(
            spark.createDataFrame(AccountUsageDailyTest.expected(), AccountUsageDailyTest.SCHEMA)));

    List<Row> bad = new ArrayList<>();
    bad.add(row("X", 1, 0, 0, 1, 0, 0.0));
    bad.add(row("X", 1, 0, 0, 1, 0, 0.0)); // the same account and day twice
    bad.add(row("Y", 2, 3, 2, 5, 0, 0.0)); // dau > wau
    bad.add(row("Z", 3, 0, 0, 0, -1, 0.0)); // negative seats, and neither mau nor seats
    bad.add(row("W", 4, 0, 0, 1, 0, 1.2)); // breadth above 1
    List<String> problems =
        UsageChecks.violations(spark.createDataFrame(bad, AccountUsageDailyTest.SCHEMA));

    assertEquals(5, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("X|2026-03-02"), problems.get(0));
    assertTrue(problems.get(1).contains("Y|2026-03-03"), problems.get(1));
    assertTrue(problems.get(2).contains("Z|2026-03-04"), problems.get(2));
    assertTrue(problems.get(3).contains("W|2026-03-05"), problems.get(3));
    assertTrue(problems.get(4).contains("Z|2026-03-04"), problems.get(4));
  }
}
