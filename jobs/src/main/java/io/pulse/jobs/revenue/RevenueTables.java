package io.pulse.jobs.revenue;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.util.List;
import org.apache.spark.sql.types.DecimalType;

/** The gold revenue tables, each column documented (METRICS.md §1-2). */
public final class RevenueTables {
  private RevenueTables() {}

  private static final DecimalType MONEY = SubscriptionVersions.MONEY;

  public static final TableDef SUBSCRIPTION_VERSION =
      new TableDef(
          Layer.GOLD,
          "fct_subscription_version",
          "One row per current subscription version with its MRR in the reporting currency",
          List.of(
              new ColumnDef("subscription_id", StringType, "Subscription key"),
              new ColumnDef("account_id", StringType, "Paying account"),
              new ColumnDef("plan_id", StringType, "Plan"),
              new ColumnDef("currency", StringType, "Currency of the prices"),
              new ColumnDef("billing_interval", StringType, "month, quarter or year"),
              new ColumnDef("interval_months", IntegerType, "1, 3 or 12"),
              new ColumnDef("quantity", IntegerType, "Seats or units"),
              new ColumnDef("unit_price", MONEY, "Price per unit per interval, in currency"),
              new ColumnDef("discount_pct", MONEY, "Discount in percent; null is none"),
              new ColumnDef("is_trial", BooleanType, "Trial version: MRR 0"),
              new ColumnDef("valid_from", TimestampType, "Start of validity (UTC, inclusive)"),
              new ColumnDef(
                  "valid_to",
                  TimestampType,
                  "End of validity (UTC, exclusive); null while current"),
              new ColumnDef(
                  "fx_rate",
                  SubscriptionVersions.RATE,
                  "Reporting currency per unit of currency, at valid_from's UTC date (R2)"),
              new ColumnDef(
                  "mrr",
                  MONEY,
                  "quantity × unit_price × (1 − discount/100) / interval_months × fx_rate, rounded once HALF_UP (R1)")),
          List.of());

  public static final TableDef MRR_MONTHLY =
      new TableDef(
          Layer.GOLD,
          "fct_mrr_monthly",
          "Account × month MRR at month end (the current month as of the run date) and its movement",
          List.of(
              new ColumnDef("account_id", StringType, "Account"),
              new ColumnDef("month", DateType, "First day of the month"),
              new ColumnDef(
                  "segment",
                  StringType,
                  "Segment as of the month's end (R6); unknown before the first CRM version"),
              new ColumnDef("mrr", MONEY, "MRR at the month's end"),
              new ColumnDef("prev_mrr", MONEY, "MRR at the previous month's end"),
              new ColumnDef(
                  "movement_type",
                  StringType,
                  "new, reactivation, expansion, contraction or churn; null when unchanged"),
              new ColumnDef(
                  "movement_amount", MONEY, "mrr − prev_mrr: negative for contraction and churn")),
          List.of());

  public static final TableDef KPI_MONTHLY =
      new TableDef(
          Layer.GOLD,
          "kpi_monthly",
          "Revenue KPIs per month and segment, segment 'all' for the whole business (METRICS.md §2)",
          List.of(
              new ColumnDef("month", DateType, "First day of the month"),
              new ColumnDef("segment", StringType, "Segment, or all"),
              new ColumnDef("mrr_start", MONEY, "MRR at the end of the previous month (S)"),
              new ColumnDef("new_mrr", MONEY, "MRR of new accounts (N)"),
              new ColumnDef("reactivation_mrr", MONEY, "MRR of reactivated accounts (R)"),
              new ColumnDef("expansion_mrr", MONEY, "Expansion (E)"),
              new ColumnDef("contraction_mrr", MONEY, "Contraction, negative (C)"),
              new ColumnDef("churn_mrr", MONEY, "Churned MRR, negative (X)"),
              new ColumnDef("mrr_end", MONEY, "MRR at the month's end = mrr_start + all movements"),
              new ColumnDef(
                  "customers_start",
                  LongType,
                  "Accounts with MRR > 0 at the previous month's end (A0)"),
              new ColumnDef("customers_end", LongType, "Accounts with MRR > 0 at the month's end"),
              new ColumnDef("new_customers", LongType, "Accounts with a new movement"),
              new ColumnDef("churned_customers", LongType, "Accounts with a churn movement"),
              new ColumnDef(
                  "reactivated_customers", LongType, "Accounts with a reactivation movement"),
              new ColumnDef("logo_churn_rate", DoubleType, "churned_customers / customers_start"),
              new ColumnDef("gross_mrr_churn_rate", DoubleType, "(|C| + |X|) / S"),
              new ColumnDef(
                  "net_mrr_churn_rate", DoubleType, "(|C| + |X| − E) / S; may be negative"),
              new ColumnDef("grr", DoubleType, "(S − |C| − |X|) / S"),
              new ColumnDef("nrr", DoubleType, "(S + E − |C| − |X|) / S"),
              new ColumnDef("arpa", MONEY, "mrr_end / customers_end, HALF_UP"),
              new ColumnDef(
                  "ltv",
                  MONEY,
                  "Mean ARPA / mean logo churn rate over the trailing months that have one (R7)"),
              new ColumnDef("quick_ratio", DoubleType, "(N + R + E) / (|C| + |X|)")),
          List.of());

