package io.pulse.jobs.revenue;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * fct_mrr_monthly on a hand-computed fixture, run date 2026-05-20. Every expected row below is
 * worked out by hand from the versions (amounts already in USD).
 */
@SparkTest
class MonthlyMrrTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final DecimalType MONEY = new DecimalType(18, 4);
  private static final LocalDate RUN_DATE = LocalDate.parse("2026-05-20");

  private static Row v(String account, String from, String to, String mrr) {
    return RowFactory.create(account, ts(from), to == null ? null : ts(to), new BigDecimal(mrr));
  }

  private static Timestamp ts(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }

  private static Dataset<Row> versions() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("valid_from", DataTypes.TimestampType)
            .add("valid_to", DataTypes.TimestampType)
            .add("mrr", MONEY);
    return spark.createDataFrame(
        List.of(
            // A1: mid-month upgrade on Feb 15
            v("A1", "2026-01-01T00:00:00Z", "2026-02-15T00:00:00Z", "100"),
            v("A1", "2026-02-15T00:00:00Z", null, "150"),
            // A2: ends exactly at 00:00 on Mar 1 (still counts for Feb, R4), back in May
            v("A2", "2026-01-10T00:00:00Z", "2026-03-01T00:00:00Z", "200"),
            v("A2", "2026-05-01T00:00:00Z", null, "80"),
            // A3: joins and cancels within February: no month end, no row
            v("A3", "2026-02-03T00:00:00Z", "2026-02-20T00:00:00Z", "50"),
            // A4: starts exactly at 00:00 on Mar 1 (not in Feb), downgrades Apr 10
            v("A4", "2026-03-01T00:00:00Z", "2026-04-10T00:00:00Z", "60"),
            v("A4", "2026-04-10T00:00:00Z", null, "40"),
            // A5: two subscriptions moving in opposite directions in March
            v("A5", "2026-01-01T00:00:00Z", "2026-03-20T00:00:00Z", "100"),
            v("A5", "2026-03-20T00:00:00Z", null, "70"),
            v("A5", "2026-01-01T00:00:00Z", "2026-03-15T00:00:00Z", "50"),
            v("A5", "2026-03-15T00:00:00Z", null, "70"),
            // A6: trial that converts mid-January
            v("A6", "2026-01-01T00:00:00Z", "2026-01-15T00:00:00Z", "0"),
            v("A6", "2026-01-15T00:00:00Z", null, "30"),
            // A7: trial that lapses before its month ends; A8: trial across a month end
            v("A7", "2026-02-01T00:00:00Z", "2026-02-28T00:00:00Z", "0"),
            v("A8", "2026-04-20T00:00:00Z", "2026-05-05T00:00:00Z", "0"),
            // A9: ends the day after the run date, so it counts for May as of the run date
            v("A9", "2026-04-01T00:00:00Z", "2026-05-21T00:00:00Z", "25"),
            // A10: starts after the run date: nothing yet
            v("A10", "2026-05-21T00:00:00Z", null, "999")),
        schema);
  }

  private static Dataset<Row> accountVersions() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("segment", DataTypes.StringType)
            .add("updated_at", DataTypes.TimestampType);
    return spark.createDataFrame(
        List.of(
            RowFactory.create("A1", "smb", ts("2025-12-01T00:00:00Z")),
            // moves segment on Mar 10: March onwards is mid_market
            RowFactory.create("A1", "mid_market", ts("2026-03-10T00:00:00Z")),
            RowFactory.create("A2", "smb", ts("2025-12-01T00:00:00Z")),
            RowFactory.create("A4", "enterprise", ts("2025-12-01T00:00:00Z")),
            RowFactory.create("A5", "smb", ts("2025-12-01T00:00:00Z")),
            RowFactory.create("A6", "smb", ts("2025-12-01T00:00:00Z")),
            // A9's only CRM version comes after April ends: April has no segment yet
            RowFactory.create("A9", "smb", ts("2026-05-02T00:00:00Z"))),
        schema);
  }

  private static Row row(
      String account,
      String month,
      String segment,
      String mrr,
      String prev,
      String type,
      String amount) {
    return RowFactory.create(
        account,
        Date.valueOf(month),
        segment,
        new BigDecimal(mrr),
        new BigDecimal(prev),
        type,
        new BigDecimal(amount));
  }

  @Test
  void everyAccountMonthHasItsMrrMovementAndSegment() {
    Dataset<Row> result =
        MonthlyMrr.withMovements(
            MonthlyMrr.accountMonths(versions(), RUN_DATE), accountVersions(), RUN_DATE);

    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("month", DataTypes.DateType)
            .add("segment", DataTypes.StringType, false)
            .add("mrr", MONEY, false)
            .add("prev_mrr", MONEY, false)
            .add("movement_type", DataTypes.StringType)
            .add("movement_amount", MONEY);
    Frames.assertSameRows(
        spark.createDataFrame(
            List.of(
                row("A1", "2026-01-01", "smb", "100", "0", "new", "100"),
                row("A1", "2026-02-01", "smb", "150", "100", "expansion", "50"),
                row("A1", "2026-03-01", "mid_market", "150", "150", null, "0"),
                row("A1", "2026-04-01", "mid_market", "150", "150", null, "0"),
                row("A1", "2026-05-01", "mid_market", "150", "150", null, "0"),
                row("A2", "2026-01-01", "smb", "200", "0", "new", "200"),
                row("A2", "2026-02-01", "smb", "200", "200", null, "0"),
                row("A2", "2026-03-01", "smb", "0", "200", "churn", "-200"),
                row("A2", "2026-05-01", "smb", "80", "0", "reactivation", "80"),
                row("A4", "2026-03-01", "enterprise", "60", "0", "new", "60"),
                row("A4", "2026-04-01", "enterprise", "40", "60", "contraction", "-20"),
                row("A4", "2026-05-01", "enterprise", "40", "40", null, "0"),
                row("A5", "2026-01-01", "smb", "150", "0", "new", "150"),
                row("A5", "2026-02-01", "smb", "150", "150", null, "0"),
                row("A5", "2026-03-01", "smb", "140", "150", "contraction", "-10"),
                row("A5", "2026-04-01", "smb", "140", "140", null, "0"),
                row("A5", "2026-05-01", "smb", "140", "140", null, "0"),
                row("A6", "2026-01-01", "smb", "30", "0", "new", "30"),
                row("A6", "2026-02-01", "smb", "30", "30", null, "0"),
                row("A6", "2026-03-01", "smb", "30", "30", null, "0"),
                row("A6", "2026-04-01", "smb", "30", "30", null, "0"),
                row("A6", "2026-05-01", "smb", "30", "30", null, "0"),
                row("A9", "2026-04-01", "unknown", "25", "0", "new", "25"),
                row("A9", "2026-05-01", "smb", "25", "25", null, "0")),
            schema),
        result);
  }
}
