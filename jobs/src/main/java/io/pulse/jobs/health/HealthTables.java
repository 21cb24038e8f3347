package io.pulse.jobs.health;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The gold health tables (METRICS.md §7), each column documented; {@link HealthJob} writes them.
 */
public final class HealthTables {
  private HealthTables() {}

  /** The columns {@link HealthScores} makes, in table order. */
  static final List<ColumnDef> SCORE_COLUMNS = scoreColumns();

  /** The columns {@link HealthTrend} adds after them. */
  static final List<ColumnDef> TREND_COLUMNS = trendColumns();

  /** The CSM override in force on the day, beside the computed score ({@link ActiveOverrides}). */
  static final List<ColumnDef> OVERRIDE_COLUMNS =
      List.of(
          new ColumnDef(
              "override_score",
              IntegerType,
              "Score a CSM pinned for the account (pulse override), in force on d: set on or before"
                  + " d, not cleared before d, expiring on or after d; null when none. health_score"
                  + " is never replaced"),
          new ColumnDef("override_reason", StringType, "Why the CSM set override_score"),
          new ColumnDef(
              "override_expires_on", DateType, "Last day override_score applies (inclusive)"));

  public static final TableDef ACCOUNT_HEALTH_DAILY =
      new TableDef(
          Layer.GOLD,
          "account_health_daily",
          "Health score per account and day: the seven measures scaled 0-100 with NA and stale"
              + " flags and contributions, the outcome and experience scores, the health score,"
              + " band, quadrant and trend, as the scorecard of the account's segment makes them",
          concat(concat(SCORE_COLUMNS, TREND_COLUMNS), OVERRIDE_COLUMNS),
          List.of("month"));

  public static final TableDef ACCOUNT_HEALTH_INPUTS_DAILY =
      new TableDef(
          Layer.GOLD,
          "account_health_inputs_daily",
          "The inputs behind account_health_daily: per account, day and scorecard input the raw"
              + " signal value, its thresholds, scaled score and staleness; an input with no value"
              + " that day has no row (NA)",
          List.of(
              new ColumnDef("account_id", StringType, "Account"),
              new ColumnDef("day", DateType, "UTC day d"),
              new ColumnDef("month", DateType, "First day of the day's month: the partition"),
              new ColumnDef(
                  "segment", StringType, "Segment of the account on d; picks the scorecard"),
              new ColumnDef("measure", StringType, "Measure the input belongs to"),
              new ColumnDef("signal", StringType, "Signal column of the input"),
              new ColumnDef("value", DoubleType, "Signal value in force on d"),
              new ColumnDef("observed_on", DateType, "Day the value was last observed"),
              new ColumnDef("red", DoubleType, "Value scoring 0"),
              new ColumnDef("green", DoubleType, "Value scoring 100"),
              new ColumnDef("input_weight", DoubleType, "Weight of the input within its measure"),
              new ColumnDef(
                  "input_score",
                  DoubleType,
                  "(value − red) × 100 / (green − red), clamped to 0..100"),
              new ColumnDef(
                  "is_stale",
                  BooleanType,
                  "observed_on is more than the measure's stale-days before d"),
              new ColumnDef("scorecard_version", StringType, "Version of the scorecard used")),
          List.of("month"));

  public static final TableDef HEALTH_OVERRIDES =
      new TableDef(
          Layer.GOLD,
          "health_overrides",
          "CSM overrides of the health score (pulse override), one row per account: the latest"
              + " override set for it, cleared or not; shown beside the computed score until it"
              + " expires",
          List.of(
              new ColumnDef("account_id", StringType, "Account"),
              new ColumnDef("override_score", IntegerType, "Score pinned by the CSM, 0-100"),
              new ColumnDef("override_reason", StringType, "Why, as the CSM wrote it; not empty"),
              new ColumnDef(
                  "override_expires_on",
                  DateType,
                  "Last day the override applies (inclusive); not before the day it was set"),
              new ColumnDef(
                  "set_by", StringType, "User who set it (USER or USERNAME of the environment)"),
              new ColumnDef("set_at", TimestampType, "When it was set (UTC)"),
              new ColumnDef(
                  "cleared_at",
                  TimestampType,
                  "When pulse override --clear ended it (UTC); null while not cleared")),
          List.of());

