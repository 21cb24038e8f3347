package io.pulse.jobs.revenue;

import static org.apache.spark.sql.functions.col;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.math.BigDecimal;
import java.sql.Date;
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
import org.junit.jupiter.api.Test;

/** Version MRR on hand-computed versions: intervals, discounts, trials, rounding, FX by date. */
@SparkTest
class SubscriptionVersionsTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final DecimalType MONEY = new DecimalType(18, 4);
  private static final DecimalType RATE = new DecimalType(20, 10);

  private static Row version(
      String id,
      String currency,
      String interval,
      int quantity,
      String price,
      String discount,
      boolean trial,
      String validFrom) {
    return RowFactory.create(
        id,
        currency,
        interval,
        quantity,
        new BigDecimal(price),
        discount == null ? null : new BigDecimal(discount),
        trial,
        Timestamp.from(Instant.parse(validFrom)));
  }

  private static Dataset<Row> versions(Row... rows) {
    StructType schema =
        new StructType()
            .add("subscription_id", DataTypes.StringType)
            .add("currency", DataTypes.StringType)
            .add("billing_interval", DataTypes.StringType)
            .add("quantity", DataTypes.IntegerType)
            .add("unit_price", MONEY)
            .add("discount_pct", MONEY)
            .add("is_trial", DataTypes.BooleanType)
            .add("valid_from", DataTypes.TimestampType);
    return spark.createDataFrame(List.of(rows), schema);
  }

  private static Dataset<Row> fxRates() {
    StructType schema =
        new StructType()
            .add("rate_date", DataTypes.DateType)
            .add("currency", DataTypes.StringType)
            .add("rate_to_usd", RATE);
    return spark.createDataFrame(
        List.of(
            RowFactory.create(Date.valueOf("2026-01-08"), "EUR", new BigDecimal("1.1000000000")),
            RowFactory.create(Date.valueOf("2026-01-12"), "EUR", new BigDecimal("1.2000000000")),
            RowFactory.create(Date.valueOf("2026-01-31"), "JPY", new BigDecimal("0.0067000000")),
            RowFactory.create(Date.valueOf("2026-02-01"), "JPY", new BigDecimal("0.0066800000"))),
        schema);
  }

  private static Row expected(String id, String fx, String mrr) {
    return RowFactory.create(
        id, fx == null ? null : new BigDecimal(fx), mrr == null ? null : new BigDecimal(mrr));
  }

  @Test
  void versionMrrFollowsTheFormulaAndRoundsOnceAfterFx() {
    Dataset<Row> result =
        SubscriptionVersions.withMrr(
            versions(
                version("V1", "USD", "month", 10, "12.5", null, false, "2026-01-01T00:00:00Z"),
                version("V2", "USD", "quarter", 3, "100", "10", false, "2026-01-01T00:00:00Z"),
                version("V3", "USD", "year", 1, "1000", null, false, "2026-01-01T00:00:00Z"),
                version("V4", "USD", "year", 1, "0.0006", null, false, "2026-01-01T00:00:00Z"),
                version("V5", "EUR", "month", 2, "50", null, false, "2026-01-10T00:00:00Z"),
                version("V6", "JPY", "month", 1, "15000", null, false, "2026-01-31T23:00:00Z"),
                version("V7", "JPY", "month", 1, "15000", null, false, "2026-02-01T00:00:00Z"),
                version("V8", "USD", "month", 5, "10", null, true, "2026-01-01T00:00:00Z"),
                version("V9", "GBP", "month", 1, "10", null, false, "2026-01-10T00:00:00Z"),
                version("V10", "EUR", "month", 1, "10", null, false, "2026-01-05T00:00:00Z")),
            fxRates(),
            "USD");

    StructType schema =
        new StructType()
            .add("subscription_id", DataTypes.StringType)
            .add("fx_rate", RATE)
            .add("mrr", MONEY);
    Frames.assertSameRows(
        spark.createDataFrame(
            List.of(
                expected("V1", "1", "125.0000"), // 10 × 12.5
                expected("V2", "1", "90.0000"), // 3 × 100 × 0.9 / 3
                expected("V3", "1", "83.3333"), // 1000 / 12 = 83.3333…
                expected("V4", "1", "0.0001"), // 0.0006 / 12 = 0.00005, HALF_UP
                expected("V5", "1.1", "110.0000"), // 2 × 50 × 1.10: the 01-08 rate, not 01-12's
                expected(
                    "V6", "0.0067", "100.5000"), // 15000 × 0.0067 (rate of 01-31, its UTC date)
                expected("V7", "0.00668", "100.2000"), // 15000 × 0.00668
                expected("V8", "1", "0.0000"), // trial
                expected("V9", null, null), // no GBP rate at all
                expected("V10", null, null)), // no EUR rate on or before 01-05
            schema),
        result.select(col("subscription_id"), col("fx_rate"), col("mrr")));
  }

  @Test
  void trialsArePricedOnlyUnderTheListPolicy() {
    Dataset<Row> trials =
        versions(
            version("T1", "USD", "month", 4, "25", "10", true, "2026-01-01T00:00:00Z"),
            version("T2", "EUR", "quarter", 3, "100", null, true, "2026-01-10T00:00:00Z"));
    StructType schema =
        new StructType()
            .add("subscription_id", DataTypes.StringType)
            .add("fx_rate", RATE)
            .add("mrr", MONEY);
    // zero (the default, METRICS.md §1): a trial has MRR 0 whatever its prices.
    Frames.assertSameRows(
        spark.createDataFrame(
            List.of(expected("T1", "1", "0.0000"), expected("T2", "1.1", "0.0000")), schema),
        SubscriptionVersions.withMrr(trials, fxRates(), "USD", false)
            .select(col("subscription_id"), col("fx_rate"), col("mrr")));
    // list: priced like a paid version.
    Frames.assertSameRows(
        spark.createDataFrame(
            List.of(
                expected("T1", "1", "90.0000"), // 4 × 25 × 0.9
                expected("T2", "1.1", "110.0000")), // 3 × 100 / 3 × 1.10 (rate of 01-08)
            schema),
        SubscriptionVersions.withMrr(trials, fxRates(), "USD", true)
            .select(col("subscription_id"), col("fx_rate"), col("mrr")));
  }
}
