package io.pulse.jobs.alerts;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.spark.ColumnNames;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The daily conditions of the alerts that follow a daily signal (METRICS.md §8): usage drop, ticket
 * spike, health band fell and renewal at risk. Each holds on a day as long as the signal stays past
 * its threshold, so the alert closes on the first day it no longer is. Rows are in the shape of
 * {@link AlertCondition}.
 */
final class SignalConditions {
  private SignalConditions() {}

  /**
   * Usage drop: MAU on d at least {@code min-drop} below MAU on d − {@code compare-days} (§8: "MAU
   * down ≥ 30% vs previous 28 days"), the earlier MAU above 0. A day without a usage row (no MAU
   * and no seats, U4) has MAU 0 when the earlier day had users, so a drop to nothing fires too;
   * days after the usage table's last day are not judged.
   *
   * @param usage gold.fct_account_usage_daily: {@code account_id, day, mau}
   */
  static Dataset<Row> usageDrop(Dataset<Row> usage, AlertsSettings settings) {
    Dataset<Row> before =
        usage
            .where(col("mau").gt(0))
            .select(
                col("account_id"),
                date_add(col("day"), settings.usageCompareDays()).as("day"),
                col("mau").as("mau_before"));
    Dataset<Row> lastDay = usage.agg(max("day").as("_last_day"));
    Column change = col("mau").minus(col("mau_before")).divide(col("mau_before"));
    Dataset<Row> holding =
        before
            .join(
                usage.select("account_id", "day", "mau"),
                ColumnNames.seq("account_id", "day"),
                "left")
            .crossJoin(lastDay)
            .where(col("day").leq(col("_last_day")))
            .withColumn("mau", coalesce(col("mau"), lit(0L)))
            .withColumn("_change", change)
            .where(col("_change").leq(-settings.usageMinDrop()));
    return AlertCondition.rows(
        holding,
        AlertType.USAGE_DROP,
        severity(col("_change").leq(-settings.usageHighDrop())),
        "mau_change",
        col("_change"),
        col("mau_before"),
        lit(-settings.usageMinDrop()),
        format_string(
            "mau %d vs %d on %s",
            col("mau"),
            col("mau_before"),
            date_sub(col("day"), settings.usageCompareDays()).cast("string")));
  }

  /**
   * Ticket spike: the daily mean of tickets opened in the short window (7 days ending d) at least
   * {@code min-ratio} times the daily mean of the long window (90 days ending d, the spike
   * included), with at least {@code min-tickets} tickets in the short window. The ratio is computed
   * from the counts, {@code (t7 × L) / (N × t90)}, so that a ratio of exactly 3 is not lost to
   * rounding.
   *
   * @param support gold.agg_support_daily: {@code account_id, day, tickets_opened_7d,
   *     tickets_opened_90d}
   * @param longWindowDays L, pulse.support.long-window-days
   */
  static Dataset<Row> ticketSpike(
      Dataset<Row> support, AlertsSettings settings, int longWindowDays) {
    int shortDays = settings.ticketShortWindowDays();
    Column ratio =
        col("tickets_opened_7d")
            .multiply(longWindowDays)
            .cast("double")
            .divide(col("tickets_opened_90d").multiply(shortDays));
    Dataset<Row> holding =
        support
            .where(col("tickets_opened_90d").gt(0))
            .withColumn("_ratio", ratio)
            .where(
                col("tickets_opened_7d")
                    .geq(settings.ticketMinTickets())
                    .and(col("_ratio").geq(settings.ticketMinRatio())));
    return AlertCondition.rows(
        holding,
        AlertType.TICKET_SPIKE,
        severity(col("_ratio").geq(settings.ticketHighRatio())),
        "ticket_rate_ratio",
        col("_ratio"),
        col("tickets_opened_90d").cast("double").divide(longWindowDays),
        lit(settings.ticketMinRatio()),
        format_string(
            "%d tickets in %d days vs %d in %d days",
            col("tickets_opened_7d"),
            lit(shortDays),
            col("tickets_opened_90d"),
            lit(longWindowDays)));
  }

