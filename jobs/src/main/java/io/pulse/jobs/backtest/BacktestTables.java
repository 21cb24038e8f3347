package io.pulse.jobs.backtest;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.util.List;

/** The health score backtest table (METRICS.md §10); {@link BacktestJob} writes it. */
public final class BacktestTables {
  private BacktestTables() {}

  public static final TableDef HEALTH_BACKTEST =
      new TableDef(
          Layer.GOLD,
          "health_backtest",
          "Health score backtest per month end m and group (all, each band, each quadrant): the"
              + " paying accounts scored on m, how many churned (MRR 0 at the end of a day of the"
              + " horizon after m), the churn rate, its lift over the month end's base rate, and"
              + " the AUC of (100 − health score) against churn",
          List.of(
              new ColumnDef("month_end", DateType, "Month end m: the day the scores are read"),
              new ColumnDef("group_type", StringType, "all, band or quadrant"),
              new ColumnDef(
                  "group_value",
                  StringType,
                  "all; the band (red, yellow, green); or the quadrant (success,"
                      + " hollow_experience, at_risk_experience, failing)"),
              new ColumnDef(
                  "accounts",
                  LongType,
                  "Accounts with a health score on m (paying at the end of m) in the group; 0 when"
                      + " none"),
              new ColumnDef(
                  "churned_accounts",
                  LongType,
                  "Of them, those with MRR 0 at the end of at least one day of (m, m +"
                      + " horizon_days]"),
              new ColumnDef(
                  "churn_rate", DoubleType, "churned_accounts / accounts; null when accounts = 0"),
              new ColumnDef(
                  "lift",
                  DoubleType,
                  "churn_rate / the churn_rate of the month end's all row; null when either is"
                      + " null or the base rate is 0"),
              new ColumnDef(
                  "auc",
                  DoubleType,
                  "all row only: AUC of (100 − health_score) against churn, Mann-Whitney with"
                      + " average ranks for ties (0.5 = no better than chance); null when no"
                      + " account or every account churned"),
              new ColumnDef(
                  "mean_health_score", DoubleType, "Mean health score of the group's accounts"),
              new ColumnDef(
                  "horizon_days",
                  IntegerType,
                  "Days after m in which a churn counts (pulse.backtest.horizon-days)"),
              new ColumnDef(
                  "scorecard_version",
                  StringType,
                  "Scorecard version(s) of the scores read on m, comma-separated when several")),
          List.of());
}
