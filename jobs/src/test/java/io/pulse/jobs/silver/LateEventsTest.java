package io.pulse.jobs.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.job.RunDates;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.JobTestWarehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Which days a run is widened back to. The log: the delivery of 03-10 brought surveys of 03-07 and
 * 03-01 (3 and 9 days before it), the delivery of 03-12 activities of 03-05.
 */
@SparkTest
class LateEventsTest {
  private static final LocalDate D = LocalDate.parse("2026-03-10");

  private static JobTestWarehouse warehouseWithLog() {
    JobTestWarehouse warehouse = new JobTestWarehouse("late-events");
    warehouse.save(
        ChangedDates.TABLE,
        SparkTestSession.get()
            .createDataFrame(
                List.of(
                    RowFactory.create("surveys", date("2026-03-10"), date("2026-03-07")),
                    RowFactory.create("surveys", date("2026-03-10"), date("2026-03-01")),
                    RowFactory.create("surveys", date("2026-03-10"), date("2026-03-10")),
                    RowFactory.create("activities", date("2026-03-12"), date("2026-03-05"))),
                new StructType()
                    .add("entity", DataTypes.StringType)
                    .add("dt", DataTypes.DateType)
                    .add("event_date", DataTypes.DateType)));
    return warehouse;
  }

  private static final JobTestWarehouse WAREHOUSE = warehouseWithLog();

  @Test
  void widensToTheEarliestLateDayWithinReach() {
    // 03-01 is 9 days back, beyond the default 7: only 03-07 is reached
    assertEquals(
        new RunDates(LocalDate.parse("2026-03-07"), D), widened(RunDates.of(D), 7, "surveys"));
    assertEquals(
        new RunDates(LocalDate.parse("2026-03-01"), D), widened(RunDates.of(D), 9, "surveys"));
  }

  @Test
  void leavesTheRunAloneWithoutLateDaysOfItsEntitiesAndDeliveries() {
    // activities were late in another delivery (03-12); 03-10's own surveys are not late
    assertEquals(RunDates.of(D), widened(RunDates.of(D), 7, "activities"));
    assertEquals(
        new RunDates(LocalDate.parse("2026-03-08"), D),
        widened(new RunDates(LocalDate.parse("2026-03-08"), D), 1, "activities"));
    // a range starting before every late day is not widened
    RunDates backfill = new RunDates(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-12"));
    assertEquals(backfill, widened(backfill, 7, "surveys", "activities"));
    assertEquals(RunDates.of(D), widened(RunDates.of(D), 0, "surveys"));
  }

  @Test
  void aWarehouseWithoutTheLogIsNotWidened() {
    JobTestWarehouse empty = new JobTestWarehouse("late-events-none");
    assertEquals(
        RunDates.of(D),
        LateEvents.widen(empty.context(RunDates.of(D), config(7)), SilverEntities.SURVEYS).dates());
  }

  private static RunDates widened(RunDates dates, int reach, String... entities) {
    SilverEntity[] resolved =
        java.util.Arrays.stream(entities)
            .map(
                name ->
                    SilverEntities.ALL.stream()
                        .filter(e -> e.name().equals(name))
                        .findFirst()
                        .orElseThrow())
            .toArray(SilverEntity[]::new);
    return LateEvents.widen(WAREHOUSE.context(dates, config(reach)), resolved).dates();
  }

  private static PulseConfig config(int reach) {
    // LateEvents reads only this setting; the tables come from the test warehouse
    return PulseConfig.of("local", Map.of("pulse.silver.recompute-late-days", "" + reach));
  }

  private static Date date(String day) {
    return Date.valueOf(day);
  }
}
