package io.pulse.jobs.usage;

import static io.pulse.jobs.usage.UsageFixture.day;
import static io.pulse.jobs.usage.UsageFixture.t;
import static io.pulse.jobs.usage.UsageFixture.ts;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.job.JobResult;
import io.pulse.common.job.RunDates;
import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.JobTestWarehouse;
import io.pulse.jobs.silver.ChangedDates;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverEntity;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The usage job on silver tables made from {@link UsageFixture}, in a private warehouse: it takes
 * the latest version of each subscription key, ignores deliveries after the run's last date, writes
 * exactly the hand-computed rows of {@link AccountUsageDailyTest}, and a rerun of one day leaves
 * the table as it was.
 */
@SparkTest
class UsageJobTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static JobTestWarehouse warehouse;

  @BeforeAll
  static void writeSilver() {
    warehouse = new JobTestWarehouse("usage-job");
    writeSilver(warehouse, true);
  }

  /**
   * The fixture's silver tables; {@code withLateVersions}: also C's 50-seat version delivered on
   * t41 and a superseded version of A.
   */
  private static void writeSilver(JobTestWarehouse warehouse, boolean withLateVersions) {
    Dataset<Row> events =
        UsageFixture.events()
            .withColumn("_dt", col("day"))
            .unionByName(lateEvent())
            .withColumn("occurred_at", to_timestamp(col("day")))
            .withColumnRenamed("day", SilverEntity.EVENT_DATE);
    warehouse.save(SilverEntities.USAGE_EVENTS.table(), events);

    Dataset<Row> versions =
        UsageFixture.versions()
            .withColumn("subscription_id", subscriptionKey())
            .withColumn("updated_at", col("valid_from"))
            .withColumn("_dt", lit(Date.valueOf("2026-01-01")));
    warehouse.save(
        SilverEntities.SUBSCRIPTIONS.table(),
        withLateVersions ? versions.unionByName(supersededAndLateVersions()) : versions);

    // G1: A's report exports, 1 due over t30..t39 (10 days).
    warehouse.save(
        SilverEntities.SUCCESS_PLANS.table(),
        spark
            .createDataFrame(
                List.of(RowFactory.create("G1", "A", "report_exported", 1, day(30), day(39))),
                SuccessGoalDailyTest.GOALS)
            .withColumn("_dt", lit(Date.valueOf("2026-01-01"))));
    warehouse.save(
        SilverEntities.PLANS.table(),
        UsageFixture.plans().withColumn("_dt", lit(Date.valueOf("2026-01-01"))));
  }

  @AfterAll
  static void forgetGoldTable() {
    // The writer registered the table under its name; the shared metastore must not keep it.
    for (var table : UsageTables.ALL) {
      spark.sql("DROP TABLE IF EXISTS gold." + table.name());
    }
  }

  /** Each version its own subscription: key account|plan|quantity. */
  private static Column subscriptionKey() {
    return concat_ws("|", col("account_id"), col("plan_id"), col("quantity").cast("string"));
  }

  /** a4 on t40, delivered on t41: after the run's end, so not seen (A's t40 DAU stays 0). */
  private static Dataset<Row> lateEvent() {
    StructType schema = UsageFixture.EVENTS.add("_dt", DataTypes.DateType);
    return spark.createDataFrame(
        List.of(RowFactory.create("A", "a4", "report_exported", "reports", day(40), day(41))),
        schema);
  }

  /**
   * A's 10 seats key once held 99 (an older updated_at: superseded); C's paid key gets 50 seats in
   * a delivery of t41, after the run's end: neither changes the expected rows.
   */
  private static Dataset<Row> supersededAndLateVersions() {
    StructType schema =
        new StructType()
            .add("subscription_id", DataTypes.StringType)
            .add("account_id", DataTypes.StringType)
            .add("plan_id", DataTypes.StringType)
            .add("quantity", DataTypes.IntegerType)
            .add("is_trial", DataTypes.BooleanType)
            .add("valid_from", DataTypes.TimestampType)
            .add("valid_to", DataTypes.TimestampType)
            .add("updated_at", DataTypes.TimestampType)
            .add("_dt", DataTypes.DateType);
    return spark.createDataFrame(
        List.of(
            RowFactory.create(
                "A|SEAT|10",
                "A",
                "SEAT",
                99,
                false,
                ts("2026-01-01T00:00:00Z"),
                null,
                ts("2025-12-15T00:00:00Z"),
                Date.valueOf("2025-12-15")),
            RowFactory.create(
                "C|SEAT|5",
                "C",
                "SEAT",
                50,
                false,
                ts("2026-04-06T12:00:00Z"),
                null,
                ts("2026-04-11T08:00:00Z"),
                day(41))),
        schema);
  }

  /**
   * G1 on t30..t39: expected = 1 × k / 10 on its k-th day; A's one export on t36 (the late a4
   * export of t40 is not delivered by t40): achieved 0 before t36, 1 from t36, so on track from t36
   * (1 ≥ 0.7) to t39 (1 ≥ 1.0).
   */
  private static Dataset<Row> expectedGoalDays() {
    List<Row> rows = new java.util.ArrayList<>();
    for (int k = 1; k <= 10; k++) {
      int n = 29 + k;
      long achieved = n >= 36 ? 1 : 0;
      double expected = 1.0 * k / 10;
      rows.add(
          RowFactory.create(
              "G1",
              "A",
              day(n),
              Date.valueOf(n <= 30 ? "2026-03-01" : "2026-04-01"),
              "report_exported",
              1,
              day(30),
              day(39),
              achieved,
              expected,
              achieved >= expected));
    }
    return spark.createDataFrame(rows, SuccessGoalDailyTest.OUTPUT);
  }

  @Test
  void writesTheRangeAndARerunOfOneDayChangesNothing() {
    Dataset<Row> expected =
        spark.createDataFrame(AccountUsageDailyTest.expected(), AccountUsageDailyTest.SCHEMA);

    JobResult range = warehouse.run(new UsageJob(), new RunDates(t(28), t(40)));
    assertEquals(36, range.counts("gold.fct_account_usage_daily").rowsWritten());
    assertEquals(10, range.counts("gold.fct_success_goal_daily").rowsWritten());
    Frames.assertSameRows(expected, warehouse.read(UsageTables.ACCOUNT_USAGE_DAILY));
    Frames.assertSameRows(expectedGoalDays(), warehouse.read(UsageTables.SUCCESS_GOAL_DAILY));

    // t38 again: A, B and C each have a row that day, G1 one; the other days stay as they were.
    JobResult again = warehouse.run(new UsageJob(), RunDates.of(t(38)));
    assertEquals(3, again.counts("gold.fct_account_usage_daily").rowsWritten());
    assertEquals(1, again.counts("gold.fct_success_goal_daily").rowsWritten());
    Frames.assertSameRows(expected, warehouse.read(UsageTables.ACCOUNT_USAGE_DAILY));
    Frames.assertSameRows(expectedGoalDays(), warehouse.read(UsageTables.SUCCESS_GOAL_DAILY));
  }

  /**
   * The delivery of t41 holds a4's export of t40 (silver lists t40 for it in ops.changed_dates):
   * the daily run for t41 recomputes t40 too, so A's t40 DAU goes from 0 to 1 and the table equals
   * a backfill to t41. (Without C's late seat version: a corrected version of a past day is not a
   * late event, and only a backfill takes it into the past days.)
   */
  @Test
  void aDailyRunRecomputesTheDaysItsDeliveryBroughtLateEventsFor() {
    JobTestWarehouse daily = new JobTestWarehouse("usage-daily");
    writeSilver(daily, false);
    daily.save(
        ChangedDates.TABLE,
        spark.createDataFrame(
            List.of(
                RowFactory.create("usage_events", day(41), day(40)),
                // another entity's late day and another delivery's: neither widens the run
                RowFactory.create("surveys", day(41), day(35)),
                RowFactory.create("usage_events", day(40), day(30))),
            new StructType()
                .add("entity", DataTypes.StringType)
                .add("dt", DataTypes.DateType)
                .add("event_date", DataTypes.DateType)));
    daily.run(new UsageJob(), new RunDates(t(28), t(40)));
    assertEquals(0L, dau(daily, "A", 40));

    JobResult next = daily.run(new UsageJob(), RunDates.of(t(41)));
    assertEquals(1L, dau(daily, "A", 40));
    // t40 and t41, three accounts each
    assertEquals(6, next.counts("gold.fct_account_usage_daily").rowsWritten());

    JobTestWarehouse backfill = new JobTestWarehouse("usage-backfill");
    writeSilver(backfill, false);
    backfill.run(new UsageJob(), new RunDates(t(28), t(41)));
    Frames.assertSameRows(
        backfill.read(UsageTables.ACCOUNT_USAGE_DAILY),
        daily.read(UsageTables.ACCOUNT_USAGE_DAILY));
    Frames.assertSameRows(
        backfill.read(UsageTables.SUCCESS_GOAL_DAILY), daily.read(UsageTables.SUCCESS_GOAL_DAILY));
  }

  private static long dau(JobTestWarehouse warehouse, String account, int n) {
    return warehouse
        .read(UsageTables.ACCOUNT_USAGE_DAILY)
        .where(col("account_id").equalTo(account).and(col("day").equalTo(lit(day(n)))))
        .select("dau")
        .as(org.apache.spark.sql.Encoders.LONG())
        .first();
  }
}