  public static final TableDef DIM_ACCOUNT =
      new TableDef(
          Layer.GOLD,
          "dim_account",
          "CRM accounts as a type 2 slowly changing dimension: one row per version of the tracked attributes",
          List.of(
              new ColumnDef("account_id", StringType, "Account key in the CRM"),
              new ColumnDef("account_name", StringType, "Account display name"),
              new ColumnDef(
                  "parent_account_id",
                  StringType,
                  "Parent account key; null for top-level accounts"),
              new ColumnDef("segment", StringType, "smb, mid_market or enterprise"),
              new ColumnDef("industry", StringType, "Industry"),
              new ColumnDef("region", StringType, "Sales region"),
              new ColumnDef("country", StringType, "ISO country code"),
              new ColumnDef(
                  "csm_owner", StringType, "Customer success manager who owns the account"),
              new ColumnDef("created_at", TimestampType, "When the account was created (UTC)"),
              new ColumnDef(
                  "valid_from",
                  TimestampType,
                  "updated_at of the first CRM snapshot with these values (UTC, inclusive)"),
              new ColumnDef(
                  "valid_to",
                  TimestampType,
                  "valid_from of the next version (UTC, exclusive); null while current"),
              new ColumnDef("is_current", BooleanType, "The account's latest version")),
          List.of());

  public static final TableDef DIM_PLAN =
      new TableDef(
          Layer.GOLD,
          "dim_plan",
          "Price plans, the latest delivered version of each",
          List.of(
              new ColumnDef("plan_id", StringType, "Plan key"),
              new ColumnDef("plan_name", StringType, "Display name"),
              new ColumnDef("product", StringType, "Product"),
              new ColumnDef("tier", StringType, "Tier within the product"),
              new ColumnDef("billing_interval", StringType, "month, quarter or year"),
              new ColumnDef("list_price", MONEY, "List price per unit per interval, in currency"),
              new ColumnDef("currency", StringType, "ISO currency of the list price"),
              new ColumnDef(
                  "is_per_seat",
                  BooleanType,
                  "Priced per seat: its quantity counts as seats (U2)")),
          List.of());

  public static final TableDef MRR_DAILY =
      new TableDef(
          Layer.GOLD,
          "fct_mrr_daily",
          "Account × day MRR at the end of the day, for the days on which a version of the account is active (R4)",
          List.of(
              new ColumnDef("account_id", StringType, "Account"),
              new ColumnDef("day", DateType, "UTC day"),
              new ColumnDef("month", DateType, "First day of day's month: the partition"),
              new ColumnDef(
                  "mrr",
                  MONEY,
                  "Sum of the MRR of the account's versions active at the end of the day (0 when only trials)")),
          List.of("month"));

  public static final TableDef QUARANTINE =
      new TableDef(
          Layer.GOLD,
          "revenue_quarantine",
          "Subscription versions left out of MRR, with the reason (no_fx_rate: R2)",
          List.of(
              new ColumnDef("subscription_id", StringType, "Subscription key"),
              new ColumnDef("valid_from", TimestampType, "Version start"),
              new ColumnDef("currency", StringType, "Currency of the version"),
              new ColumnDef("reason", StringType, "no_fx_rate"),
              new ColumnDef("run_id", StringType, "Revenue run")),
          List.of());

  static final List<TableDef> ALL =
      List.of(
          SUBSCRIPTION_VERSION,
          MRR_MONTHLY,
          KPI_MONTHLY,
          QUARANTINE,
          DIM_ACCOUNT,
          DIM_PLAN,
          MRR_DAILY);
}
