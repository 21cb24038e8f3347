package io.pulse.jobs.revenue;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.fct_mrr_daily}: account × day MRR as of the end of each day (METRICS.md §1, R4), up
 * to the run date.
 *
 * <p>A version is active at the end of day d when {@code valid_from < start(d+1) AND (valid_to IS
 * NULL OR valid_to >= start(d+1))}. In dates: {@code d >= date(valid_from)} and {@code d + 1 <=
 * date(valid_to)}, whatever the time of day of either bound (start(date(x)) ≤ x, and start(d+1) is
 * midnight). So each version is expanded over exactly its own days {@code [date(valid_from),
 * min(date(valid_to) − 1, D)]}, never over a calendar crossed with every account. A version that
 * starts and ends within one day is active at no day's end and has no day.
 *
 * <p>Reading chosen for "only the days on which the account has a subscription": a row exists for
 * every day on which at least one of the account's (priced) versions is active at the day's end,
 * trial versions included (their MRR is 0, so such a day has a row with MRR 0); days after a churn
 * or between two subscriptions have no row (their MRR is 0 by definition).
 */
public final class DailyMrr {
  private DailyMrr() {}

  /**
   * @param versions {@code account_id, valid_from, valid_to, mrr}: the priced versions
   * @return {@code account_id, day, month, mrr}; {@code month} is the first day of {@code day}'s
   *     month (the partition)
   */
  public static Dataset<Row> of(Dataset<Row> versions, LocalDate runDate) {
    return expand(versions, to_date(col("valid_from")), runDate);
  }

  /**
   * As {@link #of(Dataset, LocalDate)}, only the days from {@code firstDay} on: each version is
   * expanded over its days in {@code [firstDay, runDate]} alone.
   */
  public static Dataset<Row> from(Dataset<Row> versions, LocalDate firstDay, LocalDate runDate) {
    return expand(
        versions, greatest(to_date(col("valid_from")), lit(Date.valueOf(firstDay))), runDate);
  }

  private static Dataset<Row> expand(Dataset<Row> versions, Column firstDay, LocalDate runDate) {
    Column runDay = lit(Date.valueOf(runDate));
    // The last day a version is active at the end of: the day before valid_to's date, or D.
    Column lastDay =
        when(col("valid_to").isNull(), runDay)
            .otherwise(least(date_sub(to_date(col("valid_to")), 1), runDay));
    return versions
        .withColumn("_first", firstDay)
        .withColumn("_last", lastDay)
        // sequence() counts down when start > end: such versions have no day at all.
        .where(col("_first").leq(col("_last")))
        .withColumn("day", explode(sequence(col("_first"), col("_last"))))
        .groupBy("account_id", "day")
        .agg(sum("mrr").cast(SubscriptionVersions.MONEY).as("mrr"))
        .withColumn("month", trunc(col("day"), "month"))
        .select("account_id", "day", "month", "mrr");
  }
}
