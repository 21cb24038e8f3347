package io.pulse.jobs.revenue;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** gold.dim_plan: the latest delivered version of each plan (by delivery date, file, line). */
@SparkTest
class DimPlanTest {
  private static final SparkSession spark = SparkTestSession.get();

  private static Row plan(String id, String name, String price, String dt, String file, long line) {
    return RowFactory.create(
        id,
        name,
        "pulse",
        "pro",
        "month",
        new BigDecimal(price),
        "USD",
        true,
        Date.valueOf(dt),
        file,
        line);
  }

  @Test
  void theLatestDeliveryOfEachPlanWins() {
    StructType silver =
        RevenueTables.DIM_PLAN
            .schema()
            .add("_dt", DataTypes.DateType)
            .add("_source_file", DataTypes.StringType)
            .add("_row_number", DataTypes.LongType);
    var plans =
        spark.createDataFrame(
            List.of(
                // P1: delivered Jan 1 at 10, repriced on Feb 1 at 12: the Feb 1 row wins.
                plan("P1", "Pro", "10", "2026-01-01", "plans.csv", 1),
                plan("P1", "Pro", "12", "2026-02-01", "plans.csv", 1),
                // P2: twice on the same day: the later file wins (b.csv after a.csv).
                plan("P2", "Team", "20", "2026-01-01", "a.csv", 7),
                plan("P2", "Team Plus", "25", "2026-01-01", "b.csv", 1),
                // P3: delivered once.
                plan("P3", "Starter", "5", "2026-01-01", "plans.csv", 2)),
            silver);

    Frames.assertSameRows(
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    "P1", "Pro", "pulse", "pro", "month", new BigDecimal("12"), "USD", true),
                RowFactory.create(
                    "P2", "Team Plus", "pulse", "pro", "month", new BigDecimal("25"), "USD", true),
                RowFactory.create(
                    "P3", "Starter", "pulse", "pro", "month", new BigDecimal("5"), "USD", true)),
            RevenueTables.DIM_PLAN.schema()),
        DimPlan.of(plans));
  }
}