  static final List<TableDef> ALL =
      List.of(ACCOUNT_HEALTH_DAILY, ACCOUNT_HEALTH_INPUTS_DAILY, HEALTH_OVERRIDES);

  private static List<ColumnDef> scoreColumns() {
    List<ColumnDef> c = new ArrayList<>();
    c.add(new ColumnDef("account_id", StringType, "Account"));
    c.add(new ColumnDef("day", DateType, "UTC day d"));
    c.add(new ColumnDef("month", DateType, "First day of the day's month: the partition"));
    c.add(
        new ColumnDef(
            "segment",
            StringType,
            "Segment of the account on d: its scorecard entry applies, else the default"));
    for (Measure m : Measure.values()) {
      String group = m.group().key();
      c.add(
          new ColumnDef(
              m.key() + "_score",
              DoubleType,
              m.key()
                  + " 0-100: weighted mean of its present inputs' scaled scores; null when none"
                  + " has a value (NA)"));
      c.add(new ColumnDef(m.key() + "_is_na", BooleanType, m.key() + " has no input value on d"));
      c.add(
          new ColumnDef(
              m.key() + "_is_stale",
              BooleanType,
              "An input of "
                  + m.key()
                  + " was last observed more than its stale-days before d (still used); false"
                  + " when NA"));
      c.add(
          new ColumnDef(
              m.key() + "_contribution",
              DoubleType,
              "Health points from "
                  + m.key()
                  + ": its weight × score / Σ weights of the present "
                  + group
                  + " measures × the "
                  + group
                  + " group's share of the present group weights; the present measures'"
                  + " contributions sum to the unrounded health score; null when NA"));
    }
    c.add(
        new ColumnDef(
            "outcome_score",
            DoubleType,
            "Weighted mean of the present outcome measures (deployment, engagement, adoption,"
                + " roi), 0-100; null when all are NA"));
    c.add(
        new ColumnDef(
            "experience_score",
            DoubleType,
            "Weighted mean of the present experience measures (overall_experience,"
                + " support_experience, sentiment), 0-100; null when all are NA"));
    c.add(
        new ColumnDef(
            "health_score",
            IntegerType,
            "Weighted mean of the present group scores (default 0.6 outcome, 0.4 experience),"
                + " rounded HALF_UP to an integer 0-100; one group alone when the other is NA;"
                + " null only when every measure is NA"));
    c.add(
        new ColumnDef(
            "band",
            StringType,
            "red (0..50), yellow (51..75) or green (76..100) of health_score, limits from the"
                + " scorecard; null when health_score is null"));
    c.add(
        new ColumnDef(
            "quadrant",
            StringType,
            "success (outcome ≥ t, experience ≥ t), hollow_experience (experience ≥ t, outcome"
                + " < t), at_risk_experience (outcome ≥ t, experience < t), failing (both < t);"
                + " t the scorecard's quadrant-threshold (60); null when a group is NA"));
    c.add(new ColumnDef("scorecard_version", StringType, "Version of the scorecard used"));
    return c;
  }

  private static List<ColumnDef> trendColumns() {
    List<ColumnDef> c = new ArrayList<>();
    c.add(
        new ColumnDef(
            "score_change_7d",
            IntegerType,
            "health_score − health_score of d−7; null when either is null or d−7 has no row"));
    c.add(
        new ColumnDef(
            "score_change_30d",
            IntegerType,
            "health_score − health_score of d−30; null when either is null or d−30 has no row"));
    for (Measure m : Measure.values()) {
      c.add(
          new ColumnDef(
              m.key() + "_contribution_change_30d",
              DoubleType,
              m.key()
                  + "_contribution − its value on d−30 (what the measure added to or took from"
                  + " the score); null when either is null"));
    }
    return c;
  }

  private static List<ColumnDef> concat(List<ColumnDef> a, List<ColumnDef> b) {
    List<ColumnDef> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