  /**
   * Health band fell: the band dropped (green → yellow, yellow → red, green → red) from the
   * account's previous day with a band, and the condition holds while the band stays below the band
   * it fell from. A second fall while it holds (yellow → red after green → yellow) continues the
   * same alert; coming back up to the band of the latest fall closes it. Days without a band (no
   * health score) do not hold.
   *
   * @param health gold.account_health_daily: {@code account_id, day, health_score, band}
   */
  static Dataset<Row> bandFell(Dataset<Row> health) {
    WindowSpec byDay = Window.partitionBy("account_id").orderBy("day");
    WindowSpec upToDay = byDay.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column rank =
        when(col("band").equalTo("red"), 0).when(col("band").equalTo("yellow"), 1).otherwise(2);
    Column fell = col("_prev_rank").gt(col("_rank"));
    Dataset<Row> holding =
        health
            .where(col("band").isNotNull())
            .withColumn("_rank", rank)
            .withColumn("_prev_rank", lag("_rank", 1).over(byDay))
            .withColumn("_prev_score", lag("health_score", 1).over(byDay))
            .withColumn("_prev_band", lag("band", 1).over(byDay))
            .withColumn("_from_rank", last(when(fell, col("_prev_rank")), true).over(upToDay))
            .withColumn("_from_band", last(when(fell, col("_prev_band")), true).over(upToDay))
            .where(col("_rank").lt(col("_from_rank")));
    return AlertCondition.rows(
        holding,
        AlertType.BAND_FELL,
        severity(col("band").equalTo("red")),
        "health_score",
        col("health_score"),
        col("_prev_score"),
        AlertCondition.none(),
        concat(col("_from_band"), lit(" -> "), col("band")));
  }

  /**
   * Renewal at risk: a paid subscription of the account renews within {@code within-days} after d
   * and the account's band on d is {@code band} (red). A subscription renews every interval_months
   * after the first day of its first paid version (the anniversaries of its start), so monthly and
   * quarterly subscriptions always renew within 90 days; on a renewal day the next renewal is the
   * following one. The subscription counts on the days a paid version is active at the end of the
   * day (R4).
   *
   * @param versions gold.fct_subscription_version: {@code subscription_id, account_id,
   *     interval_months, is_trial, valid_from, valid_to}
   * @param health gold.account_health_daily: {@code account_id, day, health_score, band}
   */
  static Dataset<Row> renewalAtRisk(
      Dataset<Row> versions, Dataset<Row> health, AlertsSettings settings, LocalDate asOf) {
    Column first = to_date(col("valid_from"));
    Column last =
        least(
            coalesce(date_sub(to_date(col("valid_to")), 1), lit(Date.valueOf(asOf))),
            lit(Date.valueOf(asOf)));
    Column months = col("interval_months");
    Column renewal =
        add_months(
            col("_start"),
            months
                .multiply(floor(months_between(col("day"), col("_start")).divide(months)).plus(1))
                .cast("int"));
    // The band's days find their account's paid versions by a range join: exploding every
    // version into its days would make millions of rows that the planner, estimating a generator's
    // output from its small input, broadcasts.
    Dataset<Row> paidVersions =
        versions
            .where(not(col("is_trial")))
            .withColumn("_start", min(first).over(Window.partitionBy("subscription_id")))
            .select(
                col("account_id").as("_account_id"),
                col("subscription_id"),
                col("interval_months"),
                col("_start"),
                first.as("_first"),
                last.as("_last"))
            .where(col("_first").leq(col("_last")));
    Dataset<Row> bandDays =
        health
            .where(col("band").equalTo(settings.renewalBand()))
            .select("account_id", "day", "health_score", "band");
    Column daysTo = datediff(col("_renewal.on"), col("day"));
    Dataset<Row> holding =
        bandDays
            .join(
                paidVersions,
                col("account_id")
                    .equalTo(col("_account_id"))
                    .and(col("day").between(col("_first"), col("_last"))))
            .withColumn("_renewal", struct(renewal.as("on"), col("subscription_id")))
            .groupBy("account_id", "day", "health_score", "band")
            .agg(min("_renewal").as("_renewal"))
            .where(daysTo.leq(settings.renewalWithinDays()));
    return AlertCondition.rows(
        holding,
        AlertType.RENEWAL_AT_RISK,
        severity(daysTo.leq(settings.renewalHighDays())),
        "days_to_renewal",
        daysTo,
        AlertCondition.none(),
        lit(settings.renewalWithinDays()),
        format_string(
            "%s renews on %s; band %s, health %d",
            col("_renewal.subscription_id"),
            col("_renewal.on").cast("string"),
            col("band"),
            col("health_score")));
  }

  static Column severity(Column high) {
    return when(high, lit(AlertCondition.HIGH)).otherwise(lit(AlertCondition.MEDIUM));
  }
}
