package io.pulse.jobs.revenue;

import io.pulse.common.testing.SparkTestSession;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/** Hand-written subscription versions (MRR already in USD) and CRM versions for revenue tests. */
final class RevenueFixture {
  private static final SparkSession spark = SparkTestSession.get();
  private static final DecimalType MONEY = new DecimalType(18, 4);

  private RevenueFixture() {}

  /** A subscription version: its account, valid_from, valid_to (null: open) and MRR. */
  static Row v(String account, String from, String to, String mrr) {
    return RowFactory.create(account, ts(from), to == null ? null : ts(to), new BigDecimal(mrr));
  }

  static Timestamp ts(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }

  /** Subscription versions made of {@link #v} rows. */
  static Dataset<Row> versionsOf(Row... rows) {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("valid_from", DataTypes.TimestampType)
            .add("valid_to", DataTypes.TimestampType)
            .add("mrr", MONEY);
    return spark.createDataFrame(List.of(rows), schema);
  }

  static Dataset<Row> versions() {
    return versionsOf(
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
        v("A10", "2026-05-21T00:00:00Z", null, "999"));
  }

  static Dataset<Row> accountVersions() {
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
}
