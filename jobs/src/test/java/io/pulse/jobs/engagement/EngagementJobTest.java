package io.pulse.jobs.engagement;

import static io.pulse.jobs.engagement.EngagementFixture.at;
import static io.pulse.jobs.engagement.EngagementFixture.day;
import static io.pulse.jobs.engagement.EngagementFixture.t;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.job.JobResult;
import io.pulse.common.job.RunDates;
import io.pulse.common.table.TableDef;
import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.JobTestWarehouse;
import io.pulse.jobs.revenue.RevenueTables;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverEntity;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engagement and onboarding jobs on silver tables (and gold.fct_mrr_daily) made from {@link
 * EngagementFixture} and {@link OnboardingFixture}, in a private warehouse. Each fixture's silver
 * copy adds versions the jobs must not use: a contact version and an activity delivered after the
 * run's end, an activity corrected by a later delivery, and a value event delivered after D. The
 * jobs write exactly the hand-computed rows of the transform tests, and a rerun leaves the tables
 * as they were.
 */
@SparkTest
class EngagementJobTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static JobTestWarehouse warehouse;

  @BeforeAll
  static void writeInputs() {
    warehouse = new JobTestWarehouse("engagement-job");

    // a3 was first delivered on t60 as a meeting and corrected to a qbr on t61: the latest
    // delivery wins (else A has no QBR). e1 (t101) is delivered on t100, within the future
    // tolerance: read but dated after the run, so not written. a6 on t100 is delivered on t101:
    // after the run, not seen (else A's t100 touchpoints would be 4).
    Dataset<Row> activities =
        EngagementFixture.activities()
            .withColumn("_dt", to_date(col("occurred_at")))
            .withColumn("_source_file", lit("activities.csv"))
            .unionByName(
                spark
                    .createDataFrame(
                        List.of(
                            EngagementFixture.activity(
                                "a3", "A", "A1", "meeting", at(60, "15:00:00"))),
                        EngagementFixture.ACTIVITIES)
                    .withColumn("_dt", lit(day(60)))
                    .withColumn("_source_file", lit("activities.csv")))
            .withColumn(
                "_dt",
                when(
                        col("activity_id").equalTo("a3").and(col("activity_type").equalTo("qbr")),
                        lit(day(61)))
                    .when(col("activity_id").equalTo("e1"), lit(day(100)))
                    .otherwise(col("_dt")))
            .unionByName(
                spark
                    .createDataFrame(
                        List.of(
                            EngagementFixture.activity(
                                "a6", "A", "A1", "call", at(100, "10:00:00"))),
                        EngagementFixture.ACTIVITIES)
                    .withColumn("_dt", lit(day(101)))
                    .withColumn("_source_file", lit("activities.csv")));
    warehouse.save(SilverEntities.ACTIVITIES.table(), activities);

    // B1 flagged champion at 15:00 on t100, delivered on t101: not seen (else B has a champion).
    Dataset<Row> contacts =
        EngagementFixture.contacts()
            .withColumn("_dt", to_date(col("updated_at")))
            .unionByName(
                spark
                    .createDataFrame(
                        List.of(
                            EngagementFixture.contact(
                                "B1", "B", "executive_sponsor", true, true, at(100, "15:00:00"))),
                        EngagementFixture.CONTACTS)
                    .withColumn("_dt", lit(day(101))));
    warehouse.save(SilverEntities.CONTACTS.table(), contacts);

    // R's report export on D itself, delivered on D + 1: not seen (else R: 29 days, a success).
    LocalDate asOf = OnboardingFixture.AS_OF;
    Dataset<Row> events =
        OnboardingFixture.events()
            .withColumn("_dt", col("day"))
            .unionByName(
                spark
                    .createDataFrame(
                        List.of(RowFactory.create("R", "report_exported", Date.valueOf(asOf))),
                        OnboardingFixture.EVENTS)
                    .withColumn("_dt", lit(Date.valueOf(asOf.plusDays(1)))))
            .withColumn(
                "event_id", concat_ws("|", col("account_id"), col("event_type"), col("_dt")))
            .withColumn("user_id", lit("u1"))
            .withColumn("occurred_at", to_timestamp(col("day")))
            .withColumnRenamed("day", SilverEntity.EVENT_DATE);
    warehouse.save(SilverEntities.USAGE_EVENTS.table(), events);
    warehouse.save(RevenueTables.MRR_DAILY, OnboardingFixture.mrrDaily());
  }

  @AfterAll
  static void forgetGoldTables() {
    // The writer registered the tables under their names; the shared metastore must not keep them.
    for (TableDef table : EngagementTables.ENGAGEMENT) {
      spark.sql("DROP TABLE IF EXISTS gold." + table.name());
    }
    for (TableDef table : EngagementTables.ONBOARDING) {
      spark.sql("DROP TABLE IF EXISTS gold." + table.name());
    }
  }

  @Test
  void engagementWritesTheRangeAndARerunOfOneDayChangesNothing() {
    Dataset<Row> touchpoints =
        spark
            .createDataFrame(TouchpointsTest.expected(), TouchpointsTest.SCHEMA)
            .where(col("activity_id").notEqual("e1"));
    Dataset<Row> daily =
        spark.createDataFrame(StakeholderDailyTest.expected(), StakeholderDailyTest.SCHEMA);

    JobResult range = warehouse.run(new EngagementJob(), new RunDates(t(98), t(100)));
    assertEquals(8, range.counts("gold.fct_touchpoint").rowsWritten());
    assertEquals(16, range.counts("gold.agg_stakeholder_daily").rowsWritten());
    Frames.assertSameRows(touchpoints, warehouse.read(EngagementTables.TOUCHPOINT));
    Frames.assertSameRows(daily, warehouse.read(EngagementTables.STAKEHOLDER_DAILY));

    // t99 again: the touchpoints dated up to t99 (a1-a4, b1, d1) and the six accounts' t99 rows
    // are rewritten as known at t99; t100's rows stay as they were.
    JobResult again = warehouse.run(new EngagementJob(), RunDates.of(t(99)));
    assertEquals(6, again.counts("gold.fct_touchpoint").rowsWritten());
    assertEquals(6, again.counts("gold.agg_stakeholder_daily").rowsWritten());
    Frames.assertSameRows(touchpoints, warehouse.read(EngagementTables.TOUCHPOINT));
    Frames.assertSameRows(daily, warehouse.read(EngagementTables.STAKEHOLDER_DAILY));
  }

  @Test
  void onboardingWritesItsSnapshotAndARerunChangesNothing() {
    Dataset<Row> milestones =
        spark.createDataFrame(OnboardingTest.expectedMilestones(), OnboardingTest.MILESTONES);
    Dataset<Row> retention =
        spark.createDataFrame(OnboardingTest.expectedRetention(), OnboardingTest.RETENTION);
    for (int run = 0; run < 2; run++) {
      JobResult result = warehouse.run(new OnboardingJob(), RunDates.of(OnboardingFixture.AS_OF));
      assertEquals(10, result.counts("gold.onboarding_milestones").rowsWritten());
      assertEquals(10, result.counts("gold.retention_by_onboarding").rowsWritten());
      Frames.assertSameRows(milestones, warehouse.read(EngagementTables.ONBOARDING_MILESTONES));
      Frames.assertSameRows(retention, warehouse.read(EngagementTables.RETENTION_BY_ONBOARDING));
    }
  }
}
