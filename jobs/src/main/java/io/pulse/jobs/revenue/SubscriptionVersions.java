package io.pulse.jobs.revenue;

import static io.pulse.common.spark.ColumnNames.seq;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DecimalType;

/**
 * Subscription versions with their MRR in the reporting currency (METRICS.md §1): {@code quantity ×
 * unit_price × (1 − discount_pct/100) / interval_months}, converted at the FX rate of {@code
 * valid_from}'s UTC date (R2), computed exactly and rounded once, after FX, to 4 dp HALF_UP (R1).
 * Trial versions have MRR 0; an empty discount is 0 (L6).
 */
public final class SubscriptionVersions {
  private SubscriptionVersions() {}

  static final DecimalType MONEY = new DecimalType(18, 4);
  static final DecimalType RATE = new DecimalType(20, 10);

  /**
   * @param versions the current version of each subscription key (silver.subscriptions_current)
   * @param fxRates silver.fx_rates: {@code rate_date, currency, rate_to_usd} (USD per unit)
   * @return {@code versions} plus {@code interval_months}, {@code fx_rate} (reporting currency per
   *     unit of the version's currency) and {@code mrr}; both null when a currency involved has no
   *     rate on or before the version's date (R2: such versions are quarantined {@code no_fx_rate})
   */
  public static Dataset<Row> withMrr(
      Dataset<Row> versions, Dataset<Row> fxRates, String reportingCurrency) {
    return withMrr(versions, fxRates, reportingCurrency, false);
  }

  /**
   * As {@link #withMrr(Dataset, Dataset, String)}, with the trial policy of {@code
   * pulse.revenue.trial-mrr}.
   *
   * @param trialsAtList false: trial versions have MRR 0 (METRICS.md §1, the default); true: a
   *     trial version is priced like a paid one
   */
  public static Dataset<Row> withMrr(
      Dataset<Row> versions, Dataset<Row> fxRates, String reportingCurrency, boolean trialsAtList) {
    Dataset<Row> dated = versions.withColumn("_fx_date", to_date(col("valid_from")));
    Dataset<Row> needed =
        dated
            .select(col("currency").as("_currency"), col("_fx_date"))
            .union(dated.select(lit(reportingCurrency).as("_currency"), col("_fx_date")))
            .distinct();
    Dataset<Row> rates = ratesAsOf(needed, fxRates);
    Dataset<Row> withRates =
        dated
            .join(
                rates
                    .withColumnRenamed("_currency", "currency")
                    .withColumnRenamed("_to_usd", "_version_to_usd"),
                seq("currency", "_fx_date"),
                "left")
            .join(
                rates
                    .where(col("_currency").equalTo(reportingCurrency))
                    .select(col("_fx_date"), col("_to_usd").as("_reporting_to_usd")),
                seq("_fx_date"),
                "left");
    // A currency is worth 1 of itself, with or without a rate row (R2); USD is the rates' base.
    Column versionToUsd =
        when(col("currency").equalTo("USD"), lit(1)).otherwise(col("_version_to_usd"));
    Column reportingToUsd = reportingCurrency.equals("USD") ? lit(1) : col("_reporting_to_usd");
    Column fx =
        when(col("currency").equalTo(lit(reportingCurrency)), lit(1).cast(RATE))
            .otherwise(
                round(versionToUsd.cast(RATE).divide(reportingToUsd.cast(RATE)), 10).cast(RATE));
    Column months =
        when(col("billing_interval").equalTo("month"), 1)
            .when(col("billing_interval").equalTo("quarter"), 3)
            .when(col("billing_interval").equalTo("year"), 12);
    Column discount = coalesce(col("discount_pct"), lit(0));
    // Tight precisions keep Spark's decimal arithmetic from dropping scale: the local MRR is
    // exact to 10 dp (exact for monthly plans), the converted one to 13 dp before the one rounding.
    Column local =
        col("quantity")
            .cast(new DecimalType(9, 0))
            .multiply(col("unit_price").cast(new DecimalType(18, 4)))
            .multiply(lit(100).minus(discount).cast(new DecimalType(7, 4)))
            .divide(col("interval_months").multiply(100).cast(new DecimalType(10, 0)))
            .cast(new DecimalType(24, 10));
    Column exact = local.multiply(col("fx_rate"));
    return withRates
        .withColumn("interval_months", months)
        .withColumn("fx_rate", fx)
        .withColumn(
            "mrr",
            when(col("fx_rate").isNull(), lit(null).cast(MONEY))
                .when(col("is_trial").and(lit(!trialsAtList)), lit(0).cast(MONEY))
                .otherwise(round(exact, 4).cast(MONEY)))
        .drop("_fx_date", "_version_to_usd", "_reporting_to_usd");
  }

  /** For each {@code _currency, _fx_date}, {@code _to_usd}: the latest rate on or before it. */
  static Dataset<Row> ratesAsOf(Dataset<Row> needed, Dataset<Row> fxRates) {
    return needed
        .join(
            fxRates,
            needed
                .col("_currency")
                .equalTo(fxRates.col("currency"))
                .and(fxRates.col("rate_date").leq(needed.col("_fx_date"))))
        .groupBy(col("_currency"), col("_fx_date"))
        .agg(max_by(col("rate_to_usd"), col("rate_date")).as("_to_usd"));
  }
}
