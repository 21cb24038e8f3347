package io.pulse.jobs.engagement;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * gold.agg_stakeholder_daily for the days [start, end] (METRICS.md §7 Engagement; §8 champion
 * left), from touchpoints and {@link ContactChanges}.
 *
 * <p>Every measure is a window over one row per account and day that has something: the days with
 * activities or contact changes (all history up to end: last dates and contact counts reach back to
 * the first one), plus each day of [start, end] on or after the account's first contact or
 * activity. Window counts use a range frame on the day number, so "N days ending d" is exact
 * without a dense calendar before start.
 */
public final class StakeholderDaily {
  private StakeholderDaily() {}

  private static final Date EPOCH = Date.valueOf("1970-01-01");

  /**
   * @param touchpoints {@code account_id, activity_type, activity_date, is_key_contact}
   * @param changes the rows of {@link ContactChanges#of}
   * @return one row per account and day of [start, end] on or after its first contact version or
   *     activity, in the columns of {@link EngagementTables#STAKEHOLDER_DAILY}
   */
  public static Dataset<Row> of(
      Dataset<Row> touchpoints,
      Dataset<Row> changes,
      EngagementSettings settings,
      LocalDate start,
      LocalDate end) {
    Column to = lit(Date.valueOf(end));
    Dataset<Row> activityDays =
        touchpoints
            .where(col("activity_date").leq(to))
            .groupBy(col("account_id"), col("activity_date").as("day"))
            .agg(
                count(lit(1)).as("touchpoints"),
                sum(when(col("is_key_contact"), 1L).otherwise(0L)).as("key_touchpoints"),
                sum(when(col("activity_type").equalTo("qbr"), 1L).otherwise(0L)).as("qbrs"));
    Dataset<Row> events = activityDays.unionByName(changes.where(col("day").leq(to)), true);

    Dataset<Row> spine =
        events
            .groupBy("account_id")
            .agg(min("day").as("_first"))
            .where(col("_first").leq(to))
            .select(
                col("account_id"),
                explode(sequence(greatest(col("_first"), lit(Date.valueOf(start))), to)).as("day"));

    Dataset<Row> perDay =
        events
            .unionByName(spine, true)
            .groupBy("account_id", "day")
            .agg(
                sum("touchpoints").as("touchpoints"),
                sum("key_touchpoints").as("key_touchpoints"),
                sum("qbrs").as("qbrs"),
                sum("active_delta").as("active_delta"),
                sum("champion_delta").as("champion_delta"),
                sum("champion_lost").as("champion_lost"));

    WindowSpec ordered = Window.partitionBy("account_id").orderBy(datediff(col("day"), lit(EPOCH)));
    WindowSpec window = ordered.rangeBetween(1 - settings.windowDays(), 0);
    WindowSpec upTo = ordered.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column activeContacts = running(col("active_delta"), upTo);
    return perDay
        .select(
            col("account_id"),
            col("day"),
            trunc(col("day"), "month").as("month"),
            running(col("touchpoints"), window).as("touchpoints_90d"),
            running(col("key_touchpoints"), window).as("key_contact_touchpoints_90d"),
            max(when(col("touchpoints").gt(0), col("day"))).over(upTo).as("last_touchpoint_date"),
            max(when(col("qbrs").gt(0), col("day"))).over(upTo).as("last_qbr_date"),
            activeContacts.as("active_contacts"),
            running(col("champion_delta"), upTo).gt(0).as("champion_present"),
            max(when(col("champion_lost").gt(0), col("day"))).over(upTo).as("champion_lost_date"))
        .where(col("day").between(lit(Date.valueOf(start)), to));
  }

  private static Column running(Column delta, WindowSpec window) {
    return sum(coalesce(delta, lit(0L))).over(window).cast("long");
  }
}
