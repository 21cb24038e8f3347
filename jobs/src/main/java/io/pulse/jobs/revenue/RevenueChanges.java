package io.pulse.jobs.revenue;

import static io.pulse.common.spark.ColumnNames.seq;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverInput;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The first day whose revenue rows the deliveries after the published date can change, so that a
 * daily run recomputes only from there (issue: incremental months). Deliveries after {@code
 * publishedAsOf} (up to the run date) change:
 *
 * <ul>
 *   <li>a subscription key's winning version: from its {@code valid_from}'s day; when only {@code
 *       valid_to} moved (a version closed by an upgrade or a churn), from the earlier of the old
 *       and new {@code valid_to} days; nothing when the winner's priced fields are unchanged (a
 *       redelivery, or a version that lost to a later {@code updated_at});
 *   <li>an FX rate: from its {@code rate_date} (only versions starting on or after it use it, R2);
 *   <li>a CRM version: from its {@code updated_at} day (the segment of that month's end on, R6).
 * </ul>
 */
public final class RevenueChanges {
  private RevenueChanges() {}

  /** The fields a version's MRR and days depend on, besides its key and {@code valid_to}. */
  private static final List<String> PRICED =
      List.of(
          "account_id",
          "currency",
          "billing_interval",
          "quantity",
          "unit_price",
          "discount_pct",
          "is_trial");

  private static final String OLD = "_old_";

  /**
   * @param subscriptions every delivered version of silver.subscriptions up to the run date
   * @param fxRates silver.fx_rates up to the run date
   * @param accounts silver.accounts up to the run date
   * @return one row, column {@code first_day}: the first changed day, null when nothing changed
   */
  public static Dataset<Row> firstChangedDay(
      Dataset<Row> subscriptions,
      Dataset<Row> fxRates,
      Dataset<Row> accounts,
      LocalDate publishedAsOf) {
    Column late = col("_dt").gt(lit(Date.valueOf(publishedAsOf)));
    Dataset<Row> days =
        versionChanges(subscriptions, late)
            .union(fxRates.where(late).select(col("rate_date").as("day")))
            .union(accounts.where(late).select(to_date(col("updated_at")).as("day")));
    return days.agg(min("day").as("first_day"));
  }

  /** Per subscription key with a later delivery: the first day its winning version changed. */
  private static Dataset<Row> versionChanges(Dataset<Row> subscriptions, Column late) {
    List<String> key = SilverEntities.SUBSCRIPTIONS.key();
    Dataset<Row> changedKeys = subscriptions.where(late).select(columns(key)).distinct();
    Dataset<Row> now =
        SilverInput.latest(subscriptions.join(changedKeys, seq(key)), SilverEntities.SUBSCRIPTIONS);
    Dataset<Row> before =
        SilverInput.latest(
            subscriptions.where(not(late)).join(changedKeys, seq(key)),
            SilverEntities.SUBSCRIPTIONS);
    List<Column> old = new ArrayList<>(Arrays.asList(columns(key)));
    for (String field : PRICED) {
      old.add(col(field).as(OLD + field));
    }
    old.add(col("valid_to").as(OLD + "valid_to"));
    old.add(lit(true).as("_had_version"));
    Dataset<Row> compared = now.join(before.select(old.toArray(Column[]::new)), seq(key), "left");
    Column pricedSame =
        PRICED.stream().map(c -> col(c).eqNullSafe(col(OLD + c))).reduce(Column::and).orElseThrow();
    Column endSame = col("valid_to").eqNullSafe(col(OLD + "valid_to"));
    Column startDay = to_date(col("valid_from"));
    Column day =
        when(col("_had_version").isNull(), startDay)
            .when(pricedSame.and(endSame), lit(null).cast("date"))
            // least() skips a null: an open end changes nothing before the other end
            .when(pricedSame, least(to_date(col("valid_to")), to_date(col(OLD + "valid_to"))))
            .otherwise(startDay);
    return compared.select(day.as("day"));
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(functions::col).toArray(Column[]::new);
  }
}
