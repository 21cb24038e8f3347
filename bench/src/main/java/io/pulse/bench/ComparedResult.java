package io.pulse.bench;

import io.pulse.bench.ResultComparer.Columns;
import java.util.List;

/**
 * A gold result computed twice: by the Pulse jobs (read from the gold table's current Parquet
 * files, rows kept by {@code sparkFilter}) and by DuckDB (the SQL files of bench/duckdb, run in
 * order; the last makes {@code duck_<name>}).
 *
 * @param sqlFiles the files whose run time is DuckDB's time for it (its inputs made by DuckDB too)
 * @param sparkJobs the jobs whose backfill step time is Spark's time for it
 */
public record ComparedResult(
    String name,
    String goldTable,
    String sparkFilter,
    List<String> sqlFiles,
    List<String> sparkJobs,
    Columns columns) {

  /** The DuckDB table the last SQL file makes. */
  public String duckTable() {
    return "duck_" + name;
  }

  /** The view over the gold table's files. */
  public String sparkView() {
    return "spark_" + goldTable;
  }

  /** What the bench compares (METRICS.md §1-4). */
  public static final List<ComparedResult> ALL =
      List.of(
          new ComparedResult(
              "fct_mrr_monthly",
              "fct_mrr_monthly",
              "true",
              List.of("accepted_versions", "fct_mrr_monthly"),
              List.of("revenue"),
              new Columns(
                  List.of("account_id", "month"),
                  List.of("segment", "mrr", "prev_mrr", "movement_type", "movement_amount"),
                  List.of())),
          new ComparedResult(
              "kpi_monthly",
              "kpi_monthly",
              "segment = 'all'",
              List.of("accepted_versions", "fct_mrr_monthly", "kpi_monthly"),
              List.of("revenue"),
              new Columns(
                  List.of("month", "segment"),
                  List.of(
                      "mrr_start",
                      "new_mrr",
                      "reactivation_mrr",
                      "expansion_mrr",
                      "contraction_mrr",
                      "churn_mrr",
                      "mrr_end",
                      "customers_start",
                      "customers_end",
                      "new_customers",
                      "churned_customers",
                      "reactivated_customers",
                      "arpa",
                      "ltv"),
                  List.of(
                      "logo_churn_rate",
                      "gross_mrr_churn_rate",
                      "net_mrr_churn_rate",
                      "grr",
                      "nrr",
                      "quick_ratio"))),
          // Spark's cohorts job reads gold.fct_mrr_monthly, as this file reads DuckDB's
          new ComparedResult(
              "cohort_retention_monthly",
              "cohort_retention_monthly",
              "segment = 'all'",
              List.of("cohort_retention_monthly"),
              List.of("cohorts"),
              new Columns(
                  List.of("cohort_month", "segment", "months_since"),
                  List.of(
                      "month",
                      "as_of_day",
                      "is_partial_month",
                      "cohort_accounts",
                      "retained_accounts",
                      "cohort_mrr",
                      "retained_mrr"),
                  List.of("logo_retention", "revenue_retention"))),
          // the usage job writes every usage signal of §4; only MAU is computed again
          new ComparedResult(
              "fct_account_usage_daily",
              "fct_account_usage_daily",
              "mau > 0",
              List.of("fct_account_usage_daily"),
              List.of("usage"),
              new Columns(List.of("account_id", "day"), List.of("mau"), List.of())));

  /** The silver tables the SQL files read, as views {@code silver_<name>}. */
  public static final List<String> SILVER_INPUTS =
      List.of("subscriptions", "fx_rates", "accounts", "usage_events");

  /** Every SQL file, each once, in run order. */
  public static List<String> sqlFilesInOrder() {
    return ALL.stream().flatMap(r -> r.sqlFiles().stream()).distinct().toList();
  }
}
