package io.pulse.jobs.cohorts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.table.RowChecks;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks the cohort tables must pass before they are published: one row per cohort month,
 * segment and offset; offsets never negative; retained accounts within 0..cohort accounts; logo
 * retention within 0..1; the {@code all} rows the sum of the segments' rows. Revenue cohorts also:
 * revenue retention never negative, and at offset 0 every account retained (an account's cohort is
 * a month in which it pays).
 */
public final class CohortsChecks {
  private CohortsChecks() {}

  /** cohort_retention_monthly: one line per broken check, with its offending keys. */
  public static List<String> revenueViolations(Dataset<Row> cohorts) {
    Column notWholeAtStart =
        col("months_since")
            .equalTo(0)
            .and(
                col("retained_accounts")
                    .notEqual(col("cohort_accounts"))
                    .or(col("retained_mrr").notEqual(col("cohort_mrr"))));
    return violations(
        cohorts,
        cellRules()
            .rule("negative revenue_retention", col("revenue_retention").lt(0))
            .rule("not every account retained at months_since 0", notWholeAtStart),
        List.of("cohort_accounts", "retained_accounts", "cohort_mrr", "retained_mrr"));
  }

  /** usage_cohort_retention_monthly: one line per broken check, with its offending keys. */
  public static List<String> usageViolations(Dataset<Row> cohorts) {
    return violations(cohorts, cellRules(), List.of("cohort_accounts", "retained_accounts"));
  }

  /** The rules of every cohort row, whatever the table. */
  private static RowChecks cellRules() {
    Column retained = col("retained_accounts");
    Column logo = col("logo_retention");
    return RowChecks.keyedBy("cohort_month", "segment", "months_since")
        .rule("negative months_since", col("months_since").lt(0))
        .rule(
            "retained_accounts outside 0..cohort_accounts",
            retained.lt(0).or(retained.gt(col("cohort_accounts"))))
        .rule("logo_retention outside 0..1", logo.lt(0).or(logo.gt(1)));
  }

  /** The row rules, then the {@code all} rows against their segments' sums of {@code additive}. */
  private static List<String> violations(
      Dataset<Row> cohorts, RowChecks rowRules, List<String> additive) {
    List<String> problems = new ArrayList<>(rowRules.violations(cohorts));
    problems.addAll(
        RowChecks.keyedBy("cohort_month", "months_since")
            .rule("all is not the sum of the segments", allDiffers(additive))
            .violations(sumsPerCell(cohorts, additive)));
    return problems;
  }

  /**
   * One row per cohort month and offset: for each additive column, the sum over its {@code all}
   * rows ({@code _all_<name>}) and over its segment rows ({@code _segments_<name>}).
   */
  private static Dataset<Row> sumsPerCell(Dataset<Row> cohorts, List<String> additive) {
    Column isAll = col("segment").equalTo(CohortMonths.ALL);
    List<Column> sums = new ArrayList<>();
    for (String name : additive) {
      sums.add(sum(when(isAll, col(name))).as("_all_" + name));
      sums.add(sum(when(not(isAll), col(name))).as("_segments_" + name));
    }
    return cohorts
        .groupBy("cohort_month", "months_since")
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
  }

  /** A cell whose all sum differs from its segments' sum in any column (two nulls are equal). */
  private static Column allDiffers(List<String> additive) {
    Column differs = lit(false);
    for (String name : additive) {
      differs = differs.or(not(col("_all_" + name).eqNullSafe(col("_segments_" + name))));
    }
    return differs;
  }
}
