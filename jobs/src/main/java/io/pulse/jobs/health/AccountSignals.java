package io.pulse.jobs.health;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The long signals table {@link HealthScores#of} reads: one row per paying account, day and signal
 * with a value, gathered from the gold signal tables by left joins on (account_id, day) and
 * unpivoted. A paying account-day with no signal at all keeps one row with a null signal, so that
 * it still gets a (null) score.
 */
public final class AccountSignals {
  private AccountSignals() {}

  /**
   * The gold tables the signals come from, each holding at least the days wanted.
   *
   * @param mrrDaily gold.fct_mrr_daily: account_id, day, mrr
   * @param accounts gold.dim_account: account_id, segment, valid_from, valid_to
   * @param usage gold.fct_account_usage_daily
   * @param goals gold.fct_success_goal_daily: account_id, day, is_on_track
   * @param stakeholders gold.agg_stakeholder_daily
   * @param experience gold.agg_account_experience_daily
   * @param support gold.agg_support_daily
   */
  public record Sources(
      Dataset<Row> mrrDaily,
      Dataset<Row> accounts,
      Dataset<Row> usage,
      Dataset<Row> goals,
      Dataset<Row> stakeholders,
      Dataset<Row> experience,
      Dataset<Row> support) {}

  private static final List<String> KEY = List.of("account_id", "day");

  /**
   * @return {@code account_id, day, segment, signal, value (double), observed_on (date)} for every
   *     account with MRR > 0 at the end of a day of [from, end]
   */
  public static Dataset<Row> of(Sources in, LocalDate from, LocalDate end) {
    Dataset<Row> paying =
        in.mrrDaily()
            .where(
                col("mrr")
                    .gt(0)
                    .and(col("day").between(lit(Date.valueOf(from)), lit(Date.valueOf(end)))))
            .select("account_id", "day");

    Dataset<Row> wide =
        withSegment(paying, in.accounts())
            .join(sorted(usage(in.usage())), keys(), "left")
            .join(sorted(goalsOnTrack(in.goals())), keys(), "left")
            .join(sorted(stakeholders(in.stakeholders())), keys(), "left")
            .join(sorted(experience(in.experience())), keys(), "left")
            .join(sorted(support(in.support())), keys(), "left");

    Column day = col("day");
    Column surveyed = coalesce(col("last_response_date"), day);
    Column all =
        array(
            signal("license_utilization", day),
            signal("key_feature_breadth", day),
            signal("key_feature_depth", day),
            signal("mau_change_28d", day),
            signal("stickiness", day),
            signal("goals_on_track_share", day),
            // Engagement is as fresh as the last CS touch: a count of 0 in 90 days is current.
            signal("key_contact_touchpoints_90d", coalesce(col("last_touchpoint_date"), day)),
            signal("champion_present", day),
            signal("nps", surveyed),
            signal("csat", surveyed),
            signal("ces", surveyed),
            // Its texts include ticket subjects, whose dates the experience table does not keep.
            signal("sentiment", day),
            signal("reopen_rate", day),
            signal("sla_breaches_90d", day));
    // A null value is NA: no row. explode_outer keeps one null row for an account-day with none.
    Column present = filter(all, s -> s.getField("value").isNotNull());
    return wide.select(col("account_id"), day, col("segment"), explode_outer(present).as("_s"))
        .select(
            col("account_id"),
            col("day"),
            col("segment"),
            col("_s.signal").as("signal"),
            col("_s.value").as("value"),
            col("_s.observed_on").as("observed_on"));
  }

  /**
   * The segment of the dim_account version in force at the end of d: valid_from < start(d+1) ≤
   * valid_to (open when null), the R4 reading of "at the end of d"; null before the first version.
   */
  private static Dataset<Row> withSegment(Dataset<Row> paying, Dataset<Row> accounts) {
    Dataset<Row> versions =
        accounts.select(
            col("account_id").as("_v_account"),
            col("segment"),
            col("valid_from").as("_v_from"),
            col("valid_to").as("_v_to"));
    Column endOfDay = date_add(col("day"), 1).cast("timestamp");
    return paying
        .join(
            versions,
            col("account_id")
                .equalTo(col("_v_account"))
                .and(col("_v_from").lt(endOfDay))
                .and(col("_v_to").isNull().or(col("_v_to").geq(endOfDay))),
            "left")
        .select("account_id", "day", "segment");
  }

  private static Dataset<Row> usage(Dataset<Row> usage) {
    return usage.select(
        "account_id",
        "day",
        "license_utilization",
        "key_feature_breadth",
        "key_feature_depth",
        "mau_change_28d",
        "stickiness");
  }

  /** Share of the account's goals running on d (a row in the goal table that day) on track. */
  private static Dataset<Row> goalsOnTrack(Dataset<Row> goals) {
    return goals
        .groupBy("account_id", "day")
        .agg(avg(col("is_on_track").cast("double")).as("goals_on_track_share"));
  }

  private static Dataset<Row> stakeholders(Dataset<Row> stakeholders) {
    return stakeholders.select(
        col("account_id"),
        col("day"),
        col("key_contact_touchpoints_90d"),
        col("last_touchpoint_date"),
        col("champion_present").cast("double").as("champion_present"));
  }

  private static Dataset<Row> experience(Dataset<Row> experience) {
    return experience.select(
        "account_id", "day", "nps", "csat", "ces", "sentiment", "last_response_date");
  }

  private static Dataset<Row> support(Dataset<Row> support) {
    return support.select("account_id", "day", "reopen_rate", "sla_breaches_90d");
  }

  private static Column signal(String name, Column observedOn) {
    return struct(
        lit(name).as("signal"), col(name).cast("double").as("value"), observedOn.as("observed_on"));
  }

  /**
   * A daily signal table marked to be joined by sorting, never broadcast. It has a row per account
   * and day, as many as the paying days, but its Parquet files compress so well that the planner
   * took SF10's two years for small tables, and building their hash tables (864 MiB computed before
   * the first gave up) failed a 2 GiB driver.
   */
  private static Dataset<Row> sorted(Dataset<Row> daily) {
    return daily.hint("merge");
  }

  private static String[] keys() {
    return KEY.toArray(String[]::new);
  }
}
