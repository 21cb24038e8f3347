package io.pulse.jobs.engagement;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.spark.ColumnNames;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold.onboarding_milestones as of day D (METRICS.md §9): for each account with MRR > 0 on some day
 * up to D, its first paid day and the days to its first value event.
 *
 * <p>Time to first value counts from the first paid day, so only value events on or after it count;
 * a value event before it (during a trial, or before any subscription) is kept apart as {@code
 * first_value_before_paid_date} and does not make the account a first success: onboarding, and the
 * §8 "no first value" alert, start when the customer pays. First success is decided once a value
 * event is seen (ttfv ≤ N days: true, else false) or once N days have passed since the first paid
 * day without one (D − first_paid_day ≥ N: false, the whole [first_paid_day, +N] seen); before that
 * it is null.
 *
 * <p>Usage events are only known from some first day on (the product's or the feed's start). An
 * account that first paid before it cannot be measured: its first value event may lie before the
 * data, so its value columns and first success are null, not a false "no value" (§7: missing data
 * is not red).
 */
public final class OnboardingMilestones {
  private OnboardingMilestones() {}

  /**
   * @param mrrDaily gold.fct_mrr_daily: {@code account_id, day, mrr}
   * @param events usage events {@code account_id, event_type, day} (the UTC date of occurred_at)
   * @param eventsFrom the first day with any usage event; null when there is none
   * @return one row per account that paid by D, in the columns of {@link
   *     EngagementTables#ONBOARDING_MILESTONES}
   */
  public static Dataset<Row> of(
      Dataset<Row> mrrDaily,
      Dataset<Row> events,
      LocalDate eventsFrom,
      OnboardingSettings settings,
      LocalDate asOf) {
    Column asOfDay = lit(Date.valueOf(asOf));
    Dataset<Row> firstPaid =
        mrrDaily
            .where(col("day").leq(asOfDay).and(col("mrr").gt(0)))
            .groupBy("account_id")
            .agg(min("day").as("first_paid_day"));
    Dataset<Row> firstValue =
        events
            .where(
                col("day")
                    .leq(asOfDay)
                    .and(col("event_type").isin(settings.valueEvents().toArray())))
            .join(firstPaid, ColumnNames.seq("account_id"))
            .groupBy("account_id")
            .agg(
                min(when(col("day").geq(col("first_paid_day")), col("day")))
                    .as("first_value_event_date"),
                min(when(col("day").lt(col("first_paid_day")), col("day")))
                    .as("first_value_before_paid_date"));

    Column covered =
        eventsFrom == null ? lit(false) : col("first_paid_day").geq(lit(Date.valueOf(eventsFrom)));
    Column ttfv = datediff(col("first_value_event_date"), col("first_paid_day"));
    int days = settings.firstSuccessDays();
    Column firstSuccess =
        when(ttfv.isNotNull(), ttfv.leq(days))
            .when(datediff(asOfDay, col("first_paid_day")).geq(days), lit(false));
    return firstPaid
        .join(firstValue, ColumnNames.seq("account_id"), "left")
        .select(
            col("account_id"),
            col("first_paid_day"),
            trunc(col("first_paid_day"), "month").as("cohort_month"),
            covered.as("events_cover_onboarding"),
            when(covered, col("first_value_event_date")).as("first_value_event_date"),
            when(covered, ttfv).as("time_to_first_value_days"),
            when(covered, firstSuccess).as("first_success_30d"),
            when(covered, col("first_value_before_paid_date")).as("first_value_before_paid_date"),
            asOfDay.as("as_of_date"));
  }
}
