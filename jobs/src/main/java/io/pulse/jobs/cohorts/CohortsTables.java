package io.pulse.jobs.cohorts;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DecimalType;

/** The gold cohort tables, each column documented (METRICS.md §3, C1-C2). */
public final class CohortsTables {
  private CohortsTables() {}

  /** Money, as everywhere in Pulse and in fct_mrr_monthly.mrr: decimal(18,4). */
  static final DecimalType MONEY = new DecimalType(18, 4);

  /** The columns both tables start with: the key, the calendar month and how it was measured. */
  private static List<ColumnDef> cell(String cohort, String segment) {
    return List.of(
        new ColumnDef("cohort_month", DateType, cohort),
        new ColumnDef("segment", StringType, segment),
        new ColumnDef("months_since", IntegerType, "Offset k ≥ 0: month = cohort_month + k"),
        new ColumnDef("month", DateType, "First day of the month measured, cohort_month + k"),
        new ColumnDef(
            "as_of_day",
            DateType,
            "Last day the month is measured through: its last day, or the run date D for D's"
                + " month (C1)"),
        new ColumnDef(
            "is_partial_month",
            BooleanType,
            "as_of_day is before the month's last day: D's month, measured as of D"));
  }

  private static List<ColumnDef> concat(List<ColumnDef> first, ColumnDef... rest) {
    List<ColumnDef> all = new ArrayList<>(first);
    all.addAll(List.of(rest));
    return all;
  }

  public static final TableDef REVENUE_COHORTS =
      new TableDef(
          Layer.GOLD,
          "cohort_retention_monthly",
          "Logo and revenue retention of the paying cohorts per cohort month, segment (and all)"
              + " and month since, up to the run date's month (METRICS.md §3)",
          concat(
              cell(
                  "First month whose end (D for D's month) has the account's MRR > 0; reactivated"
                      + " accounts stay in it",
                  "Segment of the account at the end of the cohort month (C1), or all"),
              new ColumnDef("cohort_accounts", LongType, "Accounts of the cohort"),
              new ColumnDef(
                  "retained_accounts",
                  LongType,
                  "Accounts of the cohort with MRR > 0 at the end of month (D for D's month)"),
              new ColumnDef(
                  "logo_retention", DoubleType, "retained_accounts / cohort_accounts, 0..1"),
              new ColumnDef(
                  "cohort_mrr", MONEY, "The cohort accounts' MRR at the end of the cohort month"),
              new ColumnDef(
                  "retained_mrr",
                  MONEY,
                  "The cohort accounts' MRR at the end of month (D for D's month)"),
              new ColumnDef(
                  "revenue_retention",
                  DoubleType,
                  "retained_mrr / cohort_mrr; above 1 when expansion outweighs churn")),
          List.of());

  public static final TableDef USAGE_COHORTS =
      new TableDef(
          Layer.GOLD,
          "usage_cohort_retention_monthly",
          "Usage retention of every CRM account by signup month, segment (and all) and month"
              + " since, up to the run date's month (METRICS.md §3, C2)",
          concat(
              cell(
                  "Month of created_at of the account's latest CRM version (C2)",
                  "Segment of the account at the end of the signup month, or all"),
              new ColumnDef("cohort_accounts", LongType, "Accounts created in the cohort month"),
              new ColumnDef(
                  "retained_accounts",
                  LongType,
                  "Accounts of the cohort with ≥ 1 active user (≥ 1 usage event) in month, through"
                      + " as_of_day; null when month starts before the first day of usage data"),
              new ColumnDef(
                  "logo_retention",
                  DoubleType,
                  "retained_accounts / cohort_accounts, 0..1; null when retained_accounts is")),
          List.of());

  static final List<TableDef> ALL = List.of(REVENUE_COHORTS, USAGE_COHORTS);
}
