package io.pulse.jobs.revenue;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.math.BigDecimal;
import java.sql.Date;
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
 * fct_mrr_monthly on {@link RevenueFixture}, run date 2026-05-20. Every expected row below is
 * worked out by hand from the versions (amounts already in USD).
 */
@SparkTest
class MonthlyMrrTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final DecimalType MONEY = new DecimalType(18, 4);
  static final LocalDate RUN_DATE = LocalDate.parse("2026-05-20");

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
            MonthlyMrr.accountMonths(RevenueFixture.versions(), RUN_DATE),
            RevenueFixture.accountVersions(),
            RUN_DATE);

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
