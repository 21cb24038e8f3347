package io.pulse.jobs.support;

import static io.pulse.jobs.support.SupportFixture.date;
import static io.pulse.jobs.support.SupportFixture.ts;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.to_date;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.job.JobResult;
import io.pulse.common.job.RunDates;
import io.pulse.common.table.TableDef;
import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.JobTestWarehouse;
import io.pulse.jobs.silver.SilverEntities;
import java.util.List;
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
 * The support job on a silver.tickets made from {@link SupportFixture}, in a private warehouse.
 * Each fixture ticket is delivered once, on the day of its last change; T5 has two more versions:
 * an older one (delivered 04-09: open, not solved) and a newer one delivered on 04-11, after every
 * run's date (reopened, open again). A run for 04-09 sees T5 as open; a run to 04-10 sees it solved
 * (the 04-11 version ignored) and writes the hand-computed rows of {@link CurrentTicketsTest} and
 * {@link SupportDailyTest}; a rerun of 04-10 leaves both tables identical.
 */
@SparkTest
class SupportJobTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static JobTestWarehouse warehouse;

  @BeforeAll
  static void writeSilver() {
    warehouse = new JobTestWarehouse("support-job");
    Dataset<Row> latest =
        SupportFixture.tickets()
            .withColumn(
                "updated_at",
                greatest(col("created_at"), col("first_response_at"), col("solved_at")))
            .withColumn("_dt", to_date(col("updated_at")));
    warehouse.save(SilverEntities.TICKETS.table(), latest.unionByName(otherVersionsOfT5()));
  }

  @AfterAll
  static void forgetGoldTables() {
    // The writer registered the tables under their names; the shared metastore must not keep them.
    for (TableDef table : SupportTables.ALL) {
      spark.sql("DROP TABLE IF EXISTS gold." + table.name());
    }
  }

  private static Dataset<Row> otherVersionsOfT5() {
    StructType schema =
        SupportFixture.TICKETS
            .add("updated_at", DataTypes.TimestampType)
            .add("_dt", DataTypes.DateType);
    return spark.createDataFrame(
        List.of(
            t5("open", null, 0, "2026-04-09T09:00:00Z", "2026-04-09"),
            t5("open", null, 1, "2026-04-11T09:00:00Z", "2026-04-11")),
        schema);
  }

  private static Row t5(String status, String solved, int reopened, String updated, String dt) {
    return RowFactory.create(
        "T5",
        "A",
        "c-T5",
        "urgent",
        status,
        "email",
        "subject of T5",
        ts("2026-04-09T08:00:00Z"),
        ts("2026-04-09T09:00:00Z"),
        ts(solved),
        reopened,
        ts(updated),
        date(dt));
  }

  @Test
  void latestVersionKnownAtTheEndThenARerunOfOneDayChangesNothing() {
    Dataset<Row> expectedTickets =
        spark.createDataFrame(
            CurrentTicketsTest.expected(SupportFixture.END), CurrentTicketsTest.SCHEMA);
    Dataset<Row> expectedDays =
        spark.createDataFrame(SupportDailyTest.expected(), SupportDailyTest.SCHEMA);

    // 04-09 .. 04-10: every ticket as of 04-10, T5 solved (its 04-11 version not yet delivered);
    // the day rows of 04-09 are restated with what is known at 04-10.
    JobResult range =
        warehouse.run(new SupportJob(), new RunDates(SupportFixture.START, SupportFixture.END));
    assertEquals(12, range.counts("gold.fct_ticket").rowsWritten());
    assertEquals(7, range.counts("gold.agg_support_daily").rowsWritten());
    Frames.assertSameRows(expectedTickets, warehouse.read(SupportTables.FCT_TICKET));
    Frames.assertSameRows(expectedDays, warehouse.read(SupportTables.AGG_SUPPORT_DAILY));

    // 04-10 again: A, B, C and D have a row that day; the 04-09 rows stay as they were.
    JobResult again = warehouse.run(new SupportJob(), RunDates.of(SupportFixture.END));
    assertEquals(12, again.counts("gold.fct_ticket").rowsWritten());
    assertEquals(4, again.counts("gold.agg_support_daily").rowsWritten());
    Frames.assertSameRows(expectedTickets, warehouse.read(SupportTables.FCT_TICKET));
    Frames.assertSameRows(expectedDays, warehouse.read(SupportTables.AGG_SUPPORT_DAILY));
  }
}
