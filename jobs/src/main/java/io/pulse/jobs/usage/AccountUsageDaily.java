package io.pulse.jobs.usage;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.spark.ColumnNames;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * gold.fct_account_usage_daily for the days [start, end] (METRICS.md §4, U1-U4), from usage events
 * and per-seat subscription versions. Every windowed count is exact and linear in user-days (see
 * {@link SlidingDistinct}); the windows are filled over dense account × days from each account's
 * first change, at most {@link #lookbackDays} days before start.
 */
public final class AccountUsageDaily {
  private AccountUsageDaily() {}

  /**
   * Days before start whose events the range needs: stickiness on start averages MAU back to start
   * − 27 and mau_change_28d reads MAU(start − 28), whose window begins start − 28 − (N − 1).
   */
  public static int lookbackDays(UsageSettings settings) {
    return UsageSettings.WINDOW_DAYS + settings.mauDays() - 1;
  }

  /** The first event day a run for [start, end] reads. */
  public static LocalDate firstNeededDay(LocalDate start, UsageSettings settings) {
    return start.minusDays(lookbackDays(settings));
  }

  /**
   * @param events usage events with {@code account_id, user_id, event_type, feature, day} (the UTC
   *     date of occurred_at); days before {@link #firstNeededDay} or after end are ignored
   * @param versions the latest version of each subscription key (R3): {@code account_id, plan_id,
   *     quantity, valid_from, valid_to}
   * @param plans {@code plan_id, is_per_seat}, one row per plan
   * @return one row per account and day of [start, end] with MAU > 0 or seats > 0 (U4), in the
   *     columns of {@link UsageTables#ACCOUNT_USAGE_DAILY}
   */
  public static Dataset<Row> of(
      Dataset<Row> events,
      Dataset<Row> versions,
      Dataset<Row> plans,
      UsageSettings settings,
      LocalDate start,
      LocalDate end) {
    LocalDate first = firstNeededDay(start, settings);
    Column from = lit(Date.valueOf(first));
    Column to = lit(Date.valueOf(end));
    Dataset<Row> inRange = events.where(col("day").between(from, to));

    Column isKeyFeature = col("feature").isin(settings.keyFeatures().toArray());
    Column isValueEvent = col("event_type").isin(settings.valueEvents().toArray());
    // One row per user-day with its key-feature and value events, grouped and sorted once: DAU and
    // the day totals ride along the WAU and MAU changes, and hashing by member first spares the
    // sort by member a second shuffle.
    Dataset<Row> userDays =
        inRange
            .select(
                col("account_id"),
                col("user_id"),
                col("day"),
                when(isKeyFeature, 1L).otherwise(0L).as("kf_event"),
                when(isValueEvent, 1L).otherwise(0L).as("value_event"))
            .repartition(col("account_id"), col("user_id"))
            .groupBy("account_id", "user_id", "day")
            .agg(sum("kf_event").as("kf_events"), sum("value_event").as("value_count"))
            .withColumn("dau_count", lit(1L));
    Dataset<Row> featureDays =
        inRange
            .where(isKeyFeature)
            .select("account_id", "feature", "day")
            .repartition(col("account_id"), col("feature"))
            .distinct();

    Map<String, Integer> userWindows = new LinkedHashMap<>();
    userWindows.put("wau_delta", UsageSettings.WAU_DAYS);
    userWindows.put("mau_delta", settings.mauDays());
    List<Dataset<Row>> parts =
        List.of(
            SlidingDistinct.deltas(
                userDays, "user_id", userWindows, List.of("dau_count", "kf_events", "value_count")),
            SlidingDistinct.deltas(
                featureDays,
                "feature",
                Map.of("feature_delta", UsageSettings.WINDOW_DAYS),
                List.of()),
            seatDeltas(versions, plans, first, end));
    Dataset<Row> changes = parts.get(0);
    for (Dataset<Row> part : parts.subList(1, parts.size())) {
      changes = changes.unionByName(part, true);
    }
    List<String> measures =
        List.of(
            "dau_count",
            "kf_events",
            "value_count",
            "wau_delta",
            "mau_delta",
            "feature_delta",
            "seat_delta");
    Dataset<Row> perDay =
        changes
            .where(col("day").leq(to))
            .groupBy("account_id", "day")
            .agg(
                sum(measures.get(0)).as(measures.get(0)),
                measures.subList(1, measures.size()).stream()
                    .map(m -> sum(m).as(m))
                    .toArray(Column[]::new));

    // Dense days from each account's first change through end: a change row stands for the days
    // up to the next change. Days before the first change would hold only zeros, which no output
    // day within the run needs (a zero MAU 28 days back gives a null change, as no row does).
    WindowSpec ordered = Window.partitionBy("account_id").orderBy("day");
    Column until = coalesce(date_sub(lead(col("day"), 1).over(ordered), 1), to);
    List<Column> spread = new ArrayList<>(List.of(col("account_id"), col("_day").as("day")));
    measures.forEach(m -> spread.add(when(col("_day").equalTo(col("day")), col(m)).as(m)));
    Dataset<Row> dense =
        perDay
            .withColumn("_until", until)
            .withColumn("_day", explode(sequence(col("day"), col("_until"))))
            .select(spread.toArray(Column[]::new));

    WindowSpec upTo = ordered.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    WindowSpec last28 = ordered.rowsBetween(1 - UsageSettings.WINDOW_DAYS, Window.currentRow());
    Dataset<Row> filled =
        dense.select(
            col("account_id"),
            col("day"),
            coalesce(col("dau_count"), lit(0L)).as("dau"),
            running(col("wau_delta"), upTo).as("wau"),
            running(col("mau_delta"), upTo).as("mau"),
            running(col("feature_delta"), upTo).as("features_28d"),
            running(col("kf_events"), last28).as("kf_events_28d"),
            running(col("seat_delta"), upTo).as("seats_purchased"),
            coalesce(col("value_count"), lit(0L)).as("value_events"));

    Column mau = col("mau");
    Column seats = col("seats_purchased");
    Column mau28dAgo = lag(mau, UsageSettings.WINDOW_DAYS).over(ordered);
    return filled
        // U1: days with MAU 0 give null, which avg skips; all skipped gives null.
        .withColumn(
            "stickiness", avg(when(mau.gt(0), col("dau").cast("double").divide(mau))).over(last28))
        .withColumn("mau_28d_ago", mau28dAgo)
        .where(col("day").between(lit(Date.valueOf(start)), to).and(mau.gt(0).or(seats.gt(0))))
        .select(
            col("account_id"),
            col("day"),
            trunc(col("day"), "month").as("month"),
            col("dau"),
            col("wau"),
            mau,
            col("stickiness"),
            seats,
            when(seats.gt(0), mau.cast("double").divide(seats)).as("license_utilization"),
            col("features_28d")
                .cast("double")
                .divide(lit(settings.keyFeatures().size()))
                .as("key_feature_breadth"),
            when(mau.gt(0), col("kf_events_28d").cast("double").divide(mau))
                .as("key_feature_depth"),
            col("value_events"),
            when(
                    col("mau_28d_ago").gt(0),
                    mau.minus(col("mau_28d_ago")).cast("double").divide(col("mau_28d_ago")))
                .as("mau_change_28d"));
  }

  private static Column running(Column delta, WindowSpec window) {
    return sum(coalesce(delta, lit(0L))).over(window).cast("long");
  }

  /**
   * U2, R4: a version is active at the end of d when {@code valid_from < start(d+1)} and ({@code
   * valid_to} is null or {@code valid_to >= start(d+1)}), i.e. on the days [date(valid_from),
   * date(valid_to)). Per-seat versions (trials too) add their quantity on the first of those days
   * and take it off on date(valid_to); a version that began before the first day read counts from
   * that day on.
   */
  static Dataset<Row> seatDeltas(
      Dataset<Row> versions, Dataset<Row> plans, LocalDate first, LocalDate end) {
    Column from = lit(Date.valueOf(first));
    Column startDay = to_date(col("valid_from"));
    Column endDay = to_date(col("valid_to"));
    Dataset<Row> perSeat =
        versions
            .join(plans.where(col("is_per_seat")), ColumnNames.seq("plan_id"))
            .where(
                startDay
                    .leq(lit(Date.valueOf(end)))
                    .and(col("valid_to").isNull().or(endDay.gt(from))));
    Dataset<Row> added =
        perSeat.select(
            col("account_id"),
            greatest(startDay, from).as("day"),
            col("quantity").cast("long").as("seat_delta"));
    Dataset<Row> removed =
        perSeat
            .where(col("valid_to").isNotNull())
            .select(
                col("account_id"),
                endDay.as("day"),
                functions.negate(col("quantity").cast("long")).as("seat_delta"));
    return added.unionByName(removed);
  }
}
