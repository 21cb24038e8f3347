package io.pulse.jobs.cohorts;

import static io.pulse.jobs.cohorts.CohortsFixture.RUN_DATE;
import static io.pulse.jobs.cohorts.CohortsFixture.ts;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.job.JobResult;
import io.pulse.common.job.RunDates;
import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.JobTestWarehouse;
import io.pulse.jobs.revenue.RevenueTables;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverEntity;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cohorts job on {@link CohortsFixture} in a private warehouse: gold.fct_mrr_monthly as the
 * revenue job would publish it, silver.accounts and silver.usage_events with their deliveries. A
 * CRM version and an event delivered after D are not seen; the job writes exactly the hand-computed
 * rows of both tables, and a rerun gives the same rows.
 */
@SparkTest
class CohortsJobTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final Date DELIVERED = Date.valueOf("2026-04-10");
  private static final Date AFTER_D = Date.valueOf("2026-04-11");
  private static JobTestWarehouse warehouse;

  @BeforeAll
  static void writeInputs() {
    warehouse = new JobTestWarehouse("cohorts-job");
    warehouse.save(RevenueTables.MRR_MONTHLY, CohortsFixture.mrrMonthly());

    // U3's created_at moved to March by a version delivered after D: it stays in Feb.
    Dataset<Row> lateVersion =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    "U3", "enterprise", ts("2026-03-01T08:00:00Z"), ts("2026-04-11T06:00:00Z"))),
            CohortsFixture.ACCOUNT_VERSIONS);
    warehouse.save(
        SilverEntities.ACCOUNTS.table(),
        CohortsFixture.accountVersions()
            .withColumn("_dt", lit(DELIVERED))
            .unionByName(lateVersion.withColumn("_dt", lit(AFTER_D))));

    // U2 active on 04-05 in a delivery after D: not retained in April.
    Dataset<Row> lateEvent =
        spark.createDataFrame(
            List.of(RowFactory.create("U2", "u2a", Date.valueOf("2026-04-05"))),
            CohortsFixture.EVENTS);
    Dataset<Row> events =
        CohortsFixture.events()
            .withColumn("_dt", col("day"))
            .unionByName(lateEvent.withColumn("_dt", lit(AFTER_D)))
            .withColumn(
                "event_id",
                concat_ws("|", col("account_id"), col("user_id"), col("day").cast("string")))
            .withColumn("event_type", lit("session_started"))
            .withColumn("occurred_at", to_timestamp(col("day")))
            .withColumn(SilverEntity.EVENT_DATE, to_date(col("day")))
            .drop("day");
    warehouse.save(SilverEntities.USAGE_EVENTS.table(), events);
  }

  @AfterAll
  static void forgetGoldTables() {
    // The writer registered the tables under their names; the shared metastore must not keep them.
    for (var table : CohortsTables.ALL) {
      spark.sql("DROP TABLE IF EXISTS gold." + table.name());
    }
  }

  @Test
  void writesTheHandComputedTablesAndARerunGivesTheSameRows() {
    Dataset<Row> revenue =
        CohortsFixture.frame(
            CohortsFixture.expectedRevenue(), CohortsTables.REVENUE_COHORTS.schema());
    Dataset<Row> usage =
        CohortsFixture.frame(CohortsFixture.expectedUsage(), CohortsTables.USAGE_COHORTS.schema());

    for (int run = 1; run <= 2; run++) {
      JobResult result = warehouse.run(new CohortsJob(), RunDates.of(RUN_DATE));
      assertEquals(20, result.counts("gold.cohort_retention_monthly").rowsWritten());
      assertEquals(30, result.counts("gold.usage_cohort_retention_monthly").rowsWritten());
      // 16 fct rows; 7 active account-months (the late event adds none).
      assertEquals(16, result.counts("gold.cohort_retention_monthly").rowsRead());
      assertEquals(7, result.counts("gold.usage_cohort_retention_monthly").rowsRead());
      Frames.assertSameRows(revenue, warehouse.read(CohortsTables.REVENUE_COHORTS));
      Frames.assertSameRows(usage, warehouse.read(CohortsTables.USAGE_COHORTS));
    }
  }
}
